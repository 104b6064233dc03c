import BetterSqlite3 from 'better-sqlite3';
import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';
import type { Database } from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { DatabaseFileError } from './errors';
import { migrate } from './migrate';
import { sqliteOptions } from './native-binding';

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (or creates) the app database and brings its schema up to date. Refuses — without
 * writing a byte — a file that is not SQLite or fails the integrity check, so a seller's data is
 * never overwritten by a fresh empty database.
 */
export function openDatabase(path: string): Database {
  checkHeader(path);
  let db: Database;
  try {
    db = new BetterSqlite3(path, sqliteOptions({}));
  } catch (error) {
    throw new DatabaseFileError('unreadable', msg('db.cannot_open', { path, detail: (error as Error).message }));
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseFileError('corrupt', corruptMessage(path, String(check)));
    db.pragma('journal_mode = WAL');
    // FULL: a journal row marked "pushed" survives a power cut (design.md §5).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseFileError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new DatabaseFileError('corrupt', corruptMessage(path, (error as Error).message));
    }
    throw error;
  }
}

/**
 * Checks that a file is a database this app can use (a backup to restore, say) without changing
 * it: SQLite header, integrity, a schema version this release knows, the tables it expects.
 */
export function validateDatabaseFile(path: string, latestVersion: number): void {
  if (!existsSync(path)) throw new DatabaseFileError('unreadable', msg('db.file_missing', { path }));
  checkHeader(path);
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(path, sqliteOptions({ readonly: true, fileMustExist: true }));
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DatabaseFileError('corrupt', corruptMessage(path, String(check)));
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion) {
      throw new DatabaseFileError('newer_schema', msg('db.copy_newer', { path, version }));
    }
    const journal = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'price_journal'").get();
    if (!journal) throw new DatabaseFileError('not_a_database', msg('db.not_our_copy', { path }));
  } catch (error) {
    if (error instanceof DatabaseFileError) throw error;
    throw new DatabaseFileError('corrupt', corruptMessage(path, (error as Error).message));
  } finally {
    db?.close();
  }
}

function checkHeader(path: string): void {
  if (path === ':memory:' || !existsSync(path) || statSync(path).size === 0) return;
  const buffer = Buffer.alloc(16);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new DatabaseFileError('unreadable', msg('db.no_access', { path, detail: (error as Error).message }));
  }
  try {
    readSync(fd, buffer, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (buffer.toString('latin1') !== SQLITE_HEADER) {
    throw new DatabaseFileError('not_a_database', msg('db.not_our_file', { path }));
  }
}

function corruptMessage(path: string, detail: string): Message {
  return msg('db.corrupt', { path, detail });
}

/** SQLite's journal mode for the open database ('wal' once openDatabase set it up), as the System page shows it. */
export function journalMode(db: Database): string {
  return String(db.pragma('journal_mode', { simple: true }));
}

/**
 * A second, read-only connection to the app database (a backtest's worker thread reads its period
 * over one): it can never write, and it waits for the main connection's writes rather than fail.
 */
export function openDatabaseReadOnly(path: string): Database {
  checkHeader(path);
  const db = new BetterSqlite3(path, sqliteOptions({ readonly: true, fileMustExist: true }));
  db.pragma('busy_timeout = 5000');
  return db;
}
