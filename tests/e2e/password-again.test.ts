import { describe, expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../support/browser';
import { startTestHeadless } from '../support/headless';
import { simConfig } from '../support/app-on-sim';
import { call } from '../support/call-app';
import { useTempDir } from '../support/temp-dir';
import { startKaspiSim } from '../sim/kaspi';
import { useE2EBrowser } from './support/e2e-browser';

const tempDir = useTempDir();
const browser = useE2EBrowser();

describe('a seller whose login browser changed', () => {
  it('is asked for the Kaspi password before the app signs in again, types it on the store card, and the store works', async () => {
    const dir = tempDir();
    const sim = await startKaspiSim({ scenario: 'small', seed: 4, timeScale: 0.001 });
    // Connected last week with Debian's Chromium.
    const before = await startTestHeadless(dir, simConfig(sim.urls));
    const { accountId } = await call<{ accountId: number }>(before.app, 'stores.login', { loginId: 'login-again-1', credentials: { method: 'email', login: 'owner@small.test', password: 'small-pass-1' } });
    await call(before.app, 'stores.add', { accountId, merchantUids: ['30000001'] });
    await before.close();

    // Restarted with another browser (`--browser`); meanwhile Kaspi ended the session.
    const otherBrowser = join(dir, 'google-chrome');
    symlinkSync(CHROMIUM_PATH, otherBrowser);
    const headless = await startTestHeadless(dir, { ...simConfig(sim.urls), browserPath: otherBrowser });
    sim.expireSessions({ login: 'owner@small.test' });
    const page = await browser.newPage();
    try {
      await page.goto(headless.bridge.url);
      await page.getByTestId('nav-stores').click();
      const card = page.getByTestId('store-30000001');
      await card.getByTestId('sync').click();
      await expect.poll(() => card.getByRole('alert').textContent(), { timeout: 20_000 }).toContain('введёте его снова');
      await expect.poll(() => card.getByTestId('session-status').textContent()).toBe('нужен вход');

      await card.getByTestId('relogin').click();
      await card.getByTestId('relogin-password').fill('small-pass-1');
      await card.getByTestId('relogin-submit').click();
      await expect.poll(() => card.getByTestId('session-status').textContent(), { timeout: 30_000 }).toBe('активна');
      await card.getByTestId('sync').click();
      await card.getByTestId('sync-result').waitFor({ timeout: 20_000 });

      // The browser itself is picked in a file dialog on the desktop; headless says how to set it.
      await page.getByTestId('nav-settings').click();
      await page.getByText('Подключение к Kaspi', { exact: false }).click();
      await page.getByTestId('choose-browser').click();
      await expect.poll(() => page.getByTestId('kaspi-settings-error').textContent()).toContain('--browser');
      expect(await page.content()).not.toContain('small-pass-1');
    } finally {
      await headless.close();
      await sim.close();
    }
  });
});
