import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract';
import type { ReviewRow, ReviewSyncStatus } from '../../../src-shared/contract/reviews';
import { call } from '../../support/call-app';
import { waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';
import { buyerPhone, whatsappApp } from '../whatsapp/support/whatsapp-app';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the store's reviews", () => {
  it('are read from the storefront with history, a new low one rings (never the first read), and one after our request is marked', async () => {
    const env = await whatsappApp(tempDir(), { config: { reviewsOverrides: { requestIntervalMs: 0, soldEveryMs: 0, restEveryMs: 0 } } });
    cleanups.push(() => env.close());
    const alerts: EventPayload<'reviews.alert'>[] = [];
    env.app.events.subscribe((event, payload) => event === 'reviews.alert' && alerts.push(payload as EventPayload<'reviews.alert'>));

    // The first read: every product's rating of the day and every review of this store's buyers.
    const [first] = await call<ReviewSyncStatus[]>(env.app, 'reviews.syncNow', { storeId: env.storeId });
    expect(first).toMatchObject({ problem: null, productsRead: first!.products });
    const known = (await call<{ total: number; rows: ReviewRow[] }>(env.app, 'reviews.list', { limit: 500 })).total;
    const expected = [...new Set(env.sim.scenario().products!.map((p) => p.masterSku))].flatMap((sku) => env.sim.state.reviews.of(sku).filter((r) => r.merchantUid === env.uid));
    expect(known).toBe(expected.length);
    expect(alerts).toEqual([]);
    await call(env.app, 'reviews.markSeen');

    // A delivered order gets its review request; the buyer then writes a poor review of it.
    await env.link();
    await env.enable('delivered');
    const order = await env.activeOrder();
    await env.move(order, 'ARCHIVED', 'COMPLETED');
    await waitFor(() => env.waha.sent(buyerPhone(order)), (m) => m.length === 1);
    const productId = order.entries[0]!.productId;
    env.sim.addReview({ productId, merchantUid: env.uid, rating: 2, text: 'Коробка мятая', author: order.customer.firstName, orderNumber: order.code });
    env.sim.addReview({ productId, merchantUid: '31000001', rating: 1, text: 'Чужой магазин' });

    await call(env.app, 'reviews.syncNow', { storeId: env.storeId });
    const fresh = await call<{ total: number; rows: ReviewRow[] }>(env.app, 'reviews.list', { filter: { onlyNew: true } });
    expect(fresh.rows).toEqual([expect.objectContaining({ rating: 2, text: 'Коробка мятая', orderCode: order.code, isNew: true, asked: { sentAt: expect.any(Number), orderCode: order.code } })]);
    expect(alerts).toEqual([expect.objectContaining({ rating: 2, storeName: 'ИП Тестовый магазин', text: 'Коробка мятая' })]);
    const asked = await call<{ total: number }>(env.app, 'reviews.list', { filter: { onlyAsked: true, ratings: [1, 2, 3] } });
    expect(asked.total).toBe(1);

    // Read again: nothing twice; the summary counts the request and the review after it.
    await call(env.app, 'reviews.syncNow', { storeId: env.storeId });
    expect((await call<{ total: number }>(env.app, 'reviews.list', {})).total).toBe(known + 1);
    const summary = await call<{ count: number; newCount: number; lowCount: number; asking: { requests: number; reviewsAfter: number }; series: { day: string; rating: number | null; count: number }[]; products: { productId: number; rating: number | null }[] }>(
      env.app, 'reviews.summary', { storeId: env.storeId },
    );
    expect(summary).toMatchObject({ newCount: 1, asking: { requests: 1, reviewsAfter: 1 } });
    expect(summary.series).toHaveLength(90);
    expect(summary.series.at(-1)!.count).toBeGreaterThanOrEqual(1);
    expect(summary.products.length).toBeGreaterThan(0);
    const product = await call<{ series: { productRating: number | null }[] }>(env.app, 'reviews.summary', { storeId: env.storeId, productId: summary.products[0]!.productId });
    expect(product.series.at(-1)!.productRating).not.toBeNull();
    await call(env.app, 'reviews.markSeen');
    expect((await call<{ total: number }>(env.app, 'reviews.list', { filter: { onlyNew: true } })).total).toBe(0);
  });

  it('show a problem on the store when the storefront refuses, and go on later', async () => {
    const env = await whatsappApp(tempDir(), { config: { reviewsOverrides: { requestIntervalMs: 0 } } });
    cleanups.push(() => env.close());
    env.sim.addFault({ host: 'storefront', path: '/yml/review-view', kind: 'error', status: 500 });
    const [status] = await call<ReviewSyncStatus[]>(env.app, 'reviews.syncNow', { storeId: env.storeId });
    expect(status!.problem).toMatchObject({ code: expect.stringMatching(/^kaspi\./) });
    env.sim.clearFaults();
    const [after] = await call<ReviewSyncStatus[]>(env.app, 'reviews.syncNow', { storeId: env.storeId });
    expect(after!.problem).toBeNull();
  });
});
