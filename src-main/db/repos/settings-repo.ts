import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, settings as settingsSchema } from '../../../src-shared/contract/settings';
import type { Settings, SettingsPatch } from '../../../src-shared/contract/settings';

const KEY = 'app';

/**
 * The settings table is a small key → JSON store: the app's settings, the demper's and the proxy
 * layer's each live under their own key, read and written through these two functions.
 */
export function readStored<T>(db: Database, key: string): T | undefined {
  const row = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value_json) as T) : undefined;
}

export function writeStored(db: Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json').run(
    key,
    JSON.stringify(value),
  );
}

export function readSettings(db: Database): Settings {
  const stored = readStored<Partial<Settings>>(db, KEY);
  if (!stored) return DEFAULT_SETTINGS;
  // A setting added by a newer release is missing from older rows: defaults fill it in.
  const merged = {
    ...DEFAULT_SETTINGS,
    ...stored,
    kaspi: { ...DEFAULT_SETTINGS.kaspi, ...stored.kaspi },
    notifications: { ...DEFAULT_SETTINGS.notifications, ...stored.notifications },
    desktop: { ...DEFAULT_SETTINGS.desktop, ...stored.desktop },
    updates: { ...DEFAULT_SETTINGS.updates, ...stored.updates },
  };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function updateSettings(db: Database, patch: SettingsPatch): Settings {
  const current = readSettings(db);
  const next = settingsSchema.parse({
    ...current,
    ...patch,
    kaspi: { ...current.kaspi, ...patch.kaspi },
    notifications: { ...current.notifications, ...patch.notifications },
    desktop: { ...current.desktop, ...patch.desktop },
    updates: { ...current.updates, ...patch.updates },
  });
  writeStored(db, KEY, next);
  return next;
}
