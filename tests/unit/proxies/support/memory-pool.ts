import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { ProxyPool } from '../../../../src-main/proxies/pool';
import { PROXY_MIGRATION_SQL } from '../../../../src-main/proxies/sqlite-proxy-store';
import { SqliteProxyStore } from '../../../../src-main/db/repos/proxies-repo';
import { createAesBox } from '../../../../src-main/secrets/key-file-box';
import type { ProxySettings } from '../../../../src-shared/domain/proxy';
import { ManualClock } from './manual-clock';

/**
 * A pool over an in-memory SQLite store and a virtual clock. The proxies point at closed ports:
 * unit tests never send through the dispatchers, the task decides each outcome.
 */
export function memoryPool(proxyCount: number, settings: Partial<ProxySettings> = {}, clock = new ManualClock()) {
  const db = new Database(':memory:');
  db.exec(PROXY_MIGRATION_SQL);
  const store = new SqliteProxyStore(db, createAesBox(randomBytes(32)), clock);
  const ids = store.importMany(
    Array.from({ length: proxyCount }, (_, i) => ({ protocol: 'http' as const, host: `10.0.0.${i + 1}`, port: 3128, username: null, password: null, label: null })),
  ).ids;
  const pool = new ProxyPool({ store, clock, settings: { allowDirect: false, ...settings } });
  return { pool, store, clock, ids, db };
}
