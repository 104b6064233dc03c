import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { LANGUAGES } from '../../src-shared/i18n/languages';
import type { Language } from '../../src-shared/i18n/languages';
import { sqliteOptions } from './native-binding';
import { APP_SETTINGS_KEY, readStored } from './repos/settings-repo';

/**
 * The seller's language as stored, read when the app could not start (to say why in that
 * language): null when the database cannot be read at all (missing, damaged, the native module
 * not loaded), so the caller falls back to Russian. Reads only; never creates or migrates a file.
 */
export function storedLanguage(databasePath: string): Language | null {
  if (!existsSync(databasePath)) return null;
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(databasePath, sqliteOptions({ fileMustExist: true }));
    const language = readStored<{ language?: unknown }>(db, APP_SETTINGS_KEY)?.language;
    return (LANGUAGES as readonly unknown[]).includes(language) ? (language as Language) : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
