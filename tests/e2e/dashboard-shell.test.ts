import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { startTestHeadless } from '../support/headless';
import { DEFAULT_STATIC_DIR } from '../../src-main/shells/headless/start-headless';
import type { Headless } from '../../src-main/shells/headless/start-headless';
import { useTempDir } from '../support/temp-dir';
import { useE2EBrowser } from './support/e2e-browser';

const tempDir = useTempDir();
const browser = useE2EBrowser();
beforeAll(async () => {
  if (!existsSync(`${DEFAULT_STATIC_DIR}/index.html`)) throw new Error('Renderer not built: run `npm run build:renderer` first');
});

describe('dashboard in a real browser through the headless shell', () => {
  let headless: Headless & { base: string };

  it('opens with the token, switches to Kazakh and back, and shows the system status', async () => {
    headless = await startTestHeadless(tempDir());
    const page = await browser.newPage();
    try {
      await page.goto(headless.bridge.url);
      await expect.poll(() => page.url()).not.toContain('token=');

      await page.getByTestId('nav-system').click();
      const status = page.getByTestId('system-page');
      await status.waitFor();
      expect(await status.textContent()).toContain('Состояние системы');
      expect(await status.textContent()).toContain('WAL');
      expect(await status.textContent()).toContain(headless.app.paths.database);

      await page.getByTestId('language-switch').selectOption('kk');
      await page.getByText('Жүйе күйі', { exact: false }).first().waitFor();
      expect(await status.textContent()).toContain('Дерекқор');
      expect(await page.getByTestId('nav-stores').textContent()).toBe('Дүкендер');

      // The choice is stored in main, so a reload keeps it.
      await page.reload();
      await page.getByTestId('nav-stores').filter({ hasText: 'Дүкендер' }).waitFor();

      await page.getByTestId('language-switch').selectOption('ru');
      await page.getByTestId('nav-stores').filter({ hasText: 'Магазины' }).waitFor();
      expect(await page.getByTestId('system-page').textContent()).toContain('База данных');

      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/system-status-ru.png', fullPage: true });
    } finally {
      await headless.close();
    }
  });

  it('gives a browser without the token a bare 401', async () => {
    headless = await startTestHeadless(tempDir());
    const page = await browser.newPage();
    try {
      const response = await page.goto(headless.base + '/');
      expect(response?.status()).toBe(401);
      expect(await page.content()).not.toContain('Kaspi Demper');
      const api = await page.request.post(`${headless.base}/api/call/system.status`, { data: {} });
      expect(api.status()).toBe(401);
    } finally {
      await headless.close();
    }
  });
});
