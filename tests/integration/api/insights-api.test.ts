import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../src-shared/contract';
import { call } from '../../support/demper-on-sim';
import { watchedProduct } from '../../support/watched-product';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
let stop: (() => Promise<void>) | undefined;
afterEach(async () => { await stop?.(); stop = undefined; });

type Insights = CallOutput<'insights.products'>;

describe('product insights and their recommendations over the API', () => {
  it('says whether a product can be won at its floor, from the rivals the bot saw, and applies a recommendation through the rules validation, journaled, all or nothing', async () => {
    const env = await watchedProduct(tempDir());
    stop = env.close;
    const { app, storeId, watched } = env;
    const noFloor = env.product('100000002');
    app.insights.refresh();

    const all = await call<Insights>(app, 'insights.products', { storeId });
    const mine = all.products.find((p) => p.productId === watched.id)!;
    const rivals = await call<CallOutput<'insights.rivals'>>(app, 'insights.rivals', { productId: watched.id });
    expect(rivals.rivals.length).toBeGreaterThan(0);
    const lowest = Math.min(...rivals.rivals.flatMap((r) => r.floors.map((f) => f.floor)));
    expect(mine).toMatchObject({ sellerFloor: 390_000, neededFloor: lowest - 1, winnable: 390_000 <= lowest - 1 ? 'yes' : 'no', worth: 'too_few_sales' });
    expect(all.products.find((p) => p.productId === noFloor.id)!.winnable).toBe('not_watched');

    // Holding second place goes through the rules service as an edit by hand: one product it refuses (gone), and nothing is changed or journaled.
    await expect(call(app, 'insights.apply', { kind: 'hold_second', productIds: [watched.id, 999_999] })).rejects.toMatchObject({ code: 'not_found' });
    expect(app.db.prepare('SELECT count(*) AS n FROM rule_changes').get()).toEqual({ n: 0 });
    expect((await call<CallOutput<'products.detail'>>(app, 'products.detail', { productId: watched.id })).rules!.strategy).toBe('undercut');

    const applied = await call<CallOutput<'insights.apply'>>(app, 'insights.apply', { kind: 'hold_second', productIds: [watched.id] });
    expect(applied.updated).toBe(1);
    expect((await call<CallOutput<'products.detail'>>(app, 'products.detail', { productId: watched.id })).rules).toMatchObject({ strategy: 'top_n', targetPosition: 2 });
    expect(app.db.prepare('SELECT id, source, kind, products_json FROM rule_changes').all()).toEqual([{ id: applied.changeId, source: 'recommendation', kind: 'hold_second', products_json: JSON.stringify([watched.id]) }]);

    const stopped = await call<CallOutput<'insights.apply'>>(app, 'insights.apply', { kind: 'stop_pushing', productIds: [watched.id] });
    expect(stopped.updated).toBe(1);
    expect((app.db.prepare('SELECT bot_enabled FROM products WHERE id = ?').get(watched.id) as { bot_enabled: number }).bot_enabled).toBe(0);
  });
});
