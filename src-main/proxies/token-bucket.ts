/**
 * Per-IP request budget: `ratePerSecond` on average, at most `burst` back to back. Kaspi bans an
 * IP for asking competitor offers faster than ~10-15 req/s (kaspi-api.md §4).
 */
// Refill arithmetic in floats must not leave a lane one ulp short of its token after the wait it was told.
const EPSILON = 1e-9;

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private ratePerSecond: number,
    private burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  reconfigure(ratePerSecond: number, burst: number, now: number): void {
    this.refill(now);
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.tokens = Math.min(this.tokens, burst);
  }

  tryTake(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1 - EPSILON) return false;
    this.tokens = Math.max(0, this.tokens - 1);
    return true;
  }

  /** Milliseconds until one token is available (0 when one is there now). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 - EPSILON ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.ratePerSecond) / 1000);
    this.updatedAt = now;
  }
}
