import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { call } from '../support/demper-on-sim';
import { proxyKinds, startProxies, type TestProxy } from '../support/proxy-servers';
import { benchApp } from '../integration/demper-wiring/support/bench-app';
import { startSimChild } from '../integration/demper-wiring/support/sim-child';
import { KASPI_SIM_ENV } from '../../src-main/security/kaspi-sim-option';

/**
 * One full pass of the demper over the simulator's `bench` scenario (10,000 products, 1 city)
 * through real HTTP with the real app, in dry-run: the pass measures checking (fetch, parse,
 * decide, snapshot and journal in SQLite), which is what the offers budget bounds. `cycle_s` runs
 * from `demper.control start` until every pair has been checked once.
 *
 * Three processes: the simulator (its per-IP offers limit raised to match), this one onboarding
 * the data folder (real Chromium login, sync, rules, bot on, proxies saved), and a fresh app over
 * that folder that runs the pass (support/cycle-child.ts, bundled as main.js is), so `rss_mb` is
 * the app running its engine, not the simulator, the login browser's driver or this harness.
 *
 * The budget: the pool caps one IP at 100 req/s, so 500 req/s is five lanes — the direct
 * connection plus four tinyproxies leaving from 127.0.0.2..5 — at 100 req/s each; the child
 * raises the pool's per-IP budget (`pool.configure`) and the engine's lane rate
 * (`engine.updateSettings`), because the seller's demper settings cap offersPerSecondPerIp at 12.
 */
const PER_LANE_RPS = 100;
const PROXIES = 4;
const CONCURRENCY = 64;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHILD = join(ROOT, 'tests', 'integration', 'demper-wiring', 'support', 'cycle-child.ts');

/**
 * The child runs as the desktop app's main process does: our code bundled by vite into one ES module
 * (the packages stay in node_modules, as vite.main.config.ts builds main.js), on plain Node — not
 * through tsx, whose compiler would add its own ~30 MB to the app's memory.
 */
async function bundledChild(): Promise<string> {
  const outDir = join(ROOT, 'node_modules', '.cache', 'kaspi-demper-bench');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: { ssr: CHILD, outDir, emptyOutDir: true, target: 'node20', rollupOptions: { output: { format: 'es', entryFileNames: 'cycle-child.mjs' } } },
  });
  return join(outDir, 'cycle-child.mjs');
}

export default async function bench(): Promise<Record<string, unknown>> {
  const sim = await startSimChild({ scenario: 'bench', seed: 1, timeScale: 1 });
  let proxies: TestProxy[] = [];
  let env: Awaited<ReturnType<typeof benchApp>> | undefined;
  try {
    await sim.control('POST', '/limits', { offers: { maxPerWindow: 100_000 } });
    env = await benchApp(sim.urls);
    const { app, storeId } = env;
    await call(app, 'stores.sync', { storeId });
    const ids = await call<number[]>(app, 'products.ids', {});
    await call(app, 'rules.update', { productIds: ids, set: { floor: { kind: 'fixed', price: 1 } } });
    await call(app, 'products.setBot', { productIds: ids, enabled: true });
    await call(app, 'demper.control', { action: 'start', storeId });
    // Proxies after the login: the login browser must not go through tinyproxy (plain-HTTP cookies).
    // tinyproxy where installed: its own processes, so the proxies' CPU is not counted in this harness.
    proxies = await startProxies(PROXIES, undefined, proxyKinds().at(-1));
    for (const p of proxies) app.proxyStore.upsert({ protocol: 'http', host: p.host, port: p.port, username: null, password: null, label: p.bindAddress });
    await env.closeApp();

    // CYCLE_FLAGS: Node flags for the measured app, to profile it (`--cpu-prof --cpu-prof-dir=…`).
    const flags = process.env.CYCLE_FLAGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...flags, await bundledChild(), env.dataDir, String(PER_LANE_RPS), String(CONCURRENCY)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, [KASPI_SIM_ENV]: JSON.stringify(sim.urls) },
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`cycle child exited with ${code}`)));
    });
    return { ...(JSON.parse(line) as Record<string, unknown>), cycle_mode: 'dry-run' };
  } finally {
    await env?.close();
    await Promise.all(proxies.map((p) => p.stop()));
    await sim.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bench()));
  process.exit(0);
}
