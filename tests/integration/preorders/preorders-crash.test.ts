import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../../src-main/app/data-paths';
import { KASPI_SIM_ENV } from '../../../src-main/security/kaspi-sim-option';
import type { SimUrls } from '../../sim/kaspi/sim-state';
import { call, waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';
import { acceptedPreorderChanges, preOrdersAtKaspi, preordersApp } from './support/preorders-on-sim';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'support', 'preorder-child.ts');

async function startChild(dataDir: string, mode: 'send' | 'resume', sim: SimUrls) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY, dataDir, mode], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, [KASPI_SIM_ENV]: JSON.stringify(sim) } });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line === 'ready' && resolve());
    void exited.then(() => reject(new Error('pre-order child exited before it was ready')));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  cleanups.push(() => end('SIGKILL'));
  return { kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

type SendRow = { preorder_id: number; state: string };

describe('a pre-order sender killed mid-send (SIGKILL) and restarted on the same data', () => {
  it('reads back what may have left instead of sending it again, and sends what never left', async () => {
    const dataDir = tempDir();
    const env = await preordersApp(dataDir);
    cleanups.push(() => env.sim.close());
    const { app, sim } = env;
    const products = ['100000001', '100000002', '100000003', '100000004'].map((m) => env.product(m));
    await call(app, 'preorders.addFromProducts', { productIds: products.map((p) => p.id), days: 6 });
    await app.close();

    const db = new BetterSqlite3(dataPaths(dataDir).database, { readonly: true, fileMustExist: true });
    cleanups.push(async () => void db.close());
    const sends = () => db.prepare('SELECT preorder_id, state FROM preorder_sends ORDER BY id').all() as SendRow[];
    const statuses = () => db.prepare('SELECT status FROM preorders ORDER BY id').all().map((r) => (r as { status: string }).status);

    // Every push waits 700 ms before Kaspi takes it: the crash lands while one is on the wire.
    const slow = sim.addFault({ host: 'mc', path: '/pricefeed', kind: 'latency', latencyMs: 700 });
    let child = await startChild(dataDir, 'send', sim.urls);
    await waitFor(sends, (rows) => rows.length >= 2 && rows.at(-1)?.state === 'planned', 30_000);
    await child.kill();
    const unfinished = sends().filter((s) => s.state === 'planned');
    expect(unfinished).toHaveLength(1);
    sim.removeFault(slow.id);

    child = await startChild(dataDir, 'resume', sim.urls);
    await waitFor(statuses, (s) => s.every((x) => x === 'active'), 40_000);
    await child.stop();

    // Each offer changed once at Kaspi, whatever the crash caught; nothing left planned.
    const accepted = acceptedPreorderChanges(sim);
    for (const p of products) {
      expect(accepted.get(p.sku)).toBe(1);
      expect(Object.values(preOrdersAtKaspi(sim, p.sku))).toEqual([6, 6]);
    }
    expect(sends().filter((s) => s.state === 'planned')).toEqual([]);
  }, 120_000);
});
