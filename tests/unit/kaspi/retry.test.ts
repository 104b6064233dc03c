import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryable } from '../../../src-main/kaspi/retry';
import { KASPI_ERROR_KINDS, KaspiError } from '../../../src-shared/domain/kaspi-error';

describe('read retries', () => {
  it('retries only passing failures: server, timeout, network', () => {
    const retried = KASPI_ERROR_KINDS.filter((k) => isRetryable(new KaspiError(k)));
    expect(retried).toEqual(['server', 'timeout', 'network']);
  });

  it('waits between half and all of the exponential step, never past the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (base, attempt, r) => {
        const max = 10_000;
        const d = backoffDelay({ baseDelayMs: base, maxDelayMs: max, random: () => r }, attempt, null);
        const exp = Math.min(max, base * 2 ** attempt);
        return d >= Math.floor(exp / 2) && d <= Math.ceil(exp) && d <= max;
      }),
    );
  });

  it('honours a Retry-After longer than the backoff, up to the cap', () => {
    const p = { baseDelayMs: 100, maxDelayMs: 5_000, random: () => 0 };
    expect(backoffDelay(p, 0, 2_000)).toBe(2_000);
    expect(backoffDelay(p, 0, 60_000)).toBe(5_000);
  });
});
