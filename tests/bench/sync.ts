import { SCENARIO_CREDENTIALS, startKaspiSim } from '../sim/kaspi';
import { createCabinetClient, type CabinetClient } from '../../src-main/kaspi/cabinet';
import { readOfferPages } from '../../src-main/kaspi/offer-pages';
import type { CabinetOffer } from '../../src-main/kaspi/types';
import { endpointsOf, httpSession } from '../integration/kaspi/support/sim';
import { call } from '../support/demper-on-sim';
import { benchApp } from '../integration/demper-wiring/support/bench-app';
import { startSimChild } from '../integration/demper-wiring/support/sim-child';

/**
 * `sync_offers_10k_s`: reading every own offer of the simulator's `bench` scenario (10,000
 * products) through `/bff/offer-view/list` pages of 100, active and inactive, mapped to
 * CabinetOffer. Median of three runs.
 *
 * `sync_10k_s`: the app's own `stores.sync` of that store into SQLite — every page read, mapped
 * and written (one transaction per page) — with login and store onboarding done first and not
 * timed; the simulator in a child process. `sync_10k_resync_s`: the same sync again over the
 * synced catalogue (updates instead of inserts).
 */
const PAGE = 100;
const RUNS = 3;

/** Every page as the app reads them (to `total`), without the pauses between pages: this measures the client. */
async function listAll(client: CabinetClient, merchantUid: string): Promise<CabinetOffer[]> {
  const out: CabinetOffer[] = [];
  for (const active of [true, false]) {
    await readOfferPages((page, size) => client.listOffers({ merchantUid, page, size, active }), (page) => void out.push(...page.offers), { pageSize: PAGE, pauseMs: [0, 0] });
  }
  return out;
}

async function appSync(): Promise<Record<string, unknown>> {
  const sim = await startSimChild({ scenario: 'bench', seed: 1, timeScale: 1 });
  let env: Awaited<ReturnType<typeof benchApp>> | undefined;
  try {
    env = await benchApp(sim.urls);
    const timed = async () => {
      const started = performance.now();
      await call(env!.app, 'stores.sync', { storeId: env!.storeId });
      return Number(((performance.now() - started) / 1000).toFixed(2));
    };
    const first = await timed();
    const again = await timed();
    const { n } = env.app.db.prepare('SELECT count(*) AS n FROM products WHERE store_id = ?').get(env.storeId) as { n: number };
    return { sync_10k_s: first, sync_10k_resync_s: again, sync_10k_products: n };
  } finally {
    await env?.close();
    await sim.close();
  }
}

export default async function bench(): Promise<Record<string, unknown>> {
  return { ...(await offersOnly()), ...(await appSync()) };
}

async function offersOnly(): Promise<Record<string, unknown>> {
  const sim = await startKaspiSim({ scenario: 'bench', seed: 1, timeScale: 0.001 });
  try {
    const creds = SCENARIO_CREDENTIALS.bench;
    const client = createCabinetClient({ endpoints: endpointsOf(sim), cookies: await httpSession(sim, creds.owner.email, creds.owner.password), timeoutMs: 30_000 });
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const offers = await listAll(client, creds.merchantUid);
      times.push((performance.now() - started) / 1000);
      count = offers.length;
    }
    times.sort((a, b) => a - b);
    return { sync_offers_10k_s: Number((times[Math.floor(RUNS / 2)] ?? 0).toFixed(2)), sync_offers_10k_count: count };
  } finally {
    await sim.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await bench()));
