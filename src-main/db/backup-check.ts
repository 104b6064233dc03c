import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { settings as settingsSchema } from '../../src-shared/contract/settings';
import { describeIssues } from '../../src-shared/contract/errors';
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
    const refuse = (code: DatabaseFileError['code'], problems: string[]): never => {
      throw new DatabaseFileError(code, `Копия ${path} не будет восстановлена: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (и ещё ${problems.length - 3})` : ''}.`);
    };
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') refuse('corrupt', [`файл повреждён (${String(integrity)})`]);
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0) refuse('corrupt', ['в файле есть строки, ссылающиеся на несуществующие записи']);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1) refuse('not_a_database', ['это не резервная копия Kaspi Demper']);
    const schema = schemaProblems(db, version, migrations);
    if (schema.length > 0) refuse('foreign_schema', [`она устроена не так, как базы Kaspi Demper (схема ${version})`, ...schema]);
    const data = dataProblems(db);
    if (data.length > 0) refuse('invalid_data', data);
  } catch (error) {
    if (error instanceof DatabaseFileError) throw error;
    throw new DatabaseFileError('corrupt', `Копия ${path} не читается: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

const KINDS: Record<string, { missing: string; extra: string }> = {
  table: { missing: 'нет таблицы', extra: 'лишняя таблица' },
  index: { missing: 'нет индекса', extra: 'лишний индекс' },
  trigger: { missing: 'нет триггера', extra: 'лишний триггер' },
  view: { missing: 'нет представления', extra: 'лишнее представление' },
};

/** SQLite's own objects (autoindexes, sqlite_sequence, statistics) follow from the rest. */
function objects(db: Database): Map<string, SchemaObject> {
  const rows = db.prepare<[], SchemaObject>("SELECT type, name, coalesce(sql, '') AS sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all();
  return new Map(rows.map((row) => [`${row.type} ${row.name}`, { ...row, sql: row.sql.replace(/\s+/g, ' ').trim() }]));
}

/** The candidate's schema against the one the migrations up to its version create in an empty database. */
function schemaProblems(candidate: Database, version: number, migrations: readonly Migration[]): string[] {
  const reference = new BetterSqlite3(':memory:');
  try {
    migrate(reference, migrations.filter((m) => m.version <= version));
    const expected = objects(reference);
    const actual = objects(candidate);
    const problems: string[] = [];
    for (const [key, object] of expected) {
      const found = actual.get(key);
      if (!found) problems.push(`${KINDS[object.type]?.missing ?? object.type} «${object.name}»`);
      else if (found.sql !== object.sql) problems.push(`${object.type === 'table' ? 'таблица' : object.type} «${object.name}» устроена иначе, чем её создаёт приложение`);
    }
    for (const [key, object] of actual) {
      if (!expected.has(key)) problems.push(`${KINDS[object.type]?.extra ?? object.type} «${object.name}» — приложение такого не создаёт`);
    }
    return problems;
  } finally {
    reference.close();
  }
}

/** The data a seller edits through the contract, checked with the contract's schemas. */
function dataProblems(db: Database): string[] {
  const problems: string[] = [];
  const check = (schema: z.ZodType, json: string, where: string) => {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      problems.push(`${where}: не JSON`);
      return;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) problems.push(`${where}: ${describeIssues(parsed.error).join(', ')}`);
  };
  for (const row of db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings').all()) {
    if (row.key === APP_SETTINGS_KEY) check(appSettings, row.value_json, 'настройки приложения');
    else check(anyJson, row.value_json, `настройки «${row.key}»`);
  }
  for (const row of db.prepare<[], { name: string; default_rules_json: string }>('SELECT name, default_rules_json FROM stores').all()) {
    check(storeRuleDefaults, row.default_rules_json, `правила магазина «${row.name}»`);
  }
  for (const row of db.prepare<[], { sku: string; rules_json: string }>('SELECT sku, rules_json FROM products').all()) {
    check(productRules, row.rules_json, `правила товара ${row.sku}`);
  }
  return problems;
}

const anyJson = z.unknown();
const productRules = productRuleOverrides.partial();
/** As readSettings reads them: what a newer release added comes from the defaults, the rest must pass the contract. */
const appSettings = z.preprocess((value) => (value !== null && typeof value === 'object' ? withDefaults(value) : value), settingsSchema);
