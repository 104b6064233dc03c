import { pathToFileURL } from 'node:url';
import { DemperEngine } from '../../src-main/demper/engine';
import { InMemoryEngineMemory } from '../../src-main/demper/in-memory-engine-memory';
import { InMemoryJournal } from '../../src-main/demper/in-memory-journal';
import { forkPrng } from '../sim/market/prng';
import { ALMATY, buildScenario } from '../sim/market/scenario';
import { SHIPPED_ENGINE } from './market';

const PRODUCTS = 10_000;
/** A lively market: every 10 s, rivals of this many products move a little (a third of the catalogue a minute). */
const MOVES_PER_TICK = 500;
const TICK_MS = 10_000;

/**
 * The first pass over a 10,000-product catalogue in dry run, at the shipped offers budget (one IP,
 * 8 req/s), while the market moves: rivals of ~3,000 products change price every minute, so
 * thousands of products already checked are contested (their rivals moved, or they lost first
 * place) and ask to be looked at again. `first_pass_s` runs from the start until every product has
 * been looked at once; `first_pass_bound_s` is what the offers budget allows (10,000 / 8).
 */
export async function runFirstPass(seed = 7) {
  const sc = buildScenario({ seed, stores: 1, productsPerStore: PRODUCTS, start: 'near_market', botsPerProduct: [2, 4], botMix: {} });
  const engine = new DemperEngine(
    { offers: sc.offers, pusher: sc.pusher, clock: sc.clock, journal: new InMemoryJournal(), products: sc.catalog, sessions: sc.pusher, memory: new InMemoryEngineMemory() },
    { ...SHIPPED_ENGINE, dryRun: true },
  );
  const seen = new Set<number>();
  let checks = 0;
  let passDoneAt = 0;
  const start = sc.clock.now();
  engine.onEvent((e) => {
    if (e.type !== 'offers') return;
    checks++;
    seen.add(e.productId);
    if (seen.size === PRODUCTS && passDoneAt === 0) passDoneAt = sc.clock.now();
  });
  const rng = forkPrng(seed, 'churn');
  await engine.start();
  const started = performance.now();
  while (passDoneAt === 0 && sc.clock.now() - start < 3 * 3_600_000) {
    for (let i = 0; i < MOVES_PER_TICK; i++) {
      const p = sc.products[rng.int(0, PRODUCTS - 1)]!;
      const bot = sc.market.botsOf(p.masterSku, ALMATY)[0]!;
      bot.price = Math.max(bot.floor, Math.round(bot.price * (0.97 + rng.next() * 0.06)));
    }
    await sc.clock.advance(TICK_MS);
  }
  const { lostFirst } = engine.status().pairs;
  let stopped = false;
  const stopping = engine.stop().then(() => (stopped = true));
  await sc.clock.until(() => stopped, 60_000);
  await stopping;
  const bound = PRODUCTS / (SHIPPED_ENGINE.offersPerSecondPerLane ?? 8);
  const firstPass = (passDoneAt - start) / 1000;
  return {
    first_pass_s: round(firstPass),
    first_pass_bound_s: round(bound),
    first_pass_ratio: round(firstPass / bound),
    first_pass_products: PRODUCTS,
    first_pass_checks: checks,
    first_pass_lost_first_at_end: lostFirst,
    first_pass_offer_budget_violations: sc.market.counters.budgetViolations,
    first_pass_wall_s: round((performance.now() - started) / 1000),
  };
}

const round = (v: number) => Math.round(v * 100) / 100;

export default async function bench(): Promise<Record<string, unknown>> {
  return runFirstPass();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await bench(), null, 2));
