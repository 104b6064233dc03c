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
import type { SimUrls } from '../../sim/kaspi/sim-state';
import type { WahaFaultInput } from '../../sim/waha';
import { buyerPhone, whatsappApp } from './support/whatsapp-app';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'support', 'whatsapp-child.ts');

async function startChild(dataDir: string, sim: SimUrls) {
  const env = { ...process.env, [KASPI_SIM_ENV]: JSON.stringify(sim) };
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, dataDir], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => line === 'ready' && resolve());
    void exited.then(() => reject(new Error('whatsapp child exited before it was ready')));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  cleanups.push(() => end('SIGKILL'));
  return { kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

/**
 * A store with the review request on, WhatsApp linked, and one order on its way that the app has
 * read; the setup app is closed, Kaspi completes the order, and WAHA gets the fault under test.
 */
async function setUp(fault: WahaFaultInput) {
  const dataDir = tempDir();
  const env = await whatsappApp(dataDir);
  cleanups.push(async () => {
    await env.sim.close();
    await env.waha.close();
  });
  await env.link();
  await env.enable('delivered');
  const order = await env.activeOrder();
  await env.app.close();
  env.sim.moveOrder(env.uid, order.code, 'ARCHIVED', 'COMPLETED');
  env.waha.addFault(fault);
  const db = new BetterSqlite3(dataPaths(dataDir).database, { readonly: true, fileMustExist: true });
  cleanups.push(async () => void db.close());
  const rows = () => db.prepare('SELECT state, attempts, waha_id FROM whatsapp_outbox').all() as { state: string; attempts: number; waha_id: string | null }[];
  return { dataDir, env, order, phone: buyerPhone(order), rows };
}

describe('a crash between the outbox write and WAHA', () => {
  it('before WAHA acted: the message is neither lost nor sent twice, and a restart after it sends nothing more', async () => {
    const { dataDir, env, phone, rows } = await setUp({ path: '/api/sendText', kind: 'hang', times: 1 });
    const first = await startChild(dataDir, env.sim.urls);
    // The row says `sending` (committed), the call is with WAHA and not acted on: the process dies.
    await waitFor(() => ({ rows: rows(), held: env.waha.state().held }), (s) => s.rows[0]?.state === 'sending' && s.held === 1, 30_000);
    await first.kill();
    await waitFor(() => env.waha.state().held, (held) => held === 0);
    expect(env.waha.sent(phone)).toEqual([]);

    const second = await startChild(dataDir, env.sim.urls);
    const after = await waitFor(rows, (r) => r[0]?.state === 'sent' || r[0]?.state === 'delivered', 30_000);
    expect(after).toHaveLength(1);
    expect(env.waha.sent(phone)).toHaveLength(1);
    await second.stop();

    const third = await startChild(dataDir, env.sim.urls);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await third.stop();
    expect(env.waha.sent(phone)).toHaveLength(1);
    expect(rows()).toHaveLength(1);
  }, 120_000);

  it('after WAHA sent it but before the answer: found in the chat on restart and marked sent, not sent again', async () => {
    const { dataDir, env, phone, rows } = await setUp({ path: '/api/sendText', kind: 'deliver_then_hang', times: 1 });
    const first = await startChild(dataDir, env.sim.urls);
    await waitFor(() => ({ rows: rows(), sent: env.waha.sent(phone).length }), (s) => s.rows[0]?.state === 'sending' && s.sent === 1, 30_000);
    await first.kill();

    const second = await startChild(dataDir, env.sim.urls);
    const after = await waitFor(rows, (r) => r[0]?.state === 'sent' || r[0]?.state === 'delivered', 30_000);
    expect(after[0]).toMatchObject({ attempts: 1, waha_id: env.waha.sent(phone)[0]!.id });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await second.stop();
    expect(env.waha.sent(phone)).toHaveLength(1);
  }, 120_000);
});
