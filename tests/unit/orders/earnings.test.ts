import { describe, expect, it } from 'vitest';
import { productEarnings } from '../../../src-main/analytics/earnings';
import type { ProductSalesRow } from '../../../src-main/db/repos/analytics-repo';

const DAY = 86_400_000;
const sales = (over: Partial<ProductSalesRow>): ProductSalesRow => ({
  productId: 1, storeId: 1, title: 'Товар', sku: 'S-1', revenue: 0, units: 0, orders: 0, unitsFirst: 0, unitsNotFirst: 0, unitsUnknown: 0, revenueFirst: 0, margin: null, ...over,
});

describe('what being out of first place cost a product', () => {
  it('estimates lost revenue from the daily rate in first place against the rate out of it', () => {
    // 20 units in 4 days first (5 a day, 10 000 ₸ each), 2 units in 2 days not first (1 a day).
    const e = productEarnings(sales({ revenue: 218_000, units: 22, orders: 22, unitsFirst: 20, unitsNotFirst: 2, revenueFirst: 200_000 }), { trackedMs: 6 * DAY, firstMs: 4 * DAY, changes: 7 });
    expect(e).toMatchObject({ daysFirst: 4, daysNotFirst: 2, perDayFirst: 5, perDayNotFirst: 1, lostRevenue: (5 - 1) * 2 * 10_000, botChanges: 7, kind: 'mixed', avgPrice: 9909 });
  });

  it('tells a product that sells only when first from one that sells regardless', () => {
    const onlyFirst = productEarnings(sales({ revenue: 100_000, units: 10, unitsFirst: 10, revenueFirst: 100_000 }), { trackedMs: 10 * DAY, firstMs: 5 * DAY, changes: 0 });
    expect(onlyFirst).toMatchObject({ kind: 'only_when_first', perDayNotFirst: 0, lostRevenue: 100_000 });
    const regardless = productEarnings(sales({ revenue: 100_000, units: 10, unitsFirst: 5, unitsNotFirst: 5, revenueFirst: 50_000 }), { trackedMs: 10 * DAY, firstMs: 5 * DAY, changes: 0 });
    expect(regardless).toMatchObject({ kind: 'regardless', lostRevenue: 0 });
  });

  it('gives no rate and no estimate for a state watched less than a day, and no verdict on three sales', () => {
    const short = productEarnings(sales({ revenue: 30_000, units: 3, unitsFirst: 3, revenueFirst: 30_000 }), { trackedMs: 5 * DAY + DAY / 2, firstMs: 5 * DAY, changes: 0 });
    expect(short).toMatchObject({ perDayNotFirst: null, lostRevenue: null, kind: 'unknown' });
    const unwatched = productEarnings(sales({ revenue: 30_000, units: 3, unitsUnknown: 3 }), undefined);
    expect(unwatched).toMatchObject({ daysFirst: 0, daysNotFirst: 0, perDayFirst: null, lostRevenue: null, kind: 'unknown', botChanges: 0 });
  });
});
