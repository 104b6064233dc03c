import { describe, expect, it } from 'vitest';
import { mapOrderTabs, mapOrders } from '../../../src-main/kaspi/orders-parse';

describe('cabinet orders', () => {
  it('maps a GraphQL order and tolerates missing parts', () => {
    const [full, bare] = mapOrders([
      { code: '123', status: 'ACCEPTED_BY_MERCHANT', totalPrice: 5000, creationTime: '2026-01-02T03:04:05.000Z', customer: { firstName: 'Айгуль', lastName: 'С.' }, destination: { __typename: 'Point', city: { id: '750000000' } }, entries: [{ product: { code: '111', name: 'Товар' }, merchantProduct: { code: 'SKU-1' }, quantity: 2, totalPrice: 5000 }], unknown: 1 },
      { code: 456 },
      { noCode: true },
    ]);
    expect(full).toMatchObject({ code: '123', createdAt: Date.parse('2026-01-02T03:04:05.000Z'), customerName: 'Айгуль С.', cityId: '750000000', entries: [{ masterSku: '111', sku: 'SKU-1', name: 'Товар', quantity: 2, totalPrice: 5000 }] });
    expect(bare).toMatchObject({ code: '456', status: null, createdAt: null, customerName: null, entries: [] });
  });

  it('maps REST order tabs and skips what is not a tab', () => {
    const tabs = mapOrderTabs([{ tab: 'NEW', totalCount: 1, orders: [{ code: '9', createDate: 1700000000000, entries: [{ masterProductCode: '111', name: 'X', quantity: 1 }] }] }, 'junk']);
    expect(tabs).toEqual([{ tab: 'NEW', totalCount: 1, orders: [{ code: '9', status: null, createdAt: 1700000000000, totalPrice: null, entries: [{ masterSku: '111', sku: null, name: 'X', quantity: 1, totalPrice: null }] }] }]);
    expect(mapOrderTabs({ not: 'an array' })).toEqual([]);
  });
});
