import type { Database } from 'better-sqlite3';
import { proxyCheck, type Proxy, type ProxyCheck, type ProxyInput, type ProxyPatch, type ProxyStatus } from '../../../src-shared/domain/proxy';
import type { Clock } from '../../time/clock';
import type { ProxyEndpoint } from '../../proxies/endpoint';
import { emptyLaneStats, publicStats, type LaneStatsRecord } from '../../proxies/lane-stats';
import type { ImportSummary, ProxyPlacement, ProxyStore, SecretBox } from '../../proxies/proxy-store';
import { msg } from '../../../src-shared/i18n/message';
import { MessageError } from '../../../src-shared/i18n/message-error';

interface ProxyRow {
  id: number;
  protocol: ProxyInput['protocol'];
  host: string;
  port: number;
  username: string;
  password_cipher: string | null;
  label: string | null;
  enabled: 0 | 1;
  store_id: number | null;
  status: Exclude<ProxyStatus, 'disabled'>;
  last_check: string | null;
}

interface StatsRow {
  requests: number;
  successes: number;
  bans: number;
  errors: number;
  median_latency_ms: number | null;
  latency_samples: string;
  last_error: string | null;
  last_used_at: number | null;
  counters_reset_at: number;
}

/** An edit would make this proxy the same as another one (same server and user). */
export class DuplicateProxyError extends MessageError {
  constructor(readonly existingId: number) {
    super(msg('proxies.duplicate'));
    this.name = 'DuplicateProxyError';
  }
}

/**
 * The proxies and their per-lane statistics in SQLite (tables of migration 2): the proxy pool's
 * ProxyStore. Passwords are sealed by the secret box before they reach a row. `username` is ''
 * rather than NULL when there is none, so the unique key merges "the same proxy without a user"
 * too (SQLite treats NULLs as distinct).
 */
export class SqliteProxyStore implements ProxyStore {
  private readonly statements;

  constructor(
    private readonly db: Database,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {
    this.statements = {
      all: db.prepare<[], ProxyRow>('SELECT * FROM proxies ORDER BY id'),
      byId: db.prepare<[number], ProxyRow>('SELECT * FROM proxies WHERE id = ?'),
      byKey: db.prepare<[string, string, number, string], ProxyRow>('SELECT * FROM proxies WHERE protocol = ? AND host = ? AND port = ? AND username = ?'),
      insert: db.prepare(
        `INSERT INTO proxies (protocol, host, port, username, password_cipher, label, enabled, store_id, created_at)
         VALUES (@protocol, @host, @port, @username, @password_cipher, @label, @enabled, @store_id, @created_at)`,
      ),
      update: db.prepare(
        `UPDATE proxies SET username = @username, password_cipher = @password_cipher, label = @label, enabled = @enabled, store_id = @store_id WHERE id = @id`,
      ),
      remove: db.prepare<[number]>('DELETE FROM proxies WHERE id = ?'),
      removeStats: db.prepare<[number]>('DELETE FROM proxy_stats WHERE lane_id = ?'),
      setStatus: db.prepare<[string, number]>('UPDATE proxies SET status = ? WHERE id = ?'),
      saveCheck: db.prepare<[string, number]>('UPDATE proxies SET last_check = ? WHERE id = ?'),
      stats: db.prepare<[number], StatsRow>('SELECT * FROM proxy_stats WHERE lane_id = ?'),
      saveStats: db.prepare(
        `INSERT INTO proxy_stats (lane_id, requests, successes, bans, errors, median_latency_ms, latency_samples, last_error, last_used_at, counters_reset_at)
         VALUES (@lane_id, @requests, @successes, @bans, @errors, @median_latency_ms, @latency_samples, @last_error, @last_used_at, @counters_reset_at)
         ON CONFLICT (lane_id) DO UPDATE SET requests = excluded.requests, successes = excluded.successes, bans = excluded.bans,
           errors = excluded.errors, median_latency_ms = excluded.median_latency_ms, latency_samples = excluded.latency_samples,
           last_error = excluded.last_error, last_used_at = excluded.last_used_at, counters_reset_at = excluded.counters_reset_at`,
      ),
    };
  }

  list(): Proxy[] {
    return this.statements.all.all().map((row) => this.toProxy(row));
  }

  get(id: number): Proxy | null {
    const row = this.statements.byId.get(id);
    return row ? this.toProxy(row) : null;
  }

  endpoints(): ProxyEndpoint[] {
    return this.statements.all.all().map((row) => ({
      id: row.id,
      protocol: row.protocol,
      host: row.host,
      port: row.port,
      username: row.username || null,
      password: row.password_cipher === null ? null : this.secrets.decrypt(row.password_cipher),
      label: row.label,
      storeId: row.store_id,
      enabled: row.enabled === 1,
      status: row.enabled === 1 ? row.status : 'disabled',
    }));
  }

  upsert(input: ProxyInput, placement: ProxyPlacement = {}): { id: number; created: boolean } {
    const host = input.host.toLowerCase();
    const existing = this.statements.byKey.get(input.protocol, host, input.port, input.username ?? '');
    if (existing) {
      this.statements.update.run({
        id: existing.id,
        username: existing.username,
        password_cipher: input.password === null ? existing.password_cipher : this.secrets.encrypt(input.password),
        label: input.label ?? existing.label,
        enabled: placement.enabled === undefined ? existing.enabled : Number(placement.enabled),
        store_id: placement.storeId === undefined ? existing.store_id : placement.storeId,
      });
      return { id: existing.id, created: false };
    }
    const result = this.statements.insert.run({
      protocol: input.protocol,
      host,
      port: input.port,
      username: input.username ?? '',
      password_cipher: input.password === null ? null : this.secrets.encrypt(input.password),
      label: input.label,
      enabled: Number(placement.enabled ?? true),
      store_id: placement.storeId ?? null,
      created_at: this.clock.now(),
    });
    return { id: Number(result.lastInsertRowid), created: true };
  }

  importMany(inputs: readonly ProxyInput[], placement: ProxyPlacement = {}): ImportSummary {
    return this.db.transaction(() => {
      const summary: ImportSummary = { ids: [], created: 0, updated: 0 };
      for (const input of inputs) {
        const { id, created } = this.upsert(input, placement);
        summary.ids.push(id);
        if (created) summary.created += 1;
        else summary.updated += 1;
      }
      return summary;
    })();
  }

  update(id: number, patch: ProxyPatch): Proxy | null {
    const row = this.statements.byId.get(id);
    if (!row) return null;
    const username = patch.username === undefined ? row.username : (patch.username ?? '');
    const twin = this.statements.byKey.get(row.protocol, row.host, row.port, username);
    if (twin && twin.id !== id) throw new DuplicateProxyError(twin.id);
    this.statements.update.run({
      id,
      username,
      // A user name without a password (or the reverse) cannot authenticate; dropping the user drops the password.
      password_cipher: username === '' ? null : patch.password === undefined ? row.password_cipher : patch.password === null ? null : this.secrets.encrypt(patch.password),
      label: patch.label === undefined ? row.label : patch.label,
      enabled: patch.enabled === undefined ? row.enabled : Number(patch.enabled),
      store_id: patch.storeId === undefined ? row.store_id : patch.storeId,
    });
    return this.get(id);
  }

  remove(id: number): boolean {
    return this.db.transaction(() => {
      this.statements.removeStats.run(id);
      return this.statements.remove.run(id).changes > 0;
    })();
  }

  setStatus(id: number, status: Exclude<ProxyStatus, 'disabled'>): void {
    this.statements.setStatus.run(status, id);
  }

  saveCheck(id: number, check: ProxyCheck): void {
    this.statements.saveCheck.run(JSON.stringify(check), id);
  }

  loadStats(laneId: number): LaneStatsRecord | null {
    const row = this.statements.stats.get(laneId);
    if (!row) return null;
    return {
      requests: row.requests,
      successes: row.successes,
      bans: row.bans,
      errors: row.errors,
      medianLatencyMs: row.median_latency_ms,
      latencySamples: parseSamples(row.latency_samples),
      lastError: row.last_error,
      lastUsedAt: row.last_used_at,
      countersResetAt: row.counters_reset_at,
    };
  }

  saveStats(laneId: number, stats: LaneStatsRecord): void {
    this.statements.saveStats.run({
      lane_id: laneId,
      requests: stats.requests,
      successes: stats.successes,
      bans: stats.bans,
      errors: stats.errors,
      median_latency_ms: stats.medianLatencyMs,
      latency_samples: JSON.stringify(stats.latencySamples),
      last_error: stats.lastError,
      last_used_at: stats.lastUsedAt,
      counters_reset_at: stats.countersResetAt,
    });
  }

  private toProxy(row: ProxyRow): Proxy {
    const stats = this.loadStats(row.id) ?? emptyLaneStats(this.clock.now());
    return {
      id: row.id,
      protocol: row.protocol,
      host: row.host,
      port: row.port,
      username: row.username || null,
      hasPassword: row.password_cipher !== null,
      label: row.label,
      enabled: row.enabled === 1,
      storeId: row.store_id,
      status: row.enabled === 1 ? row.status : 'disabled',
      stats: publicStats(stats),
      lastCheck: parseCheck(row.last_check),
    };
  }
}

function parseSamples(json: string): number[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((n): n is number => typeof n === 'number') : [];
  } catch {
    return [];
  }
}

function parseCheck(json: string | null): ProxyCheck | null {
  if (json === null) return null;
  try {
    const parsed = proxyCheck.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
