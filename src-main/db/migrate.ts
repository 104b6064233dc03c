import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/types';
import { MIGRATIONS } from './migrations';
import { DatabaseFileError } from './errors';
import { msg } from '../../src-shared/i18n/message';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration, each in its own transaction together with the version bump, so
 * a crash leaves the database at the previous version, never half-migrated.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new DatabaseFileError('newer_schema', msg('db.newer_schema', { current, latest }));
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
