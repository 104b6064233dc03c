import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../src-shared/contract';
import { kzDay, kzDayStart } from '../../../src-shared/domain/kazakhstan-time';
import { floorPrice } from '../../../src-shared/domain/rules';
import { snapshotsRepo, summarise } from '../../../src-main/db/repos/snapshots-repo';
import { call } from '../../support/call-app';
import { importPastMarket } from '../../support/past-market';
import { useTempDir } from '../../support/temp-dir';
import { ordersApp } from '../orders/support/orders-app';

const tempDir = useTempDir();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const DAY = 86_400_000;
type Insights = CallOutput<'insights.products'>;
type Detail = CallOutput<'products.detail'>;

describe('insights on the demo store’s recorded days (past market with its rivals, orders synced)', () => {
  it('knows every rival, judges first place by the margin it earned against second, and raises floors no rival came near, applied and journaled', async () => {
    const env = await ordersApp(tempDir(), { scenario: 'demo' });
    closers.push(env.close);
    const { app, sim, uid, storeId } = env;
    const now = Date.now();
    importPastMarket(app, sim, storeId, uid, now - 5 * DAY);
    app.analytics.refresh();
    await env.sync();
    app.analytics.refresh();
    app.insights.refresh();

    // Every seller next to ours on the storefront is a rival with a history.
    const listings = app.db.prepare('SELECT p.id, p.master_sku, c.city_id, c.price FROM products p JOIN product_city_prices c ON c.product_id = p.id WHERE p.store_id = ?').all(storeId) as { id: number; master_sku: string; city_id: string; price: number }[];
    const rivalIds = new Set(listings.flatMap((l) => sim.offers(l.master_sku, l.city_id).filter((o) => o.merchantId !== uid).map((o) => o.merchantId)));
    const { rivals } = await call<CallOutput<'insights.rivals'>>(app, 'insights.rivals', {});
    expect(new Set(rivals.map((r) => r.merchantId))).toEqual(rivalIds);
    expect(rivals.filter((r) => r.changes > 0).length).toBeGreaterThan(rivalIds.size / 2);

    // The best seller gets a cost: its sales at first and second place now have a margin, compared a day each.
    const sold = sim.orders(uid).filter((o) => o.status !== 'CANCELLED' && o.status !== 'RETURNED');
    const unitsOf = new Map<string, number>();
    for (const o of sold) unitsOf.set(o.entries[0]!.productId, (unitsOf.get(o.entries[0]!.productId) ?? 0) + o.entries[0]!.quantity);
    const [topSku] = [...unitsOf].sort((a, b) => b[1] - a[1])[0]!;
    const top = listings.find((l) => l.master_sku === topSku)!;
    const cost = Math.round(top.price / 2);
    await call(app, 'rules.update', { productIds: [top.id], set: { floor: { kind: 'cost', cost, commissionPercent: 10, fixedFees: 100, minMargin: { unit: 'tenge', value: 0 } } } });
    const before = (await call<Insights>(app, 'insights.products', { productId: top.id })).products[0]!;
    expect(before.worthBasis).toBe('margin');
    const marginAt = (position: number) => sold.filter((o) => o.entries[0]!.productId === topSku && o.position === position)
      .reduce((sum, o) => sum + o.totalPrice - o.entries[0]!.quantity * (cost + 100) - o.totalPrice * 0.1, 0);
    for (const [place, position] of [[before.first, 1], [before.second, 2]] as const) {
      expect(place.units).toBe(sold.filter((o) => o.entries[0]!.productId === topSku && o.position === position).reduce((n, o) => n + o.entries[0]!.quantity, 0));
      if (place.marginPerDay === null) continue;
      // Margin a day × days at that place is the margin earned there (rounding of each to the tenge and of the days aside).
      expect(Math.abs(place.marginPerDay * place.days - marginAt(position))).toBeLessThanOrEqual(Math.abs(place.marginPerDay) * 0.01 + place.days);
    }
    // Time at first place is what the simulator's past places say (from the start of the sales window, over every city).
    const fromMs = kzDayStart(kzDay(now) - 29);
    const firstMs = sim.pastPlaces(uid, now - 5 * DAY).filter((p) => p.productId === topSku && p.position === 1).reduce((ms, p) => ms + p.to - Math.max(p.from, fromMs), 0);
    expect(before.first.days).toBeGreaterThan(0);
    expect(Math.abs(before.first.days - firstMs / DAY)).toBeLessThan(0.1 * Math.max(1, firstMs / DAY));

    // Floors set at 60 % of today's price, far under any rival: raising them is recommended, to one tenge under the lowest rival floor.
    // (Not the best seller's: its cost floor stays, whichever products the day's orders made the best seller.)
    const low = [...new Map(listings.map((l) => [l.id, l])).values()].filter((l) => l.id !== top.id).slice(0, 6);
    for (const l of low) await call(app, 'rules.update', { productIds: [l.id], set: { floor: { kind: 'fixed', price: Math.round(l.price * 0.6) } } });
    const insights = await call<Insights>(app, 'insights.products', { storeId });
    const raise = insights.recommendations.find((r) => r.kind === 'raise_floor')!;
    expect(raise.productIds.length).toBeGreaterThan(0);
    for (const f of raise.floors!) {
      const p = insights.products.find((x) => x.productId === f.productId)!;
      expect(f).toMatchObject({ from: p.sellerFloor, to: p.neededFloor });
      expect(f.to).toBeGreaterThan(f.from);
      expect(f.watchedDays).toBeGreaterThan(3);
      // Under every rival's price and floor estimate in every city the product is listed in.
      const rivalFloors = rivals.flatMap((r) => r.floors.filter((x) => x.productId === f.productId).map((x) => x.floor));
      expect(f.to).toBe(Math.min(...rivalFloors, ...listings.filter((l) => l.id === f.productId).flatMap((l) => sim.offers(l.master_sku, l.city_id).filter((o) => o.merchantId !== uid).map((o) => o.price))) - 1);
    }
    const applied = await call<CallOutput<'insights.apply'>>(app, 'insights.apply', { kind: 'raise_floor', productIds: raise.productIds });
    expect(applied.updated).toBe(raise.productIds.length);
    for (const f of raise.floors!) {
      const floor = (await call<Detail>(app, 'products.detail', { productId: f.productId, historyDays: 1 })).rules!.floor;
      // A fixed floor is set to the price; the cost floor keeps its cost and gets the margin that makes its floor that price (to the tenge under).
      if (f.productId === top.id) expect(floor).toMatchObject({ kind: 'cost', cost, commissionPercent: 10, fixedFees: 100, minMargin: { unit: 'tenge' } });
      else expect(floor).toEqual({ kind: 'fixed', price: f.to });
      expect(floorPrice(floor)).toBeLessThanOrEqual(f.to);
      expect(floorPrice(floor)).toBeGreaterThan(f.to - 2);
    }
    const journal = app.db.prepare('SELECT kind, change_json, products_json FROM rule_changes WHERE id = ?').get(applied.changeId) as { kind: string; change_json: string; products_json: string };
    expect(journal.kind).toBe('raise_floor');
    const byId = (x: number, y: number) => x - y;
    expect(JSON.parse(journal.products_json)).toEqual([...raise.productIds].sort(byId));
    expect(JSON.parse(journal.change_json).floors).toEqual([...raise.floors!].sort((x, y) => byId(x.productId, y.productId)).map((f) => expect.objectContaining({ productId: f.productId, from: f.from, to: f.productId === top.id ? expect.any(Number) : f.to })));
    // Raised, they are no longer recommended; asked again, nothing is raised and nothing journaled.
    expect((await call<Insights>(app, 'insights.products', { storeId })).recommendations.find((r) => r.kind === 'raise_floor')?.productIds ?? []).not.toContain(raise.productIds[0]);
    const count = app.db.prepare('SELECT count(*) AS n FROM rule_changes').get();
    await expect(call(app, 'insights.apply', { kind: 'raise_floor', productIds: [raise.productIds[0]] })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(app.db.prepare('SELECT count(*) AS n FROM rule_changes').get()).toEqual(count);
  }, 180_000);

  it('suggests excluding a rival that carries our store’s name or mirrors our price, and excluding it changes the rules of its products only, journaled', async () => {
    const env = await ordersApp(tempDir(), { scenario: 'demo' });
    closers.push(env.close);
    const { app, uid, storeId } = env;
    const [a, b, c] = app.db.prepare('SELECT id FROM products WHERE store_id = ? ORDER BY id LIMIT 3').all(storeId) as { id: number }[];
    await call(app, 'rules.update', { productIds: [a!.id, b!.id, c!.id], set: { floor: { kind: 'fixed', price: 1_000 } } });
    await call(app, 'rules.update', { productIds: [b!.id], set: { excludedMerchantIds: ['someone'] } });
    const snapshots = snapshotsRepo(app.db);
    const seller = (merchantId: string, merchantName: string, price: number) => ({ merchantId, merchantName, price, rating: null, reviewsCount: null, deliveryDuration: null, kaspiDelivery: null });
    const start = Date.now() - DAY;
    // 12 looks at two products: we move, "Зеркало" sits at exactly our price each time, a real rival undercuts.
    for (let k = 0; k < 12; k++) {
      for (const p of [a!, b!]) {
        const ours = 50_000 - k * 100 + p.id;
        snapshots.record(summarise(p.id, '750000000', [seller(uid, 'ИП FIRST PROJECT', ours), seller('mirror', 'Зеркало', ours), seller('rival', 'Соперник', ours - 50 - k)], [uid], new Date(start + k * 600_000).toISOString()));
      }
    }
    // One look at the third product: a seller named as our store, legal form aside.
    snapshots.record(summarise(c!.id, '750000000', [seller(uid, 'ИП FIRST PROJECT', 9_000), seller('twin', 'ТОО «First Project»', 9_500)], [uid], new Date(start).toISOString()));
    app.insights.refresh();

    const { recommendations } = await call<Insights>(app, 'insights.products', { storeId });
    const excludes = recommendations.filter((r) => r.kind === 'exclude_merchant');
    expect(excludes).toEqual([
      { kind: 'exclude_merchant', productIds: [a!.id, b!.id], merchant: { merchantId: 'mirror', name: 'Зеркало', reason: 'mirrors_us', ownStore: null, looks: 24, same: 24, under: 0 } },
      { kind: 'exclude_merchant', productIds: [c!.id], merchant: { merchantId: 'twin', name: 'ТОО «First Project»', reason: 'same_name', ownStore: 'ИП FIRST PROJECT', looks: 1, same: 0, under: 0 } },
    ]);

    await expect(call(app, 'insights.apply', { kind: 'exclude_merchant', productIds: [a!.id] })).rejects.toMatchObject({ code: 'invalid_input' });
    const applied = await call<CallOutput<'insights.apply'>>(app, 'insights.apply', { kind: 'exclude_merchant', productIds: excludes[0]!.productIds, merchantId: 'mirror' });
    expect(applied.updated).toBe(2);
    const excluded = async (id: number) => (await call<Detail>(app, 'products.detail', { productId: id, historyDays: 1 })).rules!.excludedMerchantIds;
    // Each product keeps the sellers it already excluded.
    expect(await excluded(a!.id)).toEqual(['mirror']);
    expect(await excluded(b!.id)).toEqual(['someone', 'mirror']);
    expect(await excluded(c!.id)).toEqual([]);
    expect(app.db.prepare('SELECT kind, change_json, products_json FROM rule_changes').all()).toEqual([
      { kind: 'exclude_merchant', change_json: JSON.stringify({ excludedMerchantId: 'mirror' }), products_json: JSON.stringify([a!.id, b!.id]) },
    ]);
  }, 120_000);
});
