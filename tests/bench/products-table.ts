import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../../src-main/app/create-app';
import type { App } from '../../src-main/app/create-app';
import { snapshotsRepo, summarise } from '../../src-main/db/repos/snapshots-repo';
import { call } from '../support/call-app';
import { ALMATY, offer, seedDatabase, T0 } from '../integration/rules/seed';

const PRODUCTS = 20_000;
const SHOP = '30000001';
const WORDS = ['Чайник', 'Утюг', 'Фен', 'Блендер', 'Пылесос', 'Смартфон Samsung', 'Наушники Apple', 'Кофемашина DeLonghi', 'Телевизор LG', 'Ноутбук ASUS'];

/** What a seller does with the table: open it, sort by a column, a quick filter, a search, scroll far. */
const WINDOWS = [
  { query: {}, sort: { key: 'title', dir: 'asc' }, offset: 0 },
  { query: {}, sort: { key: 'ourPrice', dir: 'desc' }, offset: 0 },
  { query: { flags: ['firstLost'] }, sort: { key: 'position', dir: 'asc' }, offset: 0 },
  { query: { bot: 'on', flags: ['attention'] }, sort: { key: 'sku', dir: 'asc' }, offset: 0 },
  { query: { search: 'samsung' }, sort: { key: 'lastChangeAt', dir: 'desc' }, offset: 0 },
  { query: {}, sort: { key: 'bestRivalPrice', dir: 'asc' }, offset: 15_000 },
  { query: {}, sort: { key: 'strategy', dir: 'asc' }, offset: 9_900 },
] as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number) => Number(n.toFixed(2));

/** A data folder with 20,000 products: rules, a market look each (rivals, places), a few days of pushed changes. */
async function seededApp(dataDir: string): Promise<App> {
  const products = Array.from({ length: PRODUCTS }, (_, i) => ({
    sku: `SKU-${String(i).padStart(6, '0')}`,
    title: `${WORDS[i % WORDS.length]} модель ${i}`,
    rules: i % 7 === 0 ? {} : { floor: { kind: 'fixed', price: 9_000 + (i % 50) * 10 }, ...(i % 3 === 0 ? { ceiling: 30_000 } : {}) },
    bot: i % 2 === 0,
    price: 10_000 + (i % 997) * 13,
  }));
  const { db, ids } = seedDatabase(dataDir, [{ name: 'Мой магазин', uid: SHOP, defaults: { strategy: 'undercut' }, products }], 'kaspi-demper.db');
  const snapshots = snapshotsRepo(db);
  const journal = db.prepare(
    `INSERT INTO price_journal (store_id, product_id, city_id, old_price, new_price, reason_code, reason_json, status, created_at, pushed_at)
     VALUES (1, ?, ?, ?, ?, 'undercut', '{"code":"undercut"}', 'verified', ?, ?)`,
  );
  db.transaction(() => {
    let i = 0;
    for (const id of ids.values()) {
      const ours = 10_000 + (i % 997) * 13;
      const rivals = i % 11 === 0 ? [] : [offer('777', 'Магазин X', ours + ((i % 5) - 2) * 50), offer('888', 'Магазин Y', ours + 400)];
      snapshots.record(summarise(id, ALMATY, [offer(SHOP, 'Мой магазин', ours), ...rivals], [SHOP], new Date(T0 + i).toISOString()));
      if (i % 4 === 0) journal.run(id, ALMATY, ours + 10, ours, new Date(T0 + i * 1_000).toISOString(), new Date(T0 + i * 1_000 + 500).toISOString());
      i++;
    }
  })();
  db.close();
  return createApp({ dataDir, shell: 'headless', appVersion: 'bench', autoStartDemper: false, autoStartOrders: false, proxyHealthChecks: false });
}

/**
 * The products table served by window (issue #14), 20,000 products in a real SQLite file through
 * the app's dispatcher (input and output checked against the contract, as IPC does):
 *  - products_table_page_ms: median time of one window of 100 rows (the page's window) over
 *    the sorts, filters, searches and scroll depths a seller uses;
 *  - products_change_delta_ms: median time main spends turning one changed offer (a snapshot
 *    with a new price, its row marked by the triggers) into the `products.rows` delta open pages
 *    patch in: the row rewritten from its sources, compared, stored and sent (checked against
 *    the contract as every event is); products_change_snapshot_write_ms is the demper's own
 *    write of that snapshot, triggers included, for comparison;
 *  - products_overview_ms: median time of the overview's summary (SQL aggregates).
 */
export default async function bench(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kd-bench-table-'));
  const app = await seededApp(dataDir);
  try {
    let started = performance.now();
    app.productsTable.catchUpAll();
    const firstBuildS = (performance.now() - started) / 1000;
    app.productsTable.stop(); // the bench drives the rewrites itself

    for (let i = 0; i < 3; i++) for (const w of WINDOWS) await call(app, 'products.page', { ...w, limit: 100 }); // warm-up
    const pages: number[] = [];
    const byWindow: number[][] = WINDOWS.map(() => []);
    for (let round = 0; round < 15; round++) {
      for (const [i, w] of WINDOWS.entries()) {
        started = performance.now();
        await call(app, 'products.page', { ...w, limit: 100 });
        const ms = performance.now() - started;
        pages.push(ms);
        byWindow[i]!.push(ms);
      }
    }

    const ids = await call<number[]>(app, 'products.ids', {});
    const snapshots = snapshotsRepo(app.db);
    let delta: unknown = null;
    const off = app.events.subscribe((event, payload) => { if (event === 'products.rows') delta = payload; });
    const deltas: number[] = [];
    const writes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const id = ids[(i * 331) % ids.length]!;
      delta = null;
      // The demper's own write (it is made with or without the table): the triggers mark the row.
      started = performance.now();
      snapshots.record(summarise(id, ALMATY, [offer(SHOP, 'Мой магазин', 5_000 + i), offer('777', 'Магазин X', 5_100)], [SHOP], new Date(T0 + 86_400_000 + i).toISOString()));
      writes.push(performance.now() - started);
      // The table's part: the marked row rewritten from its sources, compared, stored and sent.
      started = performance.now();
      app.productsTable.catchUpAll();
      if (delta === null) throw new Error('no delta for a changed price');
      deltas.push(performance.now() - started);
    }
    off();

    const overview: number[] = [];
    for (let i = 0; i < 15; i++) {
      started = performance.now();
      await call(app, 'overview.summary', {});
      overview.push(performance.now() - started);
    }
    return {
      products_table_page_ms: round(median(pages)),
      products_table_page_max_ms: round(Math.max(...pages)),
      products_table_page_by_window_ms: byWindow.map((times) => round(median(times))),
      products_table_rows: PRODUCTS,
      products_table_first_build_s: round(firstBuildS),
      products_change_delta_ms: round(median(deltas.slice(10))),
      products_change_snapshot_write_ms: round(median(writes.slice(10))),
      products_overview_ms: round(median(overview)),
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await bench()));
  process.exit(0);
}
