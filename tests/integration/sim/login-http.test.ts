import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OAUTH_CLIENT_ID, SCENARIO_CREDENTIALS, startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { Jar, MC_HEADERS, loginByPassword, mcGet, postJson } from './helpers';

const small = SCENARIO_CREDENTIALS.small;

// kaspi-api.md §1c, §1d, §1e, §2: the pure-HTTP login and the OAuth chain.
describe('idmc login API and the OAuth chain', () => {
  let sim: KaspiSim;
  beforeEach(async () => {
    sim = await startKaspiSim({ scenario: 'small', timeScale: 0.001 });
  });
  afterEach(() => sim.close());

  it('sets MS_AUTH_SSO on the login page', async () => {
    const jar = new Jar();
    const res = await jar.fetch(`${sim.urls.idmc}/login`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(jar.cookies.get('MS_AUTH_SSO')).toMatch(/.{16,}/);
    expect(res.headers.getSetCookie()[0]).toMatch(/HttpOnly/);
    expect(res.headers.getSetCookie()[0]).toMatch(/SameSite=Lax/);
  });

  it('answers /s/m with 401 and a fresh mc-session without a session', async () => {
    const jar = new Jar();
    const res = await mcGet(jar, `${sim.urls.mc}/s/m`);
    expect(res.status).toBe(401);
    expect(jar.cookies.get('mc-session')).toBeTruthy();
    expect(jar.cookies.has('mc-sid')).toBe(false);
  });

  it('logs in with email and password and walks the chain to /mc/, setting mc-session and mc-sid on the code hop', async () => {
    const jar = new Jar();
    await jar.fetch(`${sim.urls.idmc}/login`);
    const first = jar.cookies.get('MS_AUTH_SSO');
    const res = await postJson(jar, `${sim.urls.idmc}/api/p/login`, { _u: small.owner.email, _p: small.owner.password, _r_d: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ redirectUrl: '/' });
    expect(jar.cookies.get('MS_AUTH_SSO')).not.toBe(first);

    // Start of the chain as INV walks it (§1c step 4).
    const hops: { url: string; status: number; setCookies: string[] }[] = [];
    let next: string | null = `${sim.urls.mc}/oauth2/authorization/1?redirectUrl=${encodeURIComponent(`${sim.urls.storefront}/mc/`)}`;
    while (next) {
      const r = await jar.fetch(next);
      hops.push({ url: next, status: r.status, setCookies: r.headers.getSetCookie().map((c) => c.split('=')[0] ?? '') });
      await r.text();
      next = r.status === 302 ? new URL(r.headers.get('location') ?? '', next).toString() : null;
    }
    expect(hops.map((h) => h.status)).toEqual([302, 302, 302, 200]);
    expect(hops[0]?.setCookies).toContain('mc_arr');
    const authorize = new URL(hops[1]?.url ?? '');
    expect(authorize.pathname).toBe('/oauth2/authorize');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ response_type: 'code', client_id: OAUTH_CLIENT_ID, scope: 'openid', code_challenge_method: 'S256', redirect_uri: `${sim.urls.mc}/login/oauth2/code/1` });
    expect(new URL(hops[2]?.url ?? '').pathname).toBe('/login/oauth2/code/1');
    expect(hops[2]?.setCookies).toEqual(expect.arrayContaining(['mc-session', 'mc-sid']));
    expect(hops[3]?.url).toBe(`${sim.urls.storefront}/mc/`);

    const merchants = await mcGet(jar, `${sim.urls.mc}/s/m`);
    expect(merchants.status).toBe(200);
    expect(await merchants.json()).toEqual({ merchants: [{ uid: '30000001' }] });
  });

  it('also reaches the cabinet by following redirectUrl from idmc (§1d step 4)', async () => {
    const jar = await loginByPassword(sim, small.owner.email, small.owner.password);
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`)).status).toBe(200);
  });

  it('rejects a wrong password with 401 and no session', async () => {
    const jar = new Jar();
    await jar.fetch(`${sim.urls.idmc}/login`);
    const res = await postJson(jar, `${sim.urls.idmc}/api/p/login`, { _u: small.owner.email, _p: 'nope', _r_d: false });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ errorCode: 'INVALID_CREDENTIALS' });
    const hops = await jar.follow(`${sim.urls.mc}/oauth2/authorization/1`);
    expect(new URL(hops[hops.length - 1]?.url ?? '').pathname).toBe('/login');
    expect(jar.cookies.has('mc-sid')).toBe(false);
  });

  it('asks for a code after the password when the account has MFA (200 without redirectUrl)', async () => {
    const jar = new Jar();
    await jar.fetch(`${sim.urls.idmc}/login`);
    const res = await postJson(jar, `${sim.urls.idmc}/api/p/login`, { _u: small.mfa.email, _p: small.mfa.password, _r_d: false });
    expect(res.status).toBe(200);
    expect(await res.json()).not.toHaveProperty('redirectUrl');
    const code = sim.lastSmsCode(small.mfa.email);
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await postJson(jar, `${sim.urls.idmc}/api/p/login`, { _u: small.mfa.email, _m_c: '000000', _r_d: true });
    expect(wrong.status).toBe(401);
    const ok = await postJson(jar, `${sim.urls.idmc}/api/p/login`, { _u: small.mfa.email, _m_c: code, _r_d: true });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ redirectUrl: '/' });
    await jar.follow(`${sim.urls.idmc}/`);
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`)).status).toBe(200);
  });

  it('logs in by phone and SMS code with the exact mask (§1c)', async () => {
    const jar = new Jar();
    await jar.fetch(`${sim.urls.idmc}/login`);
    const bad = await postJson(jar, `${sim.urls.idmc}/api/p/login`, { _ph: '87010000001' });
    expect(bad.status).toBe(400);
    const first = jar.cookies.get('MS_AUTH_SSO');
    const res = await postJson(jar, `${sim.urls.idmc}/api/p/login`, { _ph: small.phone.phone });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ phone: small.phone.phone });
    expect(jar.cookies.get('MS_AUTH_SSO')).not.toBe(first);
    const code = sim.lastSmsCode(small.phone.phone);
    const done = await postJson(jar, `${sim.urls.idmc}/api/p/login`, { _c: code });
    expect(await done.json()).toEqual({ redirectUrl: '/' });
    await jar.follow(`${sim.urls.mc}/oauth2/authorization/1?redirectUrl=${encodeURIComponent(`${sim.urls.storefront}/mc/`)}`);
    expect(await (await mcGet(jar, `${sim.urls.mc}/s/m`)).json()).toEqual({ merchants: [{ uid: '30000001' }] });
  });

  it('answers MFA_SEND_FLOOD with breakTimeSeconds to an overlapping login of the same account', async () => {
    sim.setLimits({ login: { floodMs: 60_000_000 } });
    const a = new Jar();
    const b = new Jar();
    await a.fetch(`${sim.urls.idmc}/login`);
    await b.fetch(`${sim.urls.idmc}/login`);
    expect((await postJson(a, `${sim.urls.idmc}/api/p/login`, { _ph: small.phone.phone })).status).toBe(200);
    const flood = await postJson(b, `${sim.urls.idmc}/api/p/login`, { _ph: small.phone.phone });
    expect(flood.status).toBe(401);
    const body = (await flood.json()) as { errorCode: string; errorData: { breakTimeSeconds: number } };
    expect(body.errorCode).toBe('MFA_SEND_FLOOD');
    expect(body.errorData.breakTimeSeconds).toBeGreaterThan(0);
    // The first login can still finish, and then the account is free again.
    expect((await postJson(a, `${sim.urls.idmc}/api/p/login`, { _c: sim.lastSmsCode(small.phone.phone) })).status).toBe(200);
    expect((await postJson(b, `${sim.urls.idmc}/api/p/login`, { _ph: small.phone.phone })).status).toBe(200);
  });

  it('lets the flood window pass with the time scale', async () => {
    const a = new Jar();
    await a.fetch(`${sim.urls.idmc}/login`);
    await postJson(a, `${sim.urls.idmc}/api/p/login`, { _ph: small.phone.phone });
    await new Promise((r) => setTimeout(r, 80)); // 60 s × 0.001
    expect((await postJson(a, `${sim.urls.idmc}/api/p/login`, { _ph: small.phone.phone })).status).toBe(200);
  });

  it('redeems an authorization code once only and checks state against mc_arr', async () => {
    const jar = await loginByPassword(sim, small.owner.email, small.owner.password);
    const start = await jar.fetch(`${sim.urls.mc}/oauth2/authorization/1`);
    const authorize = await jar.fetch(start.headers.get('location') ?? '');
    const callback = authorize.headers.get('location') ?? '';
    expect((await jar.fetch(callback)).status).toBe(302);
    expect((await jar.fetch(callback)).status).toBe(401);
  });

  it('ends a cabinet session after sessionTtlMs when one is set', async () => {
    sim.setLimits({ sessionTtlMs: 3_600_000 }); // HAS's hour: 3.6 s at this time scale
    const jar = await loginByPassword(sim, small.owner.email, small.owner.password);
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`)).status).toBe(200);
    sim.setLimits({ sessionTtlMs: 100_000 }); // 100 ms
    await new Promise((r) => setTimeout(r, 150));
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`)).status).toBe(401);
  });

  it('requires x-auth-version: 3 on cabinet calls', async () => {
    const jar = await loginByPassword(sim, small.owner.email, small.owner.password);
    const { 'x-auth-version': _drop, ...rest } = MC_HEADERS;
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`, rest)).status).toBe(401);
    expect((await mcGet(jar, `${sim.urls.mc}/s/m`)).status).toBe(200);
  });

  it('answers cabinet calls from another origin, or without the kaspi.kz Origin and Referer, with 403 "Invalid CORS request"', async () => {
    const jar = await loginByPassword(sim, small.owner.email, small.owner.password);
    const { origin: _o, ...noOrigin } = MC_HEADERS;
    const { referer: _r, ...noReferer } = MC_HEADERS;
    for (const headers of [noOrigin, noReferer, { ...MC_HEADERS, origin: 'https://evil.example' }, { ...MC_HEADERS, referer: 'https://evil.example/' }]) {
      for (const path of ['/s/m', '/bff/offer-view/list?m=30000001&p=0&l=10&a=true']) {
        const res = await mcGet(jar, `${sim.urls.mc}${path}`, headers);
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(await res.text()).toBe('Invalid CORS request');
      }
    }
    const push = await jar.fetch(`${sim.urls.mc}/pricefeed/upload/merchant/process`, { method: 'POST', headers: { ...noOrigin, 'content-type': 'application/json' }, body: '{}' });
    expect(push.status).toBe(403);
    expect(sim.pushes()).toEqual([]);
  });

  it('rejects malformed login bodies with 400', async () => {
    const jar = new Jar();
    await jar.fetch(`${sim.urls.idmc}/login`);
    expect((await postJson(jar, `${sim.urls.idmc}/api/p/login`, { hello: 1 })).status).toBe(400);
    expect((await jar.fetch(`${sim.urls.idmc}/api/p/login`, { method: 'POST', body: 'not json' })).status).toBe(400);
  });
});
