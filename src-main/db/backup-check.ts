import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { settings as settingsSchema } from '../../src-shared/contract/settings';
import { issueMessages, msg } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';
import { productRuleOverrides, storeRuleDefaults } from '../../src-shared/domain/rules';
import { z } from 'zod';
import { validateDatabaseFile } from './connection';
import { DatabaseFileError } from './errors';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations';
import { APP_SETTINGS_KEY, withDefaults } from './repos/settings-repo';

/**
 * What a file must be before it replaces the seller's database (issue #10): a SQLite file whose
 * whole schema — tables, columns, constraints, indexes — is exactly what this app's migrations
 * create for its version, with no trigger or view the app does not create (one could rewrite a
 * floor after the restore), and whose seller-editable data passes the contract's own checks.
 * Throws a DatabaseFileError saying what is wrong; never writes to the file.
 */
export function checkBackupFile(path: string, migrations: readonly Migration[] = MIGRATIONS): void {
  validateDatabaseFile(path, migrations.at(-1)!.version);
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const refuse = (code: DatabaseFileError['code'], problems: Message[]): never => {
      throw new DatabaseFileError(code, msg('backup.refused', { path, problems: problems.slice(0, 3), more: Math.max(0, problems.length - 3) }));
    };
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') refuse('corrupt', [msg('backup.damaged', { detail: String(integrity) })]);
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0) refuse('corrupt', [msg('backup.dangling_rows')]);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1) refuse('not_a_database', [msg('backup.not_ours')]);
    const schema = schemaProblems(db, version, migrations);
    if (schema.length > 0) refuse('foreign_schema', [msg('backup.foreign_schema', { version }), ...schema]);
    const data = dataProblems(db);
    if (data.length > 0) refuse('invalid_data', data);
  } catch (error) {
    if (error instanceof DatabaseFileError) throw error;
    throw new DatabaseFileError('corrupt', msg('backup.unreadable', { path, detail: (error as Error).message }));
  } finally {
    db.close();
  }
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

/** SQLite's own objects (autoindexes, sqlite_sequence, statistics) follow from the rest. */
function objects(db: Database): Map<string, SchemaObject> {
  const rows = db.prepare<[], SchemaObject>("SELECT type, name, coalesce(sql, '') AS sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all();
  return new Map(rows.map((row) => [`${row.type} ${row.name}`, { ...row, sql: row.sql.replace(/\s+/g, ' ').trim() }]));
}

/** The candidate's schema against the one the migrations up to its version create in an empty database. */
function schemaProblems(candidate: Database, version: number, migrations: readonly Migration[]): Message[] {
  const reference = new BetterSqlite3(':memory:');
  try {
    migrate(reference, migrations.filter((m) => m.version <= version));
    const expected = objects(reference);
    const actual = objects(candidate);
    const problems: Message[] = [];
    for (const [key, object] of expected) {
      const found = actual.get(key);
      if (!found) problems.push(msg('backup.object_missing', { kind: object.type, name: object.name }));
      else if (found.sql !== object.sql) problems.push(msg('backup.object_differs', { kind: object.type, name: object.name }));
    }
    for (const [key, object] of actual) {
      if (!expected.has(key)) problems.push(msg('backup.object_extra', { kind: object.type, name: object.name }));
    }
    return problems;
  } finally {
    reference.close();
  }
}

/** The data a seller edits through the contract, checked with the contract's schemas. */
function dataProblems(db: Database): Message[] {
  const problems: Message[] = [];
  const check = (schema: z.ZodType, json: string, where: Message) => {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      problems.push(msg('backup.not_json', { where }));
      return;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) problems.push(msg('backup.bad_data', { where, issues: issueMessages(parsed.error) }));
  };
  for (const row of db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings').all()) {
    if (row.key === APP_SETTINGS_KEY) check(appSettings, row.value_json, msg('backup.where.app_settings'));
    else check(anyJson, row.value_json, msg('backup.where.setting', { key: row.key }));
  }
  for (const row of db.prepare<[], { name: string; default_rules_json: string }>('SELECT name, default_rules_json FROM stores').all()) {
    check(storeRuleDefaults, row.default_rules_json, msg('backup.where.store_rules', { name: row.name }));
  }
  for (const row of db.prepare<[], { sku: string; rules_json: string }>('SELECT sku, rules_json FROM products').all()) {
    check(productRules, row.rules_json, msg('backup.where.product_rules', { sku: row.sku }));
  }
  return problems;
}

const anyJson = z.unknown();
const productRules = productRuleOverrides.partial();
/** As readSettings reads them: what a newer release added comes from the defaults, the rest must pass the contract. */
const appSettings = z.preprocess((value) => (value !== null && typeof value === 'object' ? withDefaults(value) : value), settingsSchema);
