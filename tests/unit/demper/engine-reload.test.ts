import { describe, expect, it } from 'vitest';
import { FOLLOW_STEP } from '../../../src-main/demper/engine';
import { citiesOf } from '../../../src-main/demper/pair';
import type { ProductInfo } from '../../../src-main/demper/ports';
import { ALMATY, EXACT_WINDOW, harness, MINUTE, stop } from './harness';

/** The harness's catalogue, able to read products by id, counting how often each way is used. */
function byIdCatalog(h: ReturnType<typeof harness>) {
  const reads = { all: 0, byIds: [] as number[][] };
  const catalog = h.catalog;
  h.deps.products = {
    stores: () => catalog.stores(),
    products: async (storeId) => { reads.all++; return catalog.products(storeId); },
    productsByIds: async (ids) => { reads.byIds.push([...ids]); return catalog.productList.filter((p) => ids.includes(p.productId)); },
  };
  return reads;
}

describe('demper engine: reloading what an edit touched', () => {
  it('re-reads only the edited products: a product whose bot went off stops, a new one starts, the others are left alone', async () => {
    const h = harness({ productsPerStore: 3 });
    const reads = byIdCatalog(h);
    const engine = h.makeEngine();
    await engine.start();
    await h.clock.advance(MINUTE);
    expect(engine.status().pairs.total).toBe(3);
    const [first, second, third] = h.catalog.productList as [ProductInfo, ProductInfo, ProductInfo];
    const readsBefore = reads.all;

    // The seller turns the bot off on the second product: the source no longer gives it.
    h.catalog.productList.splice(1, 1);
    await engine.reloadProducts([second.productId]);
    expect(engine.status().pairs.total).toBe(2);
    expect(reads.all).toBe(readsBefore);
    expect(reads.byIds).toEqual([[second.productId]]);

    // ...and on again: checked again.
    h.catalog.productList.push(second);
    await engine.reloadProducts([second.productId]);
    expect(engine.status().pairs.total).toBe(3);
    expect([first, third].every((p) => h.catalog.productList.includes(p))).toBe(true);
    expect(reads.all).toBe(readsBefore);
    await stop(h, engine);
  });

  it('never pushes a decision made under rules the seller has since changed, reloading that product alone', async () => {
    const h = harness(
      { productsPerStore: 1, rules: { cooldownSeconds: 0 } },
      { pushWindowLimit: 1, pushWindowMs: 3 * MINUTE, maxDecisionAgeMs: 30 * MINUTE, ...EXACT_WINDOW, intervals: { lostFirstMs: 30 * MINUTE, contestedMs: 30 * MINUTE, calmMinMs: 30 * MINUTE } },
    );
    byIdCatalog(h);
    const engine = h.makeEngine();
    const p = h.products[0]!;
    const ceiling = p.rules.ceiling!;
    const bot = h.market.botsOf(p.masterSku, ALMATY)[0]!;
    bot.price = ceiling + 100;
    await engine.start();
    await h.clock.advance(10_000);
    bot.price = ceiling - 100;
    await h.clock.advance(MINUTE);
    expect(engine.status().stores[0]!.queuedPushes).toBe(1);
    h.catalog.productList[0] = { ...p, rules: { ...p.rules, floor: { kind: 'fixed', price: ceiling - 50 } } };
    await engine.reloadProducts([p.productId]);
    expect(engine.status().stores[0]!.queuedPushes).toBe(0);
    await h.clock.advance(20 * MINUTE);
    expect(h.market.pushLog.map((l) => l.price)).toEqual([ceiling]);
    await stop(h, engine);
  });

  it('starts every product of a catalogue larger than one step, letting other work run between steps', async () => {
    const h = harness({ productsPerStore: 2 * FOLLOW_STEP + 3 });
    const engine = h.makeEngine();
    const pairs = h.catalog.productList.reduce((n, p) => n + citiesOf(p).length, 0);
    // Something else the main process has to do, asked for just before the start: it runs before the start ends.
    let ranDuringStart = false;
    setImmediate(() => (ranDuringStart = true));
    const starting = engine.start().then(() => ranDuringStart);
    expect(await starting).toBe(true);
    expect(engine.status().pairs.total).toBe(pairs);
    expect(pairs).toBeGreaterThan(2 * FOLLOW_STEP);
    // A reload with nothing changed keeps every pair, and a product taken out of the last step is let go.
    const gone = h.catalog.productList.pop()!;
    await engine.reload();
    expect(engine.status().pairs.total).toBe(pairs - citiesOf(gone).length);
    await stop(h, engine);
  });
});
