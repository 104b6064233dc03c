import type { Database } from 'better-sqlite3';
import type { Granularity } from '../../../src-shared/contract/analytics';

/** Days are Kazakhstan day numbers, both ends included. */
export interface DayScope {
  fromDay: number;
  toDay: number;
  storeId?: number;
  cityId?: string;
  productId?: number;
}

export interface SalesRow {
  key: string;
  name: string | null;
  revenue: number;
  orders: number;
  units: number;
  cancelled: number;
  returned: number;
  margin: number | null;
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

/** The SQL of one period of a day number: the day, its week's Monday, or its month's first day. */
function periodOf(granularity: Granularity, column = 'day'): string {
  if (granularity === 'week') return `date((${column} - ((${column} + 3) % 7)) * 86400, 'unixepoch')`;
  if (granularity === 'month') return `strftime('%Y-%m-01', ${column} * 86400, 'unixepoch')`;
  return `date(${column} * 86400, 'unixepoch')`;
}

/** Margin of entry lines with a cost: price − units × (cost + fixed fees) − commission. */
const MARGIN_SQL = 'sum(CASE WHEN e.unit_cost IS NOT NULL THEN e.total_price - e.quantity * (e.unit_cost + coalesce(e.fixed_fee, 0)) - e.total_price * coalesce(e.commission_bp, 0) / 10000.0 END)';
const COVERED_SQL = 'coalesce(sum(CASE WHEN e.unit_cost IS NOT NULL THEN e.total_price END), 0)';
const COUNTED = "(o.outcome IS NULL OR o.outcome = 'completed')";

/**
 * The analytics queries: sales from orders and their entries (each scan served by a covering
 * index on day), watched time and bot changes from the read model of src-main/analytics.
 */
export function analyticsRepo(db: Database) {
  const orderFilter = (s: DayScope, alias = 'o') => {
    const clauses = [`${alias}.day BETWEEN @fromDay AND @toDay`];
    if (s.storeId !== undefined) clauses.push(`${alias}.store_id = @storeId`);
    if (s.cityId) clauses.push(`${alias}.city_id = @cityId`);
    return clauses.join(' AND ');
  };
  const entryFilter = (s: DayScope) => {
    const clauses = ['e.day BETWEEN @fromDay AND @toDay', 'e.counted = 1'];
    if (s.storeId !== undefined) clauses.push('e.store_id = @storeId');
    if (s.cityId) clauses.push('e.city_id = @cityId');
    if (s.productId !== undefined) clauses.push('e.product_id = @productId');
    return clauses.join(' AND ');
  };
  const params = (s: DayScope) => ({ fromDay: s.fromDay, toDay: s.toDay, storeId: s.storeId ?? null, cityId: s.cityId ?? null, productId: s.productId ?? null });

  /**
   * Sales grouped by `groupSql` (over orders o, or over entries e for one product), with margin
   * from the entries of the same groups.
   */
  function sales(s: DayScope, group: { orders: string; entries: string; name?: string }): SalesRow[] {
    const p = params(s);
    const byKey = new Map<string, SalesRow>();
    if (s.productId === undefined) {
      const rows = db.prepare(`
        SELECT ${group.orders} AS key, ${group.name ?? 'NULL'} AS name,
          coalesce(sum(CASE WHEN ${COUNTED} THEN o.total_price END), 0) AS revenue,
          coalesce(sum(CASE WHEN ${COUNTED} THEN 1 END), 0) AS orders,
          coalesce(sum(CASE WHEN ${COUNTED} THEN o.units END), 0) AS units,
          coalesce(sum(o.outcome = 'cancelled'), 0) AS cancelled,
          coalesce(sum(o.outcome = 'returned'), 0) AS returned
        FROM orders o WHERE ${orderFilter(s)} GROUP BY key`).all(p) as Omit<SalesRow, 'margin' | 'coveredRevenue'>[];
      for (const r of rows) byKey.set(String(r.key), { ...r, key: String(r.key), margin: null, coveredRevenue: 0 });
    } else {
      const rows = db.prepare(`
        SELECT ${group.entries} AS key, coalesce(sum(e.total_price), 0) AS revenue, count(DISTINCT e.order_id) AS orders, coalesce(sum(e.quantity), 0) AS units
        FROM order_entries e WHERE ${entryFilter(s)} GROUP BY key`).all(p) as { key: string; revenue: number; orders: number; units: number }[];
      for (const r of rows) byKey.set(String(r.key), { key: String(r.key), name: null, revenue: r.revenue, orders: r.orders, units: r.units, cancelled: 0, returned: 0, margin: null, coveredRevenue: 0 });
    }
    const margins = db.prepare(`SELECT ${group.entries} AS key, ${MARGIN_SQL} AS margin, ${COVERED_SQL} AS covered FROM order_entries e WHERE ${entryFilter(s)} GROUP BY key`).all(p) as { key: string; margin: number | null; covered: number }[];
    for (const m of margins) {
      const row = byKey.get(String(m.key));
      if (row && m.covered > 0) {
        row.margin = Math.round(m.margin ?? 0);
        row.coveredRevenue = m.covered;
      }
    }
    return [...byKey.values()];
  }

  const cumBefore = db.prepare<[number, string, number], { cum_tracked_ms: number; cum_first_ms: number; cum_changes: number }>(
    'SELECT cum_tracked_ms, cum_first_ms, cum_changes FROM product_city_days WHERE product_id = ? AND city_id = ? AND day <= ? ORDER BY day DESC LIMIT 1',
  );

  return {
    totals(s: DayScope): SalesRow {
      return sales(s, { orders: "'all'", entries: "'all'" })[0] ?? { key: 'all', name: null, revenue: 0, orders: 0, units: 0, cancelled: 0, returned: 0, margin: null, coveredRevenue: 0 };
    },
    series(s: DayScope, granularity: Granularity): SalesRow[] {
      return sales(s, { orders: periodOf(granularity, 'o.day'), entries: periodOf(granularity, 'e.day') }).sort((a, b) => a.key.localeCompare(b.key));
    },
    byStore(s: DayScope): SalesRow[] {
      return sales(s, { orders: 'o.store_id', entries: 'e.store_id', name: '(SELECT name FROM stores WHERE id = o.store_id)' });
    },
    byCity(s: DayScope): SalesRow[] {
      return sales(s, { orders: "coalesce(o.city_id, '')", entries: "coalesce(e.city_id, '')", name: 'max(o.city_name)' });
    },

    /** Watched and first time per period, for the whole scope (the store totals) or one product. */
    watchSeries(s: DayScope, granularity: Granularity): Map<string, WatchTotals> {
      const sql = s.productId !== undefined
        ? `SELECT ${periodOf(granularity, 'd.day')} AS key, sum(tracked_ms) AS tracked, sum(first_ms) AS first, sum(changes) AS changes FROM product_city_days d
           WHERE d.product_id = @productId AND d.day BETWEEN @fromDay AND @toDay ${s.cityId ? 'AND d.city_id = @cityId' : ''} GROUP BY key`
        : `SELECT ${periodOf(granularity, 'd.day')} AS key, sum(tracked_ms) AS tracked, sum(first_ms) AS first, sum(changes) AS changes FROM store_city_days d
           WHERE d.day BETWEEN @fromDay AND @toDay ${s.storeId !== undefined ? 'AND d.store_id = @storeId' : ''} ${s.cityId ? 'AND d.city_id = @cityId' : ''} GROUP BY key`;
      const rows = db.prepare(sql).all(params(s)) as { key: string; tracked: number; first: number; changes: number }[];
      return new Map(rows.map((r) => [r.key, { trackedMs: r.tracked, firstMs: r.first, changes: r.changes }]));
    },

    /** Sales per product with where our offer stood when each sale came in. */
    productSales(s: DayScope): ProductSalesRow[] {
      const rows = db.prepare(`
        SELECT e.product_id AS productId, sum(e.total_price) AS revenue, sum(e.quantity) AS units, count(DISTINCT e.order_id) AS orders,
          coalesce(sum(CASE WHEN e.position_at_sale = 1 THEN e.quantity END), 0) AS unitsFirst,
          coalesce(sum(CASE WHEN e.position_at_sale > 1 THEN e.quantity END), 0) AS unitsNotFirst,
          coalesce(sum(CASE WHEN e.position_at_sale IS NULL THEN e.quantity END), 0) AS unitsUnknown,
          coalesce(sum(CASE WHEN e.position_at_sale = 1 THEN e.total_price END), 0) AS revenueFirst,
          ${MARGIN_SQL} AS margin, ${COVERED_SQL} AS covered
        FROM order_entries e WHERE ${entryFilter(s)} AND e.product_id IS NOT NULL GROUP BY e.product_id`).all(params(s)) as (Omit<ProductSalesRow, 'storeId' | 'title' | 'sku'> & { covered: number })[];
      const names = db.prepare<[number], { store_id: number; title: string; sku: string }>('SELECT store_id, title, sku FROM products WHERE id = ?');
      return rows.map((r) => {
        const p = names.get(r.productId);
        return { ...r, storeId: p?.store_id ?? 0, title: p?.title ?? '', sku: p?.sku ?? '', margin: r.covered > 0 ? Math.round(r.margin ?? 0) : null };
      });
    },

    /** Watched time, first-place time and bot changes of products over a day range (two lookups per city). */
    watchOf(productIds: readonly number[], s: DayScope): Map<number, WatchTotals> {
      const wanted = new Set(productIds);
      const pairs = (db.prepare('SELECT product_id, city_id FROM position_cursor').all() as { product_id: number; city_id: string }[])
        .filter((c) => wanted.has(c.product_id) && (!s.cityId || c.city_id === s.cityId));
      const out = new Map<number, WatchTotals>();
      for (const { product_id: p, city_id: c } of pairs) {
        const end = cumBefore.get(p, c, s.toDay);
        if (!end) continue;
        const start = cumBefore.get(p, c, s.fromDay - 1);
        const total = out.get(p) ?? { trackedMs: 0, firstMs: 0, changes: 0 };
        total.trackedMs += end.cum_tracked_ms - (start?.cum_tracked_ms ?? 0);
        total.firstMs += end.cum_first_ms - (start?.cum_first_ms ?? 0);
        total.changes += end.cum_changes - (start?.cum_changes ?? 0);
        out.set(p, total);
      }
      return out;
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
      return (db.prepare(`SELECT count(*) AS n FROM orders o WHERE ${orderFilter(s)} AND o.entries_state = 'pending'`).get(params(s)) as { n: number }).n;
    },
  };
}
export type AnalyticsRepo = ReturnType<typeof analyticsRepo>;
