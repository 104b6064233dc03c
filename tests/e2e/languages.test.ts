import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { startTestHeadless } from '../support/headless';
import { pointAppAtSim } from '../support/app-on-sim';
import { useTempDir } from '../support/temp-dir';
import { startKaspiSim } from '../sim/kaspi';
import { CATALOGS } from '../../src-renderer/i18n/catalog';
import { DEFAULT_STATIC_DIR } from '../../src-main/shells/headless/start-headless';
import { ARTIFACTS, expectChromeIn, expectNoRussianOnlyText, screenshotEveryPage } from './support/page-walk';
import { useE2EBrowser } from './support/e2e-browser';

const tempDir = useTempDir();
const browser = useE2EBrowser();
beforeAll(async () => {
  if (!existsSync(`${DEFAULT_STATIC_DIR}/index.html`)) throw new Error('Renderer not built: run `npm run build:renderer` first');
});

const BAD_RULES = [
  'Артикул;Минимальная цена;Максимальная цена;Стратегия;Бот',
  '100000001_900000001;390 000;420 000;Самая низкая;да',
  '100000002_900000002;-5;200000;;да',
  '100000003_900000003;105000,5;;;может быть',
  '100000004_900000004;300000;200000;;',
  'NO-SUCH-SKU;1000;2000;;да',
  '100000004_900000004;1000;;;',
].join('\r\n');

const BAD_PROXIES = ['10.0.0.1:99999:shop:pw', 'socks4://10.0.0.3:1080', '10.0.0.2', 'user@10.0.0.4:8080'].join('\n');

/** Checks what the page shows now and keeps its picture under test-artifacts/pages. */
async function scene(page: Page, language: 'kk' | 'en', name: string): Promise<void> {
  await expectNoRussianOnlyText(page, language, name);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${language}-${name}.png`, fullPage: true });
}

async function switchTo(page: Page, language: 'kk' | 'en'): Promise<void> {
  await page.getByTestId('language-switch').selectOption(language);
  await page.getByTestId('nav-stores').filter({ hasText: language === 'kk' ? 'Дүкендер' : 'Stores' }).waitFor();
}

/** Every place main's messages reach the seller, in one language. */
async function mainSpeaks(page: Page, language: 'kk' | 'en', backupsDir: string): Promise<void> {
  // A login Kaspi refuses: the error under the form.
  await page.getByTestId('nav-stores').click();
  await page.getByTestId('connect-store-open').click();
  await page.getByTestId('login-field').fill('owner@small.test');
  await page.getByTestId('password-field').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('connect-error').waitFor({ timeout: 30_000 });
  await scene(page, language, 'stores-login-refused');
  await page.getByTestId('connect-store').getByRole('button').last().click();

  // A rules file with a bad row of every kind: the preview lists each problem.
  await page.getByTestId('nav-products').click();
  await page.getByTestId('import-csv').click();
  await page.getByTestId('csv-file').setInputFiles({ name: 'rules.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${BAD_RULES}`, 'utf8') });
  await page.getByTestId('csv-summary').waitFor();
  expect(await page.getByTestId('csv-preview').locator('.row-error').count()).toBe(6);
  await scene(page, language, 'products-csv-preview');
  await page.getByTestId('csv-import').getByRole('button').first().click();
  // A file that is no CSV at all.
  await page.getByTestId('import-csv').click();
  await page.getByTestId('csv-file').setInputFiles({ name: 'rules.xlsx', mimeType: 'text/csv', buffer: Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000binary') });
  await page.getByTestId('csv-file-errors').waitFor();
  await scene(page, language, 'products-csv-file-error');
  await page.getByTestId('csv-import').getByRole('button').first().click();
  // The bot switched on for a product without a floor: main's refusal in a toast.
  await page.getByTestId('bot-100000002_900000002').click();
  await page.getByTestId('toast').waitFor();
  await scene(page, language, 'products-bot-refused');

  // A pasted proxy list with bad lines: each named by its number.
  await page.getByTestId('nav-proxies').click();
  await page.getByTestId('proxy-import-text').fill(BAD_PROXIES);
  await page.getByTestId('proxy-import-submit').click();
  await expect.poll(() => page.getByTestId('proxy-import-error').count()).toBe(4);
  await scene(page, language, 'proxies-import-errors');

  // Settings: an address that is not Kaspi's, a file dialog headless mode has not, a restore of a broken file.
  writeFileSync(join(backupsDir, `broken-${language}.db`), 'not a database at all');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('kaspi-idmcUrl').locator('xpath=ancestor::details').locator('summary').click();
  await page.getByTestId('kaspi-idmcUrl').fill('http://evil.example');
  await page.getByTestId('kaspi-idmcUrl').press('Enter');
  await page.getByTestId('kaspi-settings-error').waitFor();
  const backupAlert = page.getByTestId('backup-settings').getByRole('alert');
  await page.getByTestId('backup-pick').click();
  await backupAlert.waitFor();
  await scene(page, language, 'settings-no-dialog');
  const before = await backupAlert.textContent();
  await page.getByTestId('backup-settings').locator('li', { hasText: `broken-${language}.db` }).getByRole('button').click();
  await expect.poll(() => backupAlert.textContent()).not.toBe(before);
  await scene(page, language, 'settings-restore-refused');
}

describe('the dashboard in Kazakh and English', () => {
  it('catches a Russian message on a Kazakh or English page, in the text or a hover title', async () => {
    const page = await browser.newPage();
    await page.setContent('<main><p>Сохранено.</p><span title="Не задана минимальная цена">•</span></main>');
    await expect(expectNoRussianOnlyText(page, 'kk', 'probe')).rejects.toThrow(/«Не задана минимальная цена»/);
    await page.setContent('<main><p>Товар с артикулом «X-1» не найден</p></main>');
    await expect(expectNoRussianOnlyText(page, 'en', 'probe')).rejects.toThrow(/«Товар с артикулом»/);
    // Kazakh, English, and data that happens to be Russian (a product title) pass.
    await page.setContent('<main><p>Ең төменгі баға берілмеген</p><p>No floor price is set</p><p>Чайник электрический Tefal</p></main>');
    await expectNoRussianOnlyText(page, 'kk', 'probe');
    await expectNoRussianOnlyText(page, 'en', 'probe');
  });

  it("catches the app's own words left in Russian: any Cyrillic in the English chrome, a Russian label Kazakh words differently", async () => {
    const page = await browser.newPage();
    await page.setContent(`<main><nav>Stores</nav><button>Сохранить</button><table><tr><td>Чайник электрический Tefal</td></tr></table></main>`);
    await expect(expectChromeIn(page, 'en', 'probe')).rejects.toThrow(/«Сохранить»/);
    // Data from Kaspi (a product title in a button, a city) is not the app's words.
    await page.setContent(`<main><nav>Stores</nav><button translate="no" title="Чайник">Чайник электрический Tefal</button><td>Алматы</td></main>`);
    await expectChromeIn(page, 'en', 'probe');
    await page.setContent(`<main><nav>${CATALOGS.ru['nav.stores']}</nav></main>`);
    await expect(expectChromeIn(page, 'kk', 'probe')).rejects.toThrow(new RegExp(`«${CATALOGS.ru['nav.stores']}»`));
    await page.setContent(`<main><nav>${CATALOGS.kk['nav.stores']}</nav><h2 translate="no">Чайник</h2></main>`);
    await expectChromeIn(page, 'kk', 'probe');
  });

  it("shows main's messages in the chosen language on every page, never the Russian text a translation exists for", async () => {
    const sim = await startKaspiSim({ scenario: 'small', seed: 11, timeScale: 0.001 });
    const headless = await startTestHeadless(tempDir());
    await pointAppAtSim(headless.app, sim);
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    try {
      await page.goto(headless.bridge.url);
      await switchTo(page, 'kk');
      // A connected store with its products, so the pages have something to say.
      await page.getByTestId('nav-stores').click();
      await page.getByTestId('connect-store-open').click();
      await page.getByTestId('login-field').fill('owner@small.test');
      await page.getByTestId('password-field').fill('small-pass-1');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('add-stores').click({ timeout: 30_000 });
      const card = page.getByTestId('store-30000001');
      await card.getByTestId('sync').click();
      await card.getByTestId('sync-result').waitFor({ timeout: 30_000 });

      for (const language of ['kk', 'en'] as const) {
        await switchTo(page, language);
        await mainSpeaks(page, language, headless.app.paths.backups);
        await screenshotEveryPage(page, language);
      }
    } finally {
      await headless.close();
      await sim.close();
    }
  }, 240_000);
});
