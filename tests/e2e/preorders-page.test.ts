import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { buildPriceListXlsx } from '../../src-main/kaspi/price-list-file';
import { useE2EBrowser } from './support/e2e-browser';
import { call } from '../support/call-app';
import { startTestHeadless } from '../support/headless';
import { pointAppAtSim } from '../support/app-on-sim';
import { useTempDir } from '../support/temp-dir';
import { SCENARIO_CREDENTIALS, startKaspiSim } from '../sim/kaspi';
import { offersRequest } from '../integration/sim/helpers';
import { FAST_PREORDERS } from '../integration/preorders/support/preorders-on-sim';

const tempDir = useTempDir();
const browser = useE2EBrowser();

const ARTIFACTS = 'test-artifacts/pages';
const UID = '30000001';
const LENOVO = '100000006_900000006';
const JBL = '100000005_900000005';

async function shot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

describe('the Pre-orders page, in a real browser', () => {
  it('adds products in bulk, edits days inline, imports a file with a bad row, sends, and shows the status becoming active, in Russian and English', async () => {
    const sim = await startKaspiSim({ scenario: 'small', seed: 1, timeScale: 0.001 });
    sim.setLimits({ offers: { maxPerWindow: 10_000 } });
    const dir = tempDir();
    const headless = await startTestHeadless(dir, { autoStartDemper: false, autoStartOrders: false, preorderOverrides: FAST_PREORDERS });
    const { app } = headless;
    const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
    try {
      await pointAppAtSim(app, sim);
      const creds = SCENARIO_CREDENTIALS.small;
      const { accountId } = await call<{ accountId: number }>(app, 'stores.login', { loginId: 'e2e-preorders-login', credentials: { method: 'email', login: creds.owner.email, password: creds.owner.password } });
      const [store] = await call<Array<{ id: number }>>(app, 'stores.add', { accountId, merchantUids: [UID] });
      await call(app, 'stores.sync', { storeId: store!.id });

      await page.goto(headless.bridge.url);
      await page.getByTestId('nav-preorders').click();
      await expect.poll(() => page.getByTestId('preorders-empty').textContent()).toMatch(/Предзаказов пока нет/);

      // Bulk add: two products, 12 days at every point.
      await page.getByTestId('preorders-add').click();
      await page.getByTestId(`add-${LENOVO}`).check();
      await page.getByTestId(`add-${JBL}`).check();
      await page.getByTestId('preorder-add-days').fill('12');
      await page.getByTestId('preorder-add-apply').click();
      await page.getByTestId(`preorder-${LENOVO}`).waitFor();
      expect(await page.getByTestId(`preorder-${LENOVO}`).getAttribute('data-status')).toBe('draft');
      expect(await page.getByTestId(`preorder-${LENOVO}`).textContent()).toMatch(/Черновик/);

      // Inline: 5 days at PP2 for one of them.
      await page.getByTestId(`days-${LENOVO}-PP2`).fill('5');
      await page.getByTestId(`days-${LENOVO}-PP2`).blur();
      await expect.poll(async () => (await call<Array<{ sku: string; points: Array<{ days: number }> }>>(app, 'preorders.list', {})).find((e) => e.sku === LENOVO)?.points.map((p) => p.days)).toEqual([12, 5]);

      // Import a price list with a bad row (31 days): the preview names it, the good row applies.
      const file = join(dir, 'preorders.xlsx');
      writeFileSync(file, await buildPriceListXlsx([
        { sku: '100000004_900000004', model: 'Sony WH-1000XM5 черный', brand: 'Sony', price: 150_000, points: { PP1: 'yes', PP2: 'yes', PP3: '', PP4: '', PP5: '' }, preorder: 20 },
        { sku: '100000003_900000003', model: 'Xiaomi Redmi Note 13 8/256Gb серый', brand: 'Xiaomi', price: 120_000, points: { PP1: 'yes', PP2: '', PP3: '', PP4: '', PP5: '' }, preorder: 31 },
      ]));
      await page.getByTestId('preorders-import').click();
      await page.getByTestId('preorder-file').setInputFiles(file);
      await expect.poll(() => page.getByTestId('preorder-import-summary').textContent()).toMatch(/применено строк: 1, с ошибками: 1/);
      expect(await page.getByTestId('preorder-row-3').textContent()).toMatch(/Срок предзаказа «31»/);
      await shot(page, 'preorders-import-ru');
      await page.getByTestId('preorder-import-apply').click();
      await page.getByTestId('preorder-import-result').waitFor();
      await page.getByRole('button', { name: 'Закрыть' }).last().click();
      await page.getByTestId('preorder-100000004_900000004').waitFor();

      // Send all three; the status becomes active once Kaspi shows the change.
      await page.getByTestId('preorders-select-all').check();
      await page.getByTestId('preorders-send').click();
      for (const sku of [LENOVO, JBL, '100000004_900000004']) {
        await expect.poll(() => page.getByTestId(`preorder-${sku}`).getAttribute('data-status'), { timeout: 30_000 }).toBe('active');
      }
      expect(await page.getByTestId(`preorder-${LENOVO}`).textContent()).toMatch(/Активен/);
      await shot(page, 'preorders-ru');

      // The storefront shows the pre-order: Astana is served from PP2, 5 days.
      const storefront = (await (await offersRequest(sim, '100000006', { cityId: '710000000' })).json()) as { offers: Array<{ merchantId: string; preorder: number; delivery: string }> };
      const ours = storefront.offers.find((o) => o.merchantId === UID);
      expect(ours?.preorder).toBe(5);
      expect(Math.round((Date.parse(ours!.delivery) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000)).toBe(5);

      // Filter by status, then by point.
      await page.getByTestId('preorders-status').selectOption('active');
      await expect.poll(() => page.getByTestId('preorders-table').locator('tbody tr').count()).toBe(3);
      await page.getByTestId('preorders-status').selectOption('draft');
      await expect.poll(() => page.getByTestId('preorders-empty').isVisible()).toBe(true);
      await page.getByTestId('preorders-status').selectOption('');
      await page.getByTestId('preorders-point').selectOption(`${UID}_PP2`);
      await expect.poll(() => page.getByTestId('preorders-table').locator('tbody tr').count()).toBe(3);

      // English.
      await page.getByTestId('language-switch').selectOption('en');
      await expect.poll(() => page.getByTestId(`preorder-${LENOVO}`).textContent()).toMatch(/Active/);
      expect(await page.locator('h1').first().textContent()).toBe('Pre-orders');
      await shot(page, 'preorders-en');

      // The Demper page shows both users of the account's change budget, the demper stopped or not.
      await page.getByTestId('nav-demper').click();
      await expect.poll(() => page.getByTestId(`budget-users-${store!.id}`).textContent()).toMatch(/prices — 0, pre-orders and stock — 3 of \d+/);
      await shot(page, 'demper-budget-en');

    } finally {
      await headless.close();
      await sim.close();
    }
  }, 120_000);
});
