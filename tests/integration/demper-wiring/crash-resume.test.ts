import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../../src-main/app/data-paths';
import { call, connectedApp, ownPriceOnStorefront, waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';
import type { KaspiSim } from '../../sim/kaspi';
import { startChildApp, type ChildApp } from './support/child-app';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const MERCHANT = '30000001';
const SETTLED = ['verified', 'mismatch', 'failed'];
const ACCEPTED = ['pushed', 'verified', 'mismatch'];
type Row = { id: number; status: string; sku: string; city_id: string; new_price: number; floor: number };

/** The journal as the app wrote it, read from its SQLite file by a second connection. */
function journalOf(dataDir: string): () => Row[] {
  const db = new BetterSqlite3(dataPaths(dataDir).database, { readonly: true, fileMustExist: true });
  cleanups.push(async () => void db.close());
  const rows = db.prepare(
    `SELECT j.id, j.status, p.sku, j.city_id, j.new_price, json_extract(j.reason_json, '$.floor') AS floor
       FROM price_journal j JOIN products p ON p.id = j.product_id WHERE j.status != 'dry_run' ORDER BY j.id`,
  );
  return () => rows.all() as Row[];
}

/** Accepted pushes by sku, city and price, as Kaspi received them. */
function acceptedPushes(sim: KaspiSim): string[] {
  return sim
    .pushes({ merchantUid: MERCHANT })
    .filter((p) => p.status === 200)
    .flatMap((p) => ((p.body as { cityPrices?: Array<{ cityId: string; value: number }> }).cityPrices ?? []).map((c) => `${p.sku}|${c.cityId}|${c.value}`));
}

const tally = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

describe('a demper killed mid-cycle (SIGKILL) and restarted on the same data', () => {
  it('resumes from the journal: nothing pushed twice, no row lost or left unsettled, never below the floor', async () => {
    const dataDir = tempDir();
    // Onboarding in this process (real Chromium login, sync, rules), then the app runs as a child.
    const env = await connectedApp(dataDir);
    cleanups.push(() => env.sim.close());
    const { app, sim, storeId } = env;
    const { rows } = await call<{ rows: Array<{ id: number; masterSku: string }> }>(app, 'products.page', { limit: 500 });
    const floors = new Map<string, number>();
    const onSale: number[] = [];
    for (const row of rows) {
      const price = ownPriceOnStorefront(sim, row.masterSku) ?? ownPriceOnStorefront(sim, row.masterSku, '710000000');
      if (price === null) continue;
      floors.set(row.masterSku, Math.round(price * 0.95));
      onSale.push(row.id);
      await call(app, 'rules.update', { productIds: [row.id], set: { floor: { kind: 'fixed', price: Math.round(price * 0.95) }, ceiling: Math.round(price * 1.05) } });
    }
    await call(app, 'products.setBot', { productIds: onSale, enabled: true });
    await call(app, 'demper.settings.update', { dryRun: false, pushesPerSecond: 2 });
    await call(app, 'demper.control', { action: 'start', storeId });
    await app.close();

    // Every push hangs 700 ms before Kaspi takes it, and shows on the storefront 300 ms later:
    // most of the time a row is planned with its push in flight, or pushed and not yet verified.
    sim.setLimits({ pushApplyDelayMs: 300_000 });
    const slow = sim.addFault({ host: 'mc', path: '/pricefeed', kind: 'latency', latencyMs: 700 });
    const journal = journalOf(dataDir);

    // Two crashes: one while a push is on the wire (its row planned), one while pushes Kaspi
    // took wait for their read-back (rows pushed). Each restart must settle what the crash left.
    let child: ChildApp = await startChildApp(dataDir, 'start', sim.urls);
    cleanups.push(() => child.kill());
    const crashes: Array<{ when: string; unfinished: Row[]; after: Row[] }> = [];
    for (const when of ['planned', 'pushed']) {
      // Mid-cycle: a few changes done since the last start, the next one caught half-way.
      const before = journal().length;
      await waitFor(journal, (r) => r.length >= before + 3 && r.some((e) => e.status === when), 40_000);
      await child.kill();
      const unfinished = journal().filter((e) => e.status === 'planned' || e.status === 'pushed');
      expect(unfinished.map((e) => e.status)).toContain(when);
      // The same data folder, started as after a crash: the app resumes the demper by itself.
      child = await startChildApp(dataDir, 'resume', sim.urls);
      const after = await waitFor(journal, (r) => unfinished.every((u) => SETTLED.includes(r.find((e) => e.id === u.id)?.status ?? 'lost')), 30_000);
      crashes.push({ when, unfinished, after });
    }
    sim.removeFault(slow.id);
    // A clean stop waits for the push in flight and journals it, so no row is left planned.
    await child.stop();

    // No row lost: every row a crash left unfinished is still there and settled — verified when
    // Kaspi shows its price, failed when its push never landed, and then never pushed again.
    for (const crash of crashes) {
      for (const u of crash.unfinished) {
        const settled = crash.after.find((e) => e.id === u.id)!;
        if (u.status === 'pushed') expect(settled.status).toBe('verified');
        else expect(['verified', 'failed']).toContain(settled.status);
      }
    }
    // Nothing pushed twice: each accepted push is one journal row that says it was pushed, per sku, city and price.
    const final = journal();
    const pushed = tally(acceptedPushes(sim));
    const journalled = tally(final.filter((e) => ACCEPTED.includes(e.status)).map((e) => `${e.sku}|${e.city_id}|${e.new_price}`));
    expect(Object.fromEntries(pushed)).toEqual(Object.fromEntries(journalled));
    expect(final.filter((e) => e.status === 'planned')).toEqual([]);
    // Never below the floor: not in the journal, not on the storefront.
    for (const e of final) expect(e.new_price).toBeGreaterThanOrEqual(e.floor);
    for (const [masterSku, floor] of floors) {
      for (const city of ['750000000', '710000000']) {
        const price = ownPriceOnStorefront(sim, masterSku, city);
        if (price !== null) expect(price).toBeGreaterThanOrEqual(floor);
      }
    }
  }, 90_000);
});
