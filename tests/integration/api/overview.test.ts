import { afterEach, describe, expect, it } from 'vitest';
import type { OverviewSummary } from '../../../src-shared/contract/overview';
import { call, connectedApp, ownPriceOnStorefront, waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
let stop: (() => Promise<void>) | undefined;
afterEach(async () => { await stop?.(); stop = undefined; });

describe('overview summary', () => {
  it("counts today's changes, first places and products whose rules the bot cannot use", async () => {
    const env = await connectedApp(tempDir());
    stop = env.close;
    const { app, sim, storeId } = env;
    const rival = env.product('100000001');
    const broken = env.product('100000002');
    await call(app, 'rules.update', { productIds: [rival.id], set: { floor: { kind: 'fixed', price: 390_000 } } });
    await call(app, 'products.setBot', { productIds: [rival.id], enabled: true });
    await call(app, 'demper.settings.update', { dryRun: false });
    await call(app, 'demper.control', { action: 'start', storeId });
    await call(app, 'demper.control', { action: 'start' });
    await waitFor(() => ownPriceOnStorefront(sim, '100000001'), (p) => p === 399_499);

    const summary = await waitFor(() => call<OverviewSummary>(app, 'overview.summary'), (s) => s.changesToday >= 2 && s.products.firstPlace >= 1);
    expect(summary.changesWeek).toBeGreaterThanOrEqual(summary.changesToday);
    expect(summary.changesByDay).toHaveLength(14);
    expect(summary.changesByDay.at(-1)!.changes).toBe(summary.changesToday);
    expect(summary.products).toMatchObject({ total: 12, botOn: 1, rulesErrors: 0 });
    expect(summary.positions.find((p) => p.position === '1')!.count).toBe(summary.products.firstPlace);

    // A product switched on without usable rules is refused, so it never shows up as an error the bot hides.
    await expect(call(app, 'products.setBot', { productIds: [broken.id], enabled: true })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await call<OverviewSummary>(app, 'overview.summary')).products.rulesErrors).toBe(0);
  });
});
