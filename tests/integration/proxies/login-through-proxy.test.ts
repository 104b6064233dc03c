import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCabinetClient } from '../../../src-main/kaspi/cabinet';
import { login } from '../../../src-main/kaspi/login/login';
import { parseProxyList } from '../../../src-main/proxies/parse';
import { ProxyPool } from '../../../src-main/proxies/pool';
import { SCENARIO_CREDENTIALS, startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { ProxyDb } from './support/proxy-db';
import { startSocks5Server, type Socks5Server } from './support/socks5-server';
import { CHROMIUM_PATH } from '../../support/browser';

/**
 * The login through a proxy. Not through tinyproxy here: the simulator speaks plain HTTP, and
 * Debian's tinyproxy 1.11.1 forwards only the first Set-Cookie of a plain-HTTP answer
 * (tinyproxy issue #403), which loses the cabinet session cookies. Real Kaspi is HTTPS, which
 * Chromium tunnels with CONNECT and no proxy rewrites. A SOCKS5 proxy tunnels everything.
 */
const creds = SCENARIO_CREDENTIALS.small;

let sim: KaspiSim;
let proxy: Socks5Server;
let env: ProxyDb;

beforeAll(async () => {
  [sim, proxy] = await Promise.all([startKaspiSim({ scenario: 'small', seed: 1 }), startSocks5Server({ bindAddress: '127.0.0.13' })]);
  env = new ProxyDb();
});

afterAll(async () => {
  env.destroy();
  await Promise.all([sim.close(), proxy.close()]);
});

it('runs the Kaspi cabinet login in Chromium through the store’s proxy, and the session works on that lane', async () => {
  env.store.importMany(parseProxyList(`socks5://127.0.0.1:${proxy.port}`).ok, { storeId: 1 });
  const pool = new ProxyPool({ store: env.store, settings: { allowDirect: false } });
  const endpoints = { idmcUrl: sim.urls.idmc, mcUrl: sim.urls.mc, storefrontUrl: sim.urls.storefront };
  try {
    const { cookies } = await pool.run(
      1,
      (lane) =>
        login({
          endpoints,
          method: 'email',
          login: creds.owner.email,
          password: creds.owner.password,
          askCode: () => Promise.reject(new Error('no code expected')),
          browser: { executablePath: CHROMIUM_PATH, headless: true },
          proxy: lane.playwrightProxy,
          failureDir: env.dir,
          timeoutMs: 20_000,
          signal: lane.signal,
        }),
      { budget: 'none', sticky: true, timeoutMs: 60_000 },
    );

    // The login page and the OAuth redirects to the cabinet went through the proxy.
    expect(proxy.connections).toEqual(expect.arrayContaining([new URL(sim.urls.idmc).host, new URL(sim.urls.mc).host]));
    expect(pool.snapshot()[0]!.stats).toMatchObject({ requests: 1, successes: 1 });

    // The store's cabinet calls then stay on the same lane.
    proxy.connections.length = 0;
    const cabinet = createCabinetClient({ endpoints, cookies, dispatcher: pool.stickyDispatcher(1) });
    expect(await cabinet.merchants()).toEqual([creds.merchantUid]);
    expect(proxy.connections).toEqual([new URL(sim.urls.mc).host]);
  } finally {
    await pool.close();
  }
});
