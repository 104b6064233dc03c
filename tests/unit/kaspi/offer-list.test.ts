import { describe, expect, it } from 'vitest';
import { masterSkuFromLink, mapOffer, parseOfferListPage } from '../../../src-main/kaspi/offer-list';

const full = {
  offerId: '30067228_ABC',
  sku: '133206576_392235481',
  masterSku: '133206576',
  masterTitle: 'Apple iPhone 15',
  title: 'iPhone 15 128 black',
  brand: 'Apple',
  masterCategory: 'Master - Smartphones',
  price: 0,
  minPrice: 399_000,
  allCityPrices: { '750000000': { price: 399_000 }, '710000000': { price: 401_000.4 } },
  available: true,
  availabilities: [{ storeId: '30067228_PP1', available: 'yes', preOrder: 3, stockSpecified: true, stockCount: 5 }],
  images: ['h1/p133206576.jpg'],
  shopLink: 'https://kaspi.kz/shop/p/apple-iphone-15-133206576/',
  someFutureField: { nested: true },
};

describe('own offers from the cabinet list', () => {
  it('maps a full offer and ignores fields it does not know', () => {
    expect(mapOffer(full)).toEqual({
      sku: '133206576_392235481',
      masterSku: '133206576',
      title: 'iPhone 15 128 black',
      brand: 'Apple',
      category: 'Smartphones',
      imageUrl: 'https://resources.cdn-kaspi.kz/img/m/p/h1/p133206576.jpg',
      cityPrices: [{ cityId: '710000000', price: 401_000 }, { cityId: '750000000', price: 399_000 }],
      // With a per-city list, minPrice is only the cheapest city: no price for other cities.
      price: null,
      availabilities: [{ storeId: '30067228_PP1', available: true, preOrder: 3, stockCount: 5 }],
      active: true,
    });
  });

  it('handles an offer with only a SKU and a link', () => {
    expect(mapOffer({ sku: 'SKU-1', shopLink: '/shop/p/some-thing-987654321/' })).toEqual({
      sku: 'SKU-1', masterSku: '987654321', title: 'SKU-1', brand: null, category: null, imageUrl: null, cityPrices: [], price: null, availabilities: [], active: false,
    });
  });

  it('survives fields of the wrong type and drops zero or negative prices', () => {
    const o = mapOffer({ sku: 42, masterSku: 1234567, title: ['x'], model: 'Model X', price: 'cheap', minPrice: -5, allCityPrices: { '750000000': { price: 0 }, bad: null }, availabilities: [null, { storeId: 'u_PP2', available: false, stockCount: null }], images: 'nope' });
    expect(o).toMatchObject({ sku: '42', masterSku: '1234567', title: 'Model X', price: null, cityPrices: [], imageUrl: null });
    expect(o?.availabilities).toEqual([{ storeId: 'u_PP2', available: false, preOrder: 0, stockCount: null }]);
  });

  it('takes the single price from price, else minPrice, when there is no per-city list', () => {
    expect(mapOffer({ sku: 'a', price: 1500 })?.price).toBe(1500);
    expect(mapOffer({ sku: 'a', price: 0, minPrice: 1200 })?.price).toBe(1200);
    expect(mapOffer({ sku: 'a', price: 1300, minPrice: 1200, allCityPrices: { '750000000': { price: 1200 } } })?.price).toBe(1300);
  });

  it('reads "no stock figure" from stockSpecified, whatever stockCount says, and keeps pre-orders within 0–30', () => {
    const o = mapOffer({ sku: 'a', availabilities: [
      { storeId: 'u_PP1', available: 'yes', stockSpecified: false, stockCount: 0 },
      { storeId: 'u_PP2', available: 'yes', stockSpecified: true, stockCount: 0, preOrder: 45 },
      { storeId: 'u_PP3', available: 'no', stockCount: 4 },
    ] });
    expect(o?.availabilities).toEqual([
      { storeId: 'u_PP1', available: true, preOrder: 0, stockCount: null },
      { storeId: 'u_PP2', available: true, preOrder: 30, stockCount: 0 },
      { storeId: 'u_PP3', available: false, preOrder: 0, stockCount: 4 },
    ]);
  });

  it('skips offers without a SKU but keeps the page', () => {
    const page = parseOfferListPage({ total: 3, data: [full, { title: 'no sku' }, 'garbage'], extra: 1 });
    expect(page.total).toBe(3);
    expect(page.offers).toHaveLength(1);
    expect(page.skipped).toBe(2);
  });

  it('treats a body that is not a page as not-json', () => {
    expect(() => parseOfferListPage('<html>')).toThrow(expect.objectContaining({ kind: 'not-json' }));
    expect(parseOfferListPage({})).toEqual({ total: null, offers: [], skipped: 0 });
  });

  it('finds the product id in product links of several shapes', () => {
    expect(masterSkuFromLink('https://kaspi.kz/shop/p/-133206576/?c=750000000')).toBe('133206576');
    expect(masterSkuFromLink('https://kaspi.kz/shop/p/samsung-galaxy-a55-8-256gb-113137790/')).toBe('113137790');
    expect(masterSkuFromLink('/shop/p/name-123456')).toBe('123456');
    expect(masterSkuFromLink('')).toBeNull();
    expect(masterSkuFromLink('https://kaspi.kz/shop/')).toBeNull();
  });
});
