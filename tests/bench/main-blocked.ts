import { existsSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';
import { build } from 'vite';
import { DEFAULT_STATIC_DIR, startHeadless } from '../../src-main/shells/headless/start-headless';
import type { Headless } from '../../src-main/shells/headless/start-headless';
import { launchChromium } from '../support/browser';
import { simConfig } from '../support/app-on-sim';
import { proxyKinds, startProxies, type TestProxy } from '../support/proxy-servers';
import { call } from '../support/demper-on-sim';
import { SCENARIO_CREDENTIALS } from '../sim/kaspi/scenarios';
import { benchApp } from '../integration/demper-wiring/support/bench-app';
import { startSimChild } from '../integration/demper-wiring/support/sim-child';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Offers a second per lane (the pool's cap), over the direct lane and four proxies as the cycle bench: far above a seller's 12, so main is loaded harder than in life. */
const OFFERS_PER_SECOND = 100;
const PROXIES = 4;
const CONCURRENCY = 64;

const ms = (ns: number) => Number((ns / 1e6).toFixed(1));

/**
 * A histogram of main's event-loop stalls, already watching when it is returned: the histogram
 * records nothing until its timer has fired once, so a stall right after enable() (the engine's
 * start, at the very beginning of a cycle) would otherwise go unseen.
 */
async function watchStalls(): Promise<ReturnType<typeof monitorEventLoopDelay>> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return histogram;
}

/** Both figures; `MAIN_BLOCKED=demper` or `=orders` measures only one (each takes minutes). */
export default async function bench(): Promise<Record<string, unknown>> {
  const only = process.env.MAIN_BLOCKED;
  return {
    ...(only === 'orders' ? {} : await demperCycle()),
    ...(only === 'demper' ? {} : await ordersSync()),
  };
}

/**
 * main_blocked_max_ms (issue #14): the longest stall of the main process's event loop while the
 * Products, Overview and Demper pages are open in real Chromium (the dashboard as the headless
 * shell serves it, with main's events) during one live pass of the demper over the simulator's
 * `bench` scenario (10,000 products, real HTTP, prices really pushed). The app runs in this
 * process (the simulator and Chromium in their own), so the stall measured (perf_hooks
 * monitorEventLoopDelay, 10 ms resolution, watching before the start: see watchStalls) is main's: IPC calls of the pages, the table's row
 * deltas, SQLite, the engine. Also the 99th percentile, and the stall while the pages first read
 * the table after the sync.
 */
async function demperCycle(): Promise<Record<string, unknown>> {
  if (!existsSync(join(DEFAULT_STATIC_DIR, 'index.html'))) await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  const sim = await startSimChild({ scenario: 'bench', seed: 1, timeScale: 1 });
  let env: Awaited<ReturnType<typeof benchApp>> | undefined;
  let headless: Headless | undefined;
  let browser: Browser | undefined;
  let proxies: TestProxy[] = [];
  try {
    await sim.control('POST', '/limits', { offers: { maxPerWindow: 100_000 } });
    // Onboarded as a seller is: logged in, synced, floors set, the bot on, live.
    env = await benchApp(sim.urls);
    const { app: onboarding, storeId } = env;
    await call(onboarding, 'stores.sync', { storeId });
    const ids = await call<number[]>(onboarding, 'products.ids', {});
    await call(onboarding, 'rules.update', { productIds: ids, set: { floor: { kind: 'fixed', price: 1 } } });
    await call(onboarding, 'products.setBot', { productIds: ids, enabled: true });
    await call(onboarding, 'demper.control', { action: 'start', storeId });
    await call(onboarding, 'demper.settings.update', { dryRun: false });
    onboarding.productsTable.catchUpAll();
    // Proxies after the login: the login browser must not go through tinyproxy (plain-HTTP cookies).
    proxies = await startProxies(PROXIES, undefined, proxyKinds().at(-1));
    for (const p of proxies) onboarding.proxyStore.upsert({ protocol: 'http', host: p.host, port: p.port, username: null, password: null, label: p.bindAddress });
    await env.closeApp();

    headless = await startHeadless({
      dataDir: env.dataDir,
      port: 0,
      config: { hasScreen: false, proxyHealthChecks: false, autoStartDemper: false, autoStartOrders: false, engineOverrides: { maxConcurrentFetches: CONCURRENCY }, ...simConfig(sim.urls) },
    });
    const { app } = headless;
    app.pool.configure({ offersPerSecond: OFFERS_PER_SECOND });
    const engine = app.demper.engine;
    engine.updateSettings({ offersPerSecondPerLane: app.pool.capacity(null).offersPerSecond, maxConcurrentFetches: CONCURRENCY });

    const opening = await watchStalls();
    browser = await launchChromium();
    for (const nav of ['nav-products', 'nav-overview', 'nav-demper']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(headless.bridge.url);
      await page.getByTestId(nav).click();
    }
    opening.disable();

    const checked = new Set<string>();
    let total = Infinity;
    const passDone = new Promise<void>((resolve) =>
      engine.onEvent((event) => {
        if (event.type !== 'offers') return;
        checked.add(`${event.productId}:${event.cityId}`);
        if (checked.size >= total) resolve();
      }),
    );
    const stalls = await watchStalls();
    const started = performance.now();
    await call(app, 'demper.control', { action: 'start' });
    total = engine.status().pairs.total;
    await passDone;
    const cycleS = (performance.now() - started) / 1000;
    stalls.disable();
    const { counters } = engine.status();
    await call(app, 'demper.control', { action: 'stop' });
    return {
      main_blocked_max_ms: ms(stalls.max),
      main_blocked_p99_ms: ms(stalls.percentile(99)),
      main_blocked_opening_pages_max_ms: ms(opening.max),
      main_blocked_cycle_s: Number(cycleS.toFixed(1)),
      main_blocked_products: total,
      main_blocked_pushes: counters.pushes,
      main_blocked_mode: 'live',
    };
  } finally {
    await browser?.close();
    await headless?.close();
    await env?.close();
    await Promise.all(proxies.map((p) => p.stop()));
    await sim.close();
  }
}

const ORDERS = 10_000;
const LISTING_DEADLINE_MS = 180_000;
const ENTRIES_MS = 15_000;

/**
 * orders_main_blocked_max_ms (issue #14, "the same for the orders list"): the longest stall of
 * main's event loop while the Orders page is open in real Chromium during the first sync of the
 * `bench` store's 10,000 orders (60 days) from the simulator's shop API, in its own process, with
 * its limits on: every page of orders listed and written, then 15 s of order entries read, the
 * page's window re-read on each `orders.changed` event. Also the 99th percentile and how long the
 * listing took.
 */
async function ordersSync(): Promise<Record<string, unknown>> {
  if (!existsSync(join(DEFAULT_STATIC_DIR, 'index.html'))) await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  const sim = await startSimChild({ scenario: 'bench', seed: 1, timeScale: 1 });
  let env: Awaited<ReturnType<typeof benchApp>> | undefined;
  let headless: Headless | undefined;
  let browser: Browser | undefined;
  try {
    env = await benchApp(sim.urls, { autoStartOrders: false });
    await call(env.app, 'stores.setShopToken', { storeId: env.storeId, token: SCENARIO_CREDENTIALS.bench.apiToken });
    await env.closeApp();
    headless = await startHeadless({
      dataDir: env.dataDir,
      port: 0,
      config: { hasScreen: false, proxyHealthChecks: false, autoStartDemper: false, autoStartOrders: false, ...simConfig(sim.urls) },
    });
    const { app } = headless;
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(headless.bridge.url);
    await page.getByTestId('nav-orders').click();

    const stalls = await watchStalls();
    const started = performance.now();
    await call(app, 'orders.syncNow', { storeId: env.storeId });
    // Until every order is listed (the page re-reading its window as pages of orders land), then
    // ENTRIES_MS of the order entries being read (one request per order at 5 a second: the whole
    // of them takes half an hour, each the same small write).
    const statusNow = async () => (await call<Array<{ orders: number; entriesPending: number }>>(app, 'orders.syncStatus'))[0]!;
    let listedS: number | null = null;
    while (performance.now() - started < LISTING_DEADLINE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if ((await statusNow()).orders >= ORDERS) {
        listedS = (performance.now() - started) / 1000;
        break;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, ENTRIES_MS));
    stalls.disable();
    const status = await statusNow();
    return {
      orders_main_blocked_max_ms: ms(stalls.max),
      orders_main_blocked_p99_ms: ms(stalls.percentile(99)),
      orders_main_blocked_listed_s: listedS === null ? null : Number(listedS.toFixed(1)),
      orders_main_blocked_orders: status.orders,
      orders_main_blocked_entries_read: status.orders - status.entriesPending,
    };
  } finally {
    await browser?.close();
    await headless?.close();
    await env?.close();
    await sim.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bench()));
  process.exit(0);
}
