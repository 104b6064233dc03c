import { pathToFileURL } from 'node:url';
import { DemperEngine } from '../../src-main/demper/engine';
import { InMemoryJournal } from '../../src-main/demper/in-memory-journal';
import { ALMATY, buildScenario } from '../sim/market/scenario';

const HOUR = 3_600_000;
const SAMPLE_MS = 60_000;

/**
 * A simulated day on the in-memory market: two stores, 150 products each, competitor bots of every
 * kind, the default (Kaspi-sized) budgets. Every simulated minute each product is sampled:
 * first place counts only where the floor allowed it (the cheapest bot is above our floor).
 */
export async function runMarketDay(seed = 42, hours = 24) {
  const sc = buildScenario({ seed, stores: 2, productsPerStore: 150, startNearMarket: true });
  const journal = new InMemoryJournal();
  const engine = new DemperEngine(
    { offers: sc.offers, pusher: sc.pusher, clock: sc.clock, journal, products: sc.catalog, sessions: sc.pusher },
    { statusIntervalMs: 10 * 60_000 },
  );
  let winnable = 0;
  let firstWhenWinnable = 0;
  let marginSum = 0;
  let samples = 0;
  const sample = () => {
    for (const p of sc.products) {
      const merchantId = sc.stores.find((s) => s.storeId === p.storeId)!.merchantId;
      const s = sc.market.standing(p.masterSku, ALMATY, merchantId);
      if (!s) continue;
      samples++;
      marginSum += s.ourPrice - s.floor;
      if (s.winnable) {
        winnable++;
        if (s.first) firstWhenWinnable++;
      }
    }
  };
  const started = performance.now();
  await engine.start();
  const end = sc.clock.now() + hours * HOUR;
  while (sc.clock.now() < end) {
    await sc.clock.advance(SAMPLE_MS);
    sample();
  }
  await engine.stop();
  const status = engine.status();
  return {
    first_place_share: round(firstWhenWinnable / Math.max(1, winnable), 4),
    margin_over_floor_avg: Math.round(marginSum / Math.max(1, samples)),
    pushes: sc.market.counters.pushes,
    floor_violations: sc.market.counters.floorViolations,
    budget_violations: sc.market.counters.budgetViolations,
    offer_requests: sc.market.counters.offerRequests,
    verified: status.counters.verified,
    mismatches: status.counters.mismatches,
    wall_s: round((performance.now() - started) / 1000, 2),
  };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export default async function bench(): Promise<Record<string, unknown>> {
  return { market: await runMarketDay() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await bench(), null, 2));
