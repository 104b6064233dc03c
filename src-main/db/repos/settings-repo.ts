import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, settings as settingsSchema } from '../../../src-shared/contract/settings';
import type { Settings, SettingsPatch } from '../../../src-shared/contract/settings';

const KEY = 'app';

export function readSettings(db: Database): Settings {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(KEY) as { value_json: string } | undefined;
  if (!row) return DEFAULT_SETTINGS;
  const stored = JSON.parse(row.value_json) as Partial<Settings>;
  // A setting added by a newer release is missing from older rows: defaults fill it in.
  const merged = {
    ...DEFAULT_SETTINGS,
    ...stored,
    kaspi: { ...DEFAULT_SETTINGS.kaspi, ...stored.kaspi },
    notifications: { ...DEFAULT_SETTINGS.notifications, ...stored.notifications },
    desktop: { ...DEFAULT_SETTINGS.desktop, ...stored.desktop },
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
  });
  db.prepare(
    'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
  ).run(KEY, JSON.stringify(next));
  return next;
}
