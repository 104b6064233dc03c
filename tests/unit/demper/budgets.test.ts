import { describe, expect, it } from 'vitest';
import { LaneBudget, pickLane } from '../../../src-main/demper/budgets';
import { engineSettings } from '../../../src-main/demper/settings';

const s = engineSettings.parse({});

describe('offers budget of the lanes', () => {
  it('skips a lane that cools down after a 403 and picks one that can send', () => {
    const a = new LaneBudget('a', s, 0);
    const b = new LaneBudget('b', s, 0);
    a.cooldownUntil = 15_000;
    expect(pickLane([a, b], 100).lane?.lane).toBe('b');
    b.bucket.tryTake(100);
    expect(pickLane([a, b], 100)).toEqual({ lane: null, readyAt: 225 });
  });
});
