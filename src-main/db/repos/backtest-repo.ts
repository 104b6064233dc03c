import type { Database } from 'better-sqlite3';
import type { BacktestScope } from '../../../src-shared/contract/backtest';
import type { Offer } from '../../../src-shared/domain/offer';
import type { PairMemory } from '../../../src-shared/pricing';
import type { RecordedListing, RecordedPeriod, RecordedProduct, RecordedPush, RivalReaction } from '../../backtest/recorded-period';
import { listingKey } from '../../backtest/recorded-period';
import { parseDefaults, parseStored, resolveProduct } from '../../rules/resolve';
import { median } from '../../../src-shared/insights/stats';

interface ProductRow {
  id: number;
  store_id: number;
  sku: string;
  master_sku: string;
  title: string;
  rules_json: string;
  default_rules_json: string;
  cities: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What a backtest replays, read in one go (in the backtest's worker, over its own read-only
 * connection): the scope's products and rules, every look at their market that changed something
 * in the period (and the one before it), the rivals' learnt answers, and live's pushes.
 */
export function loadRecordedPeriod(db: Database, scope: BacktestScope, fromMs: number, toMs: number): RecordedPeriod {
  const stores = (db.prepare('SELECT id, merchant_uid, name FROM stores WHERE removed_at IS NULL ORDER BY id').all() as { id: number; merchant_uid: string; name: string }[])
    .map((s) => ({ storeId: s.id, merchantId: s.merchant_uid, name: s.name }));
  const where = scope.productIds ? 'p.id IN (SELECT value FROM json_each(@ids))' : scope.storeId !== undefined ? 'p.store_id = @storeId' : 'p.bot_enabled = 1 AND s.bot_enabled = 1';
  const rows = db.prepare(
    `SELECT p.id, p.store_id, p.sku, p.master_sku, p.title, p.rules_json, s.default_rules_json,
            (SELECT group_concat(c.city_id) FROM product_city_prices c WHERE c.product_id = p.id) AS cities
       FROM products p JOIN stores s ON s.id = p.store_id
      WHERE ${where} AND p.removed_at IS NULL AND s.removed_at IS NULL AND p.master_sku IS NOT NULL
      ORDER BY p.id`,
  ).all({ ids: JSON.stringify(scope.productIds ?? []), storeId: scope.storeId ?? null }) as ProductRow[];

  const products: RecordedProduct[] = rows.map((r) => {
    const storeDefaults = parseDefaults(r.default_rules_json);
    const overrides = parseStored(r.rules_json);
    return {
      storeId: r.store_id, productId: r.id, masterSku: r.master_sku, sku: r.sku, title: r.title, storeDefaults, overrides,
      liveRules: resolveProduct(storeDefaults, overrides).rules, cities: r.cities ? r.cities.split(',') : [],
    };
  });

  const before = db.prepare('SELECT taken_at, offers_json FROM offer_snapshots WHERE product_id = ? AND city_id = ? AND taken_at <= ? ORDER BY taken_at DESC, id DESC LIMIT 1');
  const during = db.prepare('SELECT city_id, taken_at, offers_json FROM offer_snapshots WHERE product_id = ? AND taken_at > ? AND taken_at <= ? ORDER BY id');
  const citiesSeen = db.prepare('SELECT DISTINCT city_id FROM offer_snapshots WHERE product_id = ?');
  const listings: RecordedListing[] = [];
  for (const p of products) {
    const byCity = new Map<string, RecordedListing>();
    const listing = (cityId: string) => {
      let l = byCity.get(cityId);
      if (!l) byCity.set(cityId, (l = { productId: p.productId, cityId, rows: [] }));
      return l;
    };
    const add = (cityId: string, takenAt: string, offersJson: string) => {
      const offers = JSON.parse(offersJson) as Offer[];
      // Rows written without the offers (a history imported from places only) say nothing a replay can use.
      if (offers.length > 0) listing(cityId).rows.push({ at: Date.parse(takenAt), offers });
    };
    for (const { city_id } of citiesSeen.all(p.productId) as { city_id: string }[]) {
      const start = before.get(p.productId, city_id, iso(fromMs)) as { taken_at: string; offers_json: string } | undefined;
      if (start) add(city_id, start.taken_at, start.offers_json);
    }
    for (const r of during.all(p.productId, iso(fromMs), iso(toMs)) as { city_id: string; taken_at: string; offers_json: string }[]) add(r.city_id, r.taken_at, r.offers_json);
    for (const l of byCity.values()) if (l.rows.length > 0) listings.push(l);
  }

  const ids = JSON.stringify(products.map((p) => p.productId));
  const memories = db.prepare('SELECT product_id, city_id, memory_json FROM demper_pair_memory WHERE product_id IN (SELECT value FROM json_each(?))').all(ids) as { product_id: number; city_id: string; memory_json: string }[];
  const steps = new Map((db.prepare('SELECT merchant_id, stats_json FROM rival_stats').all() as { merchant_id: string; stats_json: string }[]).map((r) => [r.merchant_id, stepOf(r.stats_json)]));
  const reactions: Record<string, Record<string, RivalReaction>> = {};
  for (const m of memories) {
    const pair = reactionsOf(m.memory_json, (merchantId) => steps.get(merchantId) ?? null);
    if (pair) reactions[listingKey(m.product_id, m.city_id)] = pair;
  }

  const pushes = (db.prepare(
    `SELECT product_id, city_id, new_price, created_at, pushed_at FROM price_journal
      WHERE product_id IN (SELECT value FROM json_each(?)) AND created_at >= ? AND created_at <= ? AND status IN ('pushed', 'verified', 'mismatch')
      ORDER BY id`,
  ).all(ids, iso(fromMs), iso(toMs)) as { product_id: number; city_id: string; new_price: number; created_at: string; pushed_at: string | null }[])
    .map((r): RecordedPush => ({ productId: r.product_id, cityId: r.city_id, price: r.new_price, plannedAt: Date.parse(r.created_at), answeredAt: r.pushed_at === null ? null : Date.parse(r.pushed_at) }));
  const dryRun = (db.prepare("SELECT count(*) AS n FROM price_journal WHERE product_id IN (SELECT value FROM json_each(?)) AND created_at >= ? AND created_at <= ? AND status = 'dry_run'").get(ids, iso(fromMs), iso(toMs)) as { n: number }).n;

  return { fromMs, toMs, stores, products, listings, reactions, pushes, dryRunDecisions: dryRun };
}

/** The rivals of a (product, city) that answer our moves, as the demper's memory holds them. */
export function reactionsOf(memoryJson: string, stepOf: (merchantId: string) => number | null): Record<string, RivalReaction> | null {
  let memory: PairMemory;
  try {
    memory = JSON.parse(memoryJson) as PairMemory;
  } catch {
    return null;
  }
  const out: Record<string, RivalReaction> = {};
  for (const [merchantId, m] of Object.entries(memory.rivals ?? {})) {
    if (m.answerMs === null || m.answerMs === undefined) continue;
    out[merchantId] = { answerMs: median(m.answers ?? []) ?? m.answerMs, floor: m.heldAt ?? m.low, step: stepOf(merchantId) ?? 1 };
  }
  return Object.keys(out).length > 0 ? out : null;
}

function stepOf(statsJson: string): number | null {
  try {
    const steps = (JSON.parse(statsJson) as { steps?: number[] }).steps ?? [];
    return median(steps);
  } catch {
    return null;
  }
}
