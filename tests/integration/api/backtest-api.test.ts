import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput, EventPayload } from '../../../src-shared/contract';
import { kzDate, kzDay } from '../../../src-shared/domain/kazakhstan-time';
import { call, waitFor } from '../../support/demper-on-sim';
import { watchedProduct } from '../../support/watched-product';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
let stop: (() => Promise<void>) | undefined;
afterEach(async () => { await stop?.(); stop = undefined; });

type Run = CallOutput<'backtest.get'>;

describe('a backtest over the API', () => {
  it('replays what the bot recorded with other rules, tells its progress, compares with live, can be cancelled, and applies its rules journaled', async () => {
    const env = await watchedProduct(tempDir());
    stop = env.close;
    const { app, storeId, watched } = env;
    // The storefront shows live's push before the bot's read-back records it: the period must hold it.
    await waitFor(async () => app.db.prepare<[number], { our_price: number | null }>('SELECT our_price FROM offer_latest WHERE product_id = ?').get(watched.id), (row) => row?.our_price === 399_499);
    await call(app, 'demper.control', { action: 'stop' });

    const progress: EventPayload<'backtest.progress'>[] = [];
    app.events.subscribe((event, payload) => event === 'backtest.progress' && progress.push(payload as EventPayload<'backtest.progress'>));
    const today = kzDay(Date.now());
    const period = { from: kzDate(today - 1), to: kzDate(today) };
    await expect(call(app, 'backtest.start', { scope: { storeId }, from: period.to, to: period.from })).rejects.toMatchObject({ code: 'invalid_input' });

    const started = await call<Run>(app, 'backtest.start', { scope: { productIds: [watched.id] }, ...period, rules: { set: { strategy: 'top_n', targetPosition: 2 }, unset: [] } });
    expect(started.state).toBe('running');
    const done = await waitFor(() => call<Run>(app, 'backtest.get', { id: started.id }), (r) => r.state !== 'running');
    expect(done.error).toBeNull();
    expect(done.state).toBe('done');
    const result = done.result!;
    expect(result.products).toBe(1);
    expect(result.live.changes).toBeGreaterThanOrEqual(1);
    expect(result.live.lowestPrice).toBe(399_499);
    expect(result.floorViolations).toBe(0);
    // Holding second place never cuts under the rival live went under.
    expect(result.backtest.lowestPrice === null || result.backtest.lowestPrice > 399_499).toBe(true);
    expect(progress.at(-1)).toEqual({ id: started.id, state: 'done', progress: 1 });

    // Cancelled before its first replayed hour: it stops as cancelled.
    const cancelled = app.backtests.start({ productIds: [watched.id] }, period.from, period.to, null);
    app.backtests.cancel(cancelled.id);
    expect((await waitFor(() => call<Run>(app, 'backtest.get', { id: cancelled.id }), (r) => r.state !== 'running')).state).toBe('cancelled');
    await expect(call(app, 'backtest.apply', { id: cancelled.id })).rejects.toMatchObject({ code: 'invalid_input' });

    const applied = await call<CallOutput<'backtest.apply'>>(app, 'backtest.apply', { id: started.id });
    expect(applied.updated).toBe(1);
    expect((await call<CallOutput<'products.detail'>>(app, 'products.detail', { productId: watched.id })).rules).toMatchObject({ strategy: 'top_n', targetPosition: 2 });
    expect(app.db.prepare('SELECT source, products_json FROM rule_changes WHERE id = ?').get(applied.changeId)).toEqual({ source: 'backtest', products_json: JSON.stringify([watched.id]) });
    expect((await call<Run>(app, 'backtest.get', { id: started.id })).appliedChangeId).toBe(applied.changeId);
  });
});
