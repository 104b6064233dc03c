import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterEach } from 'vitest';
import { migrate, schemaVersion } from '../../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../../src-main/db/migrations';
import { useTempDir } from '../../../support/temp-dir';

/**
 * Real SQLite files at a chosen schema version, for the one-test-per-migration files beside this
 * one (NNN-name.test.ts): open a file at N-1, write the rows a seller has by then, `migrateTo(db, N)`,
 * read them back. A branch adding migration N adds one such file; nothing here changes.
 */
export function useMigrationFiles(): { at(version: number): Database } {
  const tempDir = useTempDir('kd-migration-');
  const opened: Database[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
  });
  return {
    /** A new file, opened as the app opens it (WAL, foreign keys on), migrated up to `version` (0: empty). */
    at(version: number): Database {
      const db = new BetterSqlite3(join(tempDir(), 'app.db'));
      opened.push(db);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      migrateTo(db, version);
      return db;
    },
  };
}

/** Applies the migrations up to and including `version`, exactly as the app does at start-up. */
export function migrateTo(db: Database, version: number): void {
  if (version !== 0 && !MIGRATIONS.some((m) => m.version === version)) throw new Error(`no migration ${version}`);
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  if (schemaVersion(db) !== version) throw new Error(`the file is at version ${schemaVersion(db)}, not ${version}`);
}

export const SEED_AT = '2026-03-01T10:00:00.000Z';

/**
 * What every seller has from version 1 on: one Kaspi login with its store in two cities, two
 * points of sale and two products (7 priced in both cities, 8 in Almaty only). Written with the
 * columns of 001, so it is valid at any later version.
 */
export function seedStore(db: Database): void {
  const at = SEED_AT;
  db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, password_enc, cookies_enc, session_status, created_at, updated_at) VALUES (1, 'seller@shop.kz', 'email', 'enc:pw', 'enc:cookies', 'valid', ?, ?)").run(at, at);
  db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, bot_enabled, default_rules_json, created_at) VALUES (1, 1, '30067228', 'Shop', 1, '{\"floorPct\":90}', ?)").run(at);
  db.prepare("INSERT INTO store_points (store_id, point_id, name, city_id) VALUES (1, '30067228_PP1', 'Almaty', '750000000'), (1, '30067228_PP2', 'Astana', '710000000')").run();
  db.prepare("INSERT INTO store_cities (store_id, city_id, name) VALUES (1, '750000000', 'Алматы'), (1, '710000000', 'Астана')").run();
  const product = db.prepare("INSERT INTO products (id, store_id, sku, master_sku, title, bot_enabled, rules_json, synced_at, created_at, updated_at) VALUES (?, 1, ?, ?, ?, 1, '{\"floor\":90000}', ?, ?, ?)");
  product.run(7, 'SKU-7', '111', 'Смартфон Samsung Galaxy A15 128GB', at, at, at);
  product.run(8, 'SKU-8', '222', 'Чехол', at, at, at);
  const price = db.prepare('INSERT INTO product_city_prices (product_id, city_id, price, updated_at) VALUES (?, ?, ?, ?)');
  price.run(7, '750000000', 99_990, at);
  price.run(7, '710000000', 101_990, at);
  price.run(8, '750000000', 2_500, at);
  const point = db.prepare('INSERT INTO product_availabilities (product_id, point_id, available, preorder_days, stock_count) VALUES (?, ?, ?, ?, ?)');
  point.run(7, '30067228_PP1', 1, 0, 5);
  point.run(7, '30067228_PP2', 1, 3, null);
  point.run(8, '30067228_PP1', 1, 0, null);
  db.prepare("INSERT INTO offer_snapshots (product_id, city_id, taken_at, our_price, our_position, best_rival_price, best_rival_merchant_id, offers_json) VALUES (7, '750000000', ?, 99990, 2, 99500, 'rival', '[]')").run(at);
  db.prepare("INSERT INTO price_journal (store_id, product_id, city_id, old_price, new_price, reason_code, reason_json, status, created_at, pushed_at) VALUES (1, 7, '750000000', 100990, 99990, 'undercut', '{}', 'pushed', ?, ?)").run(at, at);
}

/** Counts of the rows seedStore writes, to compare before and after a step. */
export function seededCounts(db: Database): Record<string, number> {
  const tables = ['kaspi_accounts', 'stores', 'store_points', 'store_cities', 'products', 'product_city_prices', 'product_availabilities', 'offer_snapshots', 'price_journal'];
  return Object.fromEntries(tables.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));
}
