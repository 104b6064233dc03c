import { pathToFileURL } from 'node:url';
import { DemperEngine } from '../../src-main/demper/engine';
import { InMemoryEngineMemory } from '../../src-main/demper/in-memory-engine-memory';
import { InMemoryJournal } from '../../src-main/demper/in-memory-journal';
import { engineSettings } from '../../src-main/demper/settings';
import type { EngineSettingsInput } from '../../src-main/demper/settings';
import { floorPrice } from '../../src-shared/domain/rules';
import { DEFAULT_DEMPER_SETTINGS } from '../../src-shared/contract/demper';
import { forkPrng } from '../sim/market/prng';
import { FIRST_MONTH } from '../sim/market/first-month';
import { ALMATY, buildScenario } from '../sim/market/scenario';
import { SeedDemper } from '../sim/market/seed-demper';

const HOUR = 3_600_000;
const SAMPLE_MS = 30_000;

/** The day is played on three markets built the same way; the headline figures are the first one's. */
const SEEDS = [42, 7, 99] as const;

/** The engine as the app ships it, with the demper settings a new seller has (live instead of dry run). */
export const SHIPPED_ENGINE: EngineSettingsInput = {
  offersPerSecondPerLane: DEFAULT_DEMPER_SETTINGS.offersPerSecondPerIp,
  pushesPerSecond: DEFAULT_DEMPER_SETTINGS.pushesPerSecond,
  pushWindowLimit: DEFAULT_DEMPER_SETTINGS.pushWindowLimit,
  workingHours: DEFAULT_DEMPER_SETTINGS.workingHours,
  dryRun: false,
  // Not a behaviour: the status event is only for the UI.
  statusIntervalMs: 10 * 60_000,
};

type Strategy = 'engine' | 'baseline';

/**
 * One simulated day on the first-month market with one strategy. Every 30 s every product is
 * sampled: in first place (strictly cheaper than every rival present), and the margin over its
 * floor while first, summed into ₸·hours.
 */
export async function runMarketDay(strategy: Strategy, seed = 42, hours = 24) {
  const sc = buildScenario({ ...FIRST_MONTH, seed, pushLatencyMs: latency(seed) });
  const settings = engineSettings.parse(SHIPPED_ENGINE);
  let stops = 0;
  let engine: DemperEngine | null = null;
  let baseline: SeedDemper | null = null;
  if (strategy === 'engine') {
    engine = new DemperEngine({ offers: sc.offers, pusher: sc.pusher, clock: sc.clock, journal: new InMemoryJournal(), products: sc.catalog, sessions: sc.pusher, memory: new InMemoryEngineMemory() }, SHIPPED_ENGINE);
    engine.onEvent((e) => void (e.type === 'kill-switch' && stops++));
  } else {
    baseline = new SeedDemper({ offers: sc.offers, pusher: sc.pusher, clock: sc.clock, stores: sc.stores, products: sc.products }, settings);
  }
  const listings = sc.products.map((p) => ({ masterSku: p.masterSku, merchantId: sc.stores.find((s) => s.storeId === p.storeId)!.merchantId, floor: floorPrice(p.rules.floor) }));
  let samples = 0;
  let first = 0;
  let profitTengeMs = 0;
  const sample = () => {
    for (const l of listings) {
      const s = sc.market.standing(l.masterSku, ALMATY, l.merchantId)!;
      samples++;
      if (!s.first) continue;
      first++;
      profitTengeMs += (s.ourPrice - l.floor) * SAMPLE_MS;
    }
  };
  const started = performance.now();
  if (engine) await engine.start();
  baseline?.start();
  const end = sc.clock.now() + hours * HOUR;
  while (sc.clock.now() < end) {
    await sc.clock.advance(SAMPLE_MS);
    sample();
  }
  const stopping = engine ? engine.stop() : baseline!.stop();
  let stopped = false;
  void stopping.then(() => (stopped = true));
  await sc.clock.until(() => stopped, 10 * 60_000);
  await stopping;
  return {
    products: listings.length,
    first_place_share: round(first / samples, 4),
    profit_while_first: Math.round(profitTengeMs / HOUR),
    pushes: sc.market.counters.pushes,
    kill_switch_stops: stops,
    blocked_minutes: round(sc.market.counters.blockedMs / 60_000, 1),
    floor_violations: sc.market.counters.floorViolations,
    budget_violations: sc.market.counters.budgetViolations,
    offer_requests: sc.market.counters.offerRequests,
    wall_s: round((performance.now() - started) / 1000, 2),
  };
}

/** 0.1–1.5 s for a push to reach Kaspi, from its own seeded stream. */
function latency(seed: number): () => number {
  const rng = forkPrng(seed, 'push-latency');
  return () => rng.int(100, 1_500);
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export default async function bench(): Promise<Record<string, unknown>> {
  const runs: { seed: number; ours: Awaited<ReturnType<typeof runMarketDay>>; base: Awaited<ReturnType<typeof runMarketDay>> }[] = [];
  for (const seed of SEEDS) runs.push({ seed, ours: await runMarketDay('engine', seed), base: await runMarketDay('baseline', seed) });
  const { ours, base } = runs[0]!;
  const ratio = (r: (typeof runs)[number]) => ({
    seed: r.seed,
    first_place_share_ratio: round(r.ours.first_place_share / Math.max(1e-9, r.base.first_place_share), 2),
    profit_while_first_ratio: round(r.ours.profit_while_first / Math.max(1, r.base.profit_while_first), 2),
    kill_switch_stops: r.ours.kill_switch_stops,
    blocked_minutes: r.ours.blocked_minutes,
    floor_violations: r.ours.floor_violations,
  });
  return {
    market: {
      seed: SEEDS[0],
      products: ours.products,
      simulated_hours: 24,
      first_place_share: ours.first_place_share,
      profit_while_first: ours.profit_while_first,
      baseline_first_place_share: base.first_place_share,
      baseline_profit_while_first: base.profit_while_first,
      first_place_share_ratio: round(ours.first_place_share / Math.max(1e-9, base.first_place_share), 2),
      profit_while_first_ratio: round(ours.profit_while_first / Math.max(1, base.profit_while_first), 2),
      kill_switch_stops: ours.kill_switch_stops,
      blocked_minutes: ours.blocked_minutes,
      floor_violations: ours.floor_violations,
      pushes: ours.pushes,
      baseline_pushes: base.pushes,
      baseline_blocked_minutes: base.blocked_minutes,
      baseline_floor_violations: base.floor_violations,
      offer_requests: ours.offer_requests,
      baseline_offer_requests: base.offer_requests,
      other_seeds: runs.slice(1).map(ratio),
      wall_s: round(runs.reduce((sum, r) => sum + r.ours.wall_s + r.base.wall_s, 0), 2),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await bench(), null, 2));
