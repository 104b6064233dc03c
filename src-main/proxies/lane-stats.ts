import type { ProxyStats } from '../../src-shared/domain/proxy';

/**
 * Counters of one lane. The recent latencies are kept (and persisted) so the median survives a
 * restart instead of restarting from one sample.
 */
export interface LaneStatsRecord extends ProxyStats {
  latencySamples: number[];
}

export const LATENCY_WINDOW = 64;

export type RecordedOutcome = 'success' | 'ban' | 'error';

export function emptyLaneStats(now: number): LaneStatsRecord {
  return { requests: 0, successes: 0, bans: 0, errors: 0, medianLatencyMs: null, lastError: null, lastUsedAt: null, countersResetAt: now, latencySamples: [] };
}

export function recordOutcome(stats: LaneStatsRecord, outcome: RecordedOutcome, latencyMs: number | null, error: string | null, now: number): void {
  stats.requests += 1;
  if (outcome === 'success') stats.successes += 1;
  else if (outcome === 'ban') stats.bans += 1;
  else stats.errors += 1;
  if (error !== null) stats.lastError = error;
  stats.lastUsedAt = now;
  if (latencyMs !== null) {
    stats.latencySamples.push(Math.max(0, Math.round(latencyMs)));
    if (stats.latencySamples.length > LATENCY_WINDOW) stats.latencySamples.splice(0, stats.latencySamples.length - LATENCY_WINDOW);
    stats.medianLatencyMs = median(stats.latencySamples);
  }
}

/** Starts a new counting period; what the user needs to diagnose a proxy (last error, last use) stays. */
export function resetCounters(stats: LaneStatsRecord, now: number): void {
  Object.assign(stats, { requests: 0, successes: 0, bans: 0, errors: 0, medianLatencyMs: null, latencySamples: [], countersResetAt: now });
}

export function median(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

export function publicStats({ latencySamples: _samples, ...stats }: LaneStatsRecord): ProxyStats {
  return stats;
}
