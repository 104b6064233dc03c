import type { BacktestProductRow, BacktestResult, BacktestRules, BacktestSide } from '../../src-shared/contract/backtest';
import { floorPrice } from '../../src-shared/domain/rules';
import type { PricingRules } from '../../src-shared/domain/rules';
import { describeErrors, resolveProduct } from '../rules/resolve';
import { applyUpdate } from '../rules/rules-service';
import { DemperEngine } from '../demper/engine';
import { InMemoryJournal } from '../demper/in-memory-journal';
import type { EngineMemoryStore, JournalEntry, ProductInfo, StoreInfo } from '../demper/ports';
import type { EngineSettingsInput } from '../demper/settings';
import type { RecordedPeriod, RecordedProduct } from './recorded-period';
import { listingKey } from './recorded-period';
import type { ListingOutcome } from './replay-listing';
import { recordedOutcome } from './replay-listing';
import { ReplayMarket } from './replay-market';
import { VirtualClock } from './virtual-clock';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The replay starts knowing nothing and keeps what it learns in its engine only: no copies to save. */
const NO_MEMORY: EngineMemoryStore = {
  load: async () => ({ pairs: [], blocks: [], stops: [] }),
  savePairs: async () => undefined,
  saveBlock: async () => undefined,
  saveStop: async () => undefined,
};

export interface BacktestOptions {
  /** The rule set to test on top of each product's rules; null: the rules live runs with. */
  rules: BacktestRules | null;
  /** The engine's settings as live runs (offers rate, push budget, working hours). */
  engine: EngineSettingsInput;
  /** Skip the looks that would see a market that did not move (default); off, every look is made as live made it. */
  skipQuietLooks?: boolean;
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/** What the replay decided, for tests that hold it against live's journal. */
export interface BacktestRun {
  result: BacktestResult;
  journal: JournalEntry[];
}

/**
 * Replays a recorded period with a rule set: the live engine (its decide(), scheduling, change
 * budget and kill switch, unchanged) on a virtual clock, against the recorded market with Kaspi's
 * delays and limits (replay-market.ts), and sets what it did next to what live did.
 */
export async function runBacktest(period: RecordedPeriod, options: BacktestOptions): Promise<BacktestRun> {
  const started = performance.now();
  const { toMs } = period;
  const fromMs = replayStart(period);
  const clock = new VirtualClock(fromMs);
  const market = new ReplayMarket(period, clock, options.skipQuietLooks ?? true);
  const invalid: BacktestResult['invalid'] = [];
  const tested = new Map<number, PricingRules>();
  const listingsOf = new Map<number, string[]>();
  for (const l of period.listings) listingsOf.set(l.productId, [...(listingsOf.get(l.productId) ?? []), l.cityId]);
  let noData = 0;
  for (const p of period.products) {
    if (!listingsOf.has(p.productId)) {
      noData++;
      continue;
    }
    const rules = rulesFor(p, options.rules);
    if ('problem' in rules) invalid.push({ productId: p.productId, sku: p.sku, problem: rules.problem });
    else tested.set(p.productId, rules.rules);
  }
  const stores = [...period.stores].sort((a, b) => a.storeId - b.storeId);
  const products = period.products.filter((p) => tested.has(p.productId)).sort((a, b) => a.productId - b.productId);
  const catalogue = {
    async stores(): Promise<StoreInfo[]> {
      return stores;
    },
    async products(storeId: number): Promise<ProductInfo[]> {
      return products
        .filter((p) => p.storeId === storeId)
        .map((p) => ({ storeId, productId: p.productId, masterSku: p.masterSku, sku: p.sku, rules: tested.get(p.productId)!, cities: p.cities.filter((c) => market.has(p.productId, c)) }));
    },
  };
  const journal = new InMemoryJournal();
  const engine = new DemperEngine(
    { offers: market.offerSource, pusher: market.pusher, clock, journal, products: catalogue, sessions: { relogin: async () => undefined }, memory: NO_MEMORY },
    // Status and memory saves are for a window and a database the replay has not: once an hour is plenty.
    { ...options.engine, dryRun: false, statusIntervalMs: HOUR, memoryFlushMs: HOUR },
  );

  await engine.start();
  for (let t = fromMs; t < toMs; ) {
    if (options.signal?.aborted) break;
    t = Math.min(toMs, t + HOUR);
    await clock.runUntil(t);
    options.onProgress?.((t - fromMs) / Math.max(1, toMs - fromMs));
    // The virtual clock runs on promise jobs alone: a turn of the event loop each replayed hour lets a cancel in.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const outcomes = market.finish(toMs);
  // Pushes in flight finish and are journaled; the virtual clock runs on while they do.
  let stopped = false;
  const stopping = engine.stop().then(() => (stopped = true));
  await clock.until(() => stopped, 10 * 60_000);
  await stopping;
  if (options.signal?.aborted) throw options.signal.reason ?? new Error('backtest cancelled');

  const entries = [...journal.entries.values()];
  const replayPushes = entries.filter((e) => e.pushedAt !== null && e.pushedAt <= toMs);
  // Counted once per product: a month's pushes filtered again for each product is quadratic.
  const testChangesOf = countBy(replayPushes, (e) => e.productId);
  const liveChangesOf = countBy(
    period.pushes.filter((x) => x.answeredAt !== null && x.answeredAt >= fromMs && x.answeredAt <= toMs),
    (x) => x.productId,
  );
  const ownIds = stores.map((s) => s.merchantId);
  const merchantOf = new Map(stores.map((s) => [s.storeId, s.merchantId]));
  const rows: BacktestProductRow[] = [];
  const liveTotals = new Totals();
  const testTotals = new Totals();
  for (const p of products) {
    const live = new Totals();
    const test = new Totals();
    const referenceFloor = p.liveRules ? floorPrice(p.liveRules.floor) : null;
    for (const listing of period.listings) {
      if (listing.productId !== p.productId) continue;
      const recorded = recordedOutcome(listing.rows, merchantOf.get(p.storeId)!, ownIds, fromMs, toMs, referenceFloor);
      live.add(recorded);
      liveTotals.add(recorded);
      const replayed = outcomes.get(listingKey(p.productId, listing.cityId));
      if (replayed) {
        test.add(replayed);
        testTotals.add(replayed);
      }
    }
    rows.push({ productId: p.productId, sku: p.sku, title: p.title, live: live.row(liveChangesOf.get(p.productId) ?? 0), backtest: test.row(testChangesOf.get(p.productId) ?? 0) });
  }
  const days = Math.max(1 / 24, (toMs - fromMs) / DAY);
  const liveChanges = rows.reduce((n, r) => n + r.live.changes, 0);
  const testChanges = rows.reduce((n, r) => n + r.backtest.changes, 0);
  return {
    result: {
      fromMs,
      toMs,
      products: products.length,
      pairs: products.reduce((n, p) => n + (listingsOf.get(p.productId)?.length ?? 0), 0),
      noData,
      invalid,
      live: liveTotals.side(liveChanges, days, 0),
      backtest: testTotals.side(testChanges, days, market.blockedMs / 60_000),
      liveDryRunDecisions: period.dryRunDecisions,
      floorViolations: replayPushes.filter((e) => e.newPrice < floorPrice(tested.get(e.productId)!.floor)).length,
      rows,
      looks: market.looks,
      wallMs: Math.round(performance.now() - started),
    },
    journal: entries,
  };
}

/**
 * A period chosen from before anything was recorded (a new install, a product the bot just began
 * to watch) is replayed from the first recorded look: before it the replay would see an empty
 * storefront, which is not what was there. A recording that begins within its first hour starts
 * with the period, as live did (the replay of a live period makes live's decisions).
 */
function replayStart(period: RecordedPeriod): number {
  let first = Infinity;
  for (const l of period.listings) first = Math.min(first, l.rows[0]?.at ?? Infinity);
  return first !== Infinity && first > period.fromMs + HOUR ? Math.min(first, period.toMs) : period.fromMs;
}

/** The product's rules with the tested set applied, checked as the rules service checks them. */
function rulesFor(p: RecordedProduct, update: BacktestRules | null): { rules: PricingRules } | { problem: NonNullable<ReturnType<typeof describeErrors>> } {
  if (update === null) return p.liveRules ? { rules: p.liveRules } : { problem: describeErrors(resolveProduct(p.storeDefaults, p.overrides).errors)! };
  const resolved = resolveProduct(p.storeDefaults, applyUpdate(p.overrides, { set: update.set, unset: update.unset }));
  return resolved.rules ? { rules: resolved.rules } : { problem: describeErrors(resolved.errors)! };
}

/** Sums of listing outcomes, and what they come to. */
class Totals {
  listedMs = 0;
  firstMs = 0;
  marginMs = 0;
  marginKnown = false;
  lowest: number | null = null;

  add(o: ListingOutcome): void {
    this.listedMs += o.listedMs;
    this.firstMs += o.firstMs;
    if (o.marginFirstTengeMs !== null) {
      this.marginMs += o.marginFirstTengeMs;
      this.marginKnown = true;
    }
    if (o.lowestPrice !== null) this.lowest = this.lowest === null ? o.lowestPrice : Math.min(this.lowest, o.lowestPrice);
  }

  private get firstShare(): number | null {
    return this.listedMs > 0 ? Math.round((this.firstMs / this.listedMs) * 10_000) / 10_000 : null;
  }

  private get marginKept(): number | null {
    return this.marginKnown && this.listedMs > 0 ? Math.round(this.marginMs / this.listedMs) : null;
  }

  row(changes: number): BacktestProductRow['live'] {
    return { firstShare: this.firstShare, changes, lowestPrice: this.lowest, marginKept: this.marginKept };
  }

  side(changes: number, days: number, blockedMinutes: number): BacktestSide {
    return {
      firstShare: this.firstShare,
      changes,
      pushesPerDay: Math.round((changes / days) * 10) / 10,
      lowestPrice: this.lowest,
      marginWhileFirst: this.marginKnown && this.firstMs > 0 ? Math.round(this.marginMs / this.firstMs) : null,
      marginKept: this.marginKept,
      blockedMinutes: Math.round(blockedMinutes * 10) / 10,
    };
  }
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}
