import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decide, selectRivals } from '../../../src-shared/pricing';
import { decision } from '../../../src-shared/domain/decision';
import { floorPrice } from '../../../src-shared/domain/rules';
import { applied, EXCLUDED, inputArb, OWN, US } from './arbitraries';

describe('decide over random markets', () => {
  it('always returns a decision its own schema accepts (it crosses IPC and the journal as is)', () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        expect(() => decision.parse(decide(input))).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('never sets a price below the floor or above the ceiling, and always whole tenge ≥ 1', () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const d = decide(input);
        if (d.action !== 'set') return;
        const floor = floorPrice(input.rules.floor);
        expect(Number.isInteger(d.price)).toBe(true);
        expect(d.price).toBeGreaterThanOrEqual(Math.max(1, floor));
        if (input.rules.ceiling !== null) expect(d.price).toBeLessThanOrEqual(input.rules.ceiling);
        expect(d.price).not.toBe(input.our.price);
      }),
      { numRuns: 3000 },
    );
  });

  it('never targets our own stores, excluded merchants or rivals slower than the filter', () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const target = decide(input).reason.target;
        if (!target) return;
        expect([US, ...OWN, ...EXCLUDED]).not.toContain(target.merchantId);
        const eligible = selectRivals(input.offers, US, OWN, input.rules).rivals.map((o) => o.merchantId);
        expect(eligible).toContain(target.merchantId);
      }),
      { numRuns: 3000 },
    );
  });

  it('holds on the market its own decision produced (no self-oscillation)', () => {
    fc.assert(
      fc.property(inputArb(false), (input) => {
        const d = decide(input);
        if (d.action !== 'set') return;
        const again = decide(applied(input, d.price));
        expect(again).toMatchObject({ action: 'hold' });
      }),
      { numRuns: 3000 },
    );
  });

  it('with a max drop, walks one way to a resting price and then holds', () => {
    fc.assert(
      fc.property(inputArb(true), (input) => {
        let market = input;
        let last = decide(market);
        const direction = last.action === 'set' ? Math.sign(last.price - (input.our.price ?? 0)) : 0;
        // Each step moves at least 1 ₸ one way, so the walk is bounded by the price range.
        for (let i = 0; i < 130_000 && last.action === 'set'; i++) {
          expect(Math.sign(last.price - (market.our.price ?? 0))).toBe(direction);
          market = applied(market, last.price);
          last = decide(market);
        }
        expect(last.action).toBe('hold');
      }),
      { numRuns: 500 },
    );
  });
});
