import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../../src-main/app/create-app';
import { ordersRepo, type SyncedOrder } from '../../src-main/db/repos/orders-repo';
import { Prng } from '../sim/kaspi/prng';

/**
 * `analytics_query_ms`: the heaviest analytics call the page makes — "what the repricing earned"
 * per product over a whole year with no filter (every sale's place, the watched time of every
 * sold product from the read model, the bot changes of the 500 rows shown) — over 200,000 orders
 * of two stores, a year of offer snapshots and price journal. Also every product's row (the CSV
 * export, `analytics_products_all_rows_ms`) and the year's overview by day. Medians of 7, in a
 * fresh app process over the filled data folder.
 *
 * `orders_filter_ms`: the Orders page's slowest call among its usual filters over one store's
 * 100,000 orders (count of the filter + a window of 100 rows): all orders, a tab deep down the
 * list, a city and 30 days, one product, a code and a phone search, the tab counts. Medians of 7.
 *
 * The data goes in through the app's own write paths (orders upserted a page at a time, each
 * sale placed against the snapshots before it); the read model is built by its own refresh.
 */
const DAY = 86_400_000;
const PRODUCTS_PER_STORE = 2_500;
const ORDERS_PER_STORE = 100_000;
const CITIES = ['750000000', '710000000'];
const CHILD = join(dirname(fileURLToPath(import.meta.url)), '..', 'integration', 'orders', 'support', 'analytics-child.ts');

export function seed(app: App, now: number): { storeIds: number[]; productIds: number[]; codes: string[]; phones: string[] } {
  const db = app.db;
  const rng = Prng.derive(1, 'bench-analytics');
  const iso = (t: number) => new Date(t).toISOString();
  db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'bench@demper.test', 'email', ?, ?)").run(iso(now), iso(now));
  const storeIds = [1, 2];
  const productIds: number[] = [];
  const addProduct = db.prepare('INSERT INTO products (store_id, sku, master_sku, title, bot_enabled, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)');
  for (const storeId of storeIds) {
    db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, created_at) VALUES (?, 1, ?, ?, ?)").run(storeId, `3009000${storeId}`, `Bench ${storeId}`, iso(now));
    db.transaction(() => {
      for (let i = 0; i < PRODUCTS_PER_STORE; i++) productIds.push(Number(addProduct.run(storeId, `S${storeId}-${i}`, String(100_000_000 + i), `Товар ${i}`, iso(now), iso(now)).lastInsertRowid));
    })();
  }

  // A year of the market: our place per product and city changes every 5 days on average (2,000
  // snapshots a day over both stores), and each time we take first place it is a bot push.
  const snap = db.prepare('INSERT INTO offer_snapshots (product_id, city_id, taken_at, our_price, our_position, best_rival_price, best_rival_merchant_id, offers_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const push = db.prepare("INSERT INTO price_journal (store_id, product_id, city_id, old_price, new_price, reason_code, reason_json, status, created_at, pushed_at) VALUES (?, ?, ?, ?, ?, 'undercut', '{}', 'verified', ?, ?)");
  const start = now - 365 * DAY;
  const events: { at: number; productId: number; cityId: string; position: number }[] = [];
  for (const productId of productIds) {
    for (const cityId of CITIES) {
      for (let at = start + rng.float() * DAY; at < now; at += (1 + rng.float() * 8) * DAY) events.push({ at, productId, cityId, position: rng.chance(0.6) ? 1 : rng.int(2, 5) });
    }
  }
  events.sort((a, b) => a.at - b.at);
  db.transaction(() => {
    for (const e of events) {
      snap.run(e.productId, e.cityId, iso(e.at), 100_000, e.position, e.position === 1 ? 101_000 : 99_000, 'rival', '[]');
      if (e.position === 1) push.run(e.productId <= PRODUCTS_PER_STORE ? 1 : 2, e.productId, e.cityId, 101_000, 99_999, iso(e.at), iso(e.at));
    }
  })();

  // The orders, a page of 500 at a time like the sync writes them.
  const repo = ordersRepo(db, { encrypt: (p) => app.secrets.encrypt(p), decrypt: (s) => app.secrets.decrypt(s), costOf: (id) => (id % 3 === 0 ? { unitCost: 60_000, fixedFee: 500, commissionBp: 1200 } : null) });
  const codes: string[] = [];
  const phones: string[] = [];
  for (const storeId of storeIds) {
    let page: SyncedOrder[] = [];
    for (let n = 0; n < ORDERS_PER_STORE; n++) {
      const createdMs = Math.round(start + rng.float() * (now - start));
      const product = rng.int(0, PRODUCTS_PER_STORE - 1);
      const quantity = rng.chance(0.85) ? 1 : 2;
      const phone = `77${rng.digits(8)}`;
      const code = String(500_000_000 + storeId * 1_000_000 + n);
      codes.push(code);
      phones.push(phone);
      const roll = rng.float();
      page.push({
        code, kaspiId: `K${code}`, source: 'shop_api', state: roll < 0.9 ? 'archive' : rng.pick(['new', 'pickup', 'delivery', 'kaspi_delivery'] as const),
        outcome: roll < 0.85 ? 'completed' : roll < 0.88 ? 'cancelled' : roll < 0.9 ? 'returned' : null, status: 'COMPLETED', kaspiTab: null, createdMs,
        totalPrice: 100_000 * quantity, deliveryCost: 0, deliveryMode: 'DELIVERY_LOCAL', kaspiDelivery: true, paymentMode: 'PREPAID',
        cityId: rng.pick(CITIES), cityName: null, pointId: null, address: null, customerName: 'Покупатель', phone, phoneMasked: false,
        plannedDeliveryMs: null, acceptDeadlineMs: null, cancelReason: null, changedMs: null,
        entries: [{ masterSku: String(100_000_000 + product), sku: `S${storeId}-${product}`, name: `Товар ${product}`, quantity, totalPrice: 100_000 * quantity }],
      });
      if (page.length === 500) {
        repo.upsert(storeId, page, now);
        page = [];
      }
    }
    if (page.length) repo.upsert(storeId, page, now);
  }
  return { storeIds, productIds, codes, phones };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kd-bench-analytics-'));
  const now = Date.now();
  const app = await createApp({ dataDir, shell: 'headless', appVersion: 'bench', autoStartDemper: false, autoStartOrders: false, proxyHealthChecks: false });
  try {
    let started = performance.now();
    const data = seed(app, now);
    const seedS = (performance.now() - started) / 1000;
    started = performance.now();
    app.analytics.refresh();
    const refreshS = (performance.now() - started) / 1000;
    const count = (sql: string) => (app.db.prepare(sql).get() as { n: number }).n;
    const sizes = {
      orders: count('SELECT count(*) AS n FROM orders'),
      orders_per_store_filtered: ORDERS_PER_STORE,
      entries: count('SELECT count(*) AS n FROM order_entries'),
      snapshots: count('SELECT count(*) AS n FROM offer_snapshots'),
      journal: count('SELECT count(*) AS n FROM price_journal'),
      products: data.productIds.length,
      seed_s: Number(seedS.toFixed(1)),
    };
    await app.close();
    // Measured as a seller meets it: the app opened in a fresh process over the data it keeps.
    const args = { now, storeId: data.storeIds[0], productId: data.productIds[3], otherProductId: data.productIds[7], city: CITIES[1], code: data.codes[4_242], phone: data.phones[4_242] };
    const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dataDir, JSON.stringify(args)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`analytics child failed: ${child.stderr}`);
    const m = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { products: number; productsAll: number; overview: number; product: number; filters: Record<string, number> };
    return {
      analytics_query_ms: m.products,
      analytics_products_all_rows_ms: m.productsAll,
      analytics_overview_ms: m.overview,
      analytics_product_ms: m.product,
      analytics_read_model_build_s: Number(refreshS.toFixed(1)),
      orders_filter_ms: Math.max(...Object.values(m.filters)),
      orders_filter_breakdown_ms: m.filters,
      analytics_bench_data: sizes,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await bench(), null, 2));
