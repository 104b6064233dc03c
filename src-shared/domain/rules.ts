import { z } from 'zod';
import { cityId, deliveryDuration } from './offer';
import { MAX_TENGE } from './money';
import { messageCode as says } from '../i18n/message';

/**
 * Messages are catalogue codes (src-shared/i18n/catalogue/rules.ts), shown in the seller's language.
 * Percentages are stored as given (12.5) but all arithmetic runs on basis points (1250),
 * so money never passes through a float: two decimals are the most a seller ever types.
 */
const percentValue = (max: number) =>
  z
    .number({ error: says('rules.percent_not_number') })
    .min(0, { error: says('rules.percent_negative') })
    .max(max, { error: says('rules.percent_above') })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: says('rules.percent_decimals') });

const priceField = z
  .number({ error: says('rules.price_not_number') })
  .int({ error: says('rules.price_whole') })
  .min(1, { error: says('rules.price_at_least_one') })
  .max(MAX_TENGE, { error: says('rules.price_above') });
const tengeField = z
  .number({ error: says('rules.amount_not_number') })
  .int({ error: says('rules.amount_whole') })
  .min(0, { error: says('rules.amount_negative') })
  .max(MAX_TENGE, { error: says('rules.amount_above') });

/** A change size: whole tenge, or a percentage of the price it applies to. */
export const amountOrPercent = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('tenge'), value: priceField }),
  z.object({ unit: z.literal('percent'), value: percentValue(100).refine((v) => v > 0, { error: says('rules.percent_positive') }) }),
]);
export type AmountOrPercent = z.infer<typeof amountOrPercent>;

/** Minimum margin may be zero (sell at break-even) and, as a percent, is a share of the sale price. */
export const marginRule = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('tenge'), value: tengeField }),
  z.object({ unit: z.literal('percent'), value: percentValue(90) }),
]);
export type MarginRule = z.infer<typeof marginRule>;

/** Store-wide unit economics that a cost-based floor inherits when the product does not set them. */
export const feeDefaults = z.object({
  commissionPercent: percentValue(90).default(12),
  fixedFees: tengeField.default(0),
  minMargin: marginRule.default({ unit: 'tenge', value: 0 }),
});

export const floorRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), price: priceField }),
  z.object({
    kind: z.literal('cost'),
    cost: tengeField,
    commissionPercent: percentValue(90),
    fixedFees: tengeField,
    minMargin: marginRule,
  }),
]);
export type FloorRule = z.infer<typeof floorRule>;

export const STRATEGIES = ['undercut', 'match', 'top_n', 'monitor'] as const;
export const strategy = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof strategy>;

/**
 * How an offer sold on pre-order is priced (issue #16): `hold` keeps the price the seller set,
 * `no_undercut` may raise but never cuts, `as_usual` prices it like any offer.
 */
export const PRE_ORDER_STRATEGIES = ['hold', 'no_undercut', 'as_usual'] as const;
export const preOrderStrategy = z.enum(PRE_ORDER_STRATEGIES);
export type PreOrderStrategy = z.infer<typeof preOrderStrategy>;

/** What to do when the rival we would beat is already under our floor. */
export const BELOW_FLOOR_BEHAVIOURS = ['hold', 'floor', 'next_place'] as const;
export const belowFloorBehaviour = z.enum(BELOW_FLOOR_BEHAVIOURS);
export type BelowFloorBehaviour = z.infer<typeof belowFloorBehaviour>;

const ruleKnobs = {
  /** No ceiling means "never raise above a rival's price", never "raise without bound". */
  ceiling: priceField.nullable(),
  step: amountOrPercent,
  strategy,
  /** Used by top_n: stay at or above this place (1 = first). */
  targetPosition: z.number().int({ error: says('rules.position_whole') }).min(1, { error: says('rules.position_from_one') }).max(50, { error: says('rules.position_at_most_50') }),
  /** Cities to price in; empty means every city the offer is listed in. */
  cities: z.array(cityId),
  excludedMerchantIds: z.array(z.string().min(1)),
  /** Rivals slower than this are ignored; null compares with everyone. */
  deliveryFilter: deliveryDuration.nullable(),
  belowFloor: belowFloorBehaviour,
  cooldownSeconds: z.number().int({ error: says('rules.cooldown_whole') }).min(0, { error: says('rules.cooldown_negative') }),
  maxChangesPerDay: z.number().int({ error: says('rules.daily_cap_whole') }).min(1, { error: says('rules.daily_cap_at_least_one') }).nullable(),
  maxDropPerChange: amountOrPercent.nullable(),
  /** Units on sale (all points together) at or under which the bot stops undercutting; null: off. */
  lowStockThreshold: z.number().int({ error: says('rules.low_stock_whole') }).min(0, { error: says('rules.low_stock_negative') }).nullable(),
  /** On low stock, also raise toward the ceiling. */
  lowStockRaise: z.boolean(),
  preOrderStrategy,
};

/** Store-wide defaults: every knob has a sensible value so a new product can be priced at once. */
export const storeRuleDefaults = z.object({
  ceiling: ruleKnobs.ceiling.default(null),
  step: ruleKnobs.step.default({ unit: 'tenge', value: 1 }),
  strategy: ruleKnobs.strategy.default('undercut'),
  targetPosition: ruleKnobs.targetPosition.default(1),
  cities: ruleKnobs.cities.default([]),
  excludedMerchantIds: ruleKnobs.excludedMerchantIds.default([]),
  deliveryFilter: ruleKnobs.deliveryFilter.default(null),
  belowFloor: ruleKnobs.belowFloor.default('hold'),
  cooldownSeconds: ruleKnobs.cooldownSeconds.default(120),
  // A runaway guard (one change per ~5 min on average), not a pace: a SaaS demper on a 5-minute
  // cycle needs ~290 answers a day, and at 100 the bot stopped answering by mid-afternoon. The
  // account's change budget, price-war rules and the kill switch keep the pace (issue #12).
  maxChangesPerDay: ruleKnobs.maxChangesPerDay.default(300),
  maxDropPerChange: ruleKnobs.maxDropPerChange.default(null),
  lowStockThreshold: ruleKnobs.lowStockThreshold.default(null),
  lowStockRaise: ruleKnobs.lowStockRaise.default(false),
  preOrderStrategy: ruleKnobs.preOrderStrategy.default('hold'),
  fees: feeDefaults.default({ commissionPercent: 12, fixedFees: 0, minMargin: { unit: 'tenge', value: 0 } }),
});
export type StoreRuleDefaults = z.infer<typeof storeRuleDefaults>;

/** A cost floor may leave the fee fields to the store defaults. */
const floorOverride = z.discriminatedUnion('kind', [
  floorRule.options[0],
  floorRule.options[1].partial({ commissionPercent: true, fixedFees: true, minMargin: true }),
]);

/** What a product stores: its floor plus whatever it changes from the store defaults. */
export const productRuleOverrides = z
  .object({ floor: floorOverride })
  .extend(
    Object.fromEntries(Object.entries(ruleKnobs).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof ruleKnobs]: z.ZodOptional<(typeof ruleKnobs)[K]>;
    },
  );
export type ProductRuleOverrides = z.input<typeof productRuleOverrides>;

/** Fully resolved rules of one product: what decide() consumes. */
export const pricingRules = z
  .object({ floor: floorRule, ...ruleKnobs })
  .superRefine((r, ctx) => {
    if (r.floor.kind === 'cost') {
      const marginPercent = r.floor.minMargin.unit === 'percent' ? r.floor.minMargin.value : 0;
      if (r.floor.commissionPercent + marginPercent >= 100) {
        ctx.addIssue({ code: 'custom', path: ['floor'], message: says('rules.fees_below_100') });
        return;
      }
    }
    const floor = floorPrice(r.floor);
    if (r.ceiling !== null && floor > r.ceiling) {
      ctx.addIssue({ code: 'custom', path: ['ceiling'], message: says('rules.floor_above_ceiling_at'), params: { floor, ceiling: r.ceiling } });
    }
  });
export type PricingRules = z.infer<typeof pricingRules>;

/** Merges store defaults and product overrides into validated rules (throws a ZodError whose messages are catalogue codes). */
export function resolveRules(defaults: z.input<typeof storeRuleDefaults>, overrides: ProductRuleOverrides): PricingRules {
  const d = storeRuleDefaults.parse(defaults);
  const o = productRuleOverrides.parse(overrides);
  const { fees, ...knobs } = d;
  const floor: FloorRule =
    o.floor.kind === 'fixed'
      ? o.floor
      : {
          kind: 'cost',
          cost: o.floor.cost,
          commissionPercent: o.floor.commissionPercent ?? fees.commissionPercent,
          fixedFees: o.floor.fixedFees ?? fees.fixedFees,
          minMargin: o.floor.minMargin ?? fees.minMargin,
        };
  const defined = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return pricingRules.parse({ ...knobs, ...defined, floor });
}

/** Basis points (1/100 of a percent) of a percentage value. */
export const basisPoints = (percent: number): number => Math.round(percent * 100);

/** ceil(a / b) for non-negative safe integers, without floats. */
const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);

/**
 * The lowest price a product may carry. A cost floor solves
 *   price - price·commission - price·margin% = cost + fees + margin₸
 * for price, in integer arithmetic, rounded up so the margin is never short by a tenge.
 */
export function floorPrice(rule: FloorRule): number {
  if (rule.kind === 'fixed') return rule.price;
  const marginBp = rule.minMargin.unit === 'percent' ? basisPoints(rule.minMargin.value) : 0;
  const marginTenge = rule.minMargin.unit === 'tenge' ? rule.minMargin.value : 0;
  const keptBp = 10_000 - basisPoints(rule.commissionPercent) - marginBp;
  const needed = rule.cost + rule.fixedFees + marginTenge;
  // Commission + margin at or above 100 % cannot be satisfied by any price; the schema caps each at 90 %.
  if (keptBp <= 0) return Number.MAX_SAFE_INTEGER;
  return Math.max(1, ceilDiv(needed * 10_000, keptBp));
}

/** The tenge amount of a step or a drop limit applied to a price: percentages round up, never below 1 ₸. */
export function amountOf(amount: AmountOrPercent, base: number): number {
  if (amount.unit === 'tenge') return amount.value;
  return Math.max(1, ceilDiv(base * basisPoints(amount.value), 10_000));
}
