import { ProxyAgent, request, type Dispatcher } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { banFromResponse } from '../../../src-main/proxies/errors';
import { parseProxyList } from '../../../src-main/proxies/parse';
import { ProxyPool } from '../../../src-main/proxies/pool';
import { startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { startTinyproxies, type Tinyproxy } from '../../support/tinyproxy';
import { DEFAULT_PROXY_SETTINGS } from '../../../src-shared/domain/proxy';
import { ProxyDb } from './support/proxy-db';

const CITIES = ['750000000', '710000000'];
const PRODUCTS = Array.from({ length: 12 }, (_, i) => String(100000001 + i));

let sim: KaspiSim;
let proxies: Tinyproxy[];
let env: ProxyDb;

beforeAll(async () => {
  [sim, proxies] = await Promise.all([startKaspiSim({ scenario: 'small', seed: 1 }), startTinyproxies(3)]);
  env = new ProxyDb();
});

afterAll(async () => {
  env.destroy();
  await Promise.all([sim.close(), ...proxies.map((p) => p.stop())]);
});

/** The storefront offers call as a browser makes it (kaspi-api.md §4); a 403 means this IP is banned. */
async function fetchOffers(dispatcher: Dispatcher, productId: string, cityId: string, signal?: AbortSignal): Promise<{ offers: unknown[] }> {
  const response = await request(`${sim.urls.storefront}/yml/offer-view/offers/${productId}`, {
    method: 'POST',
    dispatcher,
    signal,
    headers: {
      'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'content-type': 'application/json; charset=UTF-8',
      accept: 'application/json, text/*',
      origin: 'https://kaspi.kz',
      referer: `https://kaspi.kz/shop/p/-${productId}/?c=${cityId}`,
    },
    body: JSON.stringify({ cityId, id: productId, merchantUID: [], limit: 50, page: 0, sortOption: 'PRICE' }),
  });
  const text = await response.body.text();
  const ban = banFromResponse(response.statusCode, response.headers);
  if (ban) throw ban;
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
  return JSON.parse(text) as { offers: unknown[] };
}

it('routes around an IP the Kaspi simulator banned, fetching every product with no request lost', async () => {
  // Another program hammered the simulator through the second proxy (exit 127.0.0.3): that IP is banned now.
  const hammer = new ProxyAgent(`http://127.0.0.1:${proxies[1]!.port}`);
  const statuses = await Promise.all(Array.from({ length: 20 }, () => fetchOffers(hammer, PRODUCTS[0]!, CITIES[0]!).then(() => 200, () => 403)));
  await hammer.close();
  expect(statuses).toContain(403);
  expect(sim.bans().offers.map((b) => b.key)).toEqual(['127.0.0.3']);

  env.store.importMany(parseProxyList(proxies.map((p) => `${p.host}:${p.port}`).join('\n')).ok);
  const pool = new ProxyPool({ store: env.store, settings: { allowDirect: false } });
  try {
    const jobs = PRODUCTS.flatMap((productId) => CITIES.map((cityId) => ({ productId, cityId })));
    const results = await Promise.all(jobs.map(({ productId, cityId }) => pool.run(1, (lane) => fetchOffers(lane.dispatcher, productId, cityId, lane.signal))));

    // Each answer is what the storefront shows for that product and city.
    expect(results.map((r) => r.offers.length)).toEqual(jobs.map(({ productId, cityId }) => sim.offers(productId, cityId).length));
    expect(results.some((r) => r.offers.length > 0)).toBe(true);
    const lanes = pool.snapshot();
    const banned = lanes.find((lane) => lane.address.endsWith(`:${proxies[1]!.port}`))!;
    expect(banned).toMatchObject({ status: 'cooling', stats: { successes: 0 } });
    // Only the requests of the lane's first burst (sent before the first 403 came back) met the ban;
    // round-robin alone would have sent 8 of the 24 there.
    expect(banned.stats.bans).toBeGreaterThanOrEqual(1);
    expect(banned.stats.bans).toBeLessThanOrEqual(DEFAULT_PROXY_SETTINGS.burst + 1);
    // The default budget (8 req/s per IP) keeps the healthy proxies under the simulator's limit.
    expect(lanes.filter((lane) => lane !== banned).map((lane) => lane.stats.bans)).toEqual([0, 0]);
    expect(sim.bans().offers.map((b) => b.key)).toEqual(['127.0.0.3']);
  } finally {
    await pool.close();
  }
});
