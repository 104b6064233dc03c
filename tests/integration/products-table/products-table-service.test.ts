import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { EventBus } from '../../../src-main/app/event-bus';
import { createSqliteJournal } from '../../../src-main/db/repos/journal-repo';
import { createLogger } from '../../../src-main/logging/logger';
import { createProductsTable } from '../../../src-main/products-table/products-table-service';
import type { ProductsTable } from '../../../src-main/products-table/products-table-service';
import { createRulesService } from '../../../src-main/rules/rules-service';
import type { EventPayload } from '../../../src-shared/contract';
import type { ProductsQuery, ProductsSort, ProductTableRow } from '../../../src-shared/contract/products';
import { msg, renderMessage } from '../../../src-shared/i18n';
import { useTempDir } from '../../support/temp-dir';
import { ALMATY, offer, recordMarket, seedDatabase, T0 } from '../rules/seed';

const tempDir = useTempDir();
let db: Database | undefined;
let table: ProductsTable | undefined;
afterEach(() => { table?.stop(); db?.close(); db = table = undefined; });

const SHOP = '30000001';
const quiet = () => createLogger({ level: 'error' }).logger;

function setup(products = [
  { sku: 'A1', title: 'Чайник Tefal', rules: { floor: { kind: 'fixed', price: 10_000 }, ceiling: 12_000 }, bot: true, price: 11_000 },
  { sku: 'B2', title: 'Утюг Philips', rules: { floor: { kind: 'fixed', price: 9_000 } }, price: 9_500 },
  { sku: 'C3', title: 'Фен Xiaomi', price: 5_000 },
  { sku: 'D4', title: 'Блендер Bosch', rules: { floor: { kind: 'fixed', price: 4_000 }, ceiling: 10_000 }, price: 6_000 },
]) {
  const seeded = seedDatabase(tempDir(), [{ name: 'Мой магазин', uid: SHOP, defaults: { ceiling: 20_000 }, products }]);
  db = seeded.db;
  const events = new EventBus();
  const deltas: Array<EventPayload<'products.rows'>> = [];
  events.subscribe((event, payload) => { if (event === 'products.rows') deltas.push(payload as EventPayload<'products.rows'>); });
  table = createProductsTable({ db: seeded.db, events, logger: quiet(), checkEveryMs: 20 });
  const t = table;
  const page = (query: ProductsQuery = {}, sort: ProductsSort = { key: 'title', dir: 'asc' }, offset = 0, limit = 200) => t.page(query, sort, offset, limit);
  const skus = (query: ProductsQuery = {}, sort?: ProductsSort) => page(query, sort).rows.map((r) => r.sku);
  const row = (sku: string) => page({ search: sku }).rows.find((r) => r.sku === sku)!;
  return { ...seeded, table: t, deltas, page, skus, row };
}

const until = async (check: () => boolean, ms = 3_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('products table served from SQLite', () => {
  it('builds rows from products, the latest market, resolved rules and the last pushed change', async () => {
    const { db, ids, row } = setup();
    const a1 = ids.get('A1')!;
    recordMarket(db, a1, [offer(SHOP, 'Мой магазин', 11_000), offer('777', 'Магазин X', 10_500), offer('888', 'Магазин Y', 11_900)], [SHOP], T0);
    const journal = createSqliteJournal(db);
    const entry = await journal.plan({ storeId: 1, productId: a1, cityId: ALMATY, oldPrice: 11_000, newPrice: 10_490, reason: { code: 'undercut' }, dryRun: false, at: T0 + 60_000 } as never);
    await journal.markPushed(entry, 'job-1', T0 + 61_000);
    // A dry run later is not a change.
    await journal.plan({ storeId: 1, productId: a1, cityId: ALMATY, oldPrice: 11_000, newPrice: 10_480, reason: { code: 'undercut' }, dryRun: true, at: T0 + 90_000 } as never);

    // The change pushed after the storefront look is our price now, before the storefront shows it.
    expect(row('A1')).toMatchObject({
      ourPrice: 10_490, bestRivalPrice: 10_500, bestRivalName: 'Магазин X', position: 2, rivalsCount: 2,
      floor: 10_000, ceiling: 12_000, strategy: 'undercut', botEnabled: true, rulesError: null, cityId: ALMATY, storeName: 'Мой магазин',
      lastChangeAt: new Date(T0 + 61_000).toISOString(), marketAt: new Date(T0).toISOString(),
    });
    // Store default ceiling where the product sets none; never looked at: rivals unknown, the cabinet's price.
    expect(row('B2')).toMatchObject({ floor: 9_000, ceiling: 20_000, rulesError: null, ourPrice: 9_500, position: null, rivalsCount: 0, marketAt: null, bestRivalPrice: null });
    expect(row('C3')).toMatchObject({ floor: null, rulesError: msg('rules.no_floor') });
    expect(renderMessage(row('C3').rulesError!, 'ru')).toBe('Не задана минимальная цена');
  });

  it('sorts the Russian way and by numbers with empty values last in both directions, a window at a time', () => {
    const { db, ids, page, skus } = setup();
    recordMarket(db, ids.get('A1')!, [offer(SHOP, 'Мой магазин', 11_000), offer('777', 'Магазин X', 10_500)], [SHOP], T0);
    recordMarket(db, ids.get('D4')!, [offer(SHOP, 'Мой магазин', 6_000), offer('777', 'Магазин X', 6_500)], [SHOP], T0);
    expect(skus()).toEqual(['D4', 'B2', 'C3', 'A1']);
    expect(skus({}, { key: 'title', dir: 'desc' })).toEqual(['A1', 'C3', 'B2', 'D4']);
    expect(skus({}, { key: 'ourPrice', dir: 'asc' })).toEqual(['C3', 'D4', 'B2', 'A1']);
    expect(skus({}, { key: 'bestRivalPrice', dir: 'asc' }).slice(0, 2)).toEqual(['D4', 'A1']);
    expect(skus({}, { key: 'bestRivalPrice', dir: 'desc' }).slice(0, 2)).toEqual(['A1', 'D4']);
    expect(skus({}, { key: 'floor', dir: 'asc' }).at(-1)).toBe('C3');
    expect(skus({}, { key: 'floor', dir: 'desc' }).at(-1)).toBe('C3');
    expect(skus({}, { key: 'position', dir: 'desc' }).slice(0, 2)).toEqual(['A1', 'D4']);

    const first = page({}, { key: 'title', dir: 'asc' }, 0, 2);
    const second = page({}, { key: 'title', dir: 'asc' }, 2, 2);
    expect(first.total).toBe(4);
    expect([...first.rows, ...second.rows].map((r) => r.sku)).toEqual(['D4', 'B2', 'C3', 'A1']);
  });

  it('narrows by quick filters, the bot, the store and a search in title, SKU and catalogue id; ids follow the same filter', () => {
    const { db, ids, table, skus } = setup();
    recordMarket(db, ids.get('A1')!, [offer(SHOP, 'Мой магазин', 11_000), offer('777', 'Магазин X', 10_500)], [SHOP], T0);
    recordMarket(db, ids.get('D4')!, [offer(SHOP, 'Мой магазин', 4_000)], [SHOP], T0);
    expect(skus({ flags: ['firstLost'] })).toEqual(['A1']);
    expect(skus({ flags: ['atFloor'] })).toEqual(['D4']);
    expect(skus({ flags: ['noRivals'] })).toEqual(['D4']);
    expect(skus({ flags: ['attention'] })).toEqual(['C3']);
    expect(skus({ flags: ['atFloor', 'noRivals'] })).toEqual(['D4']);
    expect(skus({ bot: 'on' })).toEqual(['A1']);
    expect(skus({ bot: 'off' })).toEqual(['D4', 'B2', 'C3']);
    expect(skus({ search: 'УТЮГ' })).toEqual(['B2']);
    expect(skus({ search: 'm-c3' })).toEqual(['C3']);
    expect(skus({ search: '100%_' })).toEqual([]);
    expect(skus({ storeId: 99 })).toEqual([]);
    expect(table.ids({ flags: ['attention'] }, { key: 'title', dir: 'asc' })).toEqual([ids.get('C3')]);
    expect(table.ids({ bot: 'off' }, { key: 'title', dir: 'desc' })).toEqual(['C3', 'B2', 'D4'].map((s) => ids.get(s)));
  });

  it('pushes a price the demper recorded to open pages as a delta of that row alone; an unchanged look pushes nothing', async () => {
    const { db, ids, table, deltas } = setup();
    table.start();
    await until(() => deltas.length > 0);
    deltas.length = 0;
    const a1 = ids.get('A1')!;
    recordMarket(db, a1, [offer(SHOP, 'Мой магазин', 10_490), offer('777', 'Магазин X', 10_500)], [SHOP], T0);
    await until(() => deltas.length > 0);
    expect(deltas).toEqual([{ ids: [a1], rows: [expect.objectContaining({ id: a1, ourPrice: 10_490, position: 1, bestRivalPrice: 10_500 })] }]);

    recordMarket(db, a1, [offer(SHOP, 'Мой магазин', 10_490), offer('777', 'Магазин X', 10_500)], [SHOP], T0 + 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deltas).toHaveLength(1);
  });

  it('after a rules edit rewrites only the edited row, resolving only its rules', async () => {
    const { db, ids, table, deltas, row } = setup();
    table.catchUpAll();
    deltas.length = 0;
    const rules = createRulesService({ db, now: () => new Date(T0) });
    rules.update([ids.get('B2')!], { set: { ceiling: 15_000 }, unset: [] });
    expect(db.prepare('SELECT product_id FROM product_table_dirty').pluck().all()).toEqual([ids.get('B2')]);
    expect(row('B2')).toMatchObject({ ceiling: 15_000 });
    expect(deltas.map((d) => d.ids)).toEqual([[ids.get('B2')]]);
    // The store defaults touch every product of the store.
    rules.updateStoreDefaults(1, { ceiling: 30_000 });
    expect(db.prepare('SELECT count(*) FROM product_table_dirty').pluck().get()).toBe(4);
    expect(row('C3')).toMatchObject({ ceiling: 30_000 });
  });

  it('drops products gone from Kaspi and the products of a removed store', () => {
    const { db, ids, skus, table, deltas } = setup();
    table.catchUpAll();
    deltas.length = 0;
    db.prepare('UPDATE products SET removed_at = ? WHERE id = ?').run(new Date(T0).toISOString(), ids.get('B2'));
    expect(skus()).toEqual(['D4', 'C3', 'A1']);
    expect(deltas).toEqual([{ ids: [ids.get('B2')], rows: [] }]);
    db.prepare('UPDATE stores SET removed_at = ? WHERE id = 1').run(new Date(T0).toISOString());
    expect(skus()).toEqual([]);
    expect(table.summary().total).toBe(0);
  });

  it('counts the overview with SQL aggregates that agree with the rows', () => {
    const { db, ids, table, page } = setup();
    recordMarket(db, ids.get('A1')!, [offer(SHOP, 'Мой магазин', 11_000), offer('777', 'Магазин X', 10_500)], [SHOP], T0);
    recordMarket(db, ids.get('D4')!, [offer(SHOP, 'Мой магазин', 4_000)], [SHOP], T0);
    recordMarket(db, ids.get('B2')!, [offer('1', 'a', 1), offer('2', 'b', 2), offer('3', 'c', 3), offer('4', 'd', 4), offer(SHOP, 'Мой магазин', 9_500)], [SHOP], T0);
    const rows: ProductTableRow[] = page().rows;
    const seen = rows.filter((r) => r.marketAt !== null && r.ourPrice !== null);
    expect(table.summary()).toEqual({
      total: 4,
      botOn: rows.filter((r) => r.botEnabled).length,
      seen: seen.length,
      firstPlace: 1,
      atFloor: 1,
      noRivals: 1,
      rulesErrors: 0,
      positions: [1, 1, 0, 0, 1],
    });
  });
});
