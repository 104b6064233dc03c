import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../src-main/db/connection';
import { DatabaseFileError } from '../../../src-main/db/errors';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

describe('database connection', () => {
  it('opens a new file with WAL, foreign keys and synchronous FULL at the latest schema', () => {
    const db = openDatabase(join(tempDir(), 'app.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('refuses a file that is not SQLite and leaves it byte for byte as it was', () => {
    const path = join(tempDir(), 'app.db');
    writeFileSync(path, 'this is a spreadsheet, not a database\n'.repeat(20));
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(DatabaseFileError);
    expect(() => openDatabase(path)).toThrow(/не является базой данных/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a SQLite file with damaged pages and does not overwrite it', () => {
    const path = join(tempDir(), 'app.db');
    const db = openDatabase(path);
    const insert = db.prepare("INSERT INTO settings (key, value_json) VALUES (?, ?)");
    for (let i = 0; i < 2000; i++) insert.run(`k${i}`, JSON.stringify({ filler: 'x'.repeat(200) }));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    // Keep the header, scramble the b-tree pages behind it.
    for (let i = 4096 * 2; i < bytes.length; i += 7) bytes[i] = (bytes[i]! + 91) % 256;
    writeFileSync(path, bytes);
    expect(() => openDatabase(path)).toThrow(/повреждена|не является/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a database written by a newer version of the app', () => {
    const path = join(tempDir(), 'app.db');
    const raw = new BetterSqlite3(path);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(path)).toThrow(/более новой версией/);
  });

  it('stores money only as positive whole tenge', () => {
    const db = openDatabase(join(tempDir(), 'app.db'));
    const now = new Date().toISOString();
    db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'a@b.kz', 'email', ?, ?)").run(now, now);
    db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, created_at) VALUES (1, 1, '30067228', 'Shop', ?)").run(now);
    db.prepare("INSERT INTO products (id, store_id, sku, title, created_at, updated_at) VALUES (1, 1, 'SKU1', 'Phone', ?, ?)").run(now, now);
    const setPrice = db.prepare("INSERT OR REPLACE INTO product_city_prices (product_id, city_id, price, updated_at) VALUES (1, '750000000', ?, ?)");
    expect(() => setPrice.run(12990, now)).not.toThrow();
    expect(() => setPrice.run(12990.5, now)).toThrow(/CHECK/);
    expect(() => setPrice.run(0, now)).toThrow(/CHECK/);
    expect(() => setPrice.run(-5, now)).toThrow(/CHECK/);
    db.close();
  });

  it('enforces foreign keys: a product cannot point at a missing store', () => {
    const db = openDatabase(join(tempDir(), 'app.db'));
    const now = new Date().toISOString();
    expect(() =>
      db.prepare("INSERT INTO products (store_id, sku, title, created_at, updated_at) VALUES (42, 'X', 'Y', ?, ?)").run(now, now),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
