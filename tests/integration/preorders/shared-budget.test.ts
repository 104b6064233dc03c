import { afterEach, describe, expect, it } from 'vitest';
import { call, waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';
import { FAST_PREORDERS, MERCHANT } from './support/preorders-on-sim';
import { connectedApp } from '../../support/demper-on-sim';
import type { PreorderView } from '../../../src-shared/domain/preorder';

const tempDir = useTempDir();
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('one change budget per account, shared by the demper and the pre-orders', () => {
  it('lets neither starve the other and never passes the limit Kaspi counts', async () => {
    // Kaspi here allows 10 changes per 10 s; the app keeps to the same 10 for both writers together.
    const env = await connectedApp(
      tempDir(),
      {},
      { pushWindowMs: 10_000, pushSafetyPercent: 0, pushBurstShare: 1 },
      { preorderOverrides: FAST_PREORDERS },
    );
    stop = env.close;
    const { app, sim, storeId } = env;
    sim.setLimits({ pushes: { maxPerWindow: 1_000, maxChanges: 10, changesWindowMs: 10_000_000, blockMs: 60_000_000 } });
    const { rows: all } = await call<{ rows: Array<{ id: number; masterSku: string }> }>(app, 'products.page', { limit: 500 });
    // Every product on sale with a floor 10% under and a ceiling 10% over: the demper wants a push for most.
    const onSale: number[] = [];
    for (const row of all) {
      const price = sim.offers(row.masterSku, '750000000').find((o) => o.merchantId === MERCHANT)?.price ?? sim.offers(row.masterSku, '710000000').find((o) => o.merchantId === MERCHANT)?.price;
      if (!price) continue;
      onSale.push(row.id);
      await call(app, 'rules.update', { productIds: [row.id], set: { floor: { kind: 'fixed', price: Math.round(price * 0.9) }, ceiling: Math.round(price * 1.1) } });
    }
    await call(app, 'products.setBot', { productIds: onSale, enabled: true });
    await call(app, 'demper.settings.update', { dryRun: false, pushWindowLimit: 10, pushesPerSecond: 2 });
    await call(app, 'demper.control', { action: 'start', storeId });
    await call(app, 'demper.control', { action: 'start' });
    const accepted = () => sim.pushes({ merchantUid: MERCHANT }).filter((p) => p.status === 200);
    await waitFor(accepted, (p) => p.length >= 1);

    const { ids } = await call<{ ids: number[] }>(app, 'preorders.addFromProducts', { productIds: onSale.slice(0, 8), days: 4 });
    await call(app, 'preorders.send', { ids });
    // What the Demper page shows meanwhile: both users of the account's budget, never more than the limit together.
    const seen = { price: 0, stock: 0, total: 0, queued: 0 };
    await waitFor(async () => {
      const status = await call<{ stores: Array<{ queuedPushes: number; changesInWindow: { price: number; stock: number } }> }>(app, 'demper.status', {});
      seen.queued = Math.max(seen.queued, status.stores[0]?.queuedPushes ?? 0);
      const used = status.stores[0]?.changesInWindow ?? { price: 0, stock: 0 };
      seen.price = Math.max(seen.price, used.price);
      seen.stock = Math.max(seen.stock, used.stock);
      seen.total = Math.max(seen.total, used.price + used.stock);
      return call<PreorderView[]>(app, 'preorders.list', {});
    }, (list) => list.every((e) => e.status === 'active'), 60_000);
    await call(app, 'demper.control', { action: 'stop' });

    const pushes = sim.pushes({ merchantUid: MERCHANT });
    // The limit was never passed: Kaspi answered no 429.
    expect(pushes.filter((p) => p.status === 429)).toEqual([]);
    // Whose each accepted request was: the pre-order journal names its job ids.
    const preorderJobs = new Set((app.db.prepare('SELECT job_id FROM preorder_sends WHERE job_id IS NOT NULL').all() as Array<{ job_id: string }>).map((r) => r.job_id));
    const order = accepted().map((p) => (preorderJobs.has(p.id ?? '') ? 'stock' : 'price'));
    expect(order.filter((w) => w === 'stock')).toHaveLength(8);
    // While pre-orders waited (they go first), the demper still got its guaranteed share.
    const first = order.indexOf('stock');
    const last = order.lastIndexOf('stock');
    expect(order.slice(first, last).filter((w) => w === 'price').length).toBeGreaterThanOrEqual(1);
    expect(seen.price).toBeGreaterThan(0);
    expect(seen.stock).toBeGreaterThan(0);
    expect(seen.total).toBeLessThanOrEqual(10);
    // The seller may give prices the priority instead; it holds for every account.
    expect((await call<Array<{ first: string }>>(app, 'preorders.budget', {}))[0]?.first).toBe('stock');
    await call(app, 'demper.settings.update', { changePriority: 'price' });
    expect((await call<Array<{ first: string; limit: number }>>(app, 'preorders.budget', {}))[0]).toMatchObject({ first: 'price', limit: 10 });
    // More was wanted than the window allowed: the demper had pushes waiting for the budget.
    expect(seen.queued).toBeGreaterThan(0);
  }, 90_000);
});
