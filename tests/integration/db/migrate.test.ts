import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import type { Migration } from '../../../src-main/db/migrations';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

function freshFile(): BetterSqlite3.Database {
  return new BetterSqlite3(join(tempDir(), 'app.db'));
}

describe('migrations', () => {
  it('are numbered from 1 upwards, never repeated (each issue branch adds the number it was given)', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions.every((v, i) => i === 0 || v > versions[i - 1]!)).toBe(true);
  });

  it('each has its own test with data in tests/integration/db/migrations (NNN-name.test.ts)', () => {
    const tested = readdirSync('tests/integration/db/migrations').flatMap((file) => /^(\d{3})-.*\.test\.ts$/.exec(file)?.[1] ?? []).map(Number);
    expect(MIGRATIONS.map((m) => m.version).filter((version) => !tested.includes(version))).toEqual([]);
  });

  it('each applies on top of the previous ones and keeps the data already there', () => {
    for (const [index, migration] of MIGRATIONS.entries()) {
      const db = freshFile();
      migrate(db, MIGRATIONS.slice(0, index));
      // Whatever the earlier schema holds, a row in every table must survive the next step.
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
      const counts = Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
      if (tables.includes('settings')) db.prepare("INSERT INTO settings (key, value_json) VALUES ('keep', '\"me\"')").run();
      migrate(db, MIGRATIONS.slice(0, index + 1));
      expect(schemaVersion(db)).toBe(migration.version);
      if (tables.includes('settings')) {
        expect(db.prepare("SELECT value_json FROM settings WHERE key = 'keep'").get()).toEqual({ value_json: '"me"' });
      }
      for (const table of tables) {
        const after = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
        expect(after).toBeGreaterThanOrEqual(counts[table]!);
      }
      db.close();
    }
  });

  it('upgrades a database that holds data through a data-moving step', () => {
    const db = freshFile();
    migrate(db);
    const now = new Date().toISOString();
    db.prepare("INSERT INTO kaspi_accounts (id, login, login_method, created_at, updated_at) VALUES (1, 'a@b.kz', 'email', ?, ?)").run(now, now);
    db.prepare("INSERT INTO stores (id, account_id, merchant_uid, name, created_at) VALUES (1, 1, '30067228', 'Shop', ?)").run(now);
    const next: Migration = {
      version: MIGRATIONS.at(-1)!.version + 1,
      name: 'store name upper',
      up: (d) => {
        d.exec('ALTER TABLE stores ADD COLUMN display_name TEXT');
        d.exec('UPDATE stores SET display_name = upper(name)');
      },
    };
    migrate(db, [...MIGRATIONS, next]);
    expect(db.prepare('SELECT name, display_name FROM stores').get()).toEqual({ name: 'Shop', display_name: 'SHOP' });
    db.close();
  });

  it('rolls a failing step back whole and leaves the version where it was', () => {
    const db = freshFile();
    migrate(db);
    const before = schemaVersion(db);
    const broken: Migration = {
      version: before + 1,
      name: 'broken',
      up: 'CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(before);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });
});
