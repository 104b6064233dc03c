import fc from 'fast-check';
import type { DecideInput } from '../../../src-shared/pricing';
import { DELIVERY_DURATIONS } from '../../../src-shared/domain/offer';
import type { Offer } from '../../../src-shared/domain/offer';
import { floorPrice, resolveRules } from '../../../src-shared/domain/rules';
import type { ProductRuleOverrides } from '../../../src-shared/domain/rules';

/** Random markets and rules for decide()'s property tests. */
export const US = 'us';
export const OWN = ['own1', 'own2'];
export const EXCLUDED = ['ex1', 'ex2'];
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
      lowStockThreshold: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
      lowStockRaise: fc.boolean(),
      preOrderStrategy: fc.constantFrom('hold' as const, 'no_undercut' as const, 'as_usual' as const),
    })
    .map(({ ceilingGap, ...r }) => {
      const floor = floorPrice(r.floor);
      const o: ProductRuleOverrides = { ...r, ceiling: ceilingGap === null ? null : floor + ceilingGap, excludedMerchantIds: EXCLUDED };
      return resolveRules({ cooldownSeconds: 0, maxChangesPerDay: null }, o);
    });

export const inputArb = (withTimeGuards = true): fc.Arbitrary<DecideInput> =>
  fc
    .record({
      rules: rulesArb(withTimeGuards),
      current: fc.integer({ min: 1, max: 120_000 }),
      offers: fc.array(offerArb, { maxLength: 30 }),
      warRivals: fc.subarray(['r1', 'r2', 'r3']),
      // Stock and pre-order (issue #16): every law below holds with them too.
      stock: fc.option(fc.record({ units: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }), preOrder: fc.boolean() }), { nil: undefined }),
    })
    .map(({ rules, current, offers, warRivals, stock }) => ({
      rules,
      our: { merchantId: US, price: current },
      ownMerchantIds: OWN,
      offers,
      guard: { lastChangeAt: null, changesToday: 0, warRivals },
      stock,
      now: 0,
    }));

/** The market after our new price went live: our own offer (if listed) shows it. */
export const applied = (input: DecideInput, price: number): DecideInput => ({
  ...input,
  our: { ...input.our, price },
  offers: input.offers.map((o) => (o.merchantId === US ? { ...o, price } : o)),
});

