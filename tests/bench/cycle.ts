import { call } from '../support/demper-on-sim';
import { startTinyproxies, type Tinyproxy } from '../support/tinyproxy';
import { benchApp } from '../integration/repricing/support/bench-app';
import { startSimChild } from '../integration/repricing/support/sim-child';

/**
 * One full pass of the demper over the simulator's `bench` scenario (10,000 products, 1 city)
 * through real HTTP with the real app, in dry-run: the pass measures checking (fetch, parse,
 * decide, snapshot and journal in SQLite), which is what the offers budget bounds.
 *
 * The budget: the pool caps one IP at 100 req/s (proxy settings schema), so 500 req/s is five
 * lanes — the direct connection plus four tinyproxies leaving from 127.0.0.2..5 — at 100 req/s
 * each (`pool.configure`, after login and sync: the login browser must not go through tinyproxy).
 * The demper settings cap offersPerSecondPerIp at 12 and re-configure the pool with it, so the
 * engine's single pool lane gets the pool's capacity through `engine.updateSettings` directly.
 * The simulator runs in a child process with its per-IP offers limit raised to match, so
 * `rss_mb` is this process: the app with its engine (and this harness).
 */
const PER_LANE_RPS = 100;
const PROXIES = 4;
const CONCURRENCY = 64;

export default async function bench(): Promise<Record<string, unknown>> {
  const sim = await startSimChild({ scenario: 'bench', seed: 1, timeScale: 1 });
  let proxies: Tinyproxy[] = [];
  let env: Awaited<ReturnType<typeof benchApp>> | undefined;
  try {
    await sim.control('POST', '/limits', { offers: { maxPerWindow: 100_000 } });
    env = await benchApp(sim.urls, { engineOverrides: { maxConcurrentFetches: CONCURRENCY, statusIntervalMs: 250 } });
    const { app, storeId } = env;
    await call(app, 'stores.sync', { storeId });
    const ids = (await call<Array<{ id: number }>>(app, 'products.table', {})).map((r) => r.id);
    await call(app, 'rules.update', { productIds: ids, set: { floor: { kind: 'fixed', price: 1 } } });
    await call(app, 'products.setBot', { productIds: ids, enabled: true });
    await call(app, 'demper.control', { action: 'start', storeId });

    proxies = await startTinyproxies(PROXIES);
    for (const p of proxies) app.proxyStore.upsert({ protocol: 'http', host: p.host, port: p.port, username: null, password: null, label: p.bindAddress });
    app.pool.configure({ offersPerSecond: PER_LANE_RPS });
    const rps = app.pool.capacity(null).offersPerSecond;
    app.demper.engine.updateSettings({ offersPerSecondPerLane: rps, maxConcurrentFetches: CONCURRENCY });

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const engine = app.demper.engine;
    const checked = new Set<string>();
    let total = Infinity;
    const passDone = new Promise<void>((resolve) =>
      engine.onEvent((e) => {
        if (e.type !== 'offers') return;
        checked.add(`${e.productId}:${e.cityId}`);
        if (checked.size >= total) resolve();
      }),
    );
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await call(app, 'demper.control', { action: 'start' });
    total = engine.status().pairs.total;
    const timeout = setTimeout(() => process.stderr.write(`cycle: ${checked.size} of ${total} pairs after 300 s\n`), 300_000);
    await passDone;
    const cycleS = (performance.now() - started) / 1000;
    clearTimeout(timeout);
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuBefore);
    const status = engine.status();
    await call(app, 'demper.control', { action: 'stop' });
    return {
      cycle_s: round(cycleS),
      cycle_bound_s: round(total / rps),
      cycle_products: total,
      cycle_fetches: status.counters.fetches,
      cycle_offers_rps_budget: rps,
      cycle_failures: status.counters.failures,
      cycle_mode: 'dry-run',
      cycle_cpu_s: round((cpu.user + cpu.system) / 1e6),
      rss_mb: Math.round(peakRss / 2 ** 20),
    };
  } finally {
    await env?.close();
    await Promise.all(proxies.map((p) => p.stop()));
    await sim.close();
  }
}

const round = (n: number) => Number(n.toFixed(2));

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bench()));
  process.exit(0);
}
