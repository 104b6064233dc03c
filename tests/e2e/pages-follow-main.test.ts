import { describe, expect, it } from 'vitest';
import { startTestHeadless } from '../support/headless';
import { useTempDir } from '../support/temp-dir';
import { useE2EBrowser } from './support/e2e-browser';
import type { CallInput, CallName, CallOutput } from '../../src-shared/contract';
import type { Headless } from '../../src-main/shells/headless/start-headless';
import { flipSwitch } from './support/flip-switch';

const tempDir = useTempDir();
const browser = useE2EBrowser();

/** A change made elsewhere (another window, the tray, the API): through main's dispatcher, never through the page. */
async function elsewhere<N extends CallName>(headless: Headless, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await headless.app.dispatcher.dispatch(name, input, { shell: 'test' });
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as CallOutput<N>;
}

describe('open pages follow what changes in main, without a reload', () => {
  it('shows a proxy, the proxy budget, the demper settings and a backup made elsewhere, and a form save keeps the dry-run switch', async () => {
    const headless = await startTestHeadless(tempDir());
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      await page.goto(headless.bridge.url);

      // Proxies: a proxy added and the per-IP budget changed elsewhere appear on the open page.
      await page.getByTestId('nav-proxies').click();
      await page.getByTestId('proxies-empty').waitFor();
      await elsewhere(headless, 'proxies.add', { protocol: 'http', host: '127.0.0.1', port: 3128, username: null, password: null, label: 'from the API', storeId: null });
      await expect.poll(() => page.getByTestId('proxy-row').count()).toBe(1);
      expect(await page.getByTestId('proxy-row').first().getAttribute('data-port')).toBe('3128');
      await expect.poll(() => page.getByTestId('proxies-empty').count()).toBe(0);
      await elsewhere(headless, 'proxies.settings.update', { offersPerSecond: 3.5 });
      await expect.poll(() => page.getByTestId('proxy-budget').inputValue()).toBe('3.5');

      // Demper: the same budget is the demper's per-IP rate; a change elsewhere shows in the open form.
      await page.getByTestId('nav-demper').click();
      await page.getByTestId('demper-settings').locator('summary').click();
      expect(await page.getByTestId('demper-offersPerSecondPerIp').inputValue()).toBe('3.5');
      await elsewhere(headless, 'demper.settings.update', { pushWindowLimit: 7 });
      await expect.poll(() => page.getByTestId('demper-pushWindowLimit').inputValue()).toBe('7');

      // The page's dry-run switch and the form are one setting set: saving the form leaves the switch as flipped.
      expect(await page.getByTestId('dry-run').isChecked()).toBe(true);
      await flipSwitch(page.getByTestId('dry-run'), false);
      await expect.poll(async () => (await elsewhere(headless, 'demper.settings.get', {})).dryRun).toBe(false);
      await page.getByTestId('demper-pushWindowLimit').fill('9');
      await page.getByTestId('demper-settings-save').click();
      await expect.poll(async () => (await elsewhere(headless, 'demper.settings.get', {})).pushWindowLimit).toBe(9);
      expect((await elsewhere(headless, 'demper.settings.get', {})).dryRun).toBe(false);
      expect(await page.getByTestId('dry-run').isChecked()).toBe(false);

      // Settings: a backup made elsewhere joins the open list.
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('backup-settings').waitFor();
      const created = await elsewhere(headless, 'backup.create', {});
      await expect.poll(() => page.getByTestId('backup-settings').locator('li', { hasText: created.name }).count()).toBe(1);
    } finally {
      await headless.close();
    }
  });
});
