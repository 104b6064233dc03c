import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, settings as settingsSchema } from '../../../src-shared/contract/settings';
import type { Settings, SettingsPatch } from '../../../src-shared/contract/settings';
import { isKaspiUrl } from '../../../src-shared/domain/kaspi-url';

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

/** The settings row as stored, with what a newer release added filled in from the defaults. */
export function withDefaults(stored: Partial<Settings>): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    kaspi: { ...DEFAULT_SETTINGS.kaspi, ...stored.kaspi },
    notifications: { ...DEFAULT_SETTINGS.notifications, ...stored.notifications },
    desktop: { ...DEFAULT_SETTINGS.desktop, ...stored.desktop },
    updates: { ...DEFAULT_SETTINGS.updates, ...stored.updates },
  };
}

export const APP_SETTINGS_KEY = KEY;

export function readSettings(db: Database): Settings {
  const stored = readStored<Partial<Settings>>(db, KEY);
  if (!stored) return DEFAULT_SETTINGS;
  const merged = withDefaults(stored);
  const parsed = settingsSchema.safeParse({ ...merged, kaspi: kaspiOnly(merged.kaspi) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/**
 * An address that is not Kaspi's (stored by an older release, when any URL was accepted, or by a
 * simulator run) falls back to Kaspi's own: the password is never typed anywhere else.
 */
function kaspiOnly(kaspi: Settings['kaspi']): Settings['kaspi'] {
  const url = (key: 'idmcUrl' | 'mcUrl' | 'storefrontUrl') => (isKaspiUrl(kaspi[key]) ? kaspi[key] : DEFAULT_SETTINGS.kaspi[key]);
  return { ...kaspi, idmcUrl: url('idmcUrl'), mcUrl: url('mcUrl'), storefrontUrl: url('storefrontUrl') };
}

/** The login browser the seller picked in the desktop's file dialog (checked by the caller), or null for discovery. */
export function writeBrowserPath(db: Database, browserPath: string | null): Settings {
  const current = readSettings(db);
  const next = settingsSchema.parse({ ...current, kaspi: { ...current.kaspi, browserPath } });
  writeStored(db, KEY, next);
  return next;
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
