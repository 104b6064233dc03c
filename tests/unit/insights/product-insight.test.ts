import { describe, expect, it } from 'vitest';
import type { InsightInput, ListingRival, PlaceSales } from '../../../src-shared/insights/product-insight';
import { floorRaise, productInsight, recommendations } from '../../../src-shared/insights/product-insight';

const rival = (over: Partial<ListingRival>): ListingRival => ({ merchantId: 'r1', name: 'Rival', price: 10_000, floor: 9_000, confidence: 'high', bot: false, reactionMedianMs: null, ...over });
const input = (over: Partial<InsightInput>): InsightInput => ({ productId: 1, sellerFloor: 8_000, listings: [{ cityId: '750000000', ourPrice: 10_500, rivals: [rival({})] }], sales: null, pushesPerDay: 0, watchedDays: 1, ...over });
/** Units and margin sold at first and second place over the days spent at each (margin null: a line without cost). */
const sold = (first: [number, number | null, number], second: [number, number | null, number]): PlaceSales => ({
  units: first[0] + second[0],
  first: { units: first[0], margin: first[1], days: first[2] },
  second: { units: second[0], margin: second[1], days: second[2] },
});

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

  it('says first place is worth it from the margin a day it earns against second place, not the units, and says so when it cannot tell', () => {
    // 3 sales are too few; none at all too.
    expect(productInsight(input({ sales: sold([2, 4_000, 5], [1, 2_000, 5]) })).worth).toBe('too_few_sales');
    expect(productInsight(input({ sales: null })).worth).toBe('too_few_sales');
    // First sells twice the units, but at a war price: 20 units earn 10,000 ₸ over 10 days at first, 10 earn 9,000 over 10 days at second.
    const war = productInsight(input({ sales: sold([20, 10_000, 10], [10, 9_000, 10]) }));
    expect(war).toMatchObject({ worth: 'second', worthBasis: 'margin', first: { unitsPerDay: 2, marginPerDay: 1_000 }, second: { unitsPerDay: 1, marginPerDay: 900 } });
    // The same units with a margin that holds at first place: first is worth it.
    expect(productInsight(input({ sales: sold([20, 40_000, 10], [10, 9_000, 10]) }))).toMatchObject({ worth: 'first', worthBasis: 'margin' });
    // A loss at first place and a profit at second: second.
    expect(productInsight(input({ sales: sold([20, -2_000, 10], [10, 3_000, 10]) })).worth).toBe('second');
    // Without a cost for every sale, units a day decide, and the basis says so.
    expect(productInsight(input({ sales: sold([20, null, 10], [10, 9_000, 10]) }))).toMatchObject({ worth: 'first', worthBasis: 'units', first: { marginPerDay: null } });
    expect(productInsight(input({ sales: sold([20, null, 10], [18, null, 10]) }))).toMatchObject({ worth: 'second', worthBasis: 'units' });
    // Under a day at second place gives no rate there: too few to say.
    expect(productInsight(input({ sales: sold([20, 10_000, 10], [3, 2_000, 0.5]) })).worth).toBe('too_few_sales');
  });

  it('rates the war risk from how fast the rivals answer', () => {
    expect(productInsight(input({})).warRisk).toBe('low');
    expect(productInsight(input({ listings: [{ cityId: '750000000', ourPrice: 1, rivals: [rival({ reactionMedianMs: 20 * 60_000 })] }] })).warRisk).toBe('medium');
    expect(productInsight(input({ listings: [{ cityId: '750000000', ourPrice: 1, rivals: [rival({ reactionMedianMs: 30_000, bot: true })] }] }))).toMatchObject({ warRisk: 'high', fastRivals: 1 });
  });

  it('recommends holding second in a war that second place nearly matches, and stopping pushes on products that sell nothing', () => {
    // Floors close under what first place needs: nothing to raise.
    const war = { sellerFloor: 8_950, listings: [{ cityId: '750000000', ourPrice: 1, rivals: [rival({ reactionMedianMs: 30_000, bot: true })] }] };
    const list = [
      productInsight(input({ productId: 1, ...war, sales: sold([20, 20_000, 10], [19, 19_000, 10]), pushesPerDay: 50 })),
      productInsight(input({ productId: 2, ...war, sales: sold([20, 20_000, 10], [2, 2_000, 10]), pushesPerDay: 50 })),
      productInsight(input({ productId: 3, sellerFloor: 8_950, pushesPerDay: 30 })),
      productInsight(input({ productId: 4, sellerFloor: 8_950, pushesPerDay: 2 })),
      productInsight(input({ productId: 5, sellerFloor: 9_500 })),
    ];
    expect(recommendations(list)).toEqual([
      { kind: 'hold_second', productIds: [1] },
      { kind: 'stop_pushing', productIds: [3] },
      { kind: 'unwinnable', productIds: [5] },
    ]);
  });

  it('recommends raising a floor only where first place needs far more than it, from a sure rival floor or days of watching, to one tenge under that floor', () => {
    // 8,000 against a sure 9,000: raise to 8,999.
    const far = productInsight(input({ productId: 1 }));
    expect(floorRaise(far)).toEqual({ productId: 1, from: 8_000, to: 8_999, blocker: 'Rival', confidence: 'high', watchedDays: 1 });
    // Close under it (less than 3 %, or under 100 ₸): nothing to gain.
    expect(floorRaise(productInsight(input({ productId: 2, sellerFloor: 8_800 })))).toBeNull();
    expect(floorRaise(productInsight(input({ productId: 2, sellerFloor: 8_700 })))).toMatchObject({ from: 8_700, to: 8_999 });
    expect(floorRaise(productInsight(input({ productId: 2, sellerFloor: 2_000, listings: [{ cityId: '750000000', ourPrice: 2_200, rivals: [rival({ price: 2_200, floor: 2_090 })] }] })))).toBeNull();
    // Only the lowest seen, watched one day: not enough; watched four days: enough.
    const seen = { listings: [{ cityId: '750000000', ourPrice: 10_500, rivals: [rival({ confidence: 'low' })] }] };
    expect(floorRaise(productInsight(input({ productId: 3, ...seen })))).toBeNull();
    expect(floorRaise(productInsight(input({ productId: 3, ...seen, watchedDays: 4 })))).toMatchObject({ to: 8_999, confidence: 'low', watchedDays: 4 });
    // Not winnable, no floor, no rivals: never.
    expect(floorRaise(productInsight(input({ productId: 4, sellerFloor: 9_500 })))).toBeNull();
    expect(floorRaise(productInsight(input({ productId: 5, sellerFloor: null })))).toBeNull();
    expect(floorRaise(productInsight(input({ productId: 6, listings: [{ cityId: '750000000', ourPrice: 1, rivals: [] }] })))).toBeNull();

    const list = [far, productInsight(input({ productId: 7, sellerFloor: 5_000 }))];
    const lookalike = { merchantId: 'm9', name: 'ТОО Мой магазин', reason: 'same_name' as const, ownStore: 'ИП Мой магазин', productIds: [7, 1], looks: 3, same: 0, under: 1 };
    expect(recommendations(list, [lookalike])).toEqual([
      // The biggest raise first.
      { kind: 'raise_floor', productIds: [7, 1], floors: [expect.objectContaining({ productId: 7, from: 5_000, to: 8_999 }), expect.objectContaining({ productId: 1, from: 8_000 })] },
      { kind: 'exclude_merchant', productIds: [7, 1], merchant: { merchantId: 'm9', name: 'ТОО Мой магазин', reason: 'same_name', ownStore: 'ИП Мой магазин', looks: 3, same: 0, under: 1 } },
    ]);
  });
});
