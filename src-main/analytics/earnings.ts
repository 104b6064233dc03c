import type { ProductEarnings } from '../../src-shared/contract/analytics';
import type { ProductSalesRow, WatchTotals } from '../db/repos/analytics-repo';

const DAY_MS = 86_400_000;
/** Less watched time than this in a state gives no rate for it: one quiet hour says nothing. */
const MIN_DAYS = 1;
/** Fewer sales than this say nothing about whether a product needs first place. */
const MIN_UNITS = 3;

/**
 * What being out of first place cost a product, in the words the page uses:
 * while first it sold `perDayFirst` a day, while not `perDayNotFirst`; it spent `daysNotFirst`
 * days out of first place, so about (perDayFirst − perDayNotFirst) × daysNotFirst units went to
 * others, at the price it sold for while first. Demand moves for other reasons too: an estimate.
 */
export function productEarnings(sales: ProductSalesRow, watch: WatchTotals | undefined): ProductEarnings {
  const daysFirst = (watch?.firstMs ?? 0) / DAY_MS;
  const daysNotFirst = Math.max(0, (watch?.trackedMs ?? 0) - (watch?.firstMs ?? 0)) / DAY_MS;
  const perDayFirst = daysFirst >= MIN_DAYS ? sales.unitsFirst / daysFirst : null;
  const perDayNotFirst = daysNotFirst >= MIN_DAYS ? sales.unitsNotFirst / daysNotFirst : null;
  const priceFirst = sales.unitsFirst > 0 ? sales.revenueFirst / sales.unitsFirst : sales.units > 0 ? sales.revenue / sales.units : 0;
  const lostRevenue = perDayFirst !== null && perDayNotFirst !== null ? Math.round(Math.max(0, perDayFirst - perDayNotFirst) * daysNotFirst * priceFirst) : null;
  let kind: ProductEarnings['kind'] = 'unknown';
  if (perDayFirst !== null && perDayNotFirst !== null && sales.unitsFirst + sales.unitsNotFirst >= MIN_UNITS) {
    if (perDayNotFirst <= perDayFirst * 0.15) kind = 'only_when_first';
    else if (perDayNotFirst >= perDayFirst * 0.6) kind = 'regardless';
    else kind = 'mixed';
  }
  return {
    productId: sales.productId,
    storeId: sales.storeId,
    title: sales.title,
    sku: sales.sku,
    revenue: sales.revenue,
    units: sales.units,
    orders: sales.orders,
    avgPrice: sales.units > 0 ? Math.round(sales.revenue / sales.units) : null,
    margin: sales.margin,
    unitsFirst: sales.unitsFirst,
    unitsNotFirst: sales.unitsNotFirst,
    unitsUnknown: sales.unitsUnknown,
    daysFirst: round2(daysFirst),
    daysNotFirst: round2(daysNotFirst),
    perDayFirst: perDayFirst === null ? null : round2(perDayFirst),
    perDayNotFirst: perDayNotFirst === null ? null : round2(perDayNotFirst),
    lostRevenue,
    botChanges: watch?.changes ?? 0,
    kind,
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
