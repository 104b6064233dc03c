import type { Database } from 'better-sqlite3';
import { kzDay, kzDayStart } from '../../../src-shared/domain/kazakhstan-time';

/** Days are Kazakhstan day numbers, both ends included. */
export interface DayScope {
  fromDay: number;
  toDay: number;
  storeId?: number;
  cityId?: string;
  productId?: number;
}

/** Sales of one day, store and city: what every overview table is summed from. */
export interface DaySales {
  day: number;
  storeId: number;
  cityId: string;
  revenue: number;
  orders: number;
  units: number;
  cancelled: number;
  returned: number;
  margin: number;
  coveredRevenue: number;
}

export interface ProductSalesRow {
  productId: number;
  storeId: number;
  title: string;
  sku: string;
  revenue: number;
  units: number;
  orders: number;
  unitsFirst: number;
  unitsNotFirst: number;
  unitsUnknown: number;
  revenueFirst: number;
  margin: number | null;
}

export interface WatchTotals {
  trackedMs: number;
  firstMs: number;
  changes: number;
}

/** Margin of entry lines with a cost (price − units × (cost + fixed fees) − commission), from columns SQLite derives. */
const MARGIN_SQL = 'sum(e.covered_revenue) - total(e.cost_total)';
const COVERED_SQL = 'sum(e.covered_revenue)';

/**
 * The analytics queries: sales from orders and their entries, each scan grouped in SQL over a
 * covering index by day; watched time and bot changes from the read model (src-main/analytics).
 */
export function analyticsRepo(db: Database) {
  const params = (s: DayScope) => ({ fromDay: s.fromDay, toDay: s.toDay, storeId: s.storeId ?? null, cityId: s.cityId ?? null, productId: s.productId ?? null });
  const where = (s: DayScope, alias: string) => [
    `${alias}.day BETWEEN @fromDay AND @toDay`,
    s.storeId !== undefined ? `${alias}.store_id = @storeId` : null,
    s.cityId ? `${alias}.city_id = @cityId` : null,
    alias === 'e' ? 'e.counted = 1' : null,
    alias === 'e' && s.productId !== undefined ? 'e.product_id = @productId' : null,
  ].filter(Boolean).join(' AND ');

  /** Watched (or first-place) time of a product in a city up to a bound, from the span before it. */
  const upTo = (bound: string, first: boolean) => `coalesce((SELECT ${first ? `cum_first_ms - CASE WHEN position = 1 THEN max(0, to_ms - ${bound}) ELSE 0 END` : `cum_tracked_ms - max(0, to_ms - ${bound})`}
    FROM position_spans s WHERE s.product_id = c.product_id AND s.city_id = c.city_id AND s.from_ms < ${bound} ORDER BY s.from_ms DESC LIMIT 1), 0)`;
  const changesUpTo = (day: string) => `coalesce((SELECT cum_changes FROM product_change_days d WHERE d.product_id = c.product_id AND d.city_id = c.city_id AND d.day <= ${day} ORDER BY d.day DESC LIMIT 1), 0)`;
  const watchStatements = new Map<boolean, ReturnType<Database['prepare']>>();
  const watchStatement = (byCity: boolean) => {
    let statement = watchStatements.get(byCity);
    if (!statement) {
      statement = db.prepare(`SELECT c.product_id AS productId, sum(${upTo('@to', false)} - ${upTo('@from', false)}) AS trackedMs, sum(${upTo('@to', true)} - ${upTo('@from', true)}) AS firstMs
        FROM position_cursor c ${byCity ? 'WHERE c.city_id = @cityId' : ''} GROUP BY c.product_id`);
      watchStatements.set(byCity, statement);
    }
    return statement;
  };
  const changesOf = (byCity: boolean) => db.prepare(`SELECT sum(${changesUpTo('@toDay')} - ${changesUpTo('@fromDay - 1')}) AS changes FROM position_cursor c WHERE c.product_id = @productId ${byCity ? 'AND c.city_id = @cityId' : ''}`);
  const changeStatements = new Map([[false, changesOf(false)], [true, changesOf(true)]]);

  return {
    /**
     * Sales by day, store and city (cancelled and returned orders counted apart). Without a
     * product, orders are the unit; for one product, its entry lines are.
     */
    daySales(s: DayScope): DaySales[] {
      const p = params(s);
      const rows: Omit<DaySales, 'margin' | 'coveredRevenue'>[] = [];
      if (s.productId === undefined) {
        // Grouped by outcome too (no per-row CASE), then folded here: the cheapest scan of the index.
        const byOutcome = db.prepare(`
          SELECT o.day, o.store_id AS storeId, coalesce(o.city_id, '') AS cityId, o.outcome, sum(o.total_price) AS revenue, count(*) AS orders, sum(o.units) AS units
          FROM orders o WHERE ${where(s, 'o')} GROUP BY o.day, o.store_id, o.city_id, o.outcome`).all(p) as { day: number; storeId: number; cityId: string; outcome: string | null; revenue: number; orders: number; units: number }[];
        const folded = new Map<string, Omit<DaySales, 'margin' | 'coveredRevenue'>>();
        for (const r of byOutcome) {
          const key = `${r.day}|${r.storeId}|${r.cityId}`;
          const row = folded.get(key) ?? { day: r.day, storeId: r.storeId, cityId: r.cityId, revenue: 0, orders: 0, units: 0, cancelled: 0, returned: 0 };
          if (r.outcome === 'cancelled') row.cancelled += r.orders;
          else if (r.outcome === 'returned') row.returned += r.orders;
          else {
            row.revenue += r.revenue;
            row.orders += r.orders;
            row.units += r.units;
          }
          folded.set(key, row);
        }
        rows.push(...folded.values());
      } else {
        rows.push(...(db.prepare(`
          SELECT e.day, e.store_id AS storeId, coalesce(e.city_id, '') AS cityId, sum(e.total_price) AS revenue, count(*) AS orders, sum(e.quantity) AS units, 0 AS cancelled, 0 AS returned
          FROM order_entries e WHERE ${where(s, 'e')} GROUP BY e.day, e.store_id, e.city_id`).all(p) as Omit<DaySales, 'margin' | 'coveredRevenue'>[]));
      }
      const margins = db.prepare(`
        SELECT e.day, e.store_id AS storeId, coalesce(e.city_id, '') AS cityId, ${MARGIN_SQL} AS margin, ${COVERED_SQL} AS covered
        FROM order_entries e WHERE ${where(s, 'e')} AND e.covered_revenue > 0 GROUP BY e.day, e.store_id, e.city_id`).all(p) as { day: number; storeId: number; cityId: string; margin: number; covered: number }[];
      const out = new Map(rows.map((r) => [`${r.day}|${r.storeId}|${r.cityId}`, { ...r, margin: 0, coveredRevenue: 0 } as DaySales]));
      for (const m of margins) {
        const row = out.get(`${m.day}|${m.storeId}|${m.cityId}`);
        if (row) Object.assign(row, { margin: m.margin, coveredRevenue: m.covered });
      }
      return [...out.values()];
    },

    /** Watched and first time and bot changes by day for the scope (a product, or the stores). */
    watchDays(s: DayScope): Map<number, WatchTotals> {
      const out = new Map<number, WatchTotals>();
      const add = (day: number, t: number, f: number, ch: number) => {
        const w = out.get(day) ?? { trackedMs: 0, firstMs: 0, changes: 0 };
        w.trackedMs += t;
        w.firstMs += f;
        w.changes += ch;
        out.set(day, w);
      };
      if (s.productId === undefined) {
        const rows = db.prepare(`SELECT day, sum(tracked_ms) AS t, sum(first_ms) AS f, sum(changes) AS ch FROM store_city_days d
          WHERE d.day BETWEEN @fromDay AND @toDay ${s.storeId !== undefined ? 'AND d.store_id = @storeId' : ''} ${s.cityId ? 'AND d.city_id = @cityId' : ''} GROUP BY day`).all(params(s)) as { day: number; t: number; f: number; ch: number }[];
        for (const r of rows) add(r.day, r.t, r.f, r.ch);
        return out;
      }
      const from = kzDayStart(s.fromDay);
      const to = kzDayStart(s.toDay + 1);
      const spans = db.prepare(`SELECT from_ms, to_ms, position FROM position_spans WHERE product_id = @productId AND to_ms > @from AND from_ms < @to ${s.cityId ? 'AND city_id = @cityId' : ''}`)
        .all({ ...params(s), from, to }) as { from_ms: number; to_ms: number; position: number | null }[];
      for (const span of spans) {
        for (let start = Math.max(from, span.from_ms); start < Math.min(to, span.to_ms); ) {
          const day = kzDay(start);
          const end = Math.min(to, span.to_ms, kzDayStart(day + 1));
          add(day, end - start, span.position === 1 ? end - start : 0, 0);
          start = end;
        }
      }
      const changes = db.prepare(`SELECT day, sum(changes) AS ch FROM product_change_days WHERE product_id = @productId AND day BETWEEN @fromDay AND @toDay ${s.cityId ? 'AND city_id = @cityId' : ''} GROUP BY day`).all(params(s)) as { day: number; ch: number }[];
      for (const c of changes) add(c.day, 0, 0, c.ch);
      return out;
    },

    /** Sales per product with where our offer stood when each sale came in. */
    productSales(s: DayScope): ProductSalesRow[] {
      const rows = db.prepare(`
        SELECT a.*, p.store_id AS storeId, p.title, p.sku FROM (
          SELECT e.product_id AS productId, sum(e.total_price) AS revenue, sum(e.quantity) AS units, count(*) AS orders,
            sum(e.units_first) AS unitsFirst, sum(e.units_not_first) AS unitsNotFirst, sum(e.units_unknown) AS unitsUnknown, sum(e.revenue_first) AS revenueFirst,
            ${MARGIN_SQL} AS margin, ${COVERED_SQL} AS covered
          FROM order_entries e INDEXED BY order_entries_product_day WHERE ${where(s, 'e')} GROUP BY e.product_id
        ) a JOIN products p ON p.id = a.productId`).all(params(s)) as (ProductSalesRow & { covered: number })[];
      return rows.map(({ covered, ...r }) => ({ ...r, margin: covered > 0 ? Math.round(r.margin ?? 0) : null }));
    },

    /**
     * Watched time and first-place time of every product over a day range: for each product and
     * city, the running totals at the range's two ends (one statement, two lookups each).
     */
    watchOf(productIds: readonly number[], s: DayScope): Map<number, WatchTotals> {
      const wanted = new Set(productIds);
      const rows = watchStatement(Boolean(s.cityId)).all({ from: kzDayStart(s.fromDay), to: kzDayStart(s.toDay + 1), cityId: s.cityId ?? null }) as { productId: number; trackedMs: number; firstMs: number }[];
      return new Map(rows.filter((r) => wanted.has(r.productId)).map((r) => [r.productId, { trackedMs: r.trackedMs, firstMs: r.firstMs, changes: 0 }]));
    },

    /** Prices the bot pushed for one product over a day range. */
    changesOf(productId: number, s: DayScope): number {
      const row = changeStatements.get(Boolean(s.cityId))!.get({ productId, fromDay: s.fromDay, toDay: s.toDay, cityId: s.cityId ?? null }) as { changes: number | null };
      return row.changes ?? 0;
    },

    /** One product's sales lines over [fromMs, toMs] (for its price changes against the sales after). */
    productLines(productId: number, fromMs: number, toMs: number, cityId?: string): { created_ms: number; city_id: string | null; quantity: number }[] {
      return db.prepare(`SELECT created_ms, city_id, quantity FROM order_entries WHERE product_id = ? AND counted = 1 AND created_ms BETWEEN ? AND ? ${cityId ? 'AND city_id = ?' : ''} ORDER BY created_ms`)
        .all(...(cityId ? [productId, fromMs, toMs, cityId] : [productId, fromMs, toMs])) as never;
    },

    /** The bot's pushed price changes of one product in [fromIso, toIso]. */
    productChanges(productId: number, fromIso: string, toIso: string, cityId?: string): { city_id: string; old_price: number | null; new_price: number; created_at: string; pushed_at: string | null }[] {
      return db.prepare(`SELECT city_id, old_price, new_price, created_at, pushed_at FROM price_journal WHERE product_id = ? AND created_at BETWEEN ? AND ?
        AND status IN ('pushed', 'verified', 'mismatch') ${cityId ? 'AND city_id = ?' : ''} ORDER BY created_at`)
        .all(...(cityId ? [productId, fromIso, toIso, cityId] : [productId, fromIso, toIso])) as never;
    },

    pendingEntries(s: DayScope): number {
      const scoped = [s.storeId !== undefined ? 'AND o.store_id = @storeId' : '', s.cityId ? 'AND o.city_id = @cityId' : ''].join(' ');
      return (db.prepare(`SELECT count(*) AS n FROM orders o WHERE o.entries_state = 'pending' AND o.created_ms >= @from AND o.created_ms < @to ${scoped}`)
        .get({ ...params(s), from: kzDayStart(s.fromDay), to: kzDayStart(s.toDay + 1) }) as { n: number }).n;
    },

    names(): { stores: Map<number, string>; cities: Map<string, string> } {
      return {
        stores: new Map((db.prepare('SELECT id, name FROM stores').all() as { id: number; name: string }[]).map((r) => [r.id, r.name])),
        cities: new Map((db.prepare('SELECT city_id, max(name) AS name FROM store_cities GROUP BY city_id').all() as { city_id: string; name: string }[]).map((r) => [r.city_id, r.name])),
      };
    },
  };
}
export type AnalyticsRepo = ReturnType<typeof analyticsRepo>;
