import { describe, expect, it } from 'vitest';
import { startTestHeadless } from '../support/headless';
import { pointAppAtSim } from '../support/app-on-sim';
import { FAST_ENGINE } from '../support/demper-on-sim';
import { useTempDir } from '../support/temp-dir';
import { startKaspiSim } from '../sim/kaspi';
import { screenshotEveryPage } from './support/page-walk';
import { useE2EBrowser } from './support/e2e-browser';
import { flipSwitch } from './support/flip-switch';

const tempDir = useTempDir();
const browser = useE2EBrowser();

describe("a seller's first day, in a real browser against the simulator", () => {
  it('connects a store, imports rules with bad rows, runs the demper dry, then live, and sees the change explained', async () => {
    const sim = await startKaspiSim({ scenario: 'small', seed: 5, timeScale: 0.001 });
    const headless = await startTestHeadless(tempDir(), { engineOverrides: FAST_ENGINE });
    await pointAppAtSim(headless.app, sim);
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    try {
      await page.goto(headless.bridge.url);

      // 1. Connect the store and sync.
      await page.getByTestId('nav-stores').click();
      await page.getByTestId('connect-store-open').click();
      await page.getByTestId('login-field').fill('owner@small.test');
      await page.getByTestId('password-field').fill('small-pass-1');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('add-stores').click({ timeout: 30_000 });
      const card = page.getByTestId('store-30000001');
      await card.getByTestId('sync').click();
      await card.getByTestId('sync-result').waitFor({ timeout: 30_000 });

      // 2. Import rules: two good rows, three bad ones.
      await page.getByTestId('nav-products').click();
      await page.getByTestId('import-csv').click();
      const csv = [
        'Артикул;Минимальная цена;Максимальная цена;Бот',
        '100000001_900000001;390 000;420 000;да',
        '100000006_900000006;290000;310000;да',
        '100000002_900000002;-5;200000;да',
        '100000003_900000003;105000,5;;да',
        'NO-SUCH-SKU;1000;2000;да',
      ].join('\r\n');
      await page.getByTestId('csv-file').setInputFiles({ name: 'правила.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
      await page.getByTestId('csv-summary').waitFor();
      expect(await page.getByTestId('csv-row-4').textContent()).toMatch(/отрицательн|меньше|не может/i);
      expect(await page.getByTestId('csv-row-6').textContent()).toMatch(/не найден/i);
      await page.screenshot({ path: 'test-artifacts/csv-preview-ru.png', fullPage: true });
      await page.getByTestId('csv-apply').click();
      await page.getByTestId('csv-result').waitFor();
      expect(await page.getByTestId('csv-result').textContent()).toMatch(/2/);
      await page.getByTestId('csv-result').getByRole('button').click();

      // 3. The demper in dry-run: decisions journalled, nothing pushed.
      await page.getByTestId('nav-demper').click();
      await flipSwitch(page.getByTestId('demper-store-30000001').getByTestId('store-bot'), true);
      expect(await page.getByTestId('dry-run').isChecked()).toBe(true);
      await page.getByTestId('demper-start').click();
      await page.getByTestId('decision-row').first().waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('decision-feed').textContent()).toContain('тест');
      expect(sim.pushes({ merchantUid: '30000001' })).toEqual([]);

      // 4. Live: the price changes on the storefront.
      await flipSwitch(page.getByTestId('dry-run'), false);
      await expect.poll(() => sim.offers('100000001', '750000000').find((o) => o.merchantId === '30000001')?.price, { timeout: 60_000 }).toBe(399_499);
      await expect.poll(() => sim.offers('100000006', '750000000').find((o) => o.merchantId === '30000001')?.price, { timeout: 60_000 }).toBe(310_000);

      // 5. ...and the drawer explains it.
      await page.getByTestId('nav-products').click();
      await page.getByTestId('open-100000001_900000001').click();
      const journal = page.getByTestId('product-journal');
      await expect.poll(async () => (await journal.textContent()) ?? '', { timeout: 30_000 }).toMatch(/399\s499/);
      expect(await journal.textContent()).toMatch(/Снижено до 399\s499\s₸: на 1\s₸ ниже/);
      // What the demper has learnt here: how long first place holds, and its approach.
      expect(await page.getByTestId('hold-insight').textContent()).toMatch(/1-е место держится ~\d+/);
      expect(await page.getByTestId('hold-insight').textContent()).toMatch(/Подход/);
      await page.screenshot({ path: 'test-artifacts/drawer-ru.png', fullPage: true });
      await page.getByTestId('drawer-close').click();

      await screenshotEveryPage(page, 'ru');
      await page.getByTestId('language-switch').selectOption('en');
      await page.getByTestId('nav-stores').filter({ hasText: 'Stores' }).waitFor();
      await screenshotEveryPage(page, 'en');
    } finally {
      await headless.close();
      await sim.close();
    }
  }, 240_000);
});
