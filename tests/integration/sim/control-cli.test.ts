import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALMATY, Jar, offersRequest, postJson } from './helpers';

const CLI = join(import.meta.dirname, '..', '..', 'sim', 'kaspi', 'cli.ts');

// Issue 3 §1 and §8: `npm run sim` prints one JSON line of base URLs; the control API drives it.
describe('simulator CLI and control API', () => {
  let child: ChildProcess;
  let urls: { idmc: string; mc: string; storefront: string; control: string };
  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', CLI, '--seed', '9', '--scenario', 'small', '--time-scale', '1000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    urls = JSON.parse(line) as typeof urls;
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const control = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${urls.control}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };

  it('prints the four base URLs, each Kaspi host on its own loopback address (cookies stay per host)', () => {
    expect(Object.keys(urls).sort()).toEqual(['control', 'idmc', 'mc', 'storefront']);
    for (const u of Object.values(urls)) expect(u).toMatch(/^http:\/\/127\.0\.0\.[1-3]:\d+$/);
    expect(new Set([urls.idmc, urls.mc, urls.storefront].map((u) => new URL(u).hostname)).size).toBe(3);
    expect(new Set(Object.values(urls)).size).toBe(4);
  });

  it('describes the scenario with credentials', async () => {
    const { body } = await control('GET', '/scenario');
    expect(body).toMatchObject({ name: 'small', seed: 9, timeScale: 1000, accounts: expect.arrayContaining([expect.objectContaining({ email: 'owner@small.test', password: 'small-pass-1' })]) });
  });

  it('moves a competitor price that the storefront then shows', async () => {
    expect((await control('POST', '/market/price', { productId: '100000001', merchantUid: '31000001', price: 350_000 })).status).toBe(200);
    const offers = (await control('GET', `/market/offers?productId=100000001&cityId=${ALMATY}`)).body as { merchantId: string; price: number }[];
    expect(offers[0]).toMatchObject({ merchantId: '31000001', price: 350_000 });
    const sf = (await (await offersRequest({ urls }, '100000001', { cityId: ALMATY })).json()) as { offers: { price: number }[] };
    expect(sf.offers[0]?.price).toBe(350_000);
    expect((await control('POST', '/market/price', { productId: '100000001', merchantUid: '31000001', price: 1.5 })).status).toBe(400);
  });

  it('reads the SMS code of a login', async () => {
    expect((await control('GET', '/sms?login=owner@small.test')).status).toBe(404);
    const jar = new Jar();
    await jar.fetch(`${urls.idmc}/login`);
    await postJson(jar, `${urls.idmc}/api/p/login`, { _u: 'mfa@small.test', _p: 'small-pass-2', _r_d: false });
    const sms = (await control('GET', '/sms?login=mfa@small.test')).body as { code: string; kind: string };
    expect(sms.code).toMatch(/^\d{6}$/);
    expect(sms.kind).toBe('mfa');
  });

  it('patches limits, injects and clears faults, expires sessions, lists pushes and orders', async () => {
    const limits = (await control('POST', '/limits', { offers: { maxPerWindow: 500 } })).body as { offers: { maxPerWindow: number; banMs: number } };
    expect(limits.offers).toEqual({ maxPerWindow: 500, windowMs: 1000, banMs: 10_000 });
    expect((await control('POST', '/limits', { offers: { maxPerWindow: -1 } })).status).toBe(400);
    const fault = (await control('POST', '/faults', { host: 'storefront', kind: 'error', status: 500 })).body as { id: string };
    expect((await offersRequest({ urls }, '100000001', { cityId: ALMATY })).status).toBe(500);
    expect((await control('DELETE', `/faults/${fault.id}`)).body).toEqual({ removed: true });
    expect((await control('POST', '/faults', { kind: 'explode' })).status).toBe(400);
    expect((await control('DELETE', '/faults')).status).toBe(200);
    expect((await control('POST', '/sessions/expire', {})).body).toEqual({ expired: 0 });
    expect((await control('GET', '/pushes')).body).toEqual([]);
    const order = (await control('POST', '/orders', { merchantUid: '30000001' })).body as { code: string };
    const orders = (await control('GET', '/orders?merchantUid=30000001')).body as { code: string }[];
    expect(orders.map((o) => o.code)).toContain(order.code);
    expect((await control('GET', '/bans')).body).toEqual({ offers: [], pushes: [] });
  });

  it('loads another scenario and resets', async () => {
    const demo = (await control('POST', '/scenario', { name: 'demo', seed: 2 })).body as { name: string; productCount: number };
    expect(demo).toMatchObject({ name: 'demo', productCount: 200 });
    expect((await control('POST', '/scenario', { name: 'nope' })).status).toBe(400);
    const reset = (await control('POST', '/reset')).body as { name: string; seed: number };
    expect(reset).toMatchObject({ name: 'demo', seed: 2 });
    expect(((await control('GET', '/limits')).body as { offers: { maxPerWindow: number } }).offers.maxPerWindow).toBe(15);
    expect((await control('GET', '/no/such/route')).status).toBe(404);
  });

  it('stops on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
