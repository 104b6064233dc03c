import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorPrice } from '../../../src-shared/domain/rules';
import { FIRST_MONTH } from '../../sim/market/first-month';
import type { Harness } from './harness';
import { ALMATY, harness, MINUTE, stop } from './harness';

const HOUR = 60 * MINUTE;

/** Every rival of store 1 now shows `wrong(price)`: a bad reading (or a real collapse) of the whole store's market. */
function misread(h: Harness, wrong: (price: number, floor: number) => number): void {
  for (const p of h.products.filter((x) => x.storeId === 1)) {
    for (const bot of h.market.botsOf(p.masterSku, ALMATY)) bot.price = Math.max(1, Math.round(wrong(bot.price, floorPrice(p.rules.floor))));
  }
}

const stopOf = (h: Harness, engine = h.engine) => engine.status().stores.find((s) => s.storeId === 1)!.killSwitch;

/** Pushes of store 1 after `from` (index into the push log) at a price under `share` of what it had. */
const pushesOfStore1 = (h: Harness, from: number) => h.market.pushLog.slice(from).filter((l) => l.merchantId === 'm1');

const ABSURD = {
  // A parse error that reads 1 ₸.
  one_tenge: (_: number) => 1,
  // A price per gram (or per 100 g) instead of per pack.
  per_gram: (price: number) => price / 1000,
  // Every rival of the store collapses at once (a bad feed, a wrong city).
  collapse: (price: number) => price * 0.55,
  // Under our cost.
  under_cost: (_: number, floor: number) => floor * 0.5,
} as const;

describe('kill switch: it still stops what it exists for', () => {
  it('property: an absurd reading of the whole store stops it, pushes none of it, and says which products and rivals', async () => {
    await fc.assert(
      // A whole market falling at once can only be told from a real one against its history: not on day one.
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(...(Object.keys(ABSURD) as (keyof typeof ABSURD)[])), fc.boolean(), async (seed, kind, history) => {
        const withHistory = history || kind === 'collapse';
        const h = harness({ seed, stores: 2, productsPerStore: 10, start: 'near_market', floors: 'cost', rules: { belowFloor: 'floor' } });
        if (!withHistory) misread(h, ABSURD[kind]);
        await h.engine.start();
        if (withHistory) {
          await h.clock.advance(HOUR);
          misread(h, ABSURD[kind]);
        }
        const before = h.market.pushLog.length;
        await h.clock.advance(10 * MINUTE);
        const stop1 = stopOf(h);
        expect(stop1).toMatchObject({ trip: true });
        expect(stop1!.moves.length).toBeGreaterThanOrEqual(5);
        expect(stop1!.moves.every((m) => m.productId > 0 && m.anomalies.length > 0 && m.rivalPrice !== null)).toBe(true);
        expect(stop1!.rivals.length).toBeGreaterThan(0);
        // Not one push followed the bad reading down.
        for (const l of pushesOfStore1(h, before)) {
          const p = h.products.find((x) => x.masterSku === l.masterSku)!;
          expect(l.price).toBeGreaterThan(floorPrice(p.rules.floor));
        }
        // The other store is not stopped by store 1's market.
        expect(h.engine.status().stores.find((s) => s.storeId === 2)!.killSwitch).toBeNull();
        await stop(h);
      }),
      { numRuns: 12 },
    );
  });

  it('a cascade of drops driven by one rival stops the store and names that rival', async () => {
    const h = harness({ stores: 1, productsPerStore: 30, start: 'near_market', botsPerProduct: [2, 2] });
    // One merchant sells 8 of the store's products, cheapest in each.
    const dumper = h.products.slice(0, 8);
    for (const p of dumper) {
      const bot = h.market.botsOf(p.masterSku, ALMATY)[0]!;
      Object.assign(bot, { merchantId: 'dumper', merchantName: 'Dumper LLP', price: floorPrice(p.rules.floor) * 1.4 });
    }
    await h.engine.start();
    await h.clock.advance(HOUR);
    // It falls by a quarter everywhere at once.
    for (const p of dumper) h.market.botsOf(p.masterSku, ALMATY)[0]!.price = Math.round(floorPrice(p.rules.floor) * 1.4 * 0.75);
    await h.clock.advance(10 * MINUTE);
    const verdict = stopOf(h);
    expect(verdict).toMatchObject({ trip: true, cause: 'one_rival' });
    expect(verdict!.rivals[0]).toMatchObject({ merchantId: 'dumper', name: 'Dumper LLP' });
    await stop(h);
  });

  it('a bug in our own rules (a step of 30 % typed for 30 ₸) stops the store', async () => {
    const h = harness({ stores: 1, productsPerStore: 12, start: 'near_market', floors: 'cost' });
    for (const p of h.products) h.market.botsOf(p.masterSku, ALMATY)[0]!.price = floorPrice(p.rules.floor) * 2;
    await h.engine.start();
    await h.clock.advance(HOUR);
    for (const p of h.catalog.productList) p.rules = { ...p.rules, step: { unit: 'percent', value: 30 }, cooldownSeconds: 0 };
    for (const p of h.products) h.market.botsOf(p.masterSku, ALMATY)[0]!.price -= 5;
    await h.engine.reload();
    const before = h.market.pushLog.length;
    await h.clock.advance(10 * MINUTE);
    expect(stopOf(h)).toMatchObject({ trip: true, byAnomaly: { rule_overshoot: expect.any(Number) } });
    // None of the sharp ones went out (a drop of less than 20 % is not held, only counted).
    for (const l of h.market.pushLog.slice(before)) {
      const p = h.products.find((x) => x.masterSku === l.masterSku)!;
      expect(l.price).toBeGreaterThanOrEqual(Math.round((h.market.botsOf(p.masterSku, ALMATY)[0]!.price + 5) * 0.8));
    }
    await stop(h);
  });
});

describe('kill switch: it does not stop a correct repricing', () => {
  it('property: a catalogue that starts 30–60 % above the market is repriced in its first pass, with no stop', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), async (seed) => {
        // The bench's first-month market (contested cards, most rivals running a repricer), 60 products of it.
        const h = harness({ ...FIRST_MONTH, seed, productsPerStore: 60 });
        const started = h.products.map((p, i) => ({ p, start: h.ourPrice(i) }));
        await h.engine.start();
        await h.clock.advance(45 * MINUTE);
        expect(stopOf(h)).toBeNull();
        expect(h.events.some((e) => e.type === 'kill-switch')).toBe(false);
        // Every product the floor lets take first place was repriced in the first pass (down to the
        // market, or up again under the next seller when the cheapest one left).
        for (const [i, { p, start }] of started.entries()) {
          const bots = h.market.botsOf(p.masterSku, ALMATY).filter((b) => b.present);
          const winnable = bots.length > 0 && Math.min(...bots.map((b) => b.price)) > floorPrice(p.rules.floor) + 1;
          if (winnable) expect(h.ourPrice(i)).not.toBe(start);
        }
        expect(h.market.counters.floorViolations).toBe(0);
        await stop(h);
      }),
      { numRuns: 8 },
    );
  });

  it('a rival’s real sale is followed after a second read, without a stop', async () => {
    const h = harness({ stores: 1, productsPerStore: 20, start: 'near_market' });
    await h.engine.start();
    await h.clock.advance(HOUR);
    const p = h.products[0]!;
    const bot = h.market.botsOf(p.masterSku, ALMATY)[0]!;
    bot.price = Math.max(floorPrice(p.rules.floor) + 10, Math.round(bot.price * 0.7));
    await h.clock.advance(20 * MINUTE);
    expect(stopOf(h)).toBeNull();
    expect(h.ourPrice(0)).toBe(bot.price - 1);
    await stop(h);
  });
});

describe('kill switch: after a stop', () => {
  it('“continue” takes the held prices as the market and reprices; the stop survives a restart until then', async () => {
    const h = harness({ stores: 1, productsPerStore: 10, start: 'near_market', rules: { belowFloor: 'floor' } });
    await h.engine.start();
    await h.clock.advance(HOUR);
    misread(h, (price) => price * 0.55);
    await h.clock.advance(10 * MINUTE);
    expect(stopOf(h)).not.toBeNull();
    await stop(h);
    // A restart does not lift it.
    const engine = h.makeEngine();
    await engine.start();
    await h.clock.advance(10 * MINUTE);
    expect(stopOf(h, engine)).toMatchObject({ trip: true });
    const before = h.market.pushLog.length;
    engine.resetKillSwitch(1);
    await h.clock.advance(10 * MINUTE);
    expect(stopOf(h, engine)).toBeNull();
    expect(pushesOfStore1(h, before).length).toBeGreaterThanOrEqual(5);
    expect(h.market.counters.floorViolations).toBe(0);
    await stop(h, engine);
  });
});
