import { ProxyAgent } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fetchOffers } from '../../../src-main/kaspi/storefront';
import { parseProxyList } from '../../../src-main/proxies/parse';
import { ProxyPool } from '../../../src-main/proxies/pool';
import { startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { startProxies, type TestProxy } from '../../support/proxy-servers';
import { ProxyDb } from './support/proxy-db';

const CITIES = ['750000000', '710000000'];
const PRODUCTS = Array.from({ length: 12 }, (_, i) => String(100000001 + i));

let sim: KaspiSim;
let proxies: TestProxy[];
let env: ProxyDb;

beforeAll(async () => {
  [sim, proxies] = await Promise.all([startKaspiSim({ scenario: 'small', seed: 1 }), startProxies(3)]);
  env = new ProxyDb();
});

afterAll(async () => {
  env.destroy();
  await Promise.all([sim.close(), ...proxies.map((p) => p.stop())]);
});

const endpoints = () => ({ idmcUrl: sim.urls.idmc, mcUrl: sim.urls.mc, storefrontUrl: sim.urls.storefront });

it('routes the storefront adapter around an IP the Kaspi simulator banned, with no request lost', async () => {
  // Another program hammered the simulator through the second proxy (exit 127.0.0.3): that IP is banned now.
  const hammer = new ProxyAgent(`http://127.0.0.1:${proxies[1]!.port}`);
  const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => fetchOffers({ endpoints: endpoints(), masterSku: PRODUCTS[0]!, cityId: CITIES[0]!, dispatcher: hammer })));
  await hammer.close();
  expect(outcomes.some((o) => o.status === 'rejected' && (o.reason as { kind?: string }).kind === 'ip-banned')).toBe(true);
  expect(sim.bans().offers.map((b) => b.key)).toEqual(['127.0.0.3']);

  env.store.importMany(parseProxyList(proxies.map((p) => `${p.host}:${p.port}`).join('\n')).ok);
  const pool = new ProxyPool({ store: env.store, settings: { allowDirect: false } });
  try {
    const jobs = PRODUCTS.flatMap((masterSku) => CITIES.map((cityId) => ({ masterSku, cityId })));
    // The adapter throws KaspiError('ip-banned') on a 403; the pool reads it as a ban of that lane.
    const results = await Promise.all(
      jobs.map((job) => pool.run(1, (lane) => fetchOffers({ endpoints: endpoints(), ...job, dispatcher: lane.dispatcher, signal: lane.signal }))),
    );

    // Each answer is what the storefront shows for that product and city.
    expect(results.map((offers) => offers.length)).toEqual(jobs.map(({ masterSku, cityId }) => sim.offers(masterSku, cityId).length));
    expect(results.some((offers) => offers.length > 0)).toBe(true);
    const lanes = pool.snapshot();
    const banned = lanes.find((lane) => lane.address.endsWith(`:${proxies[1]!.port}`))!;
    expect(banned).toMatchObject({ status: 'cooling', stats: { successes: 0 } });
    // Only requests sent before the first 403 came back met the ban (on an idle machine, the lane's
    // first burst; more when the machine is busy and the 403 is slow); round-robin alone would have
    // sent a third of them there, and every one was retried elsewhere.
    expect(banned.stats.bans).toBeGreaterThanOrEqual(1);
    expect(banned.stats.bans).toBeLessThan(jobs.length / lanes.length);
    // The default budget (8 req/s per IP) keeps the healthy proxies under the simulator's limit.
    expect(lanes.filter((lane) => lane !== banned).map((lane) => lane.stats.bans)).toEqual([0, 0]);
    expect(sim.bans().offers.map((b) => b.key)).toEqual(['127.0.0.3']);
  } finally {
    await pool.close();
  }
});
