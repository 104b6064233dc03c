import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, settings as settingsSchema } from '../../../src-shared/contract/settings';
import type { Settings, SettingsPatch } from '../../../src-shared/contract/settings';
import { DEFAULT_DEMPER_SETTINGS, demperSettings as demperSettingsSchema } from '../../../src-shared/contract/demper';
import type { DemperSettings } from '../../../src-shared/contract/demper';
import { DEFAULT_PROXY_SETTINGS, proxySettings as proxySettingsSchema } from '../../../src-shared/domain/proxy';
import type { ProxySettings } from '../../../src-shared/domain/proxy';
import { parseByField } from './parse-by-field';

/** The settings table is a small key → JSON store: the app's settings, the demper's and the proxy layer's each under their own key. */
const KEYS = { app: 'app', demper: 'demper', demperRunning: 'demper.running', proxies: 'proxies' } as const;

export function readStored<T>(db: Database, key: string): T | undefined {
  const row = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?').get(key);
  if (!row) return undefined;
  try {
    return JSON.parse(row.value_json) as T;
  } catch {
    // Cut short or edited by hand: read as absent, each field then gets its default.
    return undefined;
  }
}

export function writeStored(db: Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json').run(
    key,
    JSON.stringify(value),
  );
}

/** The settings row as stored, with what a newer release added filled in from the defaults (the restore check reads a backup so). */
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

export const APP_SETTINGS_KEY = KEYS.app;

/** Told when stored fields did not pass their schema and fell back to their defaults. */
export type OnDroppedSettings = (key: string, fields: string[]) => void;

/**
 * Every setting the app keeps, read once from SQLite and then served from memory; writes go to
 * the database and the memory together. A stored field that no longer passes its schema (an
 * older release, a hand edit) falls back to its default alone: one bad field never resets the
 * rest. A Kaspi address that is not Kaspi's falls back to Kaspi's own, so the password is never
 * typed anywhere else.
 */
export function settingsRepo(db: Database, onDropped: OnDroppedSettings = () => undefined) {
  const read = <T extends Record<string, unknown>>(key: string, schema: Parameters<typeof parseByField>[0], defaults: T): T => {
    const { value, dropped } = parseByField(schema, readStored(db, key), defaults);
    if (dropped.length > 0) onDropped(key, dropped);
    return value;
  };
  let app = read(KEYS.app, settingsSchema, DEFAULT_SETTINGS);
  let demper = read(KEYS.demper, demperSettingsSchema, DEFAULT_DEMPER_SETTINGS);
  let proxies = read(KEYS.proxies, proxySettingsSchema, DEFAULT_PROXY_SETTINGS);
  let demperRunning = readStored<unknown>(db, KEYS.demperRunning) === true;

  return {
    app: (): Settings => app,
    updateApp(patch: SettingsPatch): Settings {
      const next = settingsSchema.parse({
        ...app,
        ...patch,
        kaspi: { ...app.kaspi, ...patch.kaspi },
        notifications: { ...app.notifications, ...patch.notifications },
        desktop: { ...app.desktop, ...patch.desktop },
        updates: { ...app.updates, ...patch.updates },
      });
      writeStored(db, KEYS.app, next);
      return (app = next);
    },
    /** The login browser the seller picked in the desktop's file dialog (checked by the caller), or null for discovery. */
    setBrowserPath(browserPath: string | null): Settings {
      const next = settingsSchema.parse({ ...app, kaspi: { ...app.kaspi, browserPath } });
      writeStored(db, KEYS.app, next);
      return (app = next);
    },

    demper: (): DemperSettings => demper,
    updateDemper(patch: Partial<DemperSettings>): DemperSettings {
      const next = demperSettingsSchema.parse({ ...demper, ...patch });
      writeStored(db, KEYS.demper, next);
      return (demper = next);
    },
    /** Whether the seller left the bot running: after a restart (or a crash) it starts again by itself. */
    demperRunning: (): boolean => demperRunning,
    setDemperRunning(running: boolean): void {
      writeStored(db, KEYS.demperRunning, running);
      demperRunning = running;
    },

    proxies: (): ProxySettings => proxies,
    updateProxies(patch: Partial<ProxySettings>): ProxySettings {
      const next = proxySettingsSchema.parse({ ...proxies, ...patch });
      writeStored(db, KEYS.proxies, next);
      return (proxies = next);
    },
  };
}
export type SettingsRepo = ReturnType<typeof settingsRepo>;
