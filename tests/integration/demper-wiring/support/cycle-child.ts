import { createApp } from '../../../../src-main/app/create-app';
import { call } from '../../../support/call-app';
import { kaspiSimFromEnv } from '../../../../src-main/security/kaspi-sim-option';

/**
 * One demper pass in a fresh app process, as the app runs after a restart (no login browser, no
 * onboarding in memory): `tsx cycle-child.ts <dataDir> <perLaneRps> <maxConcurrentFetches>`.
 * The data folder is onboarded, its proxies saved, the demper in dry-run with the store's bot on;
 * the simulator's URLs come in KD_KASPI_SIM (the app's start-up option).
 * Prints one JSON line with the figures, measured in this process.
 */
const [dataDir, perLane, concurrency] = process.argv.slice(2);
const maxConcurrentFetches = Number(concurrency);
const app = await createApp({
  dataDir: dataDir!,
  shell: 'headless',
  appVersion: 'bench',
  autoStartDemper: false,
  proxyHealthChecks: false,
  engineOverrides: { maxConcurrentFetches },
  kaspiSim: kaspiSimFromEnv(),
});
// The seller's settings cap offersPerSecondPerIp at 12 (Kaspi bans above ~15) and the service
// configures the pool with it; the bench raises the pool's per-IP budget and gives the engine's
// single pool lane the pool's whole capacity.
app.pool.configure({ offersPerSecond: Number(perLane) });
const rps = app.pool.capacity(null).offersPerSecond;
const engine = app.demper.engine;
engine.updateSettings({ offersPerSecondPerLane: rps, maxConcurrentFetches });


const rssAtStart = process.memoryUsage().rss;
let peakRss = rssAtStart;
let atPeak = process.memoryUsage();
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  if (usage.rss > peakRss) [peakRss, atPeak] = [usage.rss, usage];
}, 100);
const checked = new Set<string>();
let total = Infinity;
let firstCheckAt = 0;
const passDone = new Promise<void>((resolve) =>
  engine.onEvent((e) => {
    if (e.type !== 'offers') return;
    firstCheckAt ||= performance.now();
    checked.add(`${e.productId}:${e.cityId}`);
    if (checked.size >= total) resolve();
  }),
);
const cpuBefore = process.cpuUsage();
const started = performance.now();
await call(app, 'demper.control', { action: 'start' });
total = engine.status().pairs.total;
await passDone;
const cycleS = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
const { counters } = engine.status();
await call(app, 'demper.control', { action: 'stop' });
await app.close();
const round = (n: number) => Number(n.toFixed(2));
process.stdout.write(
  `${JSON.stringify({
    cycle_s: round(cycleS),
    cycle_bound_s: round(total / rps),
    // From start until the first look at the storefront: loading products, rules and memory.
    cycle_start_s: round((firstCheckAt - started) / 1000),
    cycle_products: total,
    cycle_fetches: counters.fetches,
    cycle_failures: counters.failures,
    cycle_offers_rps_budget: rps,
    cycle_cpu_s: round((cpu.user + cpu.system) / 1e6),
    rss_mb: Math.round(peakRss / 2 ** 20),
    rss_at_start_mb: Math.round(rssAtStart / 2 ** 20),
    // Where the peak was: the JS heap (used of total) and memory outside it (SQLite, buffers).
    rss_peak_heap_used_mb: Math.round(atPeak.heapUsed / 2 ** 20),
    rss_peak_heap_total_mb: Math.round(atPeak.heapTotal / 2 ** 20),
    rss_peak_external_mb: Math.round(atPeak.external / 2 ** 20),
  })}\n`,
);
process.exit(0);
