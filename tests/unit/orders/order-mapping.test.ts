import { describe, expect, it } from 'vitest';
import { countsAsSale, outcomeOfKaspi, stateOfKaspi } from '../../../src-shared/domain/order';
import { kzDate, kzDay, kzDayStart } from '../../../src-shared/domain/kazakhstan-time';
import { fromCabinetOrder, fromShopOrder } from '../../../src-main/orders/order-mapping';
import { orderAlertText } from '../../../src-main/orders/order-alert-text';
import { RequestPacer } from '../../../src-main/kaspi/pacer';
import { renderMessage } from '../../../src-shared/i18n';

const places = {
  cityOfPoint: (id: string | null) => (id === '1_PP2' ? { id: '710000000', name: 'Астана' } : null),
  cityByName: (name: string | null) => (name === 'Алматы' ? { id: '750000000', name: 'Алматы' } : null),
};

describe('one order model from both sources', () => {
  it('maps the shop API states and the cabinet tabs to the same states, and how archived orders ended', () => {
    expect(['NEW', 'SIGN_REQUIRED', 'PICKUP', 'DELIVERY', 'KASPI_DELIVERY', 'ARCHIVE'].map(stateOfKaspi)).toEqual(['new', 'sign_required', 'pickup', 'delivery', 'kaspi_delivery', 'archive']);
    expect(['KASPI_DELIVERY_TRANSMITTED', 'ARCHIVED', 'SOMETHING'].map(stateOfKaspi)).toEqual(['kaspi_delivery', 'archive', null]);
    expect(outcomeOfKaspi('archive', 'COMPLETED')).toBe('completed');
    expect(outcomeOfKaspi('archive', 'CANCELLED_BY_MERCHANT')).toBe('cancelled');
    expect(outcomeOfKaspi('archive', 'RETURNED')).toBe('returned');
    expect(outcomeOfKaspi('kaspi_delivery', 'KASPI_DELIVERY_RETURN_REQUESTED')).toBeNull();
    expect(outcomeOfKaspi('delivery', 'ACCEPTED_BY_MERCHANT')).toBeNull();
    expect([null, 'completed', 'cancelled', 'returned'].map((o) => countsAsSale(o as never))).toEqual([true, true, false, false]);
  });

  it('rounds money to whole tenge, places a delivery in the buyer town and a pickup at its point', () => {
    const base = { id: 'K1', code: '5', totalPrice: 4000.4, paymentMode: 'PREPAID', createdAt: 1000, approvedByBankAt: 1500, plannedDeliveryAt: null, state: 'DELIVERY', status: 'ACCEPTED_BY_MERCHANT', kaspiDelivery: false, signatureRequired: false, preOrder: false, pickupPointId: '1_PP2', deliveryCost: 500.6, address: 'ул. Абая, 1', town: 'Алматы', customer: { id: 'c', firstName: 'Аня', lastName: 'К.', phone: '7770000000' }, courierTransmittedAt: null };
    const delivery = fromShopOrder({ ...base, deliveryMode: 'DELIVERY_LOCAL' }, 'delivery', null, places)!;
    expect(delivery).toMatchObject({ totalPrice: 4000, deliveryCost: 501, cityId: '750000000', state: 'delivery', outcome: null, phone: '7770000000', phoneMasked: false, customerName: 'Аня К.', entries: null });
    expect(fromShopOrder({ ...base, deliveryMode: 'DELIVERY_PICKUP' }, 'delivery', null, places)).toMatchObject({ cityId: '710000000' });
    expect(fromShopOrder({ ...base, createdAt: null, approvedByBankAt: null, deliveryMode: null }, 'new', null, places)).toBeNull();
    // Kaspi's courier took the parcel: the shop API's date reads as the cabinet's tab for it.
    expect(delivery.kaspiTab).toBeNull();
    expect(fromShopOrder({ ...base, state: 'KASPI_DELIVERY', deliveryMode: 'DELIVERY_LOCAL', courierTransmittedAt: 2000 }, 'kaspi_delivery', null, places)).toMatchObject({ state: 'kaspi_delivery', kaspiTab: 'KASPI_DELIVERY_TRANSMITTED' });
  });

  it('never takes the cabinet mask for a phone number', () => {
    const o = fromCabinetOrder({ code: '7', status: 'COMPLETED', totalPrice: 100, createdAt: 5, modifiedAt: 9, customerName: 'Б. В.', customerPhone: '+0(000)-000-00-00', cityId: '750000000', cityName: 'Алматы', destinationKind: 'OrderAddress', address: 'Абая, 1', pointId: '1_PP1', deliveryMethod: 'DELIVERY_LOCAL', kaspiDelivery: true, plannedDeliveryAt: null, acceptDeadline: null, cancelReason: null, entries: [{ masterSku: '1', sku: 'S', name: 'X', quantity: 2, totalPrice: 100 }] }, 'ARCHIVED', places)!;
    expect(o).toMatchObject({ phone: null, phoneMasked: true, state: 'archive', outcome: 'completed', kaspiTab: 'ARCHIVED', changedMs: 9, entries: [{ quantity: 2, totalPrice: 100 }] });
  });
});

describe('Kazakhstan days', () => {
  it('start at 19:00 UTC the day before', () => {
    const day = kzDay(Date.UTC(2026, 2, 1, 19, 0));
    expect(kzDate(day)).toBe('2026-03-02');
    expect(kzDayStart(day)).toBe(Date.UTC(2026, 2, 1, 19, 0));
    expect(kzDate(kzDay(Date.UTC(2026, 2, 1, 18, 59)))).toBe('2026-03-01');
  });
});

describe('order notifications', () => {
  it('name the store, the code, the sum and the item, never the buyer', () => {
    const text = orderAlertText({ at: 0, kind: 'new_order', storeId: 1, storeName: 'Магазин', orderId: 2, code: '512', totalPrice: 12990, firstItem: 'Чайник', deadline: null }, 0);
    expect(renderMessage(text.title, 'ru')).toBe('Новый заказ · Магазин');
    expect(renderMessage(text.body, 'ru')).toMatch(/^Заказ 512 на 12\u202F990\u00A0₸ — Чайник\./);
    const late = orderAlertText({ at: 0, kind: 'accept_deadline', storeId: 1, storeName: 'Магазин', orderId: 2, code: '512', totalPrice: 100, firstItem: null, deadline: 20 * 60_000 }, 0);
    expect(renderMessage(late.body, 'ru')).toMatch(/20 мин/);
  });
});

describe('the request pacer', () => {
  it('spaces requests at least the interval apart, in call order', async () => {
    let now = 0;
    const slept: number[] = [];
    const pacer = new RequestPacer(200, { now: () => now, sleep: async (ms) => { slept.push(ms); } });
    await Promise.all([pacer.turn(), pacer.turn(), pacer.turn()]);
    expect(slept).toEqual([200, 400]);
    now = 1000;
    await pacer.turn();
    expect(slept).toEqual([200, 400]);
  });
});
