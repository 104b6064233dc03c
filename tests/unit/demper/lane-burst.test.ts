import { describe, expect, it } from 'vitest';
import { LaneBudget, pickLane } from '../../../src-main/demper/budgets';
import { engineSettings } from '../../../src-main/demper/settings';

/** Sends as the fetch loop does: wait until the lane says it is ready, but wake `lateMs` late. */
function sentInOneSecond(offersPerSecondPerLane: number, lateMs: number): number {
  const lane = new LaneBudget('a', engineSettings.parse({ offersPerSecondPerLane }), 0);
  let sent = 0;
  for (let now = 0; now < 1000; ) {
    const { lane: ready, readyAt } = pickLane([lane], now);
    if (ready) {
      ready.bucket.tryTake(now);
      sent++;
    } else now = readyAt + lateMs;
  }
  return sent;
}

describe('the offers budget of a lane under late timers', () => {
  it('keeps the full rate at 500 req/s when every wake-up is 3 ms late', () => {
    expect(sentInOneSecond(500, 3)).toBeGreaterThanOrEqual(490);
  });

  it('still sends one request at a time at Kaspi’s 8 req/s per IP', () => {
    const lane = new LaneBudget('a', engineSettings.parse({}), 0);
    expect(lane.bucket.tryTake(5_000)).toBe(true);
    expect(lane.bucket.tryTake(5_000)).toBe(false);
    expect(sentInOneSecond(8, 3)).toBeLessThanOrEqual(9);
  });
});
