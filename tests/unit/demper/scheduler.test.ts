import { describe, expect, it } from 'vitest';
import type { Pair } from '../../../src-main/demper/pair';
import { Scheduler } from '../../../src-main/demper/scheduler';

const pair = (key: string) => ({ key, seq: 0 }) as unknown as Pair;

describe('scheduler', () => {
  it('serves a lost first place before calm pairs that waited longer', () => {
    const s = new Scheduler();
    const calm = pair('calm');
    const lost = pair('lost');
    const verify = pair('verify');
    s.schedule(calm, 0, 'calm');
    s.schedule(lost, 50, 'lost_first');
    s.schedule(verify, 100, 'verify');
    s.promote(100);
    expect([s.popReady()?.key, s.popReady()?.key, s.popReady()?.key]).toEqual(['verify', 'lost', 'calm']);
  });

  it('keeps only the latest schedule of a pair and nothing before it is due', () => {
    const s = new Scheduler();
    const p = pair('p');
    s.schedule(p, 0, 'calm');
    s.schedule(p, 500, 'calm');
    s.promote(100);
    expect(s.popReady()).toBeNull();
    expect(s.nextDueAt()).toBe(500);
    s.promote(500);
    expect(s.popReady()?.key).toBe('p');
    expect(s.popReady()).toBeNull();
  });
});
