/**
 * The proxy tables as migration 2 (db/migrations/002-proxies.ts) created them: frozen, since a
 * released migration never changes; their queries live in db/repos/proxies-repo.ts.
 * Proxies and their per-lane statistics. `username` is '' rather than NULL when there is none,
 * so the unique key merges "the same proxy without a user" too (SQLite treats NULLs as distinct).
 * `proxy_stats` has no foreign key because lane 0 (the direct connection) is no proxy row.
 * store_id has no foreign key so these tables stand alone; stores are only ever soft-removed.
 */
export const PROXY_MIGRATION_SQL = `
CREATE TABLE IF NOT EXISTS proxies (
  id INTEGER PRIMARY KEY,
  protocol TEXT NOT NULL CHECK (protocol IN ('http', 'https', 'socks5')),
  host TEXT NOT NULL,
  port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  username TEXT NOT NULL DEFAULT '',
  password_cipher TEXT,
  label TEXT,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  store_id INTEGER,
  status TEXT NOT NULL DEFAULT 'healthy' CHECK (status IN ('healthy', 'cooling', 'dead')),
  last_check TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (protocol, host, port, username)
);
CREATE TABLE IF NOT EXISTS proxy_stats (
  lane_id INTEGER PRIMARY KEY,
  requests INTEGER NOT NULL DEFAULT 0,
  successes INTEGER NOT NULL DEFAULT 0,
  bans INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  median_latency_ms INTEGER,
  latency_samples TEXT NOT NULL DEFAULT '[]',
  last_error TEXT,
  last_used_at INTEGER,
  counters_reset_at INTEGER NOT NULL
);
`;
