import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract';
import { call, connectedApp, waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
let stop: (() => Promise<void>) | undefined;
afterEach(async () => { await stop?.(); stop = undefined; });

type Page = { total: number; rows: Array<{ id: number; ourPrice: number | null }> };

describe('an open products page while the demper pushes (real HTTP to the simulator)', () => {
  it('gets the pushed price as a row delta within 2 s of the push, and the next window read agrees', async () => {
    const env = await connectedApp(tempDir());
    stop = env.close;
    const { app, storeId } = env;
    const rival = env.product('100000001'); // a static rival at 399 500, we are at 400 000
    // The page is open: its window is read once, then it only listens.
    const before = await call<Page>(app, 'products.page', { query: { search: rival.sku }, limit: 10 });
    expect(before.rows.find((r) => r.id === rival.id)?.ourPrice).toBe(400_000);
    const arrivals: Array<{ at: number; price: number | null }> = [];
    app.events.subscribe((event, payload) => {
      if (event !== 'products.rows') return;
      const row = (payload as EventPayload<'products.rows'>).rows.find((r) => r.id === rival.id);
      if (row) arrivals.push({ at: Date.now(), price: row.ourPrice });
    });

    await call(app, 'rules.update', { productIds: [rival.id], set: { floor: { kind: 'fixed', price: 390_000 }, ceiling: 420_000 } });
    await call(app, 'products.setBot', { productIds: [rival.id], enabled: true });
    await call(app, 'demper.settings.update', { dryRun: false });
    await call(app, 'demper.control', { action: 'start', storeId });
    await call(app, 'demper.control', { action: 'start' });

    const pushed = await waitFor(
      () => app.db.prepare<[number], { new_price: number; pushed_at: string }>("SELECT new_price, pushed_at FROM price_journal WHERE product_id = ? AND pushed_at IS NOT NULL ORDER BY id LIMIT 1").get(rival.id),
      (row) => row !== undefined,
    );
    expect(pushed!.new_price).toBe(399_499);
    const shown = await waitFor(() => arrivals.find((a) => a.price === pushed!.new_price), (a) => a !== undefined, 5_000);
    // Behaviour, not speed: the bound is the seller's "within 2 s", far above what the loop needs.
    expect(shown!.at - Date.parse(pushed!.pushed_at)).toBeLessThanOrEqual(2_000);
    const after = await call<Page>(app, 'products.page', { query: { search: rival.sku }, limit: 10 });
    expect(after.rows.find((r) => r.id === rival.id)?.ourPrice).toBe(399_499);
    await call(app, 'demper.control', { action: 'stop' });
  });
});
