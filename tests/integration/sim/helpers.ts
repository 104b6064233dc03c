import type { KaspiSim } from '../../sim/kaspi';

export const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const ALMATY = '750000000';
export const ASTANA = '710000000';

/** The header set INV captured live for offer-view (kaspi-api.md §4), with Chrome's Accept-Encoding. */
export function browserHeaders(productId: string, cityId: string): Record<string, string> {
  return {
    accept: 'application/json, text/*',
    'accept-encoding': 'gzip, deflate, br',
    'content-type': 'application/json; charset=UTF-8',
    'user-agent': CHROME_UA,
    'accept-language': 'ru-RU,ru;q=0.9',
    referer: `https://kaspi.kz/shop/p/-${productId}/?c=${cityId}`,
    origin: 'https://kaspi.kz',
    'sec-fetch-dest': 'empty',
    'sec-fetch-mode': 'cors',
    'sec-fetch-site': 'same-origin',
  };
}

export function offersRequest(sim: { urls: { storefront: string } }, productId: string, body: Record<string, unknown>, headers: Record<string, string> = browserHeaders(productId, String(body['cityId'] ?? ALMATY))): Promise<Response> {
  return fetch(`${sim.urls.storefront}/yml/offer-view/offers/${productId}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/**
 * A cookie jar per host, as a browser keeps one: each simulator host has its own loopback
 * address, so mc's cookies never travel to idmc or the storefront. `cookies` is every cookie by
 * name, whatever host set it (for assertions).
 */
export class Jar {
  readonly byHost = new Map<string, Map<string, string>>();

  get cookies(): Map<string, string> {
    return new Map([...this.byHost.values()].flatMap((m) => [...m]));
  }

  take(res: Response, url: string): void {
    const host = new URL(url).hostname;
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    this.byHost.set(host, jar);
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, eq).trim();
      const value = (pair ?? '').slice(eq + 1).trim();
      if (/max-age=0/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
  }

  header(url: string): string {
    return [...(this.byHost.get(new URL(url).hostname) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.take(res, url);
    return res;
  }

  /** Follows 302s by hand, collecting Set-Cookie at every hop (§1c step 4); returns the hops. */
  async follow(url: string, max = 10): Promise<{ url: string; status: number }[]> {
    const hops: { url: string; status: number }[] = [];
    let next: string | null = url;
    while (next && hops.length < max) {
      const res = await this.fetch(next);
      hops.push({ url: next, status: res.status });
      await res.arrayBuffer();
      const location = res.headers.get('location');
      next = res.status >= 300 && res.status < 400 && location ? new URL(location, next).toString() : null;
    }
    return hops;
  }
}

export function postJson(jar: Jar, url: string, body: unknown): Promise<Response> {
  return jar.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export const MC_HEADERS = { 'x-auth-version': '3', accept: 'application/json, text/plain, */*', origin: 'https://kaspi.kz', referer: 'https://kaspi.kz/', 'user-agent': CHROME_UA };

/** Pure-HTTP email login (§1d) ending in a live cabinet session in the jar. */
export async function loginByPassword(sim: KaspiSim, email: string, password: string): Promise<Jar> {
  const jar = new Jar();
  await (await jar.fetch(`${sim.urls.idmc}/login`)).text();
  const r = await postJson(jar, `${sim.urls.idmc}/api/p/login`, { _u: email, _p: password, _r_d: false });
  let body = (await r.json()) as { redirectUrl?: string };
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(body)}`);
  if (!body.redirectUrl) {
    const code = sim.lastSmsCode(email);
    const r2 = await postJson(jar, `${sim.urls.idmc}/api/p/login`, { _u: email, _m_c: code, _r_d: true });
    body = (await r2.json()) as { redirectUrl?: string };
  }
  await jar.follow(new URL(body.redirectUrl ?? '/', sim.urls.idmc).toString());
  return jar;
}

export function mcGet(jar: Jar, url: string, headers: Record<string, string> = MC_HEADERS): Promise<Response> {
  return jar.fetch(url, { headers });
}

export function mcPost(jar: Jar, url: string, body: unknown, headers: Record<string, string> = MC_HEADERS): Promise<Response> {
  return jar.fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function waitFor<T>(what: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
