import { createApp } from '../../../../src-main/app/create-app';
import { kzDate, kzDay } from '../../../../src-shared/domain/kazakhstan-time';

/**
 * The app opened in a fresh process over a data folder the analytics benchmark filled, timing
 * the calls the Orders and Analytics pages make: `tsx analytics-child.ts <dataDir> <json args>`.
 * Prints one JSON line of medians (ms).
 */
const [dataDir, argsJson] = process.argv.slice(2);
if (!dataDir || !argsJson) throw new Error('usage: analytics-child.ts <dataDir> <json>');
const args = JSON.parse(argsJson) as { now: number; storeId: number; productId: number; otherProductId: number; city: string; code: string; phone: string };
const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const timed = (run: () => unknown): number => {
  run();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    xs.push(performance.now() - started);
  }
  return Number(median(xs).toFixed(1));
};

const app = await createApp({ dataDir, shell: 'headless', appVersion: 'bench', autoStartDemper: false, autoStartOrders: false, proxyHealthChecks: false });
app.analytics.refresh();
const { now, storeId } = args;
const year = { from: kzDate(kzDay(now) - 364), to: kzDate(kzDay(now)) };
const list = (filter: Record<string, unknown>, offset = 0) => app.orders.list({ storeId, ...filter } as never, { key: 'created', dir: 'desc' }, offset, 100);
const out = {
  products: timed(() => app.analytics.products(year, 500)),
  productsAll: timed(() => app.analytics.products(year, 20_000)),
  overview: timed(() => app.analytics.overview(year, 'day')),
  product: timed(() => app.analytics.product({ ...year, productId: args.productId })),
  filters: {
    all: timed(() => list({ tab: 'all' })),
    archive_completed_deep: timed(() => list({ tab: 'archive', outcome: 'completed' }, 50_000)),
    city_30_days: timed(() => list({ tab: 'all', cityId: args.city, from: kzDate(kzDay(now) - 30), to: kzDate(kzDay(now)) })),
    product: timed(() => list({ tab: 'all', productId: args.otherProductId })),
    code_search: timed(() => list({ tab: 'all', search: args.code.slice(0, 7) })),
    phone_search: timed(() => list({ tab: 'all', search: args.phone })),
    sort_by_total: timed(() => app.orders.list({ storeId, tab: 'all' } as never, { key: 'total', dir: 'desc' }, 0, 100)),
    counts: timed(() => app.orders.counts({ storeId } as never)),
  },
};
await app.close();
process.stdout.write(`${JSON.stringify(out)}\n`);
