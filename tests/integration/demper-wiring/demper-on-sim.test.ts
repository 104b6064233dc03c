import { afterEach, describe, expect, it } from 'vitest';
import { call, connectedApp, ownPriceOnStorefront, waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
let stop: (() => Promise<void>) | undefined;
afterEach(async () => { await stop?.(); stop = undefined; });

type Entry = { productId: number; newPrice: number; status: string; cityId: string; reason: { code: string; floor: number } };

describe('the demper on the Kaspi simulator (real HTTP)', () => {
  it('undercuts a rival, raises a lone offer to the ceiling, and verifies both on the storefront', async () => {
    const env = await connectedApp(tempDir());
    stop = env.close;
    const { app, sim, storeId } = env;
    const rival = env.product('100000001'); // static rival at 399 500, we are at 400 000
    const alone = env.product('100000006'); // no rivals, we are at 300 000
    await call(app, 'rules.update', { productIds: [rival.id], set: { floor: { kind: 'fixed', price: 390_000 }, ceiling: 420_000 } });
    await call(app, 'rules.update', { productIds: [alone.id], set: { floor: { kind: 'fixed', price: 290_000 }, ceiling: 310_000 } });
    await call(app, 'products.setBot', { productIds: [rival.id, alone.id], enabled: true });
    await call(app, 'demper.settings.update', { dryRun: false });
    await call(app, 'demper.control', { action: 'start', storeId });
    await call(app, 'demper.control', { action: 'start' });

    await waitFor(() => ownPriceOnStorefront(sim, '100000001'), (p) => p === 399_499);
    await waitFor(() => ownPriceOnStorefront(sim, '100000006'), (p) => p === 310_000);
    const journal = await waitFor(
      () => call<Entry[]>(app, 'journal.list', { storeId, limit: 100 }),
      (rows) => rows.filter((r) => r.status === 'verified').length >= 4,
    );
    for (const entry of journal) expect(entry.newPrice).toBeGreaterThanOrEqual(entry.reason.floor);
    expect(journal.find((e) => e.productId === rival.id && e.status === 'verified')?.reason.code).toBe('undercut');
    expect(journal.find((e) => e.productId === alone.id && e.status === 'verified')?.reason.code).toBe('raise_alone');
    // Each push Kaspi received is one journal row: nothing pushed twice, nothing pushed unexplained.
    const pushes = sim.pushes({ merchantUid: '30000001' }).filter((p) => p.status === 200);
    expect(pushes.length).toBe(journal.filter((e) => ['pushed', 'verified', 'mismatch'].includes(e.status)).length);
    await call(app, 'demper.control', { action: 'stop' });
  });

  it('journals decisions in dry-run and pushes nothing', async () => {
    const env = await connectedApp(tempDir());
    stop = env.close;
    const { app, sim, storeId } = env;
    const rival = env.product('100000001');
    await call(app, 'rules.update', { productIds: [rival.id], set: { floor: { kind: 'fixed', price: 390_000 } } });
    await call(app, 'products.setBot', { productIds: [rival.id], enabled: true });
    await call(app, 'demper.control', { action: 'start', storeId });
    await call(app, 'demper.control', { action: 'start' });
    const rows = await waitFor(() => call<Entry[]>(app, 'journal.list', { storeId }), (r) => r.length > 0);
    expect(rows[0]).toMatchObject({ status: 'dry_run', newPrice: 399_499 });
    expect(sim.pushes({ merchantUid: '30000001' })).toEqual([]);
    expect(ownPriceOnStorefront(sim, '100000001')).toBe(400_000);
  });

  it('waits out a 429 block and a server fault, renews an expired session, and loses no change', async () => {
    const env = await connectedApp(tempDir());
    stop = env.close;
    const { app, sim, storeId } = env;
    const ids = ['100000001', '100000004', '100000010', '100000012'].map((m) => env.product(m).id);
    await call(app, 'rules.update', { productIds: ids, set: { floor: { kind: 'fixed', price: 100_000 }, ceiling: 500_000 } });
    await call(app, 'products.setBot', { productIds: ids, enabled: true });
    await call(app, 'demper.settings.update', { dryRun: false });
    // Kaspi refuses the first pushes (account block), fails some offer reads and kills the session.
    // Simulator windows are Kaspi time, shrunk by the time scale: 10⁹ ms is about 17 real minutes.
    sim.setLimits({ pushes: { maxPerWindow: 1, windowMs: 1e9, blockMs: 1_500_000 } });
    sim.addFault({ host: 'storefront', path: '/yml/offer-view', kind: 'error', status: 502, rate: 0.3, times: 6 });
    sim.addFault({ host: 'storefront', path: '/yml/offer-view', kind: 'html', times: 2 });
    sim.expireSessions({ login: 'owner@small.test' });
    await call(app, 'demper.control', { action: 'start', storeId });
    await call(app, 'demper.control', { action: 'start' });

    const blocked = await waitFor(() => call<{ stores: Array<{ blockedUntil: number }> }>(app, 'demper.status'), (s) => s.stores.some((st) => st.blockedUntil > Date.now()));
    expect(blocked.stores[0]!.blockedUntil).toBeGreaterThan(Date.now());
    sim.setLimits({ pushes: { maxPerWindow: 100, windowMs: 1_000, blockMs: 1_500_000 } });
    sim.clearBans();
    // Every product reaches its place and every journal row settles: none stays planned forever.
    const rows = await waitFor(
      () => call<Entry[]>(app, 'journal.list', { storeId, limit: 200 }),
      (r) => ids.every((id) => r.some((e) => e.productId === id && e.status === 'verified')) && r.every((e) => !['planned', 'pushed'].includes(e.status)),
      40_000,
    );
    for (const entry of rows) expect(entry.newPrice).toBeGreaterThanOrEqual(100_000);
    const accepted = sim.pushes({ merchantUid: '30000001' }).filter((p) => p.status === 200).length;
    expect(accepted).toBe(rows.filter((e) => ['verified', 'mismatch'].includes(e.status)).length);
    const [store] = await call<Array<{ sessionStatus: string }>>(app, 'stores.list');
    expect(store!.sessionStatus).toBe('valid');
  });
});
