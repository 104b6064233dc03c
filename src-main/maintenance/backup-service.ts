import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../src-shared/contract/maintenance';
import { AppError } from '../../src-shared/contract';
import { openDatabase } from '../db/connection';
import { checkBackupFile } from '../db/backup-check';
import { DatabaseFileError } from '../db/errors';
import type { DataPaths } from '../app/data-paths';
import type { Logger } from '../logging/logger';
import { logText } from '../logging/log-text';
import { msg } from '../../src-shared/i18n/message';

const stamp = (date: Date) => date.toISOString().replace(/[:T]/g, '-').replace(/\..+$/, '');
const pendingRestore = (paths: DataPaths) => `${paths.database}.restore`;
const SIDE_FILES = ['-wal', '-shm'];

/** How many files of each kind the backups folder keeps; the oldest go first. */
const RETENTION = { 'kaspi-demper-': 20, 'before-restore-': 5, 'rejected-restore-': 5 } as const;
type Kind = keyof typeof RETENTION;

/**
 * Backups through SQLite's online backup API (consistent while the bot keeps writing) and
 * restores that never overwrite the live database in place: a checked copy waits next to it and
 * replaces it at the next start, with the current database kept in the backups folder. A restore
 * names a file in the backups folder or one the seller picked in the desktop's file dialog.
 */
export function createBackupService(deps: { db: Database; paths: DataPaths; now: () => Date; onProgress(done: number, total: number): void }) {
  const { paths } = deps;
  const info = (path: string): BackupInfo => {
    const stat = statSync(path);
    return { name: basename(path), path, sizeBytes: stat.size, createdAt: stat.mtime.toISOString() };
  };

  function schedule(file: string): void {
    try {
      checkBackupFile(file);
    } catch (error) {
      if (error instanceof DatabaseFileError) throw new AppError('invalid_backup', error.userMessage);
      throw error;
    }
    copyFileSync(file, pendingRestore(paths));
    chmodSync(pendingRestore(paths), 0o600);
  }

  return {
    list(): BackupInfo[] {
      if (!existsSync(paths.backups)) return [];
      return newestFirst(paths.backups, readdirSync(paths.backups).filter((name) => name.endsWith('.db'))).map((name) => info(join(paths.backups, name)));
    },
    async create(): Promise<BackupInfo> {
      const target = claimName(paths.backups, 'kaspi-demper-', deps.now());
      await deps.db.backup(target, {
        progress: ({ totalPages, remainingPages }) => {
          deps.onProgress(totalPages - remainingPages, totalPages);
          return 200;
        },
      });
      chmodSync(target, 0o600);
      prune(paths.backups, 'kaspi-demper-');
      return info(target);
    },
    /** A file of the backups folder, by its name (the contract lets no path through). */
    restoreByName(name: string): void {
      const file = join(paths.backups, name);
      let real: string;
      try {
        real = realpathSync(file);
      } catch {
        throw new AppError('invalid_backup', msg('backup.not_in_folder', { name, folder: paths.backups }));
      }
      if (!real.startsWith(realpathSync(paths.backups) + sep)) throw new AppError('invalid_backup', msg('backup.outside_folder', { name }));
      schedule(real);
    },
    /** A file the seller picked in the native dialog. */
    restoreFile(picked: string): void {
      schedule(picked);
    },
  };
}

/**
 * Opens the app's database at start, first swapping in a restore chosen last time — if it still
 * passes every check and migrates. A restore that fails is moved aside and the previous database
 * stays in place, so the app starts either way.
 */
export function openWithPendingRestore(paths: DataPaths, now: Date, log: Logger): Database {
  const pending = pendingRestore(paths);
  if (existsSync(pending)) {
    try {
      checkBackupFile(pending);
      openDatabase(pending).close();
      if (existsSync(paths.database)) moveWithSideFiles(paths.database, claimName(paths.backups, 'before-restore-', now));
      moveWithSideFiles(pending, paths.database);
      prune(paths.backups, 'before-restore-');
      log.warn('database restored from a backup chosen before the restart');
    } catch (error) {
      const aside = claimName(paths.backups, 'rejected-restore-', now);
      moveWithSideFiles(pending, aside);
      prune(paths.backups, 'rejected-restore-');
      log.warn('restore refused at start; the previous database is kept', { file: aside, error: logText(error) });
    }
  }
  return openDatabase(paths.database);
}

/**
 * A new file name no other call holds (created empty at once), even for two backups in the same
 * second: a counter after the time, above any used for that second, so a name is never reused.
 */
function claimName(dir: string, kind: Kind, now: Date): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const base = `${kind}${stamp(now)}`;
  const used = readdirSync(dir).map((name) => (name === `${base}.db` ? 1 : Number(new RegExp(`^${base}-(\\d+)\\.db$`).exec(name)?.[1] ?? 0)));
  for (let n = Math.max(0, ...used) + 1; ; n++) {
    const path = join(dir, `${base}${n > 1 ? `-${n}` : ''}.db`);
    try {
      closeSync(openSync(path, 'wx', 0o600));
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function moveWithSideFiles(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of SIDE_FILES) {
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
  }
}

function newestFirst(dir: string, names: string[]): string[] {
  const at = new Map(names.map((name) => [name, statSync(join(dir, name)).mtimeMs]));
  return names.sort((a, b) => at.get(b)! - at.get(a)! || b.localeCompare(a, undefined, { numeric: true }));
}

function prune(dir: string, kind: Kind): void {
  const own = newestFirst(dir, readdirSync(dir).filter((name) => name.startsWith(kind) && name.endsWith('.db')));
  for (const name of own.slice(RETENTION[kind])) {
    for (const suffix of ['', ...SIDE_FILES]) rmSync(join(dir, name + suffix), { force: true });
  }
}

export type BackupService = ReturnType<typeof createBackupService>;
