import { TokenBucket } from '../proxies/token-bucket';
import { RollingWindow } from './rolling-window';
import type { EngineSettings } from './settings';

/**
 * Timers fire late by a few ms on a busy event loop; at hundreds of requests a second a bucket of
 * one token would lose every token that came due meanwhile. The burst covers that much lateness
 * (at Kaspi's ~8 req/s per IP it stays at the configured burst).
 */
const TIMER_SLACK_MS = 20;
export const laneBurst = (s: EngineSettings): number => Math.max(s.offersBurst, (s.offersPerSecondPerLane * TIMER_SLACK_MS) / 1000);

/** One exit IP: the offers budget and the cooldown after a 403. */
export class LaneBudget {
  readonly bucket: TokenBucket;
  cooldownUntil = 0;

  constructor(
    readonly lane: string,
    s: EngineSettings,
    now: number,
  ) {
    this.bucket = new TokenBucket(s.offersPerSecondPerLane, laneBurst(s), now);
  }

  /** When this lane may next send (0 wait = now). */
  readyAt(now: number): number {
    return Math.max(this.cooldownUntil, now + this.bucket.waitMs(now));
  }
}

/** One merchant account: request rate, the rolling change limit, a 429 block, and 5xx backoff. */
export class AccountBudget {
  readonly bucket: TokenBucket;
  readonly window: RollingWindow;
  blockedUntil = 0;
  backoffUntil = 0;
  backoffMs = 0;
  busy = false;

  constructor(s: EngineSettings, now: number) {
    this.bucket = new TokenBucket(s.pushesPerSecond, s.pushBurst, now);
    this.window = new RollingWindow(s.pushWindowLimit, s.pushWindowMs);
  }

  reconfigure(s: EngineSettings, now: number): void {
    this.bucket.reconfigure(s.pushesPerSecond, s.pushBurst, now);
    this.window.reconfigure(s.pushWindowLimit, s.pushWindowMs);
  }

  readyAt(now: number): number {
    return Math.max(this.blockedUntil, this.backoffUntil, this.window.freeAt(now), now + this.bucket.waitMs(now));
  }

  /** Spends one push; false when the budget is not there (the caller must wait). */
  take(now: number): boolean {
    if (this.readyAt(now) > now || !this.bucket.tryTake(now)) return false;
    this.window.record(now);
    return true;
  }
}

/** Picks the lane that can send soonest; a lane cooling after a 403 is skipped until it recovers. */
export function pickLane(lanes: readonly LaneBudget[], now: number): { lane: LaneBudget | null; readyAt: number } {
  let best: LaneBudget | null = null;
  let bestAt = Infinity;
  for (const l of lanes) {
    const at = l.readyAt(now);
    if (at < bestAt) {
      best = l;
      bestAt = at;
    }
  }
  return bestAt <= now ? { lane: best, readyAt: now } : { lane: null, readyAt: bestAt };
}
