import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_CREDENTIALS, startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { ALMATY, loginByPassword, mcGet, offersRequest, type Jar } from './helpers';

const small = SCENARIO_CREDENTIALS.small;

// Issue 3 §7: faults on demand, per host or path.
describe('faults', () => {
  let sim: KaspiSim;
  let jar: Jar;
  beforeAll(async () => {
    sim = await startKaspiSim({ scenario: 'small', timeScale: 1000 });
    sim.setLimits({ offers: { maxPerWindow: 10_000 } });
    jar = await loginByPassword(sim, small.owner.email, small.owner.password);
  });
  afterAll(() => sim.close());

  it('answers 5xx HTML on the chosen host and path only, for `times` requests', async () => {
    sim.addFault({ host: 'storefront', path: '/yml/offer-view/', kind: 'error', status: 502, times: 2 });
    const a = await offersRequest(sim, '100000001', { cityId: ALMATY });
    expect(a.status).toBe(502);
    expect(a.headers.get('content-type')).toMatch(/text\/html/);
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`)).status).toBe(200);
    expect((await offersRequest(sim, '100000001', { cityId: ALMATY })).status).toBe(502);
    expect((await offersRequest(sim, '100000001', { cityId: ALMATY })).status).toBe(200);
    expect(sim.faults()).toEqual([]);
  });

  it('fails about `rate` of the requests', async () => {
    const f = sim.addFault({ host: 'storefront', kind: 'error', rate: 0.5 });
    let failed = 0;
    for (let i = 0; i < 200; i++) if ((await offersRequest(sim, '100000001', { cityId: ALMATY })).status === 503) failed++;
    sim.removeFault(f.id);
    expect(failed).toBeGreaterThan(60);
    expect(failed).toBeLessThan(140);
  });

  it('adds latency in real milliseconds', async () => {
    const f = sim.addFault({ host: 'mc', path: '/s/m', kind: 'latency', latencyMs: 150 });
    const started = Date.now();
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    sim.removeFault(f.id);
  });

  it('answers HTML instead of JSON with a 200', async () => {
    const f = sim.addFault({ host: 'mc', path: '/bff/', kind: 'html' });
    const res = await mcGet(jar, `${sim.urls.mc}/bff/offer-view/list?m=30000001&p=0&l=10&a=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    await expect(res.clone().json()).rejects.toThrow();
    sim.removeFault(f.id);
  });

  it('hangs until the client gives up', async () => {
    const f = sim.addFault({ host: 'storefront', path: '/yml/offer-view/offers/100000002', kind: 'hang' });
    const started = Date.now();
    const req = fetch(`${sim.urls.storefront}/yml/offer-view/offers/100000002`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(200) });
    await expect(req).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    sim.removeFault(f.id);
    expect((await offersRequest(sim, '100000002', { cityId: ALMATY })).status).toBe(200);
  });

  it('matches a /regex/ path', async () => {
    const f = sim.addFault({ path: '/^\\/s\\/m$/', kind: 'error', status: 500 });
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`)).status).toBe(500);
    expect((await mcGet(jar, `${sim.urls.mc}/bff/offer-view/list?m=30000001&p=0&l=1&a=true`)).status).toBe(200);
    sim.removeFault(f.id);
  });
});
