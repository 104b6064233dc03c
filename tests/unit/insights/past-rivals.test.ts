import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pastRivals } from '../../support/past-market';

describe('the rivals written into the demo’s recorded days', () => {
  it('put exactly as many sellers under our price as our place says, the cheapest at the best rival price, and move only the sellers the place needs moved', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1_000, max: 500_000 }), fc.integer({ min: 10, max: 500 }), fc.array(fc.integer({ min: 500, max: 600_000 }), { minLength: 1, maxLength: 7 }),
        (position, ourPrice, gap, prices) => {
          const place = { productId: 'p', cityId: 'c', from: 0, to: 1, position, ourPrice, bestRivalPrice: position === 1 ? ourPrice + gap : ourPrice - gap * (position - 1) };
          const before = prices.map((price, k) => ({ merchantId: `m${k}`, merchantName: `M${k}`, price }));
          const after = pastRivals(place, before);
          expect(after.map((r) => r.merchantId).sort()).toEqual(before.map((r) => r.merchantId).sort());
          expect(after.filter((r) => r.price < ourPrice).length).toBe(Math.min(position - 1, before.length));
          expect(after.some((r) => r.price === ourPrice)).toBe(false);
          expect(Math.min(...after.map((r) => r.price))).toBe(place.bestRivalPrice);
          // The same place again moves nobody.
          expect(pastRivals(place, after).map((r) => [r.merchantId, r.price]).sort()).toEqual(after.map((r) => [r.merchantId, r.price]).sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
