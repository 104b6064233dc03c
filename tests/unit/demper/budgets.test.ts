import { describe, expect, it } from 'vitest';
import { AccountBudget, LaneBudget, pickLane } from '../../../src-main/demper/budgets';
import { RollingWindow } from '../../../src-main/demper/rolling-window';
import { engineSettings } from '../../../src-main/demper/settings';

const s = engineSettings.parse({});

describe('rate budgets', () => {
  it('allows at most the limit in any rolling window', () => {
    const w = new RollingWindow(3, 1000);
    for (const t of [0, 10, 20]) w.record(t);
    expect(w.left(500)).toBe(0);
    expect(w.freeAt(500)).toBe(1000);
    expect(w.left(1000)).toBe(1);
  });

  it('spaces pushes of one account at 1.5 per second and stops at 250 per 30 minutes', () => {
    const a = new AccountBudget(s, 0);
    const times: number[] = [];
    for (let now = 0; times.length < 260 && now < 3_600_000; now = Math.max(now + 1, a.readyAt(now))) if (a.take(now)) times.push(now);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(666);
    const inFirstWindow = times.filter((t) => t < 30 * 60_000).length;
    expect(inFirstWindow).toBe(250);
    expect(times[250]).toBeGreaterThanOrEqual(30 * 60_000);
  });

  it('keeps an account blocked until its 429 block ends', () => {
    const a = new AccountBudget(s, 0);
    a.blockedUntil = 1_800_000;
    expect(a.take(1000)).toBe(false);
    expect(a.readyAt(1000)).toBe(1_800_000);
    expect(a.take(1_800_000)).toBe(true);
  });

  it('skips a lane that cools down after a 403 and picks one that can send', () => {
    const a = new LaneBudget('a', s, 0);
    const b = new LaneBudget('b', s, 0);
    a.cooldownUntil = 15_000;
    expect(pickLane([a, b], 100).lane?.lane).toBe('b');
    b.bucket.tryTake(100);
    expect(pickLane([a, b], 100)).toEqual({ lane: null, readyAt: 225 });
  });
});
