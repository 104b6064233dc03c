import type { Database } from 'better-sqlite3';
import { DEFAULT_PROXY_SETTINGS, proxySettings } from '../../src-shared/domain/proxy';
import type { ProxySettings } from '../../src-shared/domain/proxy';

const KEY = 'proxies';

/** The proxy layer's settings (src-shared/domain/proxy.ts), kept in the settings table. */
export function readProxySettings(db: Database): ProxySettings {
  const row = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?').get(KEY);
  const parsed = proxySettings.safeParse({ ...DEFAULT_PROXY_SETTINGS, ...(row ? (JSON.parse(row.value_json) as object) : {}) });
  return parsed.success ? parsed.data : DEFAULT_PROXY_SETTINGS;
}

export function writeProxySettings(db: Database, patch: Partial<ProxySettings>): ProxySettings {
  const next = proxySettings.parse({ ...readProxySettings(db), ...patch });
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json').run(KEY, JSON.stringify(next));
  return next;
}
