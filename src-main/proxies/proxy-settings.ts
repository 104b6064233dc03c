import type { Database } from 'better-sqlite3';
import { DEFAULT_PROXY_SETTINGS, proxySettings } from '../../src-shared/domain/proxy';
import type { ProxySettings } from '../../src-shared/domain/proxy';
import { readStored, writeStored } from '../db/repos/settings-repo';

const KEY = 'proxies';

/** The proxy layer's settings (src-shared/domain/proxy.ts), kept in the settings table. */
export function readProxySettings(db: Database): ProxySettings {
  const parsed = proxySettings.safeParse({ ...DEFAULT_PROXY_SETTINGS, ...readStored<object>(db, KEY) });
  return parsed.success ? parsed.data : DEFAULT_PROXY_SETTINGS;
}

export function writeProxySettings(db: Database, patch: Partial<ProxySettings>): ProxySettings {
  const next = proxySettings.parse({ ...readProxySettings(db), ...patch });
  writeStored(db, KEY, next);
  return next;
}
