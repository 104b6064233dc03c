import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decide, selectRivals } from '../../../src-shared/pricing';
import type { DecideInput } from '../../../src-shared/pricing';
import { decision } from '../../../src-shared/domain/decision';
import { DELIVERY_DURATIONS } from '../../../src-shared/domain/offer';
import type { Offer } from '../../../src-shared/domain/offer';
import { floorPrice, resolveRules } from '../../../src-shared/domain/rules';
import type { ProductRuleOverrides } from '../../../src-shared/domain/rules';

const US = 'us';
const OWN = ['own1', 'own2'];
const EXCLUDED = ['ex1', 'ex2'];
const merchant = fc.constantFrom(US, ...OWN, ...EXCLUDED, 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8');

const offerArb: fc.Arbitrary<Offer> = fc.record({
  merchantId: merchant,
  merchantName: fc.constant('shop'),
  price: fc.integer({ min: 1, max: 60_000 }),
  rating: fc.constant(null),
  reviewsCount: fc.constant(null),
  deliveryDuration: fc.option(fc.constantFrom(...DELIVERY_DURATIONS), { nil: null }),
  kaspiDelivery: fc.constant(null),
});

const amountArb = fc.oneof(
  fc.record({ unit: fc.constant('tenge' as const), value: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ unit: fc.constant('percent' as const), value: fc.integer({ min: 1, max: 2000 }).map((v) => v / 100) }),
);

const floorArb = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), price: fc.integer({ min: 1, max: 40_000 }) }),
  fc.record({
    kind: fc.constant('cost' as const),
    cost: fc.integer({ min: 0, max: 30_000 }),
    commissionPercent: fc.integer({ min: 0, max: 3000 }).map((v) => v / 100),
    fixedFees: fc.integer({ min: 0, max: 2000 }),
    minMargin: fc.oneof(
      fc.record({ unit: fc.constant('tenge' as const), value: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ unit: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 3000 }).map((v) => v / 100) }),
    ),
  }),
);

const rulesArb = (withTimeGuards: boolean) =>
  fc
    .record({
      floor: floorArb,
      ceilingGap: fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: null }),
      step: amountArb,
      strategy: fc.constantFrom('undercut' as const, 'match' as const, 'top_n' as const, 'monitor' as const),
      targetPosition: fc.integer({ min: 1, max: 5 }),
      deliveryFilter: fc.option(fc.constantFrom(...DELIVERY_DURATIONS), { nil: null }),
      belowFloor: fc.constantFrom('hold' as const, 'floor' as const, 'next_place' as const),
      maxDropPerChange: withTimeGuards ? fc.option(amountArb, { nil: null }) : fc.constant(null),
    })
    .map(({ ceilingGap, ...r }) => {
      const floor = floorPrice(r.floor);
      const o: ProductRuleOverrides = { ...r, ceiling: ceilingGap === null ? null : floor + ceilingGap, excludedMerchantIds: EXCLUDED };
      return resolveRules({ cooldownSeconds: 0, maxChangesPerDay: null }, o);
    });

const inputArb = (withTimeGuards = true): fc.Arbitrary<DecideInput> =>
  fc
    .record({
      rules: rulesArb(withTimeGuards),
      current: fc.integer({ min: 1, max: 120_000 }),
      offers: fc.array(offerArb, { maxLength: 30 }),
      warRivals: fc.subarray(['r1', 'r2', 'r3']),
    })
    .map(({ rules, current, offers, warRivals }) => ({
      rules,
      our: { merchantId: US, price: current },
      ownMerchantIds: OWN,
      offers,
      guard: { lastChangeAt: null, changesToday: 0, warRivals },
      now: 0,
    }));

/** The market after our new price went live: our own offer (if listed) shows it. */
const applied = (input: DecideInput, price: number): DecideInput => ({
  ...input,
  our: { ...input.our, price },
  offers: input.offers.map((o) => (o.merchantId === US ? { ...o, price } : o)),
});

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
