import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app/create-app';
import type { App } from '../../../src-main/app/create-app';
import { pointAppAtSim } from '../../support/app-on-sim';
import { call, connectedApp, FAST_ENGINE, waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

type Status = { stores: Array<{ blockedUntil: number }> };

describe('a Kaspi 429 block across a restart (real app, real SQLite, the simulator over HTTP)', () => {
  it('the restarted app knows the account is blocked and pushes nothing into the block', async () => {
    const dir = tempDir();
    const engine = { ...FAST_ENGINE, accountBlockMs: 30 * 60_000 };
    const env = await connectedApp(dir, {}, engine);
    cleanups.push(() => env.sim.close());
    let app: App = env.app;
    cleanups.push(() => app.close());
    const ids = ['100000001', '100000004', '100000010', '100000012'].map((m) => env.product(m).id);
    await call(app, 'rules.update', { productIds: ids, set: { floor: { kind: 'fixed', price: 100_000 }, ceiling: 500_000 } });
    await call(app, 'products.setBot', { productIds: ids, enabled: true });
    await call(app, 'demper.settings.update', { dryRun: false });
    // Kaspi takes one change, then blocks the account (for a long time, in simulator time).
    env.sim.setLimits({ pushes: { maxPerWindow: 1, windowMs: 1e9, blockMs: 1e12 } });
    await call(app, 'demper.control', { action: 'start', storeId: env.storeId });
    await call(app, 'demper.control', { action: 'start' });
    const blocked = await waitFor(() => call<Status>(app, 'demper.status'), (s) => s.stores[0]!.blockedUntil > Date.now());
    await app.close();

    // Had the block been forgotten, every push would now be taken: Kaspi's side is open again.
    env.sim.setLimits({ pushes: { maxPerWindow: 100, windowMs: 1_000, blockMs: 1_000 } });
    const pushesBefore = env.sim.pushes({ merchantUid: '30000001' }).length;
    app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test', autoStartDemper: false, proxyHealthChecks: false, engineOverrides: engine });
    await pointAppAtSim(app, env.sim);
    await call(app, 'demper.control', { action: 'start' });
    const restored = await call<Status>(app, 'demper.status');
    expect(restored.stores[0]!.blockedUntil).toBe(blocked.stores[0]!.blockedUntil);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(env.sim.pushes({ merchantUid: '30000001' }).length).toBe(pushesBefore);
  });
});
