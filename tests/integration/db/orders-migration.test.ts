import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

describe('migration 6: orders', () => {
  it('rebuilds the orders tables keeping every order and entry already stored, with foreign keys on', () => {
    const db = new BetterSqlite3(join(tempDir(), 'app.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version < 6));
    const at = '2026-03-01T10:00:00.000Z';
    db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'a@b.kz', 'email', ?, ?)").run(at, at);
    db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, created_at) VALUES (1, 1, '30067228', 'Shop', ?)").run(at);
    db.prepare("INSERT INTO orders (id, store_id, kaspi_id, code, state, status, total_price, created_at_kaspi, updated_at) VALUES (7, 1, 'K1', '512', 'ARCHIVE', 'COMPLETED', 5000, ?, ?)").run(at, at);
    db.prepare("INSERT INTO order_entries (order_id, entry_no, master_sku, sku, name, quantity, total_price) VALUES (7, 0, '111', 'S-1', 'Товар', 2, 5000)").run();
    db.prepare("INSERT INTO whatsapp_messages (order_id, phone_enc, body, status, created_at) VALUES (NULL, 'x', 'hi', 'queued', ?)").run(at);

    migrate(db);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const order = db.prepare('SELECT id, code, state, status, total_price, created_ms, day FROM orders').get();
    expect(order).toEqual({ id: 7, code: '512', state: 'archive', status: 'COMPLETED', total_price: 5000, created_ms: Date.parse(at), day: Math.floor((Date.parse(at) + 5 * 3_600_000) / 86_400_000) });
    expect(db.prepare('SELECT order_id, store_id, quantity, day FROM order_entries').get()).toMatchObject({ order_id: 7, store_id: 1, quantity: 2 });
    // Messages still point at orders (the renamed table), and history cannot be rewritten.
    db.prepare("INSERT INTO order_status_history (order_id, at_ms, observed_ms, state) VALUES (7, 1, 1, 'archive')").run();
    expect(() => db.prepare("UPDATE order_status_history SET state = 'new'").run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO whatsapp_messages (order_id, phone_enc, body, status, created_at) VALUES (999, 'x', 'hi', 'queued', ?)").run(at)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM orders WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM order_status_history').get()).toEqual({ n: 0 });
    db.close();
  });
});
