import { describe, expect, it } from 'vitest';
import type { Pair } from '../../../src-main/demper/pair';
import { Scheduler } from '../../../src-main/demper/scheduler';

const pair = (key: string, checkedAt: number | null = 0) => ({ key, seq: 0, weight: 0, calmStreak: 0, checkedAt }) as unknown as Pair;

describe('scheduler', () => {
  it('serves a read-back first, then a lost first place before calm pairs that waited longer', () => {
    const s = new Scheduler();
    const calm = pair('calm');
    const lost = pair('lost');
    const verify = pair('verify');
    s.schedule(calm, 0, 'calm');
    s.schedule(lost, 50, 'lost_first');
    s.schedule(verify, 100, 'verify');
    s.promote(100, -Infinity);
    expect([s.popReady()?.key, s.popReady()?.key, s.popReady()?.key]).toEqual(['verify', 'lost', 'calm']);
  });

  it('keeps only the latest schedule of a pair and nothing before it is due', () => {
    const s = new Scheduler();
    const p = pair('p');
    s.schedule(p, 0, 'calm');
    s.schedule(p, 500, 'calm');
    s.promote(100, -Infinity);
    expect(s.popReady()).toBeNull();
    expect(s.nextDueAt()).toBe(500);
    s.promote(500, -Infinity);
    expect(s.popReady()?.key).toBe('p');
    expect(s.popReady()).toBeNull();
  });

  it('gives pairs never checked at least their share while urgent re-checks wait too', () => {
    const s = new Scheduler(0.9);
    for (let i = 0; i < 1000; i++) s.schedule(pair(`new${i}`, null), 0, 'contested');
    for (let i = 0; i < 1000; i++) s.schedule(pair(`lost${i}`), 0, 'lost_first');
    s.promote(0, -Infinity);
    const served = Array.from({ length: 200 }, () => s.popReady()!.key);
    const fresh = served.filter((k) => k.startsWith('new')).length;
    expect(fresh).toBeGreaterThanOrEqual(180);
    expect(fresh).toBeLessThanOrEqual(181);
  });

  it('serves a pair not checked for long as fresh', () => {
    const s = new Scheduler(1);
    const stale = pair('stale', 0);
    const lost = pair('lost', 10_000);
    s.schedule(lost, 0, 'lost_first');
    s.schedule(stale, 0, 'calm');
    s.promote(20_000, 5_000);
    expect(s.popReady()?.key).toBe('stale');
  });

  it('derives re-check intervals from the budget: all re-checks together ask for the rate they are given', () => {
    const s = new Scheduler();
    const pairs = Array.from({ length: 100 }, (_, i) => pair(`p${i}`));
    pairs.forEach((p, i) => s.schedule(p, 0, i < 20 ? 'lost_first' : 'calm'));
    // A pair being re-scheduled is out of the schedule while its interval is worked out.
    s.unschedule(pairs[0]!);
    const lostEvery = s.recheckIntervalMs(8, 8) / 1000;
    s.schedule(pairs[0]!, 0, 'lost_first');
    s.unschedule(pairs[99]!);
    const calmEvery = s.recheckIntervalMs(1, 8) / 1000;
    // At 8 req/s: a lost first place (weight 8) every 240 / 64 s, a calm one every 240 / 8 s.
    expect([lostEvery, calmEvery]).toEqual([3.75, 30]);
    expect(20 / lostEvery + 80 / calmEvery).toBeCloseTo(8, 0);
    expect(lostEvery * 8).toBeCloseTo(calmEvery, 0);
  });
});
