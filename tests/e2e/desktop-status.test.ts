import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { PowerEvent } from '../../src-main/power/sleep-guard';
import { fakeUpdater } from '../support/fake-updater';
import { startTestHeadless } from '../support/headless';
import { useTempDir } from '../support/temp-dir';
import { useE2EBrowser } from './support/e2e-browser';

const tempDir = useTempDir();
const browser = useE2EBrowser();

describe('the window tells the seller about sleep and updates (real Chromium, events simulated)', () => {
  it('shows the pause while asleep, the report after it, and "restart to update" that restarts only on the click', async () => {
    let power: (event: PowerEvent) => void = () => undefined;
    const { port: updater, fire: updates } = fakeUpdater();
    const headless = await startTestHeadless(tempDir(), { powerEvents: (emit) => ((power = emit), () => undefined), updater: () => updater });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(headless.bridge.url);
      await page.getByTestId('nav-overview').waitFor();

      power({ type: 'suspend' });
      await expect.poll(() => page.getByTestId('power-paused').textContent()).toContain('Пауза: компьютер спит');
      power({ type: 'resume' });
      await expect.poll(() => page.getByTestId('power-wake-report').textContent()).toMatch(/Компьютер спал 1 мин\. Демпер был остановлен — ничего не пропущено\./);
      expect(await page.getByTestId('power-paused').count()).toBe(0);

      updates({ type: 'available', version: '0.2.0' });
      updates({ type: 'downloaded', version: '0.2.0' });
      await expect.poll(() => page.getByTestId('update-ready').textContent()).toContain('Загружена новая версия 0.2.0');
      expect(updater.quitAndInstall).not.toHaveBeenCalled();
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/desktop-status-ru.png', fullPage: true });

      await page.getByTestId('update-restart').click();
      await expect.poll(() => updater.quitAndInstall.mock.calls.length).toBe(1);
      await expect.poll(() => page.getByTestId('update-ready').textContent()).toContain('Завершаю отправку цен');

      await page.getByTestId('language-switch').selectOption('en');
      await expect.poll(() => page.getByTestId('power-wake-report').textContent()).toContain('The computer slept for 1 min.');

      // The time the connection was lost reads as Kazakhstan writes it, hours and minutes, in every language.
      for (const language of ['kk', 'en', 'ru'] as const) {
        await page.getByTestId('language-switch').selectOption(language);
        power({ type: 'offline' });
        await expect.poll(() => page.getByTestId('power-paused').count()).toBe(1);
        expect(await page.getByTestId('power-paused').textContent()).toMatch(/\b\d{2}:\d{2}\b/);
        expect(await page.getByTestId('power-paused').textContent()).not.toMatch(/AM|PM|\d{2}:\d{2}:\d{2}/);
        power({ type: 'online' });
        await expect.poll(() => page.getByTestId('power-paused').count()).toBe(0);
      }
    } finally {
      await headless.close();
    }
  });

  it('Settings: headless mode says how it is updated instead of offering a channel', async () => {
    const headless = await startTestHeadless(tempDir());
    const page = await browser.newPage();
    try {
      await page.goto(headless.bridge.url);
      await page.getByTestId('nav-settings').click();
      await expect.poll(() => page.getByTestId('update-state').textContent()).toContain('git pull');
      expect(await page.getByTestId('update-channel').count()).toBe(0);
    } finally {
      await headless.close();
    }
  });
});
