import { describe, expect, it } from 'vitest';
import { buildPushBody } from '../../../src-main/kaspi/push-body';

const base = { merchantUid: '30067228', sku: '142489673_234696637', model: 'Product title' };

describe('the pricefeed body', () => {
  it('matches the body captured live: city prices and long store ids, no top-level price', () => {
    expect(buildPushBody({ ...base, cityPrices: [{ cityId: '710000000', price: 50_000 }], availabilities: [{ storeId: '30067228_PP1', available: true, stockCount: 1 }] })).toEqual({
      ...base,
      cityPrices: [{ cityId: '710000000', value: 50_000 }],
      availabilities: [{ available: 'yes', storeId: '30067228_PP1', stockCount: 1 }],
    });
  });

  it('expands short point codes and carries pre-order days', () => {
    const body = buildPushBody({ ...base, price: 1000, availabilities: [{ storeId: 'pp2', available: false, preOrder: 7 }], preOrder: 7 });
    expect(body.availabilities).toEqual([{ available: 'no', storeId: '30067228_PP2', preOrder: 7 }]);
    expect(body).toMatchObject({ price: 1000, preOrder: 7 });
  });

  it('refuses prices that are not whole positive tenge instead of rounding them', () => {
    expect(() => buildPushBody({ ...base, price: 999.5 })).toThrow(expect.objectContaining({ kind: 'bad-request' }));
    expect(() => buildPushBody({ ...base, cityPrices: [{ cityId: '750000000', price: 0 }] })).toThrow(expect.objectContaining({ kind: 'bad-request' }));
  });

  it('refuses bad city ids, pre-orders past 30 days and empty changes', () => {
    expect(() => buildPushBody({ ...base, cityPrices: [{ cityId: 'Almaty', price: 10 }] })).toThrow(/9 цифр/);
    expect(() => buildPushBody({ ...base, price: 10, preOrder: 31 })).toThrow(/от 0 до 30/);
    expect(() => buildPushBody({ ...base })).toThrow(/нечего менять/);
  });
});
