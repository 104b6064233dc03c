import type { Database } from 'better-sqlite3';
import type { PairScan, RivalStats, ScanSnapshot } from '../../../src-shared/insights/rival-scan';
import { emptyRivalStats, scanSnapshot } from '../../../src-shared/insights/rival-scan';

/** Snapshots read per transaction: a big first refresh never holds the database for long. */
const BATCH = 50_000;
/** A push's journal row is written this long before Kaspi takes it, at most (its timeouts and a re-login). */
const PLANNED_BEFORE_MS = 10 * 60_000;

export interface InsightProductRow {
  id: number;
  store_id: number;
  sku: string;
  title: string;
  rules_json: string;
  default_rules_json: string;
}

export interface RefreshResult {
  snapshots: number;
  rivals: number;
}

/**
 * The rival scan's stored state (migration 009): each refresh reads only the offer snapshots
 * written since the last one, carries each listing's scan and each rival's stats over in JSON, and
 * moves its cursor in the same transaction as what it learnt, so a crash repeats nothing twice.
 */
export function insightsRepo(db: Database) {
  const cursor = db.prepare<[], { snapshot_id: number }>('SELECT snapshot_id FROM insight_cursor WHERE id = 1');
  const setCursor = db.prepare<[number]>('INSERT INTO insight_cursor (id, snapshot_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET snapshot_id = excluded.snapshot_id');
  const batch = db.prepare<[number, number], { id: number; product_id: number; city_id: string; taken_at: string; offers_json: string }>(
    'SELECT id, product_id, city_id, taken_at, offers_json FROM offer_snapshots WHERE id > ? ORDER BY id LIMIT ?',
  );
  const pairGet = db.prepare<[number, string], { state_json: string }>('SELECT state_json FROM insight_pairs WHERE product_id = ? AND city_id = ?');
  const pairPut = db.prepare<[number, string, string]>('INSERT INTO insight_pairs (product_id, city_id, state_json) VALUES (?, ?, ?) ON CONFLICT (product_id, city_id) DO UPDATE SET state_json = excluded.state_json');
  // The push of our price a look shows, made since the previous look (created at most a few minutes before Kaspi took it).
  const pushOf = db.prepare<[number, string, number, string, string, string], { at: string | null }>(
    `SELECT max(pushed_at) AS at FROM price_journal
      WHERE product_id = ? AND city_id = ? AND new_price = ? AND created_at >= ? AND pushed_at > ? AND pushed_at <= ? AND status IN ('pushed', 'verified', 'mismatch')`,
  );
  const rivalGet = db.prepare<[string], { stats_json: string }>('SELECT stats_json FROM rival_stats WHERE merchant_id = ?');
  const rivalPut = db.prepare<[string, string, string, number]>(
    'INSERT INTO rival_stats (merchant_id, name, stats_json, last_seen_ms) VALUES (?, ?, ?, ?) ON CONFLICT (merchant_id) DO UPDATE SET name = excluded.name, stats_json = excluded.stats_json, last_seen_ms = excluded.last_seen_ms',
  );

  /** The seller's own merchant ids, as the running refresh was told them. */
  let own = new Set<string>();
  /** When Kaspi took the price of ours a look shows, if it changed since the pair's previous look and the journal pushed it. */
  const ourPushTime = (scan: PairScan | null, snap: ScanSnapshot, takenAt: string): number | null => {
    if (!scan || scan.ourPrice === null) return null;
    let ours: number | null = null;
    for (const o of snap.offers) if (own.has(o.merchantId)) ours = ours === null ? o.price : Math.min(ours, o.price);
    if (ours === null || ours === scan.ourPrice) return null;
    const previous = new Date(scan.at).toISOString();
    const row = pushOf.get(snap.productId, snap.cityId, ours, new Date(scan.at - PLANNED_BEFORE_MS).toISOString(), previous, takenAt);
    return row?.at ? Date.parse(row.at) : null;
  };

  return {
    /** Reads the snapshots written since the last refresh into the rivals' stats. */
    refresh(settings: { ownMerchantIds: readonly string[]; utcOffsetMinutes: number }): RefreshResult {
      own = new Set(settings.ownMerchantIds);
      let snapshots = 0;
      const touched = new Set<string>();
      // What one refresh read or made, kept across its batches so a listing seen in every batch is
      // read from its row once; each batch writes what it changed with the cursor.
      const pairs = new Map<string, { productId: number; cityId: string; scan: PairScan | null }>();
      const rivals = new Map<string, RivalStats>();
      const rival = (merchantId: string, name: string, at: number): RivalStats => {
        let stats = rivals.get(merchantId);
        if (!stats) {
          const stored = rivalGet.get(merchantId);
          stats = stored ? (JSON.parse(stored.stats_json) as RivalStats) : emptyRivalStats(name, at);
          rivals.set(merchantId, stats);
        }
        return stats;
      };
      for (;;) {
        const done = db.transaction(() => {
          const from = cursor.get()?.snapshot_id ?? 0;
          // Streamed, not read whole: each look's parsed offers die young, which keeps the collector cheap.
          let count = 0;
          let lastId = from;
          const changedPairs = new Set<{ productId: number; cityId: string; scan: PairScan | null }>();
          const changedRivals = new Set<string>();
          for (const r of batch.iterate(from, BATCH)) {
            count++;
            lastId = r.id;
            const key = `${r.product_id}:${r.city_id}`;
            let pair = pairs.get(key);
            if (!pair) {
              const stored = pairGet.get(r.product_id, r.city_id);
              pairs.set(key, (pair = { productId: r.product_id, cityId: r.city_id, scan: stored ? (JSON.parse(stored.state_json) as PairScan) : null }));
            }
            changedPairs.add(pair);
            const at = Date.parse(r.taken_at);
            const snap: ScanSnapshot = { productId: r.product_id, cityId: r.city_id, at, offers: JSON.parse(r.offers_json) as ScanSnapshot['offers'] };
            snap.ourPushedAt = ourPushTime(pair.scan, snap, r.taken_at);
            pair.scan = scanSnapshot(pair.scan, snap, settings, (id, name) => {
              changedRivals.add(id);
              return rival(id, name, at);
            });
          }
          if (count === 0) return true;
          // A snapshot's product exists (its foreign key), so its scan's row can be written.
          for (const p of changedPairs) if (p.scan) pairPut.run(p.productId, p.cityId, JSON.stringify(p.scan));
          for (const id of changedRivals) {
            const stats = rivals.get(id)!;
            rivalPut.run(id, stats.name, JSON.stringify(stats), stats.lastSeen);
            touched.add(id);
          }
          setCursor.run(lastId);
          snapshots += count;
          return count < BATCH;
        })();
        if (done) break;
      }
      return { snapshots, rivals: touched.size };
    },

    /** Names of the seller's stores on this machine, removed ones too (a rival with one of them looks like the seller's own). */
    ownStoreNames(): string[] {
      return (db.prepare('SELECT name FROM stores').all() as { name: string }[]).map((r) => r.name);
    },

    /**
     * Sales per product over a day range by our place when each line came in (1, 2; other places
     * and unknown count in `units` only), with the margin of the lines that had a cost and how
     * many lines had none. One grouped scan.
     */
    salesByPlace(fromDay: number, toDay: number): Map<number, { units: number; byPlace: Map<number, { units: number; margin: number; uncosted: number }> }> {
      const rows = db.prepare(`SELECT product_id AS productId, position_at_sale AS place, sum(quantity) AS units, sum(covered_revenue) - total(cost_total) AS margin,
          sum(CASE WHEN cost_total IS NULL THEN 1 ELSE 0 END) AS uncosted
        FROM order_entries WHERE counted = 1 AND product_id IS NOT NULL AND day BETWEEN ? AND ? GROUP BY product_id, position_at_sale`).all(fromDay, toDay) as { productId: number; place: number | null; units: number; margin: number; uncosted: number }[];
      const out = new Map<number, { units: number; byPlace: Map<number, { units: number; margin: number; uncosted: number }> }>();
      for (const r of rows) {
        let sold = out.get(r.productId);
        if (!sold) out.set(r.productId, (sold = { units: 0, byPlace: new Map() }));
        sold.units += r.units;
        if (r.place === 1 || r.place === 2) sold.byPlace.set(r.place, { units: r.units, margin: r.margin, uncosted: r.uncosted });
      }
      return out;
    },

    /** Time each product's offer was watched at first and at second place in [fromMs, toMs) (position spans, all cities). */
    timeAtPlace(fromMs: number, toMs: number): Map<number, { firstMs: number; secondMs: number }> {
      const rows = db.prepare(`SELECT product_id AS productId, position, sum(min(to_ms, @to) - max(from_ms, @from)) AS ms FROM position_spans
        WHERE position IN (1, 2) AND to_ms > @from AND from_ms < @to GROUP BY product_id, position`).all({ from: fromMs, to: toMs }) as { productId: number; position: number; ms: number }[];
      const out = new Map<number, { firstMs: number; secondMs: number }>();
      for (const r of rows) {
        const t = out.get(r.productId) ?? { firstMs: 0, secondMs: 0 };
        if (r.position === 1) t.firstMs += r.ms;
        else t.secondMs += r.ms;
        out.set(r.productId, t);
      }
      return out;
    },

    /** The merchant ids of the seller's own stores (never rivals). */
    ownMerchantIds(): string[] {
      return (db.prepare('SELECT merchant_uid FROM stores').all() as { merchant_uid: string }[]).map((r) => r.merchant_uid);
    },

    /** The products an insight is asked for, with what their rules resolve from. */
    products(scope: { storeId?: number; productId?: number; productIds?: readonly number[] }): InsightProductRow[] {
      const where = scope.productIds !== undefined ? 'p.id IN (SELECT value FROM json_each(@productIds))' : scope.productId !== undefined ? 'p.id = @productId' : scope.storeId !== undefined ? 'p.store_id = @storeId' : '1 = 1';
      return db.prepare(
        `SELECT p.id, p.store_id, p.sku, p.title, p.rules_json, s.default_rules_json FROM products p JOIN stores s ON s.id = p.store_id
          WHERE ${where} AND p.removed_at IS NULL AND s.removed_at IS NULL ORDER BY p.id`,
      ).all({ productId: scope.productId ?? null, storeId: scope.storeId ?? null, productIds: scope.productIds ? JSON.stringify(scope.productIds) : null }) as InsightProductRow[];
    },

    /** Each listing's scan as the last refresh left it, by product. */
    pairs(): Map<number, { cityId: string; scan: PairScan }[]> {
      const out = new Map<number, { cityId: string; scan: PairScan }[]>();
      for (const r of db.prepare('SELECT product_id, city_id, state_json FROM insight_pairs').all() as { product_id: number; city_id: string; state_json: string }[]) {
        const list = out.get(r.product_id) ?? [];
        list.push({ cityId: r.city_id, scan: JSON.parse(r.state_json) as PairScan });
        out.set(r.product_id, list);
      }
      return out;
    },

    /** Prices the bot sent to Kaspi per product since `sinceIso`. */
    pushesSince(sinceIso: string): Map<number, number> {
      const rows = db.prepare("SELECT product_id, count(*) AS n FROM price_journal WHERE status IN ('pushed', 'verified', 'mismatch') AND created_at >= ? GROUP BY product_id").all(sinceIso) as { product_id: number; n: number }[];
      return new Map(rows.map((r) => [r.product_id, r.n]));
    },

    /** Every rival's stats, or only those seen in the given products' listings. */
    rivals(productId?: number): { merchantId: string; stats: RivalStats }[] {
      const rows = db.prepare<[], { merchant_id: string; stats_json: string }>('SELECT merchant_id, stats_json FROM rival_stats ORDER BY last_seen_ms DESC').all();
      const out: { merchantId: string; stats: RivalStats }[] = [];
      const prefix = productId === undefined ? null : `${productId}:`;
      for (const r of rows) {
        const stats = JSON.parse(r.stats_json) as RivalStats;
        if (prefix !== null && !Object.keys(stats.lows).some((k) => k.startsWith(prefix))) continue;
        out.push({ merchantId: r.merchant_id, stats });
      }
      return out;
    },
  };
}
export type InsightsRepo = ReturnType<typeof insightsRepo>;
