import { runBacktest } from '../../src-main/backtest/run-backtest';
import type { RecordedListing, RecordedPeriod, RecordedProduct, RivalReaction } from '../../src-main/backtest/recorded-period';
import { parseDefaults, parseStored, resolveProduct } from '../../src-main/rules/resolve';
import { Prng } from '../sim/kaspi/prng';

/**
 * `backtest_30d_1k_s`: 30 days of recorded market of 1,000 products (one city, 3-5 rivals each,
 * a rival move every 2-6 hours, two of them answering our moves as the demper learnt), replayed by
 * the live engine with "hold second place" instead of the live rules. Wall time of the replay
 * (the period is built in memory, as the backtest repository would read it).
 *
 * The market is a hard one for a replay: "hold second place" against two rivals that answer every
 * move keeps each product in a slow price war, so the account's change budget is spent all day
 * long and every push brings answers to look at. The replay skips the looks that would see an
 * unchanged market and decide the same again (src-main/demper/quiet-looks.ts), yet the month still
 * takes minutes, over the 30 s target. By default it runs 1,000 products for 3 days and reports
 * `backtest_30d_1k_estimate_s`, that figure scaled linearly to 30 days (an estimate, not a
 * measurement). KD_BENCH_BACKTEST_PRODUCTS=1000 KD_BENCH_BACKTEST_DAYS=30 runs the real target.
 */
const PRODUCTS = Number(process.env.KD_BENCH_BACKTEST_PRODUCTS ?? 1000);
const DAYS = Number(process.env.KD_BENCH_BACKTEST_DAYS ?? 3);
const HOUR = 3_600_000;
const CITY = '750000000';
const OURS = '30090001';

export function recordedMonth(products: number, days: number): RecordedPeriod {
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
    for (const r of rivals.slice(0, 2)) answering[r.merchantId] = { answerMs: rng.int(1, 20) * 60_000, floor: r.floor, step: rng.pick([1, 5, 10]) };
    reactions[`${i}:${CITY}`] = answering;
  }
  return { fromMs, toMs, stores: [{ storeId: 1, merchantId: OURS, name: 'Bench' }], products: list, listings, reactions, pushes: [], dryRunDecisions: 0 };
}

export default async function backtestBench(): Promise<Record<string, unknown>> {
  const period = recordedMonth(PRODUCTS, DAYS);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { result } = await runBacktest(period, { rules: { set: { strategy: 'top_n', targetPosition: 2 }, unset: [] }, engine: {} });
  const used = process.cpuUsage(cpu);
  const wallS = (performance.now() - started) / 1000;
  return {
    [`backtest_${DAYS}d_${PRODUCTS >= 1000 ? `${PRODUCTS / 1000}k` : PRODUCTS}_s`]: Math.round(wallS * 10) / 10,
    backtest_30d_1k_estimate_s: Math.round(wallS * (1000 / PRODUCTS) * (30 / DAYS)),
    backtest_cpu_s: Math.round((used.user + used.system) / 1e5) / 10,
    backtest_bound_s: 30,
    backtest_looks: result.looks,
    backtest_changes: result.backtest.changes,
    backtest_first_share: result.backtest.firstShare,
    backtest_floor_violations: result.floorViolations,
  };
}
