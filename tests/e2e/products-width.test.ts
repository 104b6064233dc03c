import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright';
import { launchChromium } from '../support/browser';
import { startTestHeadless } from '../support/headless';
import { useTempDir } from '../support/temp-dir';
import { seedDatabase } from '../integration/rules/seed';

const tempDir = useTempDir();
let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

// SKUs as sellers write them: long article numbers with a colour and a size.
const PRODUCTS = [
  { sku: 'TEFAL-KO-851-30-BLACK-1.7L', title: 'Электрический чайник Tefal KO851830 чёрный, 1.7 л, нержавеющая сталь', rules: { floor: { kind: 'fixed', price: 10_000 }, ceiling: 120_000 }, bot: true, price: 11_000 },
  { sku: 'PHILIPS-GC-4567-20-XL', title: 'Утюг Philips GC4567/20 Azur', rules: { floor: { kind: 'fixed', price: 9_000 } }, price: 109_500 },
  { sku: 'XIAOMI-H300-WHITE-EU', title: 'Фен Xiaomi Mi Ionic H300', price: 5_000 },
];

/** Headers, SKUs and other cells of the products table whose text is cut, as "what: text" (titles may be: their tooltip has them whole). */
const cutCells = () => {
  const cut: string[] = [];
  const headers = [...document.querySelectorAll('[data-testid="products-table"] [role="columnheader"]')];
  for (const cell of headers) if (cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1) cut.push(`header: ${cell.textContent}`);
  for (const sku of document.querySelectorAll('[data-testid="products-table"] .sku-cell')) {
    const cell = sku.closest('[role="cell"]')!;
    if (sku.scrollWidth > sku.clientWidth + 1 || sku.getBoundingClientRect().right > cell.getBoundingClientRect().right + 1) cut.push(`sku: ${sku.textContent}`);
  }
  for (const cell of document.querySelectorAll('[data-testid="product-row"] [role="cell"]')) {
    if (cell.querySelector('.title-cell, .sku-cell')) continue;
    if (cell.scrollWidth > cell.clientWidth + 1) cut.push(`cell: ${cell.textContent}`);
  }
  return cut;
};

describe('the products table at 1280 px', () => {
  it('shows whole SKUs and uncut headers in Russian, Kazakh and English', async () => {
    const dir = tempDir();
    seedDatabase(dir, [{ name: 'Мой магазин', uid: '30000001', products: PRODUCTS }], 'kaspi-demper.db').db.close();
    const headless = await startTestHeadless(dir);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    mkdirSync('test-artifacts', { recursive: true });
    try {
      await page.goto(headless.bridge.url);
      for (const language of ['ru', 'kk', 'en'] as const) {
        if (language !== 'ru') await page.getByTestId('language-switch').selectOption(language);
        await page.getByTestId('nav-products').click();
        await expect.poll(() => page.getByTestId('product-row').count()).toBe(PRODUCTS.length);
        await page.screenshot({ path: `test-artifacts/products-1280-${language}.png` });
        expect({ language, cut: await page.evaluate(cutCells) }).toEqual({ language, cut: [] });
        // The table fits the window: nothing to scroll sideways for.
        const scroller = page.getByTestId('products-table').locator('[data-virtual-scroll]');
        expect(await scroller.evaluate((el) => ({ scrolls: el.scrollWidth > el.clientWidth + 1, width: el.clientWidth }))).toMatchObject({ scrolls: false });
      }
    } catch (error) {
      await page.screenshot({ path: 'test-artifacts/products-1280-failed.png', fullPage: true }).catch(() => undefined);
      writeFileSync('test-artifacts/products-1280-failed.html', await page.content().catch(() => ''));
      throw error;
    } finally {
      await page.close();
      await headless.close();
    }
  });
});
