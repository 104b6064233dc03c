import { afterAll, beforeAll } from 'vitest';
import { request } from 'undici';
import { startKaspiSim, type KaspiSim, type KaspiSimOptions } from '../../../sim/kaspi';
import type { KaspiEndpoints } from '../../../../src-main/kaspi/endpoints';
import type { SessionCookie } from '../../../../src-main/kaspi/login/login';

/** One simulator per test file, fast clock; `sim()` reads it inside tests. */
export function useKaspiSim(opts: KaspiSimOptions = {}): () => KaspiSim {
  let sim: KaspiSim | undefined;
  beforeAll(async () => {
    sim = await startKaspiSim({ seed: 7, timeScale: 0.001, ...opts });
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error('simulator not started');
    return sim;
  };
}

export function endpointsOf(sim: KaspiSim): KaspiEndpoints {
  return { idmcUrl: sim.urls.idmc, mcUrl: sim.urls.mc, storefrontUrl: sim.urls.storefront };
}

/**
 * A cabinet session without a browser, walking the chain of kaspi-api.md §1c/§1d by hand. Test
 * setup only: the product logs in through Playwright (login.test.ts proves that path).
 */
export async function httpSession(sim: KaspiSim, email: string, password: string): Promise<SessionCookie[]> {
  // One jar per host, as a browser keeps them: mc's cookies never go to idmc and back.
  const jars = new Map<string, Map<string, string>>();
  const jarOf = (url: string): Map<string, string> => {
    const host = new URL(url).hostname;
    const jar = jars.get(host) ?? new Map<string, string>();
    jars.set(host, jar);
    return jar;
  };
  const hop = async (url: string, init: { method?: 'GET' | 'POST'; body?: string } = {}): Promise<{ status: number; location?: string }> => {
    const jar = jarOf(url);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await request(url, { method: init.method ?? 'GET', body: init.body, headers: { cookie, 'content-type': 'application/json' } });
    await res.body.text();
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(';');
      const eq = (pair ?? '').indexOf('=');
      jar.set((pair ?? '').slice(0, eq), decodeURIComponent((pair ?? '').slice(eq + 1)));
    }
    const loc = res.headers.location;
    return { status: res.statusCode, location: typeof loc === 'string' ? new URL(loc, url).toString() : undefined };
  };
  await hop(`${sim.urls.idmc}/login`);
  const r = await hop(`${sim.urls.idmc}/api/p/login`, { method: 'POST', body: JSON.stringify({ _u: email, _p: password, _r_d: false }) });
  if (r.status !== 200) throw new Error(`login failed: ${r.status}`);
  const mc = jarOf(sim.urls.mc);
  let next: string | undefined = `${sim.urls.mc}/oauth2/authorization/1?redirectUrl=${encodeURIComponent(`${sim.urls.storefront}/mc/`)}`;
  for (let i = 0; next && i < 6 && !mc.has('mc-sid'); i++) next = (await hop(next)).location;
  if (!mc.has('mc-sid')) throw new Error('no mc-sid after the chain');
  return ['mc-session', 'mc-sid'].map((name) => ({ name, value: mc.get(name) ?? '', domain: new URL(sim.urls.mc).hostname, path: '/', expires: -1 }));
}

/** Resolves when `check` holds, polling; the simulator's clock is scaled, so this is short. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
