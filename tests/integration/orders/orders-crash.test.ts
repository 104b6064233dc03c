import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../../src-main/app/data-paths';
import { KASPI_SIM_ENV } from '../../../src-main/security/kaspi-sim-option';
import { waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';
import { ordersApp } from './support/orders-app';
import type { SimUrls } from '../../sim/kaspi/sim-state';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'support', 'orders-child.ts');

async function startChild(dataDir: string, sim: SimUrls) {
  const env = { ...process.env, [KASPI_SIM_ENV]: JSON.stringify(sim) };
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, dataDir], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => line === 'ready' && resolve());
    void exited.then(() => reject(new Error('orders child exited before it was ready')));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  cleanups.push(() => end('SIGKILL'));
  return { kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

describe('a crash in the middle of the first order sync', () => {
  it('goes on from where it stopped after a restart: every order once, every entry once, one history row each', async () => {
    const dataDir = tempDir();
    const env = await ordersApp(dataDir, { scenario: 'demo' });
    cleanups.push(() => env.sim.close());
    await env.app.close();
    const db = new BetterSqlite3(dataPaths(dataDir).database, { readonly: true, fileMustExist: true });
    cleanups.push(async () => void db.close());
    const progress = () => db.prepare(`SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM orders WHERE entries_state = 'pending') AS pending,
      coalesce((SELECT backfill_done FROM order_sync_state), 0) AS done, (SELECT backfill_cursor_ms FROM order_sync_state) AS cursor`).get() as { orders: number; pending: number; done: number; cursor: number | null };

    const first = await startChild(dataDir, env.sim.urls);
    const atKill = await waitFor(progress, (p) => p.orders > 0 && (p.done === 0 || p.pending > 0), 30_000);
    await first.kill();
    expect(atKill.done === 0 || atKill.pending > 0).toBe(true);

    const second = await startChild(dataDir, env.sim.urls);
    const finished = await waitFor(progress, (p) => p.done === 1 && p.pending === 0, 60_000);
    await second.stop();

    const expected = env.sim.orders(env.uid);
    expect(finished.orders).toBe(expected.length);
    const codes = db.prepare('SELECT code, units, (SELECT count(*) FROM order_entries e WHERE e.order_id = o.id) AS entries, (SELECT count(*) FROM order_status_history h WHERE h.order_id = o.id) AS history FROM orders o').all() as { code: string; units: number; entries: number; history: number }[];
    expect(codes.map((c) => c.code).sort()).toEqual(expected.map((o) => o.code).sort());
    for (const o of expected) {
      const row = codes.find((c) => c.code === o.code)!;
      expect({ entries: row.entries, units: row.units, history: row.history }).toEqual({ entries: o.entries.length, units: o.entries.reduce((n, e) => n + e.quantity, 0), history: 1 });
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);
});
