import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { ALMATY, browserHeaders } from './helpers';

// kaspi-api.md §4 "Errors and limits" and §10: offers are limited per client IP (the socket's
// remote address), 403 plus a ban of ~10 s above ~15 requests/s.
describe('per-IP offer limit', () => {
  let sim: KaspiSim;
  const agents = new Map<string, Agent>();
  const from = (ip: string): Agent => {
    let a = agents.get(ip);
    if (!a) {
      a = new Agent({ localAddress: ip });
      agents.set(ip, a);
    }
    return a;
  };
  const offers = async (ip: string): Promise<number> => {
    const res = await request(`${sim.urls.storefront}/yml/offer-view/offers/100000001`, { method: 'POST', headers: browserHeaders('100000001', ALMATY), body: JSON.stringify({ cityId: ALMATY }), dispatcher: from(ip) });
    await res.body.dump();
    return res.statusCode;
  };

  beforeAll(async () => {
    // Real seconds for the window, so the test controls the rate; the ban is shortened.
    sim = await startKaspiSim({ scenario: 'small', timeScale: 1 });
  });
  afterAll(async () => {
    await Promise.all([...agents.values()].map((a) => a.close()));
    await sim.close();
  });

  it('uses the default numbers from the doc', () => {
    expect(sim.limits().offers).toEqual({ maxPerWindow: 15, windowMs: 1000, banMs: 10_000 });
  });

  it('bans an IP that goes over the limit, answers 403 while banned, and not other loopback IPs', async () => {
    sim.setLimits({ offers: { banMs: 400 } });
    const burst: number[] = [];
    for (let i = 0; i < 20; i++) burst.push(await offers('127.0.0.2'));
    expect(burst.slice(0, 15).every((s) => s === 200)).toBe(true);
    expect(burst.slice(15).every((s) => s === 403)).toBe(true);
    expect(sim.bans().offers.map((b) => b.key)).toEqual(['127.0.0.2']);
    // Another IP (a proxy binding 127.0.0.3) is not affected.
    expect(await offers('127.0.0.3')).toBe(200);
    expect(await offers('127.0.0.2')).toBe(403);
    await new Promise((r) => setTimeout(r, 1100)); // ban and the 1 s window both over
    expect(await offers('127.0.0.2')).toBe(200);
  });

  it('lets a client stay under the limit indefinitely at ~10 requests/s', async () => {
    sim.clearBans();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      statuses.push(await offers('127.0.0.4'));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
