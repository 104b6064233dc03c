import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { startTestHeadless } from '../support/headless';
import { pointAppAtSim } from '../support/app-on-sim';
import { useTempDir } from '../support/temp-dir';
import { startKaspiSim } from '../sim/kaspi';
import { useE2EBrowser } from './support/e2e-browser';

const tempDir = useTempDir();
const browser = useE2EBrowser();

describe('a seller connects a store from the dashboard', () => {
  it("signs in, types the code Kaspi e-mailed (an employee's login), adds the store, syncs and sees the products", async () => {
    const sim = await startKaspiSim({ scenario: 'small', seed: 3, timeScale: 0.001 });
    const headless = await startTestHeadless(tempDir());
    await pointAppAtSim(headless.app, sim);
    const page = await browser.newPage();
    try {
      await page.goto(headless.bridge.url);
      await page.getByTestId('nav-stores').click();
      await page.getByText('Магазинов пока нет', { exact: false }).waitFor();
      await page.getByTestId('connect-store-open').click();
      await page.getByTestId('login-field').fill('mfa@small.test');
      await page.getByTestId('password-field').fill('small-pass-2');
      await page.getByTestId('login-submit').click();

      // An e-mail login is an employee's: Kaspi e-mails the code (§1d) and the prompt says so. The
      // code is read the way a test reads the seller's mailbox: from the simulator.
      await page.getByTestId('code-prompt').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('code-title').textContent()).toBe('Kaspi отправил код на e-mail');
      expect(await page.getByTestId('code-prompt').textContent()).toContain('(mfa@small.test)');
      expect(sim.lastSms('mfa@small.test')?.channel).toBe('email');
      await expect.poll(() => sim.lastSmsCode('mfa@small.test')).not.toBeNull();
      await page.getByTestId('code-field').fill(sim.lastSmsCode('mfa@small.test')!);
      await page.getByTestId('code-submit').click();

      await page.getByTestId('merchant-pick').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('merchant-pick').textContent()).toContain('ИП Тестовый магазин');
      await page.getByTestId('add-stores').click();

      const card = page.getByTestId('store-30000001');
      await card.waitFor();
      expect(await card.getByTestId('session-status').textContent()).toBe('активна');
      await card.getByTestId('sync').click();
      await card.getByTestId('sync-result').waitFor({ timeout: 20_000 });
      expect(await card.getByTestId('sync-result').textContent()).toContain('12 товаров');
      expect(await card.getByTestId('product-count').textContent()).toContain('11 в продаже из 12');
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/stores-ru.png', fullPage: true });

      await page.getByTestId('nav-products').click();
      await expect.poll(() => page.getByTestId('product-row').count()).toBe(12);
      await page.getByTestId('product-search').fill('100000009');
      await expect.poll(() => page.getByTestId('product-row').count()).toBe(1);
      await page.screenshot({ path: 'test-artifacts/products-ru.png', fullPage: true });
      expect(await page.content()).not.toContain('small-pass-2');
    } finally {
      await headless.close();
      await sim.close();
    }
  });
});
