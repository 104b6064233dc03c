/**
 * The one retry rule of the engine: wait `baseMs` after a first failure, twice as long after each
 * further one, never longer than `maxMs`. `previousMs` is the last wait (0 after a success).
 */
export const nextBackoffMs = (previousMs: number, policy: { backoffBaseMs: number; backoffMaxMs: number }): number =>
  Math.min(policy.backoffMaxMs, previousMs > 0 ? previousMs * 2 : policy.backoffBaseMs);
