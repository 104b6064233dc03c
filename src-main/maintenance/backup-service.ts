import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../src-shared/contract/maintenance';
import { AppError } from '../../src-shared/contract';
import { validateDatabaseFile } from '../db/connection';
import { DatabaseFileError } from '../db/errors';
import { MIGRATIONS } from '../db/migrations';
import type { DataPaths } from '../app/data-paths';

const stamp = (date: Date) => date.toISOString().replace(/[:T]/g, '-').replace(/\..+$/, '');
const pendingRestore = (paths: DataPaths) => `${paths.database}.restore`;

/**
 * Backups through SQLite's online backup API (consistent while the bot keeps writing) and
 * restores that never overwrite the live database in place: a checked copy waits next to it and
 * replaces it at the next start, with the current database kept in the backups folder.
 */
export function createBackupService(deps: { db: Database; paths: DataPaths; now: () => Date; onProgress(done: number, total: number): void }) {
  const { paths } = deps;
  const info = (path: string): BackupInfo => {
    const stat = statSync(path);
    return { name: basename(path), path, sizeBytes: stat.size, createdAt: stat.mtime.toISOString() };
  };
  return {
    list(): BackupInfo[] {
      if (!existsSync(paths.backups)) return [];
      return readdirSync(paths.backups)
        .filter((name) => name.endsWith('.db'))
        .map((name) => info(join(paths.backups, name)))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async create(): Promise<BackupInfo> {
      mkdirSync(paths.backups, { recursive: true });
      const target = join(paths.backups, `kaspi-demper-${stamp(deps.now())}.db`);
      await deps.db.backup(target, {
        progress: ({ totalPages, remainingPages }) => {
          deps.onProgress(totalPages - remainingPages, totalPages);
          return 200;
        },
      });
      return info(target);
    },
    restore(path: string): void {
      try {
        validateDatabaseFile(path, MIGRATIONS.at(-1)!.version);
      } catch (error) {
        if (error instanceof DatabaseFileError) throw new AppError('invalid_backup', error.message);
        throw error;
      }
      copyFileSync(path, pendingRestore(paths));
    },
  };
}

/** At start, before the database opens: swaps in a restore chosen last time, keeping the old database. */
export function applyPendingRestore(paths: DataPaths, now: Date): boolean {
  const pending = pendingRestore(paths);
  if (!existsSync(pending)) return false;
  mkdirSync(paths.backups, { recursive: true });
  const kept = join(paths.backups, `before-restore-${stamp(now)}.db`);
  if (existsSync(paths.database)) renameSync(paths.database, kept);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(paths.database + suffix)) renameSync(paths.database + suffix, kept + suffix);
  }
  renameSync(pending, paths.database);
  return true;
}
export type BackupService = ReturnType<typeof createBackupService>;
