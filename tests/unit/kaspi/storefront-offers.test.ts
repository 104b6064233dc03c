import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLastPage } from '../../../src-main/kaspi/paging';
import { mapOffer, toDuration } from '../../../src-main/kaspi/storefront';
import { offer as offerSchema } from '../../../src-shared/domain/offer';

describe('competitor offers from offer-view', () => {
  it('maps the fields the demper uses and ignores the rest', () => {
    expect(mapOffer({ merchantId: 30067228, merchantName: 'Shop', price: 339_700, merchantRating: 4.8, merchantReviewsQuantity: 1523, deliveryDuration: 'TOMORROW', kaspiDelivery: true, loanPicker: {}, deliveryOptions: { x: {} } })).toEqual({
      merchantId: '30067228', merchantName: 'Shop', price: 339_700, rating: 4.8, reviewsCount: 1523, deliveryDuration: 'TOMORROW', kaspiDelivery: true,
    });
  });

  it('leaves unknown what Kaspi did not say', () => {
    expect(mapOffer({ merchantId: 'm1', price: 100 })).toEqual({ merchantId: 'm1', merchantName: '', price: 100, rating: null, reviewsCount: null, deliveryDuration: null, kaspiDelivery: null });
  });

  it('rounds a fractional price and rejects offers without a positive price or merchant', () => {
    expect(mapOffer({ merchantId: 'm', price: 1999.6 })?.price).toBe(2000);
    expect(mapOffer({ merchantId: 'm', price: 0 })).toBeNull();
    expect(mapOffer({ merchantId: 'm', price: -10 })).toBeNull();
    expect(mapOffer({ merchantId: 'm' })).toBeNull();
    expect(mapOffer({ merchantId: '', price: 10 })).toBeNull();
    expect(mapOffer({ price: 10 })).toBeNull();
  });

  it('pages to the total however short a page is, and without a total until a page is short', () => {
    expect(isLastPage(0, 50, 49, 120)).toBe(false);
    expect(isLastPage(2, 50, 20, 120)).toBe(true);
    expect(isLastPage(1, 50, 0, 120)).toBe(true);
    expect(isLastPage(0, 50, 50, null)).toBe(false);
    expect(isLastPage(3, 50, 12, null)).toBe(true);
  });

  it('files free-text or new delivery values under OTHER', () => {
    expect(toDuration('till_3_days')).toBe('TILL_3_DAYS');
    expect(toDuration('1-2 дня')).toBe('OTHER');
    expect(toDuration('NEXT_WEEK')).toBe('OTHER');
  });

  it('always yields a valid domain offer or nothing, whatever Kaspi sends', () => {
    fc.assert(
      fc.property(
        fc.record({ merchantId: fc.oneof(fc.string(), fc.integer()), price: fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.string()), merchantRating: fc.oneof(fc.double({ noNaN: true }), fc.constant(undefined)), deliveryDuration: fc.oneof(fc.string(), fc.constantFrom('TODAY', 'TILL_7_DAYS')) }, { requiredKeys: [] }),
        (raw) => {
          const o = mapOffer(raw);
          return o === null || offerSchema.safeParse(o).success;
        },
      ),
    );
  });
});
