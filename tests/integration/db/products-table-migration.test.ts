import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

describe('migration 11: the products table read model', () => {
  it('keeps the latest snapshot per offer, counts the journal per day and marks every product for its first row', () => {
    const db = new BetterSqlite3(join(tempDir(), 'app.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version < 11));
    const at = '2026-03-01T10:00:00.000Z';
    db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'a@b.kz', 'email', ?, ?)").run(at, at);
    db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, created_at) VALUES (1, 1, '30000001', 'Shop', ?)").run(at);
    for (const id of [1, 2]) db.prepare("INSERT INTO products (id, store_id, sku, title, created_at, updated_at) VALUES (?, 1, ?, 'T', ?, ?)").run(id, `S${id}`, at, at);
    const offers = (ours: number, rival: number) => JSON.stringify([{ merchantId: '777', merchantName: 'Магазин X', price: rival }, { merchantId: '30000001', merchantName: 'Shop', price: ours }]);
    const snap = db.prepare('INSERT INTO offer_snapshots (product_id, city_id, taken_at, our_price, our_position, best_rival_price, best_rival_merchant_id, offers_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    snap.run(1, '750000000', '2026-03-01T09:00:00.000Z', 1_100, 2, 1_000, '777', offers(1_100, 1_000));
    snap.run(1, '750000000', '2026-03-01T10:00:00.000Z', 990, 1, 1_000, '777', offers(990, 1_000));
    snap.run(1, '710000000', '2026-03-01T10:00:00.000Z', 500, 1, null, null, JSON.stringify([{ merchantId: '30000001', merchantName: 'Shop', price: 500 }]));
    const journal = db.prepare("INSERT INTO price_journal (store_id, product_id, city_id, new_price, reason_code, reason_json, status, created_at) VALUES (1, 1, '750000000', 990, 'x', '{}', ?, ?)");
    journal.run('verified', '2026-03-01T10:00:00.000Z');
    journal.run('dry_run', '2026-03-01T20:00:00.000Z'); // 01:00 on the 2nd in Kazakhstan
    journal.run('failed', '2026-03-01T10:00:00.000Z');

    migrate(db);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT product_id, city_id, snapshot_id, our_price, our_position, best_rival_price, best_rival_name, rivals_count FROM offer_latest ORDER BY city_id').all()).toEqual([
      { product_id: 1, city_id: '710000000', snapshot_id: 3, our_price: 500, our_position: 1, best_rival_price: null, best_rival_name: null, rivals_count: 0 },
      { product_id: 1, city_id: '750000000', snapshot_id: 2, our_price: 990, our_position: 1, best_rival_price: 1_000, best_rival_name: 'Магазин X', rivals_count: 1 },
    ]);
    expect(db.prepare('SELECT * FROM price_journal_days ORDER BY day').all()).toEqual([
      { day: '2026-03-01', changes: 1, dry_run: 0 },
      { day: '2026-03-02', changes: 0, dry_run: 1 },
    ]);
    expect(db.prepare('SELECT product_id FROM product_table_dirty ORDER BY 1').pluck().all()).toEqual([1, 2]);

    // From now on the triggers keep them: a status change moves a row between the day's counts.
    db.prepare("UPDATE price_journal SET status = 'verified' WHERE status = 'failed'").run();
    expect(db.prepare("SELECT changes FROM price_journal_days WHERE day = '2026-03-01'").pluck().get()).toBe(2);
    db.prepare('DELETE FROM price_journal').run();
    expect(db.prepare('SELECT sum(changes) + sum(dry_run) FROM price_journal_days').pluck().get()).toBe(0);
    db.prepare('DELETE FROM product_table_dirty').run();
    db.prepare("UPDATE products SET title = 'T' WHERE id = 2").run();
    expect(db.prepare('SELECT count(*) FROM product_table_dirty').pluck().get()).toBe(0);
    db.prepare("UPDATE products SET title = 'New' WHERE id = 2").run();
    expect(db.prepare('SELECT product_id FROM product_table_dirty').pluck().all()).toEqual([2]);
    // A product deleted with its history takes its rows along.
    db.prepare('DELETE FROM offer_snapshots').run();
    db.prepare('DELETE FROM products WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM offer_latest').pluck().get()).toBe(0);
    db.close();
  });
});
