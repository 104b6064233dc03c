import { SCENARIO_CREDENTIALS, startKaspiSim } from '../sim/kaspi';
import { createCabinetClient, type CabinetClient } from '../../src-main/kaspi/cabinet';
import type { CabinetOffer } from '../../src-main/kaspi/types';
import { endpointsOf, httpSession } from '../integration/kaspi/support/sim';

/**
 * `sync_offers_10k_s`: reading every own offer of the simulator's `bench` scenario (10,000
 * products) through `/bff/offer-view/list` pages of 100, active and inactive, mapped to
 * CabinetOffer. Median of three runs; the DB write is measured by the products sync on top.
 */
const PAGE = 100;
const RUNS = 3;

async function listAll(client: CabinetClient, merchantUid: string): Promise<CabinetOffer[]> {
  const out: CabinetOffer[] = [];
  for (const active of [true, false]) {
    for (let page = 0; ; page++) {
      const res = await client.listOffers({ merchantUid, page, size: PAGE, active });
      out.push(...res.offers);
      if (res.offers.length + res.skipped < PAGE) break;
    }
  }
  return out;
}

export default async function bench(): Promise<Record<string, unknown>> {
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
