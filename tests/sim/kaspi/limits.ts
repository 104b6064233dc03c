import { z } from 'zod';

/**
 * Kaspi's measured limits (kaspi-api.md §10 "Rate-limit numbers in one place", §4 "Errors and
 * limits", §5 "Response and limits"). Durations are Kaspi milliseconds; the clock scales them.
 */
export const limitsSchema = z.object({
  offers: z.object({
    /** Requests per IP allowed inside one window; the next one is answered 403 and bans the IP. */
    maxPerWindow: z.number().positive(),
    windowMs: z.number().positive(),
    banMs: z.number().nonnegative(),
  }),
  pushes: z.object({
    /** Pushes per merchant inside one window; the next one is 429 and blocks the merchant. */
    maxPerWindow: z.number().positive(),
    windowMs: z.number().positive(),
    /** Accepted changes per merchant per changesWindowMs (the published 250 / 30 min). */
    maxChanges: z.number().positive(),
    changesWindowMs: z.number().positive(),
    blockMs: z.number().nonnegative(),
  }),
  login: z.object({
    /** While a sent code is pending this long, another login of the account is MFA_SEND_FLOOD. */
    floodMs: z.number().nonnegative(),
  }),
  /** Shop API requests per token inside one window (§10: 6 requests/s is what tools keep to); over it → 429. */
  shopApi: z.object({ maxPerWindow: z.number().positive(), windowMs: z.number().positive() }),
  /** How long after a pricefeed push the storefront shows the new price and availability. */
  pushApplyDelayMs: z.number().nonnegative(),
  /** Cabinet session lifetime; 0 = until expired by hand. Undocumented (§1e: HAS assumes 3600 s). */
  sessionTtlMs: z.number().nonnegative(),
});
export type Limits = z.infer<typeof limitsSchema>;

export const limitsPatchSchema = z.object({
  offers: limitsSchema.shape.offers.partial().optional(),
  pushes: limitsSchema.shape.pushes.partial().optional(),
  login: limitsSchema.shape.login.partial().optional(),
  shopApi: limitsSchema.shape.shopApi.partial().optional(),
  pushApplyDelayMs: z.number().nonnegative().optional(),
  sessionTtlMs: z.number().nonnegative().optional(),
});
export type LimitsPatch = z.infer<typeof limitsPatchSchema>;

export function defaultLimits(): Limits {
  return {
    offers: { maxPerWindow: 15, windowMs: 1000, banMs: 10_000 },
    pushes: { maxPerWindow: 3, windowMs: 1000, maxChanges: 250, changesWindowMs: 30 * 60_000, blockMs: 30 * 60_000 },
    login: { floodMs: 60_000 },
    shopApi: { maxPerWindow: 6, windowMs: 1000 },
    pushApplyDelayMs: 5_000,
    sessionTtlMs: 0,
  };
}

export function mergeLimits(base: Limits, patch: LimitsPatch): Limits {
  return {
    offers: { ...base.offers, ...patch.offers },
    pushes: { ...base.pushes, ...patch.pushes },
    login: { ...base.login, ...patch.login },
    shopApi: { ...base.shopApi, ...patch.shopApi },
    pushApplyDelayMs: patch.pushApplyDelayMs ?? base.pushApplyDelayMs,
    sessionTtlMs: patch.sessionTtlMs ?? base.sessionTtlMs,
  };
}

/**
 * Sliding-window counter per key. Exact (a ring of timestamps) for the small limits Kaspi has;
 * for the huge limits a benchmark sets, an approximate two-bucket window keeps memory flat.
 */
export class WindowCounter {
  private readonly rings = new Map<string, { stamps: number[]; next: number }>();
  private readonly buckets = new Map<string, { start: number; prev: number; curr: number }>();

  /** Records a hit at `now` and tells whether the key is now over `max` hits per `windowMs`. */
  hit(key: string, now: number, max: number, windowMs: number): boolean {
    if (max > 1024) return this.hitApprox(key, now, max, windowMs);
    const size = Math.max(1, Math.floor(max));
    let ring = this.rings.get(key);
    if (!ring || ring.stamps.length !== size) {
      ring = { stamps: new Array<number>(size).fill(-Infinity), next: 0 };
      this.rings.set(key, ring);
    }
    // The oldest of the last `size` hits: if it is still inside the window, this hit is one too many.
    const oldest = ring.stamps[ring.next] ?? -Infinity;
    const over = now - oldest < windowMs;
    ring.stamps[ring.next] = now;
    ring.next = (ring.next + 1) % size;
    return over;
  }

  private hitApprox(key: string, now: number, max: number, windowMs: number): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      b = { start: now, prev: 0, curr: 0 };
      this.buckets.set(key, b);
    }
    const elapsed = now - b.start;
    if (elapsed >= 2 * windowMs) {
      b.start = now;
      b.prev = 0;
      b.curr = 0;
    } else if (elapsed >= windowMs) {
      b.start += windowMs;
      b.prev = b.curr;
      b.curr = 0;
    }
    b.curr++;
    const weight = 1 - (now - b.start) / windowMs;
    return b.prev * weight + b.curr > max;
  }

  clear(): void {
    this.rings.clear();
    this.buckets.clear();
  }
}

/** Keys that are blocked until a time (per-IP bans, per-merchant push blocks). */
export class Blocks {
  private readonly until = new Map<string, number>();

  block(key: string, until: number): void {
    this.until.set(key, Math.max(until, this.until.get(key) ?? 0));
  }

  /** Milliseconds left on the key's block, 0 when it is free. */
  remaining(key: string, now: number): number {
    const until = this.until.get(key);
    if (until === undefined) return 0;
    if (until <= now) {
      this.until.delete(key);
      return 0;
    }
    return until - now;
  }

  list(now: number): { key: string; remainingMs: number }[] {
    return [...this.until.keys()].map((key) => ({ key, remainingMs: this.remaining(key, now) })).filter((b) => b.remainingMs > 0);
  }

  clear(): void {
    this.until.clear();
  }
}
