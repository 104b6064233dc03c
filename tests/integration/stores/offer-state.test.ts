import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src-main/app/create-app';
import { offerStateRepo } from '../../../src-main/db/repos/offer-state-repo';
import { storesRepo } from '../../../src-main/db/repos/stores-repo';
import { createPricePusher } from '../../../src-main/demper-wiring/kaspi-ports';
import { createProductSource } from '../../../src-main/demper-wiring/product-source';
import { createOfferPusher } from '../../../src-main/stores/offer-pusher';
import { syncProducts, type SyncResult } from '../../../src-main/stores/product-sync';
import type { StoreSummary } from '../../../src-shared/domain/store';
import type { KaspiSim } from '../../sim/kaspi';
import { startAppOnSim } from '../../support/app-on-sim';
import { call } from '../../support/call-app';
import { eventually } from '../kaspi/support/sim';

const UID = '30000001';
const ALMATY = '750000000';
const ASTANA = '710000000';

/**
 * The offer as the app keeps it (sync) and sends it back (push), against the strict simulator,
 * with real SQLite and the real Chromium login (kaspi-api.md §5, §6; issue 11 items 1 and 2).
 */
describe('own offers: synced where they are sold, pushed whole', () => {
  let env: { app: App; sim: KaspiSim; close(): Promise<void> };
  let store: StoreSummary;
  // One app for the file (one Chromium login); each test starts from a freshly loaded scenario.
  const dataDir = mkdtempSync(join(tmpdir(), 'kd-offers-'));
  beforeAll(async () => {
    env = await startAppOnSim(dataDir, {}, { autoStartDemper: false, proxyHealthChecks: false });
    const { accountId } = await call<{ accountId: number }>(env.app, 'stores.login', { loginId: 'login-offer-state', credentials: { method: 'email', login: 'owner@small.test', password: 'small-pass-1' } });
    store = (await call<StoreSummary[]>(env.app, 'stores.add', { accountId, merchantUids: [UID] }))[0]!;
  }, 60_000);
  afterAll(async () => {
    await env?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    env.sim.reset();
    env.sim.setLimits({ pushApplyDelayMs: 0 });
  });

  const sync = (extra: Partial<Parameters<typeof syncProducts>[0]> = {}): Promise<SyncResult> =>
    syncProducts({ db: env.app.db, sessions: env.app.sessions, store: storesRepo(env.app.db).get(store.id)!, now: () => new Date(), paging: { pageSize: 5, sleep: async () => undefined }, onProgress: () => undefined, ...extra });
  const productId = (masterSku: string): number => (env.app.db.prepare('SELECT id FROM products WHERE master_sku = ?').get(masterSku) as { id: number }).id;
  const removedSkus = (): string[] => (env.app.db.prepare('SELECT master_sku FROM products WHERE removed_at IS NOT NULL ORDER BY master_sku').all() as { master_sku: string }[]).map((r) => r.master_sku);
  const ownPrice = (masterSku: string, cityId = ALMATY): number | undefined => env.sim.offers(masterSku, cityId).find((o) => o.merchantId === UID)?.price;
  /** Our prices in Алматы and Астана once Kaspi has applied every accepted push. */
  const applied = async (masterSku: string): Promise<[number | undefined, number | undefined]> => {
    await eventually(() => (env.sim.pushes().every((p) => p.status !== 200 || p.appliedAt !== null) ? true : undefined));
    return [ownPrice(masterSku), ownPrice(masterSku, ASTANA)];
  };

  it('reads every page past a short one and lists each offer only in the cities where one of its points is on sale', async () => {
    expect(await sync()).toMatchObject({ total: 12, removed: 0 });
    const rows = await call<{ items: Array<{ masterSku: string; cityPrices: Array<{ cityId: string; price: number }> }> }>(env.app, 'products.list', { storeId: store.id, limit: 100 });
    const prices = (masterSku: string) => rows.items.find((p) => p.masterSku === masterSku)?.cityPrices.sort((a, b) => a.cityId.localeCompare(b.cityId));
    // One price, one point in Алматы: priced there only, not in every city of the store.
    expect(prices('100000007')).toEqual([{ cityId: ALMATY, price: 45_000 }]);
    // City prices in both, Астана's only point off sale: listed in Алматы; Kaspi's Астана price kept aside.
    expect(prices('100000011')).toEqual([{ cityId: ALMATY, price: 30_000 }]);
    expect(offerStateRepo(env.app.db).state(productId('100000011'))?.unlistedPrices).toEqual([{ cityId: ASTANA, price: 30_500 }]);
    expect(prices('100000009')).toEqual([{ cityId: ASTANA, price: 165_000 }, { cityId: ALMATY, price: 160_000 }]);
    // The bot checks and prices it only where it is sold.
    const both = [productId('100000011'), productId('100000007')];
    await call(env.app, 'rules.update', { productIds: both, set: { floor: { kind: 'fixed', price: 20_000 } } });
    await call(env.app, 'products.setBot', { productIds: both, enabled: true });
    env.app.db.prepare('UPDATE stores SET bot_enabled = 1 WHERE id = ?').run(store.id);
    const repriced = await createProductSource(env.app.db).products(store.id);
    expect(repriced.filter((p) => ['100000007', '100000011'].includes(p.masterSku)).map((p) => p.cities)).toEqual([[ALMATY], [ALMATY]]);
    // Stock as listed: a figure where one is kept.
    expect(offerStateRepo(env.app.db).state(productId('100000011'))?.availabilities).toEqual([
      { storeId: `${UID}_PP1`, available: true, preOrder: 0, stockCount: 7 },
      { storeId: `${UID}_PP2`, available: false, preOrder: 0, stockCount: 7 },
    ]);
  });

  it('waits out a 429 on a page (growing waits) instead of giving up the sync', async () => {
    const waits: number[] = [];
    env.sim.addFault({ host: 'mc', path: '/bff/offer-view/list', kind: 'error', status: 429, times: 2 });
    const result = await sync({ paging: { pageSize: 5, sleep: async (ms) => void waits.push(ms), random: () => 0.5 } });
    expect(result).toMatchObject({ total: 12, removed: 0 });
    // Two backoffs (1.5 s, 3 s with this jitter) before the first page, then the pauses between pages.
    expect(waits.slice(0, 2)).toEqual([1_500, 3_000]);
    expect(waits.slice(2).every((ms) => ms === 400)).toBe(true);
  });

  it('marks an offer gone from Kaspi removed after a full read, and nothing after a read cut short or a list that moved while read', async () => {
    await sync();
    const offers = env.sim.state.world.ownOffers(UID);
    const gone = offers.findIndex((o) => o.productId === '100000003');
    const [xiaomi] = offers.splice(gone, 1);
    try {
      // The second page fails as HTML (not retried): the sync stops, nothing is concluded.
      const fault = env.sim.addFault({ host: 'mc', path: '/bff/offer-view/list', kind: 'html', times: 1 });
      await expect(sync({ paging: { pageSize: 100, sleep: async () => undefined } })).rejects.toMatchObject({ kind: 'not-json' });
      env.sim.removeFault(fault.id);
      expect(removedSkus()).toEqual([]);
      // An offer deleted while the list is read: the total moves, offsets shift, nothing is concluded.
      let first = true;
      const moving = await sync({
        onProgress: () => {
          if (first) offers.splice(offers.findIndex((o) => o.productId === '100000004'), 1);
          first = false;
        },
      });
      expect(moving.removed).toBe(0);
      expect(removedSkus()).toEqual([]);
      // A quiet, full read: both are gone.
      expect(await sync()).toMatchObject({ removed: 2, total: 10 });
      expect(removedSkus()).toEqual(['100000003', '100000004']);
    } finally {
      env.sim.reset();
      void xiaomi;
    }
    expect(await sync()).toMatchObject({ removed: 0, total: 12 });
    expect(removedSkus()).toEqual([]);
  });

  it("pushes a price with the offer's every point as synced, never moving stock or an off-sale point, and journals the body", async () => {
    await sync();
    const id = productId('100000011');
    const before = structuredClone(env.sim.state.world.ownOffer(UID, '100000011_900000011')?.availabilities);
    const { jobId } = await createPricePusher(env.app.db, env.app.sessions).push({ storeId: store.id, merchantId: UID, productId: id, sku: '100000011_900000011', cityPrices: [{ cityId: ALMATY, price: 29_990 }] });
    const sent = env.sim.pushes({ sku: '100000011_900000011' }).at(-1);
    expect(sent).toMatchObject({ status: 200, id: jobId, offSale: [] });
    expect(sent?.body).toEqual({
      merchantUid: UID,
      sku: '100000011_900000011',
      model: 'Redmond RMC-M90 белый',
      availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: 7 }, { available: 'no', storeId: `${UID}_PP2`, stockCount: 7 }],
      cityPrices: [{ cityId: ALMATY, value: 29_990 }],
    });
    expect(await applied('100000011')).toEqual([29_990, undefined]);
    expect(env.sim.state.world.ownOffer(UID, '100000011_900000011')?.availabilities).toEqual(before);
    const [logged] = offerStateRepo(env.app.db).list({ productId: id, limit: 1 });
    expect(logged).toMatchObject({ status: 'accepted', jobId, sku: '100000011_900000011', body: sent?.body });
    // Every city of a product in one push.
    await createPricePusher(env.app.db, env.app.sessions).push({ storeId: store.id, merchantId: UID, productId: productId('100000009'), sku: '100000009_900000009', cityPrices: [{ cityId: ALMATY, price: 159_000 }, { cityId: ASTANA, price: 164_000 }] });
    expect(env.sim.pushes({ sku: '100000009_900000009' })).toHaveLength(1);
    expect(await applied('100000009')).toEqual([159_000, 164_000]);
  });

  it('changes points alone (a pre-order, a point back on sale) with the prices the offer holds, unchanged, and keeps them for the next push', async () => {
    await sync();
    const id = productId('100000011');
    const pusher = createOfferPusher({ db: env.app.db, sessions: env.app.sessions });
    await pusher.push({ productId: id, cityPrices: [{ cityId: ALMATY, price: 29_500 }] });
    // The price push is not applied in the cabinet list yet: a points change must not undo it.
    await pusher.push({ productId: id, availabilities: [{ storeId: 'PP2', available: true, stockCount: 3, preOrder: 5 }] });
    expect(env.sim.pushes({ sku: '100000011_900000011' }).at(-1)?.body).toMatchObject({
      availabilities: [{ available: 'yes', storeId: `${UID}_PP1`, stockCount: 7 }, { available: 'yes', storeId: `${UID}_PP2`, stockCount: 3, preOrder: 5 }],
      cityPrices: [{ cityId: ASTANA, value: 30_500 }, { cityId: ALMATY, value: 29_500 }],
    });
    expect(await applied('100000011')).toEqual([29_500, 30_500]);
    // The next price push carries the points as the seller set them.
    await pusher.push({ productId: id, cityPrices: [{ cityId: ASTANA, price: 30_400 }] });
    expect(env.sim.pushes({ sku: '100000011_900000011' }).at(-1)?.body).toMatchObject({ availabilities: [{ storeId: `${UID}_PP1`, available: 'yes' }, { storeId: `${UID}_PP2`, available: 'yes', stockCount: 3, preOrder: 5 }] });
  });

  it('keeps the bodies sent for 30 days', async () => {
    await sync();
    const id = productId('100000006');
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    await createOfferPusher({ db: env.app.db, sessions: env.app.sessions, now: () => longAgo }).push({ productId: id, cityPrices: [{ cityId: ALMATY, price: 299_000 }] });
    const [old] = offerStateRepo(env.app.db).list({ productId: id, limit: 1 });
    expect(old?.createdAt).toBe(longAgo.toISOString());
    await createOfferPusher({ db: env.app.db, sessions: env.app.sessions }).push({ productId: id, cityPrices: [{ cityId: ALMATY, price: 298_000 }] });
    expect(offerStateRepo(env.app.db).list({ productId: id, limit: 10 }).map((e) => e.body.cityPrices[0]?.value)).toEqual([298_000]);
  });

  it('journals a refused push as refused, and refuses locally what Kaspi would turn into an off-sale offer', async () => {
    await sync();
    const pusher = createOfferPusher({ db: env.app.db, sessions: env.app.sessions });
    env.sim.setLimits({ pushes: { maxPerWindow: 1, windowMs: 1e9 } });
    await pusher.push({ productId: productId('100000001'), cityPrices: [{ cityId: ALMATY, price: 399_500 }] });
    await expect(pusher.push({ productId: productId('100000001'), cityPrices: [{ cityId: ALMATY, price: 399_000 }] })).rejects.toMatchObject({ kind: 'account-blocked' });
    expect(offerStateRepo(env.app.db).list({ productId: productId('100000001'), limit: 1 })[0]).toMatchObject({ status: 'refused', jobId: null, error: expect.any(String) });
    env.sim.reset();
    const sent = env.sim.pushes().length;
    await expect(pusher.push({ productId: productId('100000001'), cityPrices: [{ cityId: '511010000', price: 399_000 }] })).rejects.toThrow(/нет точки продаж/);
    env.app.db.prepare('DELETE FROM product_availabilities WHERE product_id = ?').run(productId('100000001'));
    await expect(pusher.push({ productId: productId('100000001'), cityPrices: [{ cityId: ALMATY, price: 399_000 }] })).rejects.toThrow(/нет наличия по точкам/);
    expect(env.sim.pushes().length).toBe(sent);
  });
});
