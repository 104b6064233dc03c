import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import type { EventPayload } from '../../src-shared/contract';
import { formatTenge } from '../../src-shared/pricing/format-tenge';
import { call } from '../support/call-app';
import { startTestHeadless } from '../support/headless';
import { pointAppAtSim } from '../support/app-on-sim';
import { importPastMarket } from '../support/past-market';
import { useTempDir } from '../support/temp-dir';
import { SCENARIO_CREDENTIALS, startKaspiSim } from '../sim/kaspi';
import { useE2EBrowser } from './support/e2e-browser';

const tempDir = useTempDir();
const browser = useE2EBrowser();

const ARTIFACTS = 'test-artifacts/pages';
const UID = '30067228';
const DAY = 86_400_000;
/** The text a number shows as on the page (narrow no-break spaces), for matching. */
const shown = (tenge: number) => formatTenge(tenge).replace(/\s/g, '\\s');

async function shot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

describe('orders and analytics of the demo store, in a real browser', () => {
  it('shows the orders with their history, the analytics with what the repricing earned, and a new order as it arrives, in Russian and English', async () => {
    const sim = await startKaspiSim({ scenario: 'demo', seed: 7, timeScale: 100 });
    sim.setLimits({ shopApi: { maxPerWindow: 1_000_000 } });
    const headless = await startTestHeadless(tempDir(), { autoStartDemper: false, autoStartOrders: false, ordersOverrides: { requestIntervalMs: 0, pollIntervalMs: 600_000 } });
    const { app } = headless;
    const alerts: EventPayload<'orders.alert'>[] = [];
    app.events.subscribe((event, payload) => event === 'orders.alert' && alerts.push(payload as EventPayload<'orders.alert'>));
    const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
    try {
      await pointAppAtSim(app, sim);
      // The demo store connected as a seller would, its token saved, and a few days of the market
      // the bot would have seen: what `npm run demo` shows on first open.
      const creds = SCENARIO_CREDENTIALS.demo;
      const { accountId } = await call<{ accountId: number }>(app, 'stores.login', { loginId: 'e2e-orders-login', credentials: { method: 'email', login: creds.owner.email, password: creds.owner.password } });
      const [store] = await call<Array<{ id: number }>>(app, 'stores.add', { accountId, merchantUids: [UID] });
      await call(app, 'stores.sync', { storeId: store!.id });
      importPastMarket(app, sim, store!.id, UID, Date.now() - 5 * DAY);
      app.analytics.refresh();
      await call(app, 'stores.setShopToken', { storeId: store!.id, token: creds.apiTokens[UID] });
      await call(app, 'orders.syncNow', { storeId: store!.id });
      await app.orders.settled(store!.id);
      const orders = sim.orders(UID);

      await page.goto(headless.bridge.url);
      await page.getByTestId('nav-orders').click();
      await page.getByTestId('order-row').first().waitFor();
      await expect.poll(async () => page.getByTestId('orders-total').textContent()).toMatch(new RegExp(`${orders.length}`));
      expect(await page.getByTestId('orders-source').first().textContent()).toBe('API магазина');
      expect(await page.getByTestId('orders-tab-archive').textContent()).toContain(String(orders.filter((o) => o.tab === 'ARCHIVED').length));
      await shot(page, 'orders-ru');

      // An order up close: items, where our offer stood, the buyer's phone, the history.
      const archived = orders.find((o) => o.status === 'COMPLETED')!;
      await page.getByTestId('orders-search').fill(archived.code);
      await page.getByTestId(`order-${archived.code}`).click();
      const drawer = page.getByTestId('order-drawer');
      await drawer.waitFor();
      await expect.poll(async () => drawer.getByTestId('order-total').textContent()).toMatch(new RegExp(shown(archived.totalPrice)));
      expect(await drawer.getByTestId('order-phone').textContent()).toBe(`+${archived.customer.cellPhone}`);
      expect(await drawer.getByTestId('order-market').first().textContent()).toMatch(archived.position === 1 ? /1-е место/ : new RegExp(`${archived.position}-е место`));
      expect(await drawer.getByTestId('order-history').textContent()).toMatch(/Выданы/);
      await shot(page, 'order-drawer-ru');
      await page.getByTestId('order-drawer-close').click();
      await page.getByTestId('orders-search').fill('');

      // Analytics: revenue as the simulator counts it, the first-place share, what was lost.
      const sold = orders.filter((o) => o.status !== 'CANCELLED' && o.status !== 'RETURNED');
      await page.getByTestId('nav-analytics').click();
      await page.getByTestId('analytics-range-7').click();
      await expect.poll(async () => page.getByTestId('kpi-revenue').textContent()).toMatch(new RegExp(shown(sold.reduce((s, o) => s + o.totalPrice, 0))));
      expect(await page.getByTestId('kpi-first').textContent()).toMatch(/\d+%/);
      await page.getByTestId('analytics-product-row').first().waitFor();
      expect(await page.getByTestId('analytics-how').textContent()).toMatch(/Как считается/);
      await page.getByTestId('analytics-chart').locator('.recharts-bar-rectangle').first().waitFor();
      await shot(page, 'analytics-ru');

      // A new order arrives in Kaspi: the next pass brings it, the list shows it, the alert goes out.
      await page.getByTestId('nav-orders').click();
      await page.getByTestId('order-row').first().waitFor();
      const fresh = sim.createOrder(UID);
      await call(app, 'orders.syncNow', { storeId: store!.id });
      await page.getByTestId(`order-${fresh.code}`).waitFor({ timeout: 15_000 });
      expect(alerts).toContainEqual(expect.objectContaining({ kind: 'new_order', code: fresh.code, storeName: 'ИП FIRST PROJECT' }));
      await expect.poll(async () => page.getByTestId('orders-total').textContent()).toMatch(new RegExp(`${orders.length + 1}`));

      await page.getByTestId('language-switch').selectOption('en');
      await page.getByTestId('nav-orders').filter({ hasText: 'Orders' }).waitFor();
      await expect.poll(async () => page.getByTestId('orders-source').first().textContent()).toBe('Shop API');
      await shot(page, 'orders-en');
      await page.getByTestId('nav-analytics').click();
      await expect.poll(async () => page.getByTestId('analytics-how').textContent()).toMatch(/How it is counted/);
      await page.getByTestId('analytics-product-row').first().click();
      await page.getByTestId('analytics-product-row').first().getByRole('button').click();
      await page.getByTestId('analytics-product').waitFor();
      await shot(page, 'analytics-en');
    } finally {
      await headless.close();
      await sim.close();
    }
  }, 240_000);
});
