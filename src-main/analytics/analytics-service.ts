import type { Database } from 'better-sqlite3';
import type { AnalyticsScope, Granularity, ProductEarnings, SalesTotals, SeriesPoint } from '../../src-shared/contract/analytics';
import { dayOfDate, kzDate, kzDayStart } from '../../src-shared/domain/order';
import { analyticsRepo } from '../db/repos/analytics-repo';
import type { DayScope, SalesRow, WatchTotals } from '../db/repos/analytics-repo';
import type { Logger } from '../logging/logger';
import { analyticsCsv } from './analytics-csv';
import { productEarnings } from './earnings';
import { positionModel } from './position-model';

const DAY_MS = 86_400_000;
/** The read model is brought up to date at least this often, and before a query when older. */
const REFRESH_MS = 60_000;

export interface AnalyticsDeps {
  db: Database;
  logger: Logger;
  now: () => Date;
  /** Whether the demper engine is running (dry run included): only then does time count as watched. */
  watching: () => boolean;
}

const share = (w: WatchTotals | undefined): number | null => (w && w.trackedMs > 0 ? Math.round((w.firstMs / w.trackedMs) * 1000) / 1000 : null);

function totalsOf(row: SalesRow | undefined): SalesTotals {
  const r = row ?? { revenue: 0, orders: 0, units: 0, cancelled: 0, returned: 0, margin: null, coveredRevenue: 0 };
  return {
    revenue: r.revenue,
    orders: r.orders,
    units: r.units,
    avgPrice: r.units > 0 ? Math.round(r.revenue / r.units) : null,
    margin: r.margin,
    marginCoverage: r.revenue > 0 ? Math.round((r.coveredRevenue / r.revenue) * 1000) / 1000 : 0,
    cancelled: r.cancelled,
    returned: r.returned,
  };
}

/** Sales, margin and what the repricing earned, read from local SQLite; nothing here calls Kaspi. */
export function createAnalyticsService(deps: AnalyticsDeps) {
  const repo = analyticsRepo(deps.db);
  const model = positionModel(deps.db, { now: () => deps.now().getTime(), watching: deps.watching });
  const log = deps.logger.child('analytics');
  let refreshedAt = 0;
  let timer: ReturnType<typeof setInterval> | null = null;

  const refresh = (): void => {
    try {
      model.refresh();
      refreshedAt = deps.now().getTime();
    } catch (error) {
      log.error('analytics read model not refreshed', { error });
    }
  };
  const fresh = (): void => {
    if (deps.now().getTime() - refreshedAt > REFRESH_MS) refresh();
  };
  const days = (scope: AnalyticsScope): DayScope => ({ fromDay: dayOfDate(scope.from), toDay: dayOfDate(scope.to), storeId: scope.storeId, cityId: scope.cityId, productId: scope.productId });

  function overview(scope: AnalyticsScope, granularity: Granularity) {
    fresh();
    const range = days(scope);
    const length = range.toDay - range.fromDay + 1;
    const previous = { ...range, fromDay: range.fromDay - length, toDay: range.fromDay - 1 };
    const watch = repo.watchSeries(range, granularity);
    const series: SeriesPoint[] = repo.series(range, granularity).map((r) => ({
      period: r.key, revenue: r.revenue, orders: r.orders, units: r.units, avgPrice: r.units > 0 ? Math.round(r.revenue / r.units) : null, margin: r.margin, firstShare: share(watch.get(r.key)),
    }));
    // Periods the bot watched without a sale still show their first-place share.
    for (const [period, w] of watch) {
      if (!series.some((p) => p.period === period)) series.push({ period, revenue: 0, orders: 0, units: 0, avgPrice: null, margin: null, firstShare: share(w) });
    }
    series.sort((a, b) => a.period.localeCompare(b.period));
    const all = [...watch.values()].reduce((sum, w) => ({ trackedMs: sum.trackedMs + w.trackedMs, firstMs: sum.firstMs + w.firstMs, changes: sum.changes + w.changes }), { trackedMs: 0, firstMs: 0, changes: 0 });
    const breakdown = (rows: SalesRow[]) => rows.map((r) => ({ ...totalsOf(r), key: r.key, name: r.name ?? r.key })).sort((a, b) => b.revenue - a.revenue);
    return {
      totals: totalsOf(repo.totals(range)),
      previous: totalsOf(repo.totals(previous)),
      series,
      byStore: breakdown(repo.byStore(range)),
      byCity: breakdown(repo.byCity(range)),
      entriesPending: repo.pendingEntries(range),
      firstShare: share(all),
    };
  }

  function products(scope: AnalyticsScope, limit: number) {
    fresh();
    const range = days(scope);
    const sales = repo.productSales(range);
    const watch = repo.watchOf(sales.map((s) => s.productId), range);
    const rows = sales.map((s) => productEarnings(s, watch.get(s.productId))).sort((a, b) => b.revenue - a.revenue).slice(0, limit);
    const units = sales.reduce((n, s) => n + s.unitsFirst + s.unitsNotFirst, 0);
    return {
      rows,
      lostRevenue: rows.reduce((sum, r) => sum + (r.lostRevenue ?? 0), 0),
      unitsFirstShare: units > 0 ? Math.round((sales.reduce((n, s) => n + s.unitsFirst, 0) / units) * 1000) / 1000 : null,
    };
  }

  function product(scope: AnalyticsScope & { productId: number }) {
    fresh();
    const range = days(scope);
    const sales = repo.productSales(range)[0];
    const earnings: ProductEarnings | null = sales ? productEarnings(sales, repo.watchOf([scope.productId], range).get(scope.productId)) : null;
    const watch = repo.watchSeries(range, 'day');
    const byDay = new Map(repo.series(range, 'day').map((r) => [r.key, r]));
    const daily = [];
    for (let day = range.fromDay; day <= range.toDay; day++) {
      const period = kzDate(day);
      const r = byDay.get(period);
      daily.push({ period, units: r?.units ?? 0, revenue: r?.revenue ?? 0, firstShare: share(watch.get(period)) });
    }
    const fromMs = kzDayStart(range.fromDay);
    const toMs = kzDayStart(range.toDay + 1) - 1;
    const lines = repo.productLines(scope.productId, fromMs - DAY_MS, toMs + DAY_MS, scope.cityId);
    const unitsIn = (cityId: string, from: number, to: number) => lines.reduce((n, l) => n + (l.city_id === cityId && l.created_ms >= from && l.created_ms < to ? l.quantity : 0), 0);
    const changes = repo.productChanges(scope.productId, new Date(fromMs).toISOString(), new Date(toMs).toISOString(), scope.cityId).map((c) => {
      const at = Date.parse(c.pushed_at ?? c.created_at);
      return { at, cityId: c.city_id, oldPrice: c.old_price, newPrice: c.new_price, unitsBefore: unitsIn(c.city_id, at - DAY_MS, at), unitsAfter: unitsIn(c.city_id, at, at + DAY_MS) };
    });
    return { earnings, daily, changes };
  }

  return {
    start(): void {
      if (timer) return;
      refresh();
      timer = setInterval(refresh, 5 * 60_000);
      timer.unref?.();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
    refresh,
    overview,
    products,
    product,
    exportCsv(table: 'series' | 'products' | 'stores' | 'cities', scope: AnalyticsScope, granularity: Granularity, language: 'ru' | 'kk' | 'en') {
      const o = table === 'products' ? null : overview(scope, granularity);
      return analyticsCsv({ table, language, scope, overview: o, products: table === 'products' ? products(scope, 20_000).rows : null });
    },
  };
}
export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
