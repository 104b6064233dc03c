import { SCENARIO_CREDENTIALS } from '../sim/kaspi/scenarios';
import { call } from '../support/call-app';
import { benchApp } from '../integration/demper-wiring/support/bench-app';
import { startSimChild } from '../integration/demper-wiring/support/sim-child';

/**
 * `orders_sync_10k_s`: the app's first sync of the `bench` store's 10,000 orders (60 days) from
 * the simulator in its own process, with its limits on (14-day windows, a state per request,
 * pages of 100, 429 over 6 requests a second) and the app's documented pace (5 a second): every
 * order listed, and every order's entries read (the shop API lists them one order at a time).
 * `orders_sync_10k_listed_s`: until all 10,000 are in the Orders page (entries still loading).
 * `orders_sync_10k_cabinet_s`: the same store without a token, from the cabinet's GraphQL
 * (10 orders a page, entries inline).
 */
const ORDERS = 10_000;

async function syncOnce(token: boolean): Promise<{ total: number; listed: number | null; orders: number; entriesPending: number }> {
  const sim = await startSimChild({ scenario: 'bench', seed: 1, timeScale: 1 });
  const env = await benchApp(sim.urls, { autoStartOrders: false });
  try {
    if (token) await call(env.app, 'stores.setShopToken', { storeId: env.storeId, token: SCENARIO_CREDENTIALS.bench.apiToken });
    const count = () => (env.app.db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
    const started = performance.now();
    let listed: number | null = null;
    const watch = setInterval(() => {
      if (listed === null && count() >= ORDERS) listed = (performance.now() - started) / 1000;
    }, 250);
    await call(env.app, 'orders.syncNow', { storeId: env.storeId });
    await env.app.orders.settled(env.storeId);
    clearInterval(watch);
    const total = (performance.now() - started) / 1000;
    const [status] = await call<Array<{ orders: number; entriesPending: number }>>(env.app, 'orders.syncStatus');
    return { total, listed: listed ?? total, orders: status!.orders, entriesPending: status!.entriesPending };
  } finally {
    await env.close();
    await sim.close();
  }
}

export default async function bench(): Promise<Record<string, unknown>> {
  const shop = await syncOnce(true);
  const cabinet = await syncOnce(false);
  return {
    orders_sync_10k_s: Number(shop.total.toFixed(1)),
    orders_sync_10k_listed_s: Number((shop.listed ?? 0).toFixed(1)),
    orders_sync_10k_cabinet_s: Number(cabinet.total.toFixed(1)),
    orders_sync_10k_counts: { shop_api: shop.orders, shop_api_entries_pending: shop.entriesPending, cabinet: cabinet.orders },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await bench(), null, 2));
