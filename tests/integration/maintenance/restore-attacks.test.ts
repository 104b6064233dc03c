import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../../src-main/app/create-app';
import type { App } from '../../../src-main/app/create-app';
import { dataPaths } from '../../../src-main/app/data-paths';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { call } from '../../support/call-app';
import { clockWithNow } from '../../../src-main/time/clock';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
const apps: App[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function start(dir: string, config: Partial<Parameters<typeof createApp>[0]> = {}): Promise<App> {
  const app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test', proxyHealthChecks: false, autoStartDemper: false, ...config });
  apps.push(app);
  return app;
}

/** A seller's database with one store and one product whose floor is 150 000 ₸, and a backup of it. */
async function sellerWithBackup() {
  const dir = tempDir();
  const app = await start(dir);
  const at = new Date().toISOString();
  app.db.prepare("INSERT INTO kaspi_accounts (login, login_method, created_at, updated_at) VALUES ('seller@shop.kz', 'email', ?, ?)").run(at, at);
  app.db.prepare("INSERT INTO stores (account_id, merchant_uid, name, created_at) VALUES (1, '30000001', 'Магазин', ?)").run(at);
  app.db.prepare("INSERT INTO products (store_id, sku, title, rules_json, created_at, updated_at) VALUES (1, 'TV-1', 'Телевизор', ?, ?, ?)").run(
    JSON.stringify({ floor: { kind: 'fixed', price: 150_000 } }), at, at,
  );
  await call(app, 'settings.update', { language: 'kk' });
  const backup = await call<{ name: string; path: string }>(app, 'backup.create');
  return { dir, app, backup };
}

/** A copy of the backup, changed by `tamper`, placed in the backups folder as an attacker would leave it. */
function tampered(dir: string, backupPath: string, name: string, tamper: (db: BetterSqlite3.Database) => void): string {
  const target = join(dataPaths(dir).backups, name);
  copyFileSync(backupPath, target);
  const db = new BetterSqlite3(target);
  tamper(db);
  db.close();
  return name;
}

const floorOf = (app: App) => JSON.parse((app.db.prepare("SELECT rules_json FROM products WHERE sku = 'TV-1'").get() as { rules_json: string }).rules_json).floor.price;

describe('restoring a crafted database', () => {
  it('refuses a real backup with a trigger added (one that drops the floor to 1 ₸ after the restore)', async () => {
    const { dir, app, backup } = await sellerWithBackup();
    const name = tampered(dir, backup.path, 'with-trigger.db', (db) =>
      db.exec(`CREATE TRIGGER lower_floor AFTER UPDATE ON products BEGIN
                 UPDATE products SET rules_json = '{"floor":{"kind":"fixed","price":1}}' WHERE id = NEW.id;
               END`),
    );
    await expect(call(app, 'backup.restore', { name })).rejects.toMatchObject({ code: 'invalid_backup', message: expect.stringContaining('триггер «lower_floor»') });
    expect(existsSync(`${dataPaths(dir).database}.restore`)).toBe(false);
    await call(app, 'products.setBot', { productIds: [1], enabled: false });
    expect(floorOf(app)).toBe(150_000);
  });

  it('refuses a file with only some of the tables, a view, an extra column or a changed constraint', async () => {
    const { dir, app, backup } = await sellerWithBackup();
    const cases: Array<[string, (db: BetterSqlite3.Database) => void, RegExp]> = [
      ['partial.db', (db) => db.exec('DROP TABLE order_entries; DROP TABLE orders;'), /нет таблицы «orders»/],
      ['view.db', (db) => db.exec('CREATE VIEW cheap AS SELECT * FROM products'), /представление «cheap»/],
      ['column.db', (db) => db.exec('ALTER TABLE products ADD COLUMN note TEXT'), /таблица «products» устроена иначе/],
      ['index.db', (db) => db.exec('DROP INDEX products_master_sku'), /нет индекса «products_master_sku»/],
      ['extra-table.db', (db) => db.exec('CREATE TABLE notes (x TEXT)'), /лишняя таблица «notes»/],
      [
        'no-check.db',
        (db) => db.exec(`PRAGMA foreign_keys = OFF;
          CREATE TABLE pcp (product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE, city_id TEXT NOT NULL, price INTEGER NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (product_id, city_id));
          DROP TABLE product_city_prices; ALTER TABLE pcp RENAME TO product_city_prices;`),
        /таблица «product_city_prices» устроена иначе/,
      ],
    ];
    for (const [file, tamper, message] of cases) {
      const name = tampered(dir, backup.path, file, tamper);
      await expect(call(app, 'backup.restore', { name }), file).rejects.toMatchObject({ code: 'invalid_backup', message: expect.stringMatching(message) });
    }
    // Only price_journal: what the old check looked for.
    const fake = join(dataPaths(dir).backups, 'journal-only.db');
    const db = new BetterSqlite3(fake);
    db.exec('CREATE TABLE price_journal (id INTEGER)');
    db.pragma(`user_version = ${MIGRATIONS.at(-1)!.version}`);
    db.close();
    await expect(call(app, 'backup.restore', { name: 'journal-only.db' })).rejects.toMatchObject({ code: 'invalid_backup' });
    expect(existsSync(`${dataPaths(dir).database}.restore`)).toBe(false);
  });

  it('refuses data the contract would refuse: a negative floor, a floor that is not JSON, settings pointing the login elsewhere', async () => {
    const { dir, app, backup } = await sellerWithBackup();
    const cases: Array<[string, (db: BetterSqlite3.Database) => void, RegExp]> = [
      ['floor.db', (db) => db.exec(`UPDATE products SET rules_json = '{"floor":{"kind":"fixed","price":-5}}'`), /TV-1/],
      ['broken.db', (db) => db.exec(`UPDATE products SET rules_json = '{floor'`), /TV-1/],
      ['defaults.db', (db) => db.exec(`UPDATE stores SET default_rules_json = '{"cooldownSeconds":-1}'`), /Магазин/],
      [
        'settings.db',
        (db) => db.prepare("UPDATE settings SET value_json = json_set(value_json, '$.kaspi.idmcUrl', 'https://evil.example') WHERE key = 'app'").run(),
        /настройки/,
      ],
    ];
    for (const [file, tamper, message] of cases) {
      const name = tampered(dir, backup.path, file, tamper);
      await expect(call(app, 'backup.restore', { name }), file).rejects.toMatchObject({ code: 'invalid_backup', message: expect.stringMatching(message) });
    }
  });

  it('restores a genuine backup made by an older schema version, and the data is the backup’s', async () => {
    const dir = tempDir();
    const app = await start(dir);
    // A backup made by the release before the last migration: migrations 1..n-1 only.
    mkdirSync(dataPaths(dir).backups, { recursive: true });
    const old = new BetterSqlite3(join(dataPaths(dir).backups, 'older.db'));
    const { migrate } = await import('../../../src-main/db/migrate');
    migrate(old, MIGRATIONS.slice(0, -1));
    old.prepare("INSERT INTO settings (key, value_json) VALUES ('app', ?)").run(JSON.stringify({ language: 'en' }));
    old.close();
    await expect(call(app, 'backup.restore', { name: 'older.db' })).resolves.toEqual({ restartRequired: true });
    await app.close();
    apps.splice(0);
    const restarted = await start(dir);
    expect(await call(restarted, 'settings.get')).toMatchObject({ language: 'en' });
  });
});

describe('a restore that fails at start', () => {
  it('leaves the previous database in place and the app running, and keeps the refused file aside', async () => {
    const { dir, app, backup } = await sellerWithBackup();
    const paths = dataPaths(dir);
    let current = app;
    // Scheduled, then replaced on disk before the restart: a trigger slipped in, or the file was cut short.
    const replacements: Array<[string, () => void]> = [
      ['trigger', () => tampered(dir, backup.path, 'x.db', (db) => db.exec('CREATE TRIGGER t AFTER INSERT ON settings BEGIN SELECT 1; END'))],
      ['truncated', () => writeFileSync(join(paths.backups, 'x.db'), 'SQLite format 3\u0000broken')],
    ];
    for (const [label, replace] of replacements) {
      await call(current, 'backup.restore', { name: backup.name });
      replace();
      copyFileSync(join(paths.backups, 'x.db'), `${paths.database}.restore`);
      await current.close();
      apps.splice(0);
      current = await start(dir);
      expect(await call(current, 'settings.get'), label).toMatchObject({ language: 'kk' });
      expect(floorOf(current), label).toBe(150_000);
      expect(existsSync(`${paths.database}.restore`), label).toBe(false);
      expect(readdirSync(paths.backups).some((n) => n.startsWith('rejected-restore-')), label).toBe(true);
      const log = await call<{ records: Array<{ msg: string }> }>(current, 'logs.query', { minLevel: 'warn' });
      expect(log.records.map((r) => r.msg), label).toContain('restore refused at start; the previous database is kept');
    }
  });
});

describe('backups on disk', () => {
  it('get unique names even when two are made in the same second, and only the newest are kept', async () => {
    const dir = tempDir();
    const app = await start(dir, { clock: clockWithNow(() => Date.parse('2026-12-10T09:00:00Z')) });
    const made = [];
    for (let i = 0; i < 25; i++) made.push(await call<{ name: string }>(app, 'backup.create'));
    expect(new Set(made.map((b) => b.name)).size).toBe(25);
    const kept = await call<Array<{ name: string }>>(app, 'backup.list');
    expect(kept).toHaveLength(20);
    expect(kept.map((b) => b.name)).toContain(made.at(-1)!.name);
    expect(kept.map((b) => b.name)).not.toContain(made[0]!.name);
  });

  it('are restored by name from the backups folder only; other files only through the desktop file dialog', async () => {
    const { dir, app } = await sellerWithBackup();
    for (const name of ['../kaspi-demper.db', '/etc/passwd', 'sub/x.db', '.hidden.db']) {
      await expect(call(app, 'backup.restore', { name }), name).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(call(app, 'backup.restore', { path: join(dir, 'kaspi-demper.db') })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call(app, 'backup.restore', { name: 'missing.db' })).rejects.toMatchObject({ code: 'invalid_backup' });
    await expect(call(app, 'backup.restore', { pickFile: true })).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining(dataPaths(dir).backups) });

    const elsewhere = join(tempDir(), 'from-a-usb-stick.db');
    copyFileSync(join(dataPaths(dir).backups, (await call<Array<{ name: string }>>(app, 'backup.list'))[0]!.name), elsewhere);
    const desktop = await start(tempDir(), { shell: 'electron', pickFile: async () => elsewhere });
    await expect(call(desktop, 'backup.restore', { pickFile: true })).resolves.toEqual({ restartRequired: true });
  });
});
