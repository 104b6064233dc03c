import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FloorRule } from '../../../src-shared/domain/rules';
import { floorPrice } from '../../../src-shared/domain/rules';
import { raisedFloor } from '../../../src-shared/insights/raised-floor';

describe('a floor raised to what first place needs', () => {
  it('sets a fixed floor to the target, and never lowers one', () => {
    expect(raisedFloor({ kind: 'fixed', price: 8_000 }, 8_999)).toEqual({ kind: 'fixed', price: 8_999 });
    expect(raisedFloor({ kind: 'fixed', price: 9_000 }, 8_999)).toBeNull();
  });

  it('keeps a cost floor’s cost and fees and raises its minimum margin in tenge to the most that stays at or under the target', () => {
    const rule: FloorRule = { kind: 'cost', cost: 6_000, commissionPercent: 12, fixedFees: 300, minMargin: { unit: 'percent', value: 5 } };
    const next = raisedFloor(rule, 9_999);
    if (next?.kind !== 'cost') throw new Error('a cost floor stays a cost floor');
    expect(next).toMatchObject({ cost: 6_000, commissionPercent: 12, fixedFees: 300, minMargin: { unit: 'tenge' } });
    expect(floorPrice(next)).toBeLessThanOrEqual(9_999);
    expect(floorPrice({ ...next, minMargin: { unit: 'tenge', value: next.minMargin.value + 1 } })).toBeGreaterThan(9_999);
  });

  it('for any cost floor and target above it, gives a floor above the old one and at or under the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 200_000 }), (cost, commission, fees, above) => {
        const rule: FloorRule = { kind: 'cost', cost, commissionPercent: commission, fixedFees: fees, minMargin: { unit: 'tenge', value: 0 } };
        const target = floorPrice(rule) + above;
        const next = raisedFloor(rule, target);
        if (next === null) return floorPrice(rule) + 1 >= target;
        return floorPrice(next) <= target && floorPrice(next) > floorPrice(rule);
      }),
      { numRuns: 300 },
    );
  });
});
