import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { call } from '../support/call-app';
import { startTestHeadless } from '../support/headless';
import { pointAppAtSim } from '../support/app-on-sim';
import { useTempDir } from '../support/temp-dir';
import { SCENARIO_CREDENTIALS, startKaspiSim } from '../sim/kaspi';
import { useE2EBrowser } from './support/e2e-browser';

const tempDir = useTempDir();
const browser = useE2EBrowser();
const UID = '30067228';

/** Headers and cells of the orders table whose text is cut, as "header: text" or "cell: text" (a cell whose tooltip has the text whole may be cut: items, a long name). */
const cutCells = () => {
  const cut: string[] = [];
  const table = document.querySelector('[data-testid="orders-page"]')!;
  for (const cell of table.querySelectorAll('[role="columnheader"]')) if (cell.scrollWidth > cell.clientWidth + 1) cut.push(`header: ${cell.textContent}`);
  for (const row of table.querySelectorAll('[data-testid="order-row"]')) {
    for (const cell of row.querySelectorAll('[role="cell"]')) {
      if (cell.querySelector('[title]')) continue;
      if (cell.scrollWidth > cell.clientWidth + 1) cut.push(`cell: ${cell.textContent}`);
    }
  }
  return cut;
};

describe('the orders table on a 1366 px laptop', () => {
  it('shows whole dates, day first, codes, sums, phones and statuses in Russian, Kazakh and English', async () => {
    const sim = await startKaspiSim({ scenario: 'demo', seed: 7, timeScale: 100 });
    sim.setLimits({ shopApi: { maxPerWindow: 1_000_000 } });
    const headless = await startTestHeadless(tempDir(), { autoStartDemper: false, autoStartOrders: false, ordersOverrides: { requestIntervalMs: 0, pollIntervalMs: 600_000 } });
    const { app } = headless;
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    mkdirSync('test-artifacts', { recursive: true });
    try {
      await pointAppAtSim(app, sim);
      const creds = SCENARIO_CREDENTIALS.demo;
      const { accountId } = await call<{ accountId: number }>(app, 'stores.login', { loginId: 'e2e-orders-width', credentials: { method: 'email', login: creds.owner.email, password: creds.owner.password } });
      const [store] = await call<Array<{ id: number }>>(app, 'stores.add', { accountId, merchantUids: [UID] });
      await call(app, 'stores.setShopToken', { storeId: store!.id, token: creds.apiTokens[UID] });
      await call(app, 'orders.syncNow', { storeId: store!.id });
      await app.orders.settled(store!.id);

      await page.goto(headless.bridge.url);
      for (const language of ['ru', 'kk', 'en'] as const) {
        if (language !== 'ru') await page.getByTestId('language-switch').selectOption(language);
        await page.getByTestId('nav-orders').click();
        await page.getByTestId('order-row').first().waitFor();
        await page.screenshot({ path: `test-artifacts/orders-1366-${language}.png` });
        expect({ language, cut: await page.evaluate(cutCells) }).toEqual({ language, cut: [] });
        // Day first in every language: Chromium's own Kazakh short date ("26-12-02") reads as another day.
        const date = await page.getByTestId('order-row').first().locator('[role="cell"]').first().textContent();
        expect({ language, date }).toMatchObject({ language, date: expect.stringMatching(language === 'en' ? /^\d{2}\/\d{2}\/\d{2}, \d{2}:\d{2}$/ : /^\d{2}\.\d{2}\.\d{2}, \d{2}:\d{2}$/) });
      }
    } finally {
      await headless.close();
      await sim.close();
    }
  });
});
