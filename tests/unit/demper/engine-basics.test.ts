import { describe, expect, it } from 'vitest';
import { KaspiError } from '../../../src-main/demper/ports';
import { KASPI_LIMITS } from '../../sim/market/market-adapters';
import { ALMATY, EXACT_WINDOW, harness, MINUTE, stop } from './harness';

describe('demper engine', () => {
  it('undercuts a rival, journals before pushing, and verifies the price on Kaspi', async () => {
    const h = harness({ productsPerStore: 1 });
    const p = h.products[0]!;
    const bot = h.market.botsOf(p.masterSku, ALMATY)[0]!;
    bot.price = 2 * p.rules.ceiling!; // far above: we should climb to one step under it, capped at the ceiling
    await h.engine.start();
    await h.clock.advance(2 * MINUTE);
    expect(h.ourPrice(0)).toBe(p.rules.ceiling);
    bot.price = p.rules.ceiling! - 100;
    await h.clock.advance(30 * MINUTE);
    expect(h.ourPrice(0)).toBe(p.rules.ceiling! - 101);
    const rows = [...h.journal.entries.values()];
    expect(rows.map((r) => r.status)).toEqual(['verified', 'verified']);
    expect(rows[1]).toMatchObject({ oldPrice: p.rules.ceiling, newPrice: p.rules.ceiling! - 101, reason: { code: 'undercut', target: { merchantId: bot.merchantId } } });
    const order = h.events.filter((e) => e.type === 'journal').map((e) => (e.type === 'journal' ? e.status : ''));
    expect(order.slice(0, 3)).toEqual(['planned', 'pushed', 'verified']);
    await stop(h);
  });

  it('in dry-run decides and journals but never pushes', async () => {
    const h = harness({ productsPerStore: 5 }, { dryRun: true });
    await h.engine.start();
    await h.clock.advance(60 * MINUTE);
    expect(h.market.counters.pushes).toBe(0);
    expect(h.statuses()).toEqual({ dry_run: 5 });
    await stop(h);
  });

  it.each([1, 2, 3])('never breaks the budgets or the floor while repricing a busy market (seed %i)', async (seed) => {
    const h = harness({ seed, stores: 2, productsPerStore: 60, botsPerProduct: [1, 4], botMix: {} });
    await h.engine.start();
    await h.clock.advance(3 * 60 * MINUTE);
    expect(h.market.counters.pushes).toBeGreaterThan(100);
    expect(h.market.counters.budgetViolations).toBe(0);
    expect(h.market.counters.floorViolations).toBe(0);
    expect(h.statuses().failed ?? 0).toBe(0);
    await stop(h);
  });

  it('spends a tight push budget where it is worth most: the margin kept while first, before a small raise', async () => {
    const h = harness({ productsPerStore: 40 }, { pushWindowLimit: 5, ...EXACT_WINDOW });
    // Half the products lost first place with a wide margin still to keep; the other half could raise by a few tenge.
    h.products.forEach((p, i) => {
      const bot = h.market.botsOf(p.masterSku, ALMATY)[0]!;
      const floor = p.rules.floor.kind === 'fixed' ? p.rules.floor.price : 0;
      h.market.setOurOffer(p.masterSku, ALMATY, { merchantId: 'm1', merchantName: 'Store 1', price: floor + 300, floor });
      bot.price = i % 2 === 0 ? floor + 200 : floor + 320;
    });
    await h.engine.start();
    await h.clock.advance(2 * MINUTE);
    const pushed = h.market.pushLog.map((l) => h.products.findIndex((p) => p.masterSku === l.masterSku));
    expect(pushed).toHaveLength(5);
    expect(pushed.every((i) => i % 2 === 0)).toBe(true);
    await stop(h);
  });

  it('checks a big catalogue as fast as the offers budget allows, and no faster', async () => {
    const h = harness({ productsPerStore: 2000, limits: { ...KASPI_LIMITS, offersPerSecondPerIp: 250 } }, { offersPerSecondPerLane: 200, maxConcurrentFetches: 32 });
    await h.engine.start();
    const start = h.clock.now();
    const done = await h.clock.until(() => h.market.counters.offerRequests >= 2000, 30_000, 100);
    expect(done).toBe(true);
    // 2,000 checks at 200 per second: 10 s is the bound.
    expect(h.clock.now() - start).toBeLessThanOrEqual(10_500);
    expect(h.market.counters.budgetViolations).toBe(0);
    await stop(h);
  });

  it('reports live status: cycle progress, budgets left and queued pushes', async () => {
    const h = harness({ productsPerStore: 10 });
    await h.engine.start();
    await h.clock.advance(MINUTE);
    const s = h.engine.status();
    expect(s.state).toBe('running');
    expect(s.cycle.number).toBeGreaterThan(0);
    expect(s.pairs.total).toBe(10);
    // 4 % under Kaspi's 250: 240 in the window.
    expect(s.stores[0]!.pushesLeftInWindow).toBe(240 - h.market.counters.pushes);
    expect(h.events.some((e) => e.type === 'status')).toBe(true);
    await stop(h);
    expect(h.engine.status().state).toBe('stopped');
  });
});

describe('demper engine checks', () => {
  it('in dry run a lost first place is not urgent (nothing was pushed to fix it); live it is', async () => {
    const looks = async (dryRun: boolean) => {
      const h = harness({ productsPerStore: 1 }, { dryRun });
      const p = h.products[0]!;
      const floor = p.rules.floor.kind === 'fixed' ? p.rules.floor.price : 0;
      h.market.setOurOffer(p.masterSku, ALMATY, { merchantId: 'm1', merchantName: 'Store 1', price: floor + 500, floor });
      h.market.botsOf(p.masterSku, ALMATY)[0]!.price = floor + 300;
      // Live: the push is refused, so the loss stays and keeps asking to be fixed.
      h.pusher.fault = () => ({ error: new KaspiError('server', 'HTTP 503', null, 503), applied: false });
      await h.engine.start();
      await h.clock.advance(10 * MINUTE);
      const { lostFirst } = h.engine.status().pairs;
      const count = h.events.filter((e) => e.type === 'offers').length;
      await stop(h);
      return { lostFirst, count };
    };
    const dry = await looks(true);
    const live = await looks(false);
    expect(dry.lostFirst).toBe(0);
    expect(live.lostFirst).toBe(1);
    // Dry run: looked at no more often than a contested pair (once a minute), not as an urgent one.
    expect(dry.count).toBeLessThanOrEqual(11);
  });
});

describe('demper engine queue', () => {
  it('drops a waiting push when a fresh look at the market says hold', async () => {
    const h = harness({ productsPerStore: 1 }, { pushWindowLimit: 1, pushWindowMs: 5 * MINUTE, maxDecisionAgeMs: 10 * MINUTE, ...EXACT_WINDOW });
    const p = h.products[0]!;
    const bot = h.market.botsOf(p.masterSku, ALMATY)[0]!;
    bot.price = p.rules.ceiling! * 2;
    await h.engine.start();
    await h.clock.advance(MINUTE); // the one push of the window: up to the ceiling
    expect(h.market.counters.pushes).toBe(1);
    bot.price = p.rules.ceiling! - 300; // we lose first place; the undercut waits for the window
    await h.clock.advance(2 * MINUTE);
    expect(h.engine.status().stores[0]!.queuedPushes).toBe(1);
    bot.price = p.rules.ceiling! * 2; // the rival leaves again: nothing to do any more
    await h.clock.advance(40 * MINUTE);
    expect(h.market.counters.pushes).toBe(1);
    await stop(h);
  });

  it('prices each city of a product on its own, only in the cities the rules allow', async () => {
    const ASTANA = '710000000';
    const SHYMKENT = '511010000';
    const h = harness({ productsPerStore: 1 });
    const p = h.products[0]!;
    const floor = p.rules.floor.kind === 'fixed' ? p.rules.floor.price : 0;
    h.products[0] = { ...p, cities: [ALMATY, ASTANA, SHYMKENT], rules: { ...p.rules, cities: [ALMATY, ASTANA] } };
    h.catalog.productList[0] = h.products[0];
    h.market.botsOf(p.masterSku, ALMATY)[0]!.price = floor + 500;
    for (const city of [ASTANA, SHYMKENT]) {
      h.market.setOurOffer(p.masterSku, city, { merchantId: 'm1', merchantName: 'Store 1', price: floor + 400, floor });
      h.market.addBot(p.masterSku, city, { merchantId: 'b', merchantName: 'B', kind: 'static', price: floor + 300, floor: 1, ceiling: floor * 3, step: 1, reactionMs: 0, deliveryDuration: null });
    }
    await h.engine.start();
    await h.clock.advance(5 * MINUTE);
    const byCity = Object.fromEntries(h.market.pushLog.map((l) => [l.cityId, l.price]));
    expect(byCity).toEqual({ [ALMATY]: floor + 499, [ASTANA]: floor + 299 });
    await stop(h);
  });
});
