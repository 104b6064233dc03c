import { TokenBucket } from '../proxies/token-bucket';
import type { ChangeLimits } from './change-budget';
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

/** The change budget's limits from the engine settings. */
export const changeLimits = (s: EngineSettings): ChangeLimits => ({
  changesPerSecond: s.pushesPerSecond,
  windowLimit: s.pushWindowLimit,
  windowMs: s.pushWindowMs,
  safetyPercent: s.pushSafetyPercent,
  burstShare: s.pushBurstShare,
});

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
