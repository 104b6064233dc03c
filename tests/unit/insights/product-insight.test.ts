import { describe, expect, it } from 'vitest';
import type { InsightInput, ListingRival } from '../../../src-shared/insights/product-insight';
import { productInsight, recommendations } from '../../../src-shared/insights/product-insight';

const rival = (over: Partial<ListingRival>): ListingRival => ({ merchantId: 'r1', name: 'Rival', price: 10_000, floor: 9_000, confidence: 'high', bot: false, reactionMedianMs: null, ...over });
const input = (over: Partial<InsightInput>): InsightInput => ({ productId: 1, sellerFloor: 8_000, listings: [{ cityId: '750000000', ourPrice: 10_500, rivals: [rival({})] }], sales: null, pushesPerDay: 0, ...over });

describe('a product insight', () => {
  it('is winnable when the seller floor is under the lowest rival floor, and names the rival whose floor blocks it when not', () => {
    expect(productInsight(input({}))).toMatchObject({ winnable: 'yes', neededFloor: 8_999, sellerFloor: 8_000 });
    const lost = productInsight(input({ sellerFloor: 9_500, listings: [{ cityId: '750000000', ourPrice: 10_500, rivals: [rival({}), rival({ merchantId: 'r2', name: 'Cheap', floor: 9_200, price: 9_900 })] }] }));
    expect(lost).toMatchObject({ winnable: 'no', neededFloor: 8_999, blocker: { merchantId: 'r1', floor: 9_000, confidence: 'high' } });
    // A seller that never moved sits at its price: that is what must be beaten, whatever its lowest ever.
    expect(productInsight(input({ listings: [{ cityId: '750000000', ourPrice: 10_500, rivals: [rival({ price: 7_000, floor: 7_500, confidence: 'low' })] }] }))).toMatchObject({ winnable: 'no', neededFloor: 6_999 });
    expect(productInsight(input({ listings: [] })).winnable).toBe('not_watched');
    expect(productInsight(input({ listings: [{ cityId: '750000000', ourPrice: 10_500, rivals: [] }] })).winnable).toBe('no_rivals');
    expect(productInsight(input({ sellerFloor: null })).winnable).toBe('no_floor');
  });

  it('says first place is worth it only from enough sales, and when second sells nearly as much says hold second', () => {
    expect(productInsight(input({ sales: { units: 3, perDayFirst: 2, perDayNotFirst: 0.1 } })).worth).toBe('too_few_sales');
    expect(productInsight(input({ sales: null })).worth).toBe('too_few_sales');
    expect(productInsight(input({ sales: { units: 40, perDayFirst: 2, perDayNotFirst: 0.5 } })).worth).toBe('first');
    expect(productInsight(input({ sales: { units: 40, perDayFirst: 2, perDayNotFirst: 1.8 } })).worth).toBe('second');
  });

  it('rates the war risk from how fast the rivals answer', () => {
    expect(productInsight(input({})).warRisk).toBe('low');
    expect(productInsight(input({ listings: [{ cityId: '750000000', ourPrice: 1, rivals: [rival({ reactionMedianMs: 20 * 60_000 })] }] })).warRisk).toBe('medium');
    expect(productInsight(input({ listings: [{ cityId: '750000000', ourPrice: 1, rivals: [rival({ reactionMedianMs: 30_000, bot: true })] }] }))).toMatchObject({ warRisk: 'high', fastRivals: 1 });
  });

  it('recommends holding second in a war that second place nearly matches, and stopping pushes on products that sell nothing', () => {
    const war = { listings: [{ cityId: '750000000', ourPrice: 1, rivals: [rival({ reactionMedianMs: 30_000, bot: true })] }] };
    const list = [
      productInsight(input({ productId: 1, ...war, sales: { units: 40, perDayFirst: 2, perDayNotFirst: 1.9 }, pushesPerDay: 50 })),
      productInsight(input({ productId: 2, ...war, sales: { units: 40, perDayFirst: 2, perDayNotFirst: 0.2 }, pushesPerDay: 50 })),
      productInsight(input({ productId: 3, pushesPerDay: 30 })),
      productInsight(input({ productId: 4, pushesPerDay: 2 })),
      productInsight(input({ productId: 5, sellerFloor: 9_500 })),
    ];
    expect(recommendations(list)).toEqual([
      { kind: 'hold_second', productIds: [1] },
      { kind: 'stop_pushing', productIds: [3] },
      { kind: 'unwinnable', productIds: [5] },
    ]);
  });
});
