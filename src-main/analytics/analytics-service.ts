import type { Database } from 'better-sqlite3';
import type { AnalyticsScope, Granularity, ProductEarnings, SalesTotals, SeriesPoint } from '../../src-shared/contract/analytics';
import { dayOfDate, kzDate, kzDayStart } from '../../src-shared/domain/kazakhstan-time';
import { analyticsRepo } from '../db/repos/analytics-repo';
import type { DayScope, DaySales, WatchTotals } from '../db/repos/analytics-repo';
import type { Logger } from '../logging/logger';
import type { Clock } from '../time/clock';
import { analyticsCsv } from './analytics-csv';
import { productEarnings } from './earnings';
import { positionModel } from '../db/repos/position-model';

const DAY_MS = 86_400_000;
/** The read model is brought up to date at least this often, and before a query when older. */
const REFRESH_MS = 60_000;
/** In the background the model catches up this often. */
const CATCH_UP_EVERY_MS = 5 * 60_000;
/** A step of the read model's build: about half a second of work at a time. */
const STEP_ROWS = 20_000;

export interface AnalyticsDeps {
  db: Database;
  logger: Logger;
  clock: Clock;
  /** Whether the demper engine is running (dry run included): only then does time count as watched. */
  watching: () => boolean;
}

const share = (w: WatchTotals | undefined): number | null => (w && w.trackedMs > 0 ? Math.round((w.firstMs / w.trackedMs) * 1000) / 1000 : null);

/** Sales of any group of days, stores and cities. */
type Sum = Omit<DaySales, 'day' | 'storeId' | 'cityId'>;
const SUM_FIELDS = ['revenue', 'orders', 'units', 'cancelled', 'returned', 'margin', 'coveredRevenue'] as const;
const emptySum = (): Sum => ({ revenue: 0, orders: 0, units: 0, cancelled: 0, returned: 0, margin: 0, coveredRevenue: 0 });
function addTo(sum: Sum, d: Sum): void {
  for (const field of SUM_FIELDS) sum[field] += d[field];
}

function totalsOf(r: Sum): SalesTotals {
  return {
    revenue: r.revenue,
    orders: r.orders,
    units: r.units,
    avgPrice: r.units > 0 ? Math.round(r.revenue / r.units) : null,
    margin: r.coveredRevenue > 0 ? Math.round(r.margin) : null,
    marginCoverage: r.revenue > 0 ? Math.round((r.coveredRevenue / r.revenue) * 1000) / 1000 : 0,
    cancelled: r.cancelled,
    returned: r.returned,
  };
}

/** The first day of the period a day falls in: itself, its week's Monday, or its month's first day. */
export function periodStart(day: number, granularity: Granularity): number {
  if (granularity === 'week') return day - ((day + 3) % 7);
  if (granularity === 'month') return dayOfDate(`${kzDate(day).slice(0, 7)}-01`);
  return day;
}

/** Sales, margin and what the repricing earned, read from local SQLite; nothing here calls Kaspi. */
export function createAnalyticsService(deps: AnalyticsDeps) {
  const repo = analyticsRepo(deps.db);
  const model = positionModel(deps.db, { now: deps.clock.now, watching: deps.watching });
  const log = deps.logger.child('analytics');
  let refreshedAt = 0;
  let timer: unknown = null;
  let building: Promise<void> | null = null;
  let stopping = false;

  /** All the way up to date now (tests, the benchmark, the demo). */
  const refresh = (): void => {
    try {
      model.refresh();
      refreshedAt = deps.clock.now();
    } catch (error) {
      log.error('analytics read model not refreshed', { error });
    }
  };
  /** Up to date in steps, yielding between them, so a long history never freezes the app. */
  const catchUp = (): Promise<void> => {
    building ??= (async () => {
      try {
        for (let more = true; more && !stopping; ) {
          more = model.refresh(STEP_ROWS).more;
          if (more) await new Promise((resolve) => setImmediate(resolve));
        }
        refreshedAt = deps.clock.now();
      } catch (error) {
        log.error('analytics read model not refreshed', { error });
      } finally {
        building = null;
      }
    })();
    return building;
  };
  /** Before a query: one step when the model is older than a minute (a build in progress goes on by itself). */
  const fresh = (): void => {
    if (building || deps.clock.now() - refreshedAt <= REFRESH_MS) return;
    try {
      if (!model.refresh(STEP_ROWS).more) refreshedAt = deps.clock.now();
      else void catchUp();
    } catch (error) {
      log.error('analytics read model not refreshed', { error });
    }
  };
  const days = (scope: AnalyticsScope): DayScope => ({ fromDay: dayOfDate(scope.from), toDay: dayOfDate(scope.to), storeId: scope.storeId, cityId: scope.cityId, productId: scope.productId });

  function overview(scope: AnalyticsScope, granularity: Granularity) {
    fresh();
    const range = days(scope);
    const length = range.toDay - range.fromDay + 1;
    // One scan covers the range and the period before it, grouped by day, store and city.
    const sales = repo.daySales({ ...range, fromDay: range.fromDay - length });
    const totals = emptySum();
    const previous = emptySum();
    const periods = new Map<number, Sum>();
    const stores = new Map<number, Sum>();
    const cities = new Map<string, Sum>();
    for (const d of sales) {
      if (d.day < range.fromDay) {
        addTo(previous, d);
        continue;
      }
      addTo(totals, d);
      const period = periodStart(d.day, granularity);
      for (const [map, key] of [[periods, period], [stores, d.storeId], [cities, d.cityId]] as [Map<unknown, Sum>, unknown][]) {
        const sum = map.get(key) ?? emptySum();
        addTo(sum, d);
        map.set(key, sum);
      }
    }
    const watch = repo.watchDays(range);
    const watchByPeriod = new Map<number, WatchTotals>();
    const watchAll: WatchTotals = { trackedMs: 0, firstMs: 0, changes: 0 };
    for (const [day, w] of watch) {
      const period = periodStart(day, granularity);
      const acc = watchByPeriod.get(period) ?? { trackedMs: 0, firstMs: 0, changes: 0 };
      for (const target of [acc, watchAll]) {
        target.trackedMs += w.trackedMs;
        target.firstMs += w.firstMs;
        target.changes += w.changes;
      }
      watchByPeriod.set(period, acc);
    }
    // Every period of the range, quiet ones as zero, so a chart reads at a glance.
    const allPeriods = new Set<number>();
    for (let day = range.fromDay; day <= range.toDay; day++) allPeriods.add(periodStart(day, granularity));
    const series: SeriesPoint[] = [...allPeriods].sort((a, b) => a - b).map((period) => {
      const t = totalsOf(periods.get(period) ?? emptySum());
      return { period: kzDate(period), revenue: t.revenue, orders: t.orders, units: t.units, avgPrice: t.avgPrice, margin: t.margin, firstShare: share(watchByPeriod.get(period)) };
    });
    const names = repo.names();
    const breakdown = <K>(map: Map<K, Sum>, name: (key: K) => string) => [...map].map(([key, sum]) => ({ ...totalsOf(sum), key: String(key), name: name(key) })).sort((a, b) => b.revenue - a.revenue);
    return {
      totals: totalsOf(totals),
      previous: totalsOf(previous),
      series,
      byStore: breakdown(stores, (id) => names.stores.get(id) ?? String(id)),
      byCity: breakdown(cities, (id) => names.cities.get(id) ?? (id || '—')),
      entriesPending: repo.pendingEntries(range),
      firstShare: share(watchAll),
    };
  }

  function products(scope: AnalyticsScope, limit: number) {
    fresh();
    const range = days(scope);
    const sales = repo.productSales(range);
    const watch = repo.watchOf(sales.map((s) => s.productId), range);
    const rows = sales.map((s) => productEarnings(s, watch.get(s.productId))).sort((a, b) => b.revenue - a.revenue).slice(0, limit);
    // Bot changes are counted for the rows shown only: two lookups each.
    for (const row of rows) row.botChanges = repo.changesOf(row.productId, range);
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
    const earnings: ProductEarnings | null = sales ? { ...productEarnings(sales, repo.watchOf([scope.productId], range).get(scope.productId)), botChanges: repo.changesOf(scope.productId, range) } : null;
    const watch = repo.watchDays(range);
    const byDay = new Map<number, Sum>();
    for (const d of repo.daySales(range)) {
      const sum = byDay.get(d.day) ?? emptySum();
      addTo(sum, d);
      byDay.set(d.day, sum);
    }
    const daily = [];
    for (let day = range.fromDay; day <= range.toDay; day++) {
      const r = byDay.get(day);
      daily.push({ period: kzDate(day), units: r?.units ?? 0, revenue: r?.revenue ?? 0, firstShare: share(watch.get(day)) });
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
      stopping = false;
      const every = () => {
        timer = deps.clock.setTimeout(() => void catchUp().then(() => !stopping && every()), CATCH_UP_EVERY_MS);
      };
      void catchUp();
      every();
    },
    async stop(): Promise<void> {
      stopping = true;
      if (timer) deps.clock.clearTimeout(timer);
      timer = null;
      await building;
    },
    refresh,
    /** Brings the read model up to date before a query of another service (insights), a step at a time. */
    fresh,
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
