import { runBacktest } from '../../src-main/backtest/run-backtest';
import type { RecordedListing, RecordedPeriod, RecordedProduct, RivalReaction } from '../../src-main/backtest/recorded-period';
import { parseDefaults, parseStored, resolveProduct } from '../../src-main/rules/resolve';
import { Prng } from '../sim/kaspi/prng';

/**
 * `backtest_30d_1k_s`: 30 days of recorded market of 1,000 products (one city, 3-5 rivals each, a
 * rival move every 2-6 hours), replayed by the live engine with "hold second place" instead of the
 * live rules. Wall time of the replay (the period is built in memory, as the backtest repository
 * would read it). Measured on two markets, because the replay's time follows the changes it
 * replays, and Kaspi's change budget (240 per 30 minutes per account) bounds those, not the catalogue:
 *
 * - calm: no rival answers our moves. The month's 1,000 products make some 50,000 changes; it is
 *   replayed in full (`backtest_30d_1k_s`, bound 30 s);
 * - war: two rivals per product answer our moves (as the demper learnt), one of them a demper that
 *   answers everyone. "Hold second place" chases them all month, so the account's budget is spent
 *   all day: 345,600 changes, each one looked at, pushed and read back by the live engine. By
 *   default 3 days are replayed and scaled to 30 (`backtest_war_30d_1k_estimate_s`, an estimate);
 *   KD_BENCH_BACKTEST_DAYS=30 replays the whole month.
 *
 * KD_BENCH_BACKTEST_PRODUCTS sets the catalogue's size for both.
 */
const PRODUCTS = Number(process.env.KD_BENCH_BACKTEST_PRODUCTS ?? 1000);
const WAR_DAYS = Number(process.env.KD_BENCH_BACKTEST_DAYS ?? 3);
const CALM_DAYS = 30;
const HOUR = 3_600_000;
const CITY = '750000000';
const OURS = '30090001';

/** A recorded period of `products` products over `days` days; `answeringRivals` (0-2) rivals of each answer our moves, the recording is the same. */
export function recordedMonth(products: number, days: number, answeringRivals = 2): RecordedPeriod {
  const rng = Prng.derive(5, 'bench-backtest');
  const fromMs = Date.UTC(2026, 9, 1, 0, 0, 0);
  const toMs = fromMs + days * 24 * HOUR;
  const defaults = parseDefaults('{}');
  const list: RecordedProduct[] = [];
  const listings: RecordedListing[] = [];
  const reactions: RecordedPeriod['reactions'] = {};
  for (let i = 1; i <= products; i++) {
    const base = rng.int(3_000, 400_000);
    const overrides = parseStored(JSON.stringify({ floor: { kind: 'fixed', price: Math.round(base * 0.85) } }));
    list.push({ storeId: 1, productId: i, masterSku: String(100_000_000 + i), sku: `S-${i}`, title: `Товар ${i}`, storeDefaults: defaults, overrides, liveRules: resolveProduct(defaults, overrides).rules, cities: [CITY] });
    const rivals = Array.from({ length: rng.int(3, 5) }, (_, k) => ({ merchantId: `m${i}-${k}`, price: Math.round(base * (0.95 + rng.float() * 0.2)), floor: Math.round(base * (0.8 + rng.float() * 0.15)) }));
    let our = Math.round(base * 1.02);
    const rows: RecordedListing['rows'] = [];
    const offers = () => [{ merchantId: OURS, price: our }, ...rivals].map((o) => ({ merchantId: o.merchantId, merchantName: o.merchantId, price: o.price, rating: null, reviewsCount: null, deliveryDuration: null, kaspiDelivery: null })).sort((a, b) => a.price - b.price);
    rows.push({ at: fromMs - HOUR, offers: offers() });
    for (let at = fromMs + rng.int(1, 6) * HOUR; at < toMs; at += rng.int(2, 6) * HOUR) {
      const r = rng.pick(rivals);
      r.price = Math.max(r.floor, r.price + rng.pick([-200, -50, -10, 30, 300]));
      if (rng.chance(0.3)) our = Math.max(Math.round(base * 0.85), Math.min(...rivals.map((x) => x.price)) - 1);
      rows.push({ at, offers: offers() });
    }
    listings.push({ productId: i, cityId: CITY, rows });
    const answering: Record<string, RivalReaction> = {};
    rivals.slice(0, 2).forEach((r, k) => {
      const reaction = { answerMs: rng.int(1, 20) * 60_000, floor: r.floor, step: rng.pick([1, 5, 10]) };
      if (k < answeringRivals) answering[r.merchantId] = reaction;
    });
    reactions[`${i}:${CITY}`] = answering;
  }
  return { fromMs, toMs, stores: [{ storeId: 1, merchantId: OURS, name: 'Bench' }], products: list, listings, reactions, pushes: [], dryRunDecisions: 0 };
}

/** One replay of the period with "hold second place": its wall and CPU time and what it did. */
async function replay(period: RecordedPeriod) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { result } = await runBacktest(period, { rules: { set: { strategy: 'top_n', targetPosition: 2 }, unset: [] }, engine: {} });
  const used = process.cpuUsage(cpu);
  return { wallS: (performance.now() - started) / 1000, cpuS: (used.user + used.system) / 1e6, result };
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const size = PRODUCTS >= 1000 ? `${PRODUCTS / 1000}k` : String(PRODUCTS);

export default async function backtestBench(): Promise<Record<string, unknown>> {
  const calm = await replay(recordedMonth(PRODUCTS, CALM_DAYS, 0));
  const war = await replay(recordedMonth(PRODUCTS, WAR_DAYS));
  return {
    [`backtest_${CALM_DAYS}d_${size}_s`]: round1(calm.wallS),
    backtest_bound_s: 30,
    backtest_cpu_s: round1(calm.cpuS),
    backtest_looks: calm.result.looks,
    backtest_changes: calm.result.backtest.changes,
    backtest_floor_violations: calm.result.floorViolations,
    [`backtest_war_${WAR_DAYS}d_${size}_s`]: round1(war.wallS),
    backtest_war_30d_1k_estimate_s: Math.round(war.wallS * (1000 / PRODUCTS) * (30 / WAR_DAYS)),
    backtest_war_cpu_s: round1(war.cpuS),
    backtest_war_looks: war.result.looks,
    backtest_war_changes: war.result.backtest.changes,
    backtest_war_first_share: war.result.backtest.firstShare,
    backtest_war_floor_violations: war.result.floorViolations,
  };
}
