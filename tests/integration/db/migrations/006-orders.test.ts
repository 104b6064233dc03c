import { describe, expect, it } from 'vitest';
import { migrateTo, seedStore, seededCounts, useMigrationFiles } from './migration-files';

const files = useMigrationFiles();
const at = '2026-03-01T10:00:00.000Z';
const kzDay = (iso: string) => Math.floor((Date.parse(iso) + 5 * 3_600_000) / 86_400_000);

describe('migration 6: orders', () => {
  it('rebuilds the orders tables keeping every order and entry already stored, with foreign keys on', () => {
    const db = files.at(5);
    seedStore(db);
    db.prepare("INSERT INTO orders (id, store_id, kaspi_id, code, state, status, total_price, created_at_kaspi, updated_at) VALUES (7, 1, 'K1', '512', 'ARCHIVE', 'COMPLETED', 5000, ?, ?)").run(at, at);
    db.prepare("INSERT INTO order_entries (order_id, entry_no, master_sku, sku, name, quantity, total_price) VALUES (7, 0, '111', 'S-1', 'Товар', 2, 5000)").run();
    db.prepare("INSERT INTO whatsapp_messages (order_id, phone_enc, body, status, created_at) VALUES (NULL, 'x', 'hi', 'queued', ?)").run(at);
    const before = seededCounts(db);

    migrateTo(db, 6);
    expect(seededCounts(db)).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const order = db.prepare('SELECT id, code, state, status, total_price, created_ms, day FROM orders').get();
    expect(order).toEqual({ id: 7, code: '512', state: 'archive', status: 'COMPLETED', total_price: 5000, created_ms: Date.parse(at), day: kzDay(at) });
    expect(db.prepare('SELECT order_id, store_id, quantity, day FROM order_entries').get()).toMatchObject({ order_id: 7, store_id: 1, quantity: 2 });
    // Messages still point at orders (the renamed table), and history cannot be rewritten.
    db.prepare("INSERT INTO order_status_history (order_id, at_ms, observed_ms, state) VALUES (7, 1, 1, 'archive')").run();
    expect(() => db.prepare("UPDATE order_status_history SET state = 'new'").run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO whatsapp_messages (order_id, phone_enc, body, status, created_at) VALUES (999, 'x', 'hi', 'queued', ?)").run(at)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM orders WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM order_status_history').get()).toEqual({ n: 0 });
  });

  it('maps the old free-text states onto the tabs, stamps the Kazakhstan day, and derives what each sale line adds to analytics', () => {
    const db = files.at(5);
    seedStore(db);
    const order = db.prepare('INSERT INTO orders (id, store_id, code, state, total_price, customer_phone_enc, created_at_kaspi, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)');
    // 20:30 UTC is already the next day in Kazakhstan (UTC+5).
    order.run(1, 'A', 'NEW', 1_000, 'enc:phone', '2026-03-01T20:30:00.000Z', at);
    order.run(2, 'B', 'KASPI_DELIVERY', 2_000, null, at, at);
    order.run(3, 'C', null, 3_000, null, at, at);
    order.run(4, 'D', 'something Kaspi added later', 4_000, null, at, at);
    db.prepare("INSERT INTO order_entries (order_id, entry_no, sku, name, quantity, total_price) VALUES (1, 0, 'SKU-7', 'Phone', 3, 900), (1, 1, 'SKU-8', 'Case', 1, 100)").run();

    migrateTo(db, 6);
    expect(db.prepare('SELECT code, state, source, day, phone_enc, entries_state FROM orders ORDER BY id').all()).toEqual([
      { code: 'A', state: 'new', source: 'shop_api', day: kzDay('2026-03-02T00:00:00.000Z'), phone_enc: 'enc:phone', entries_state: 'complete' },
      { code: 'B', state: 'kaspi_delivery', source: 'shop_api', day: kzDay(at), phone_enc: null, entries_state: 'complete' },
      { code: 'C', state: 'archive', source: 'shop_api', day: kzDay(at), phone_enc: null, entries_state: 'complete' },
      { code: 'D', state: 'archive', source: 'shop_api', day: kzDay(at), phone_enc: null, entries_state: 'complete' },
    ]);
    // Entries carry their order's day; with no market known at the sale, every unit counts as "unknown place".
    expect(db.prepare('SELECT entry_no, day, quantity, units_first, units_unknown, revenue_first, cost_total FROM order_entries ORDER BY entry_no').all()).toEqual([
      { entry_no: 0, day: kzDay('2026-03-02T00:00:00.000Z'), quantity: 3, units_first: 0, units_unknown: 3, revenue_first: 0, cost_total: null },
      { entry_no: 1, day: kzDay('2026-03-02T00:00:00.000Z'), quantity: 1, units_first: 0, units_unknown: 1, revenue_first: 0, cost_total: null },
    ]);
    // The triggers keep the derived columns as the sync fills in the market and the cost.
    db.prepare('UPDATE order_entries SET position_at_sale = 1, unit_cost = 200 WHERE entry_no = 0').run();
    expect(db.prepare('SELECT units_first, units_unknown, revenue_first, covered_revenue, cost_total FROM order_entries WHERE entry_no = 0').get()).toEqual({
      units_first: 3, units_unknown: 0, revenue_first: 900, covered_revenue: 900, cost_total: 600,
    });
  });
});
