import { afterEach, describe, expect, it } from 'vitest';
import { browserHeaders, waitFor } from './helpers';
import { SCENARIO_CREDENTIALS, startKaspiSim, type KaspiSim } from '../../sim/kaspi';

const TOKEN = SCENARIO_CREDENTIALS.small.apiToken;
const UID = SCENARIO_CREDENTIALS.small.merchantUid;
let sim: KaspiSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const shopOrder = async (s: KaspiSim, code: string, state: string) => {
  const now = Date.now();
  const res = await fetch(`${s.urls.storefront}/shop/api/v2/orders?page[number]=0&page[size]=100&filter[orders][state]=${state}&filter[orders][creationDate][$ge]=${now - 13 * 86_400_000}&filter[orders][creationDate][$le]=${now}&filter[orders][code]=${code}`, { headers: { accept: 'application/vnd.api+json', 'x-auth-token': TOKEN } });
  return ((await res.json()) as { data: { attributes: Record<string, unknown> }[] }).data[0]?.attributes;
};
const control = (s: KaspiSim, path: string, body: unknown) => fetch(`${s.urls.control}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the Kaspi simulator over time (for WhatsApp triggers and reviews)', () => {
  it('moves an order on demand, and dates a Kaspi Delivery parcel once the courier took it', async () => {
    sim = await startKaspiSim({ scenario: 'small', seed: 4, timeScale: 1000 });
    sim.setLimits({ shopApi: { maxPerWindow: 10_000 } });
    // A Kaspi Delivery order (about half of them travel with Kaspi's courier).
    const order = Array.from({ length: 50 }, () => sim!.createOrder(UID)).find((o) => o.isKaspiDelivery)!;
    expect((await control(sim, '/orders/move', { merchantUid: UID, code: order.code, tab: 'KASPI_DELIVERY_CARGO_ASSEMBLY' })).status).toBe(200);
    expect(await shopOrder(sim, order.code, 'KASPI_DELIVERY')).toMatchObject({ state: 'KASPI_DELIVERY', status: 'ACCEPTED_BY_MERCHANT' });
    expect((await shopOrder(sim, order.code, 'KASPI_DELIVERY'))?.['kaspiDelivery']).toMatchObject({ courierTransmissionDate: null });
    await control(sim, '/orders/move', { merchantUid: UID, code: order.code, tab: 'KASPI_DELIVERY_TRANSMITTED' });
    const moved = await shopOrder(sim, order.code, 'KASPI_DELIVERY');
    expect((moved?.['kaspiDelivery'] as { courierTransmissionDate: number }).courierTransmissionDate).toBeGreaterThan(order.creationDate);
    expect((await control(sim, '/orders/move', { merchantUid: UID, code: order.code, tab: 'ARCHIVED', status: 'COMPLETED' })).status).toBe(200);
    expect(await shopOrder(sim, order.code, 'ARCHIVE')).toMatchObject({ status: 'COMPLETED' });
    expect((await control(sim, '/orders/move', { merchantUid: UID, code: order.code, tab: 'NOWHERE' })).status).toBe(400);
  });

  it('lets buyers of completed orders write reviews hours later, newest first on the storefront, and takes one on demand', async () => {
    sim = await startKaspiSim({ scenario: 'small', seed: 4, timeScale: 0.00001 });
    const orders = Array.from({ length: 40 }, () => sim!.createOrder(UID));
    for (const o of orders) sim.moveOrder(UID, o.code, 'ARCHIVED', 'COMPLETED');
    const codes = new Set(orders.map((o) => o.code));
    const written = await waitFor(() => [...new Set(orders.map((o) => o.entries[0]!.productId))].flatMap((p) => sim!.state.reviews.of(p).filter((r) => codes.has(r.orderNumber))), (r) => r.length >= 3, 5_000);
    const review = written[0]!;
    const product = orders.find((o) => o.code === review.orderNumber)!.entries[0]!.productId;
    const page = await fetch(`${sim.urls.storefront}/yml/review-view/api/v1/reviews/product/${product}?filter=ALL&sort=DATE&limit=5&page=0&withAgg=true&merchantCodes=${UID}`, { headers: browserHeaders(product, '750000000') });
    const body = (await page.json()) as { data: { orderNumber: string; date: string }[]; summary: { ratingCount: number } };
    const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('.');
    expect(body.data[0]).toMatchObject({ date: today });
    expect(body.data.some((r) => codes.has(r.orderNumber))).toBe(true);

    const added = await control(sim, '/reviews', { productId: product, merchantUid: UID, rating: 1, text: 'Сломан' });
    expect(added.status).toBe(200);
    expect(sim.state.reviews.of(product).at(-1)).toMatchObject({ rating: 1, text: 'Сломан', merchantUid: UID, date: today });
    expect((await control(sim, '/reviews', { productId: product, merchantUid: UID, rating: 6 })).status).toBe(400);
  });
});
