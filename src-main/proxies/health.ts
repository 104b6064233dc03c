import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import type { ProxyCheck } from '../../src-shared/domain/proxy';
import { systemClock, type Clock } from '../time/clock';
import { createDispatcher, type ProxyEndpoint } from './endpoint';
import { describeFailure } from './errors';
import type { ProxyPool } from './pool';
import { DIRECT_LANE_ID, type ProxyStore } from './proxy-store';

/**
 * The "test" button and the periodic check: one request through a proxy to a target URL, on a
 * fresh connection so a pooled socket cannot hide a dead proxy. The target's answer may name the
 * caller's address (plain text, or JSON with `ip` / `origin` / `address`): that is the exit
 * address as the target sees it.
 */

export interface HealthCheckOptions {
  url: string;
  timeoutMs: number;
  clock?: Clock;
}

const MAX_BODY = 4096;

export async function checkEndpoint(endpoint: ProxyEndpoint | null, { url, timeoutMs, clock = systemClock }: HealthCheckOptions): Promise<ProxyCheck> {
  const at = clock.now();
  const dispatcher = createDispatcher(endpoint, { timeoutMs });
  const started = performance.now();
  try {
    const response = await request(url, { dispatcher, signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json, text/plain, */*' } });
    const latencyMs = Math.round(performance.now() - started);
    const body = (await response.body.text()).slice(0, MAX_BODY);
    const ok = response.statusCode >= 200 && response.statusCode < 400;
    return { at, ok, statusCode: response.statusCode, latencyMs, exitAddress: readExitAddress(body), error: ok ? null : `HTTP ${response.statusCode}` };
  } catch (error) {
    return { at, ok: false, statusCode: null, latencyMs: null, exitAddress: null, error: describeFailure(error) };
  } finally {
    void dispatcher.destroy().catch(() => undefined);
  }
}

export interface CheckAllOptions extends HealthCheckOptions {
  /** Checks run side by side; a long list should not open hundreds of sockets at once. */
  concurrency?: number;
  /** Only these proxy ids; all enabled proxies when omitted. */
  ids?: readonly number[];
}

/** Checks proxies, stores each result and feeds it to the pool. Returns results by proxy id. */
export async function checkProxies(store: ProxyStore, pool: ProxyPool | null, options: CheckAllOptions): Promise<Map<number, ProxyCheck>> {
  const wanted = options.ids ? new Set(options.ids) : null;
  const endpoints = store.endpoints().filter((e) => (wanted ? wanted.has(e.id) : e.enabled));
  const results = new Map<number, ProxyCheck>();
  let next = 0;
  const worker = async () => {
    while (next < endpoints.length) {
      const endpoint = endpoints[next++]!;
      const check = await checkEndpoint(endpoint, options);
      results.set(endpoint.id, check);
      store.saveCheck(endpoint.id, check);
      pool?.applyHealthCheck(endpoint.id, check);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, endpoints.length) }, worker));
  return results;
}

/** Checks the direct connection; its result is not stored (there is no proxy row for it). */
export async function checkDirect(pool: ProxyPool | null, options: HealthCheckOptions): Promise<ProxyCheck> {
  const check = await checkEndpoint(null, options);
  pool?.applyHealthCheck(DIRECT_LANE_ID, check);
  return check;
}

export interface HealthMonitor {
  stop(): void;
}

/** Re-checks all enabled proxies every `intervalMs`, so dead proxies come back without traffic. */
export function startHealthMonitor(store: ProxyStore, pool: ProxyPool | null, options: CheckAllOptions & { intervalMs: number }): HealthMonitor {
  const clock = options.clock ?? systemClock;
  let timer: unknown = null;
  let stopped = false;
  const tick = async () => {
    await checkProxies(store, pool, options).catch(() => undefined);
    if (!stopped) timer = clock.setTimeout(() => void tick(), options.intervalMs);
  };
  timer = clock.setTimeout(() => void tick(), options.intervalMs);
  return {
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
    },
  };
}

const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f:]+(:\d{1,3}(\.\d{1,3}){3})?$/i;

/** The caller's address from an echo body: `1.2.3.4`, `{"ip":"1.2.3.4"}`, httpbin's `{"origin":…}`. */
export function readExitAddress(body: string): string | null {
  const text = body.trim();
  const candidates: unknown[] = [text];
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object') {
      const record = json as Record<string, unknown>;
      candidates.unshift(record.ip, record.origin, record.address, record.remoteAddress);
    }
  } catch {
    // Plain text.
  }
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const address = candidate.split(',')[0]!.trim().replace(/^::ffff:(?=\d)/i, '');
    if (IPV4.test(address) || (address.includes(':') && IPV6.test(address))) return address;
  }
  return null;
}
