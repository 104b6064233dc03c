import { z } from 'zod';
import { call } from './define';

const id = z.number().int().positive();

export const FLOOR_CONFIDENCES = ['high', 'medium', 'low'] as const;

/** The lowest price a rival held in one listing: its floor as far as the snapshots show. */
export const rivalFloor = z.object({ productId: id, cityId: z.string(), floor: z.number().int(), confidence: z.enum(FLOOR_CONFIDENCES) });

/** A rival merchant as the app's own looks at the storefront saw it (src-shared/insights/rival-scan.ts). */
export const rivalProfile = z.object({
  merchantId: z.string(),
  name: z.string(),
  products: z.number().int(),
  cities: z.array(z.string()),
  changes: z.number().int(),
  changesPerDay: z.number(),
  /** Median delay of its answers to our moves, and their interquartile range (ms); null: never answered. */
  reactionMedianMs: z.number().nullable(),
  reactionSpreadMs: z.number().nullable(),
  reactionSamples: z.number().int(),
  /** How far under the cheapest other offer it usually goes (₸). */
  usualStep: z.number().nullable(),
  /** Local hours (0-23) with at least 5% of its changes. */
  activeHours: z.array(z.number().int()),
  botScore: z.number(),
  bot: z.boolean(),
  floors: z.array(rivalFloor),
  firstSeenMs: z.number(),
  lastSeenMs: z.number(),
});
export type RivalProfileDto = z.infer<typeof rivalProfile>;

const confidence = z.enum(FLOOR_CONFIDENCES);

/** Sales at one place over the insight's days: units, days watched there, and per day (null: under a day there, or no cost). */
const placeRate = z.object({ units: z.number().int(), days: z.number(), unitsPerDay: z.number().nullable(), marginPerDay: z.number().int().nullable() });

/** Can a product be won at the seller's floor, is first place worth it, how much of a war (src-shared/insights/product-insight.ts). */
export const productInsight = z.object({
  productId: id,
  storeId: id,
  sku: z.string(),
  title: z.string(),
  winnable: z.enum(['yes', 'no', 'no_rivals', 'no_floor', 'not_watched']),
  neededFloor: z.number().int().nullable(),
  sellerFloor: z.number().int().nullable(),
  blocker: z.object({ merchantId: z.string(), name: z.string(), floor: z.number().int(), confidence, cityId: z.string() }).nullable(),
  worth: z.enum(['first', 'second', 'too_few_sales']),
  /** margin: margin a day at first place against second; units: some sale had no cost, so units a day. */
  worthBasis: z.enum(['margin', 'units']),
  units: z.number().int(),
  first: placeRate,
  second: placeRate,
  warRisk: z.enum(['high', 'medium', 'low']),
  fastRivals: z.number().int(),
  pushesPerDay: z.number(),
  watchedDays: z.number().nullable(),
});
export type ProductInsightDto = z.infer<typeof productInsight>;

/** Recommendations a click applies (the others only inform). */
export const APPLICABLE_RECOMMENDATIONS = ['hold_second', 'stop_pushing', 'raise_floor', 'exclude_merchant'] as const;
export const recommendation = z.object({
  kind: z.enum(['hold_second', 'stop_pushing', 'unwinnable', 'raise_floor', 'exclude_merchant']),
  productIds: z.array(id),
  /** raise_floor: per product, the floor now, the floor first place needs, and the rival floor that sets it. */
  floors: z.array(z.object({ productId: id, from: z.number().int(), to: z.number().int(), blocker: z.string(), confidence, watchedDays: z.number().nullable() })).optional(),
  /** exclude_merchant: the rival that looks like the seller's own store, and the evidence. */
  merchant: z.object({
    merchantId: z.string(),
    name: z.string(),
    reason: z.enum(['same_name', 'mirrors_us']),
    ownStore: z.string().nullable(),
    looks: z.number().int(),
    same: z.number().int(),
    under: z.number().int(),
  }).optional(),
});

export const insightsCalls = {
  /** Every rival seen, or the rivals of one product (their floors there only); refreshed from the new snapshots first. */
  'insights.rivals': call(z.object({ productId: id.optional() }), z.object({ rivals: z.array(rivalProfile), refreshedAt: z.number() })),
  /** Every product's insight (or one store's, or one product's), and the recommendations across them. */
  'insights.products': call(
    z.object({ storeId: id.optional(), productId: id.optional() }),
    z.object({ products: z.array(productInsight), recommendations: z.array(recommendation), salesDays: z.number().int() }),
  ),
  /** Applies a recommendation through the rules' validation, journaled (rule_changes) in the same transaction. */
  'insights.apply': call(
    // exclude_merchant names the merchant; raise_floor's new floors are worked out again from the latest looks.
    z.object({ kind: z.enum(APPLICABLE_RECOMMENDATIONS), productIds: z.array(id).min(1).max(20_000), merchantId: z.string().min(1).max(64).optional() }),
    z.object({ changeId: id, updated: z.number().int() }),
  ),
};
