import { renderMessage } from '../../../src-shared/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import type { PowerEvent } from '../../../src-main/power/sleep-guard';
import type { PowerStatus } from '../../../src-shared/contract/power';
import { call, connectedApp, ownPriceOnStorefront, waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

const MERCHANT = '30000001';
const ALMATY = '750000000';
/** Products whose rivals hold still (static in the `small` scenario): master SKU → the rival and its price. */
const STATIC_RIVALS = { '100000001': { uid: '31000001', price: 399_500 }, '100000011': { uid: '31000006', price: 30_000 } } as const;
type Sku = keyof typeof STATIC_RIVALS;

/** Accepted pushes as Kaspi received them: "sku|city|price". */
function accepted(pushes: Array<{ status: number; sku: string | null; body: unknown }>): string[] {
  return pushes
    .filter((p) => p.status === 200)
    .flatMap((p) => ((p.body as { cityPrices?: Array<{ cityId: string; value: number }> }).cityPrices ?? []).map((c) => `${p.sku?.split('_')[0]}|${c.cityId}|${c.value}`));
}

describe('the computer sleeps while the demper runs (events simulated, real app, real HTTP)', () => {
  it('settles and stops on sleep, then reads every product again and never pushes a decision made before the sleep', async () => {
    let emit: (event: PowerEvent) => void = () => undefined;
    const env = await connectedApp(tempDir(), {}, {}, { powerEvents: (e) => ((emit = e), () => undefined) });
    stop = env.close;
    const { app, sim, storeId } = env;
    const skus = Object.keys(STATIC_RIVALS) as Sku[];
    const ids = skus.map((sku) => env.product(sku).id);
    await call(app, 'rules.update', { productIds: ids, set: { floor: { kind: 'fixed', price: 20_000 }, ceiling: 500_000 } });
    await call(app, 'products.setBot', { productIds: ids, enabled: true });
    // One change per Kaspi window: the first decision goes out, the others wait in the queue.
    await call(app, 'demper.settings.update', { dryRun: false, pushWindowLimit: 1 });
    await call(app, 'demper.control', { action: 'start', storeId });
    await call(app, 'demper.control', { action: 'start' });

    await waitFor(() => call<{ stores: Array<{ queuedPushes: number }> }>(app, 'demper.status'), (s) => (s.stores[0]?.queuedPushes ?? 0) >= 2);
    // The one change the window allows may still be on its way to Kaspi when the others queue up.
    const pushedBefore = await waitFor(() => accepted(sim.pushes({ merchantUid: MERCHANT })), (pushes) => pushes.length >= 1);
    expect(pushedBefore).toHaveLength(1);

    emit({ type: 'suspend' });
    const asleep = await waitFor(() => call<PowerStatus>(app, 'power.status'), (s) => s.paused === 'asleep' && app.demper.status().state === 'stopped');
    expect(asleep.pausedSince).toBeLessThanOrEqual(Date.now());
    expect(app.demper.status().stores[0]!.queuedPushes).toBeGreaterThanOrEqual(2);

    // While the laptop sleeps the market moves: every decision still queued is now wrong.
    for (const sku of skus) sim.setPrice({ productId: sku, merchantUid: STATIC_RIVALS[sku].uid, price: STATIC_RIVALS[sku].price - 1_000 });
    await call(app, 'demper.settings.update', { pushWindowLimit: 250 });
    const pushesWhileAsleep = sim.pushes({ merchantUid: MERCHANT }).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sim.pushes({ merchantUid: MERCHANT }).length).toBe(pushesWhileAsleep);

    emit({ type: 'resume' });
    const awake = await waitFor(() => call<PowerStatus>(app, 'power.status'), (s) => s.lastWake !== null);
    expect(awake.paused).toBeNull();
    expect(awake.lastWake).toMatchObject({ cause: 'asleep', complete: true, wasRunning: true, productsChecked: skus.length });
    expect(renderMessage(awake.lastWake!.text, 'ru')).toMatch(/^Компьютер спал 1 мин: 2 товара проверены заново/);

    // Each product reaches first place against the rival's new price…
    for (const sku of skus) await waitFor(() => ownPriceOnStorefront(sim, sku), (price) => price === STATIC_RIVALS[sku].price - 1_001);
    // …and nothing decided on the old prices went out after the wake.
    const afterWake = accepted(sim.pushes({ merchantUid: MERCHANT })).slice(pushedBefore.length);
    const stale = skus.flatMap((sku) => [ALMATY, '710000000'].map((city) => `${sku}|${city}|${STATIC_RIVALS[sku].price - 1}`));
    expect(afterWake.length).toBeGreaterThan(0);
    expect(afterWake.filter((push) => stale.includes(push))).toEqual([]);
    await call(app, 'demper.control', { action: 'stop' });
  });

  it('a locked screen is not a sleep: the bot keeps working', async () => {
    let emit: (event: PowerEvent) => void = () => undefined;
    const env = await connectedApp(tempDir(), {}, {}, { powerEvents: (e) => ((emit = e), () => undefined) });
    stop = env.close;
    const { app, storeId } = env;
    await call(app, 'demper.control', { action: 'start', storeId });
    await call(app, 'demper.control', { action: 'start' });
    emit({ type: 'lock' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await call<PowerStatus>(app, 'power.status')).toMatchObject({ paused: null });
    expect(app.demper.status().state).not.toBe('stopped');
    await call(app, 'demper.control', { action: 'stop' });
  });
});
