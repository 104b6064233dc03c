import type { KaspiError } from '../../src-shared/domain/kaspi-error';
import { systemClock } from '../time/clock';

/**
 * Retries for idempotent reads only. A price push never goes through here: a push whose answer
 * was lost may still have been applied, and the journal verifies it instead (design.md §5).
 */
export interface RetryPolicy {
  /** Total tries, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** [0, 1); injectable so tests see fixed delays. */
  random: () => number;
}

export const DEFAULT_READ_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  sleep: systemClock.sleep,
  random: Math.random,
};

/** Passing errors: a server hiccup, a timeout, a dropped connection. Everything else is an answer. */
export function isRetryable(error: KaspiError): boolean {
  return error.kind === 'server' || error.kind === 'timeout' || error.kind === 'network';
}

/** Exponential backoff with "equal jitter": half fixed, half random, so clients do not stampede. */
export function backoffDelay(policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>, attempt: number, retryAfterMs: number | null): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jittered = exp / 2 + (exp / 2) * policy.random();
  return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0)));
}
