import { describe, expect, it } from 'vitest';
import type { CabinetOffer } from '../../../src-main/kaspi/types';
import { offerCities } from '../../../src-main/stores/offer-cities';

const ALMATY = '750000000';
const ASTANA = '710000000';
const SHYMKENT = '511010000';
const points = new Map<string, string | null>([['u_PP1', ALMATY], ['u_PP2', ASTANA], ['u_PP3', SHYMKENT], ['u_PP9', null]]);
const at = (storeId: string, available: boolean) => ({ storeId, available, preOrder: 0, stockCount: null });
const offer = (o: Partial<CabinetOffer>): CabinetOffer => ({ sku: 's', masterSku: '1', title: 't', brand: null, category: null, imageUrl: null, cityPrices: [], price: null, availabilities: [], active: true, ...o });

describe('the cities an own offer is sold in', () => {
  it('prices a single-price offer with one point only in that point’s city, not in every city of the store', () => {
    expect(offerCities(offer({ price: 45_000, availabilities: [at('u_PP1', true)] }), points)).toEqual({ listed: [{ cityId: ALMATY, price: 45_000 }], unlisted: [] });
  });

  it('does not list a city whose points are all off sale, but keeps the price Kaspi holds there', () => {
    const o = offer({ cityPrices: [{ cityId: ALMATY, price: 30_000 }, { cityId: ASTANA, price: 30_500 }], availabilities: [at('u_PP1', true), at('u_PP2', false)] });
    expect(offerCities(o, points)).toEqual({ listed: [{ cityId: ALMATY, price: 30_000 }], unlisted: [{ cityId: ASTANA, price: 30_500 }] });
    const single = offer({ price: 100, availabilities: [at('u_PP1', false), at('u_PP2', true)] });
    expect(offerCities(single, points)).toEqual({ listed: [{ cityId: ASTANA, price: 100 }], unlisted: [{ cityId: ALMATY, price: 100 }] });
  });

  it('keeps a city price of a city with a store point but no point of the offer as unlisted, and drops cities the store has no point in', () => {
    const o = offer({ cityPrices: [{ cityId: ALMATY, price: 1 }, { cityId: SHYMKENT, price: 3 }, { cityId: '351010000', price: 4 }], availabilities: [at('u_PP1', true)] });
    expect(offerCities(o, points)).toEqual({ listed: [{ cityId: ALMATY, price: 1 }], unlisted: [{ cityId: SHYMKENT, price: 3 }] });
  });

  it('falls back to the single price for a point city missing from the per-city list, and skips a city with no price at all', () => {
    expect(offerCities(offer({ price: 500, cityPrices: [{ cityId: ALMATY, price: 400 }], availabilities: [at('u_PP1', true), at('u_PP2', true)] }), points).listed).toEqual([{ cityId: ASTANA, price: 500 }, { cityId: ALMATY, price: 400 }].sort((a, b) => a.cityId.localeCompare(b.cityId)));
    expect(offerCities(offer({ cityPrices: [{ cityId: ALMATY, price: 400 }], availabilities: [at('u_PP1', true), at('u_PP2', true), at('u_PP9', true), at('u_PPX', true)] }), points)).toEqual({ listed: [{ cityId: ALMATY, price: 400 }], unlisted: [] });
  });
});
