import { z } from 'zod';
import { call } from './define';
import { isoDay } from './orders';

const id = z.number().int().positive();

/** Which sales to look at: a range of Kazakhstan days, and optionally one store, city or product. */
export const analyticsScope = z.object({
  from: isoDay,
  to: isoDay,
  storeId: id.optional(),
  cityId: z.string().max(20).optional(),
  productId: id.optional(),
});
export type AnalyticsScope = z.infer<typeof analyticsScope>;

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export const granularity = z.enum(GRANULARITIES);
export type Granularity = z.infer<typeof granularity>;

/** Sales that count (not cancelled, not returned), whole tenge. */
export const salesTotals = z.object({
  revenue: z.number().int(),
  orders: z.number().int(),
  units: z.number().int(),
  /** Revenue per unit; null without sales. */
  avgPrice: z.number().int().nullable(),
  /** Revenue minus cost, commission and fees of the products that have a cost; null when none has. */
  margin: z.number().int().nullable(),
  /** Share of revenue whose margin is known (0..1): the rest has no cost, so no margin is guessed. */
  marginCoverage: z.number(),
  cancelled: z.number().int(),
  returned: z.number().int(),
});
export type SalesTotals = z.infer<typeof salesTotals>;

export const seriesPoint = salesTotals.pick({ revenue: true, orders: true, units: true, avgPrice: true, margin: true }).extend({
  /** The period's first day, YYYY-MM-DD. */
  period: isoDay,
  /** Share of the watched time our offers were first (0..1); null when the bot was not watching. */
  firstShare: z.number().nullable(),
});
export type SeriesPoint = z.infer<typeof seriesPoint>;

export const breakdownRow = salesTotals.extend({ key: z.string(), name: z.string() });

/** How a product sells in first place and out of it, and what being out of it cost. */
export const productEarnings = z.object({
  productId: id,
  storeId: id,
  title: z.string(),
  sku: z.string(),
  revenue: z.number().int(),
  units: z.number().int(),
  orders: z.number().int(),
  avgPrice: z.number().int().nullable(),
  margin: z.number().int().nullable(),
  /** Units sold while our offer was first in the buyer's city, while it was not, and when unknown. */
  unitsFirst: z.number().int(),
  unitsNotFirst: z.number().int(),
  unitsUnknown: z.number().int(),
  /** Days (fractional) the bot watched the product in first place and out of it. */
  daysFirst: z.number(),
  daysNotFirst: z.number(),
  /** Units a day in each state; null when watched for less than a day in it. */
  perDayFirst: z.number().nullable(),
  perDayNotFirst: z.number().nullable(),
  /** (perDayFirst − perDayNotFirst) × daysNotFirst × the price it sold at while first; null when unknown. */
  lostRevenue: z.number().int().nullable(),
  /** Prices the bot changed (pushed to Kaspi) in the range. */
  botChanges: z.number().int(),
  kind: z.enum(['only_when_first', 'regardless', 'mixed', 'unknown']),
});
export type ProductEarnings = z.infer<typeof productEarnings>;

export const priceChangeOutcome = z.object({
  at: z.number(),
  cityId: z.string(),
  oldPrice: z.number().int().nullable(),
  newPrice: z.number().int(),
  /** Units sold in that city in the day before the change and in the day after it. */
  unitsBefore: z.number().int(),
  unitsAfter: z.number().int(),
});

export const analyticsCalls = {
  'analytics.overview': call(
    z.object({ scope: analyticsScope, granularity: granularity.default('day') }),
    z.object({
      totals: salesTotals,
      /** The same number of days just before the range. */
      previous: salesTotals,
      series: z.array(seriesPoint),
      byStore: z.array(breakdownRow),
      byCity: z.array(breakdownRow),
      /** Orders whose items are still being read from Kaspi: not in product figures yet. */
      entriesPending: z.number().int(),
      /** Share of the range's watched time in first place; null when the bot was not watching. */
      firstShare: z.number().nullable(),
    }),
  ),
  /** What the repricing earned, product by product, over the scope. */
  'analytics.products': call(
    z.object({ scope: analyticsScope, limit: z.number().int().min(1).max(20_000).default(500) }),
    z.object({ rows: z.array(productEarnings), lostRevenue: z.number().int(), unitsFirstShare: z.number().nullable() }),
  ),
  /** One product: daily sales next to its first-place share, and its price changes against the sales that followed. */
  'analytics.product': call(
    z.object({ scope: analyticsScope.required({ productId: true }) }),
    z.object({
      earnings: productEarnings.nullable(),
      daily: z.array(z.object({ period: isoDay, units: z.number().int(), revenue: z.number().int(), firstShare: z.number().nullable() })),
      changes: z.array(priceChangeOutcome),
    }),
  ),
  'analytics.exportCsv': call(
    z.object({ table: z.enum(['series', 'products', 'stores', 'cities']), scope: analyticsScope, granularity: granularity.default('day'), language: z.enum(['ru', 'kk', 'en']).default('ru') }),
    z.object({ fileName: z.string(), csv: z.string() }),
  ),
};
