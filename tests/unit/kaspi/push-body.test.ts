import { describe, expect, it } from 'vitest';
import { buildPushBody, type PushPriceInput } from '../../../src-main/kaspi/push-body';

const base = { merchantUid: '30067228', sku: '142489673_234696637', model: 'Product title' };
const pp1 = { storeId: '30067228_PP1', available: true, stockCount: 1, preOrder: 0 };
const input = (extra: Partial<PushPriceInput> = {}): PushPriceInput => ({ ...base, cityPrices: [{ cityId: '710000000', price: 50_000 }], availabilities: [pp1], ...extra });

describe('the pricefeed body', () => {
  it('is the body captured live: availabilities and city prices, long store ids, nothing else', () => {
    expect(buildPushBody(input())).toEqual({
      ...base,
      availabilities: [{ available: 'yes', storeId: '30067228_PP1', stockCount: 1 }],
      cityPrices: [{ cityId: '710000000', value: 50_000 }],
    });
  });

  it('carries every point: off-sale ones as "no", no stock figure as null, pre-orders where set; short codes expanded', () => {
    const body = buildPushBody(input({ availabilities: [pp1, { storeId: 'pp2', available: false, stockCount: null, preOrder: 7 }, { storeId: 'PP3', available: true, stockCount: null, preOrder: 0 }] }));
    expect(body.availabilities).toEqual([
      { available: 'yes', storeId: '30067228_PP1', stockCount: 1 },
      { available: 'no', storeId: '30067228_PP2', stockCount: null, preOrder: 7 },
      { available: 'yes', storeId: '30067228_PP3', stockCount: null },
    ]);
    expect(body).not.toHaveProperty('price');
    expect(body).not.toHaveProperty('preOrder');
  });

  it('refuses a body without points or city prices: Kaspi would take the offer off sale', () => {
    expect(() => buildPushBody(input({ availabilities: [] }))).toThrow(/нет наличия по точкам/);
    expect(() => buildPushBody(input({ cityPrices: [] }))).toThrow(/нет ни одной цены/);
  });

  it('refuses prices that are not whole positive tenge instead of rounding them', () => {
    expect(() => buildPushBody(input({ cityPrices: [{ cityId: '750000000', price: 999.5 }] }))).toThrow(expect.objectContaining({ kind: 'bad-request' }));
    expect(() => buildPushBody(input({ cityPrices: [{ cityId: '750000000', price: 0 }] }))).toThrow(expect.objectContaining({ kind: 'bad-request' }));
  });

  it('refuses bad city ids, a city or point twice, pre-orders past 30 days and negative stock', () => {
    expect(() => buildPushBody(input({ cityPrices: [{ cityId: 'Almaty', price: 10 }] }))).toThrow(/9 цифр/);
    expect(() => buildPushBody(input({ cityPrices: [{ cityId: '750000000', price: 10 }, { cityId: '750000000', price: 11 }] }))).toThrow(/дважды/);
    expect(() => buildPushBody(input({ availabilities: [pp1, { ...pp1, storeId: 'PP1' }] }))).toThrow(/дважды/);
    expect(() => buildPushBody(input({ availabilities: [{ ...pp1, preOrder: 31 }] }))).toThrow(/от 0 до 30/);
    expect(() => buildPushBody(input({ availabilities: [{ ...pp1, stockCount: -1 }] }))).toThrow(/остаток/);
  });
});
