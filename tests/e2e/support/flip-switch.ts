import type { Locator } from 'playwright';
import { expect } from 'vitest';

/**
 * Turns a switch that shows main's state (dry run, a store's bot) on or off. Its new state is drawn
 * when the query cache tells React, a task after the click, so Playwright's check(), which reads the
 * box right after clicking, fails now and then on a loaded machine; this waits for the page instead.
 */
export async function flipSwitch(box: Locator, checked: boolean): Promise<void> {
  if ((await box.isChecked()) !== checked) await box.click();
  await expect.poll(() => box.isChecked()).toBe(checked);
}
