import type { Ctx } from './http';

/**
 * The storefront's anti-bot edge. kaspi-api.md §4 names the header set that gets through (INV,
 * captured live from Chrome on the product page); datacenter scripts without it get a persistent
 * 403 (offer-view) or 429 (review-view, §8). This check asks for that whole set, as Chrome sends
 * it from `https://kaspi.kz/shop/p/-{id}/?c={cityId}`:
 *  - a browser User-Agent ("Mozilla/5.0 …" naming Chrome, Firefox, Safari or Edge) with no
 *    script or headless marker (python, curl, node, undici, axios, Go-http, HeadlessChrome, bot…);
 *  - Accept, Accept-Language, and an Accept-Encoding offering gzip or br (every browser does);
 *  - `sec-fetch-site: same-origin`, `sec-fetch-mode: cors`, `sec-fetch-dest: empty`;
 *  - a Referer on kaspi.kz, and an Origin of exactly https://kaspi.kz (Chrome sends Origin on a
 *    POST; a same-origin GET may leave it out);
 *  - for POST, `content-type: application/json`.
 * Returns what is wrong, or null when the request looks like a browser's.
 */
const BROWSER = /Mozilla\/5\.0 .*(Chrome|Firefox|Safari|Edg)\//;
const SCRIPT = /HeadlessChrome|python|curl|wget|node|undici|axios|go-http|okhttp|java\/|postman|insomnia|bot\b|spider|crawler/i;
const KASPI_ORIGIN = 'https://kaspi.kz';

export type BrowserProblem = 'user-agent' | 'accept' | 'accept-language' | 'accept-encoding' | 'sec-fetch' | 'origin' | 'referer' | 'content-type';

export function browserProblem(ctx: Ctx): BrowserProblem | null {
  const ua = ctx.header('user-agent') ?? '';
  if (!BROWSER.test(ua) || SCRIPT.test(ua)) return 'user-agent';
  if (!ctx.header('accept')) return 'accept';
  if (!ctx.header('accept-language')) return 'accept-language';
  if (!/\b(gzip|br)\b/i.test(ctx.header('accept-encoding') ?? '')) return 'accept-encoding';
  if (ctx.header('sec-fetch-site') !== 'same-origin' || ctx.header('sec-fetch-mode') !== 'cors' || ctx.header('sec-fetch-dest') !== 'empty') return 'sec-fetch';
  const origin = ctx.header('origin');
  if (origin !== undefined ? origin !== KASPI_ORIGIN : ctx.method === 'POST') return 'origin';
  if (kaspiPage(ctx.header('referer')) === null) return 'referer';
  if (ctx.method === 'POST' && !(ctx.header('content-type') ?? '').toLowerCase().includes('application/json')) return 'content-type';
  return null;
}

/** The Referer as a kaspi.kz URL, or null when it is missing or another site. */
export function kaspiPage(referer: string | undefined): URL | null {
  if (!referer) return null;
  try {
    const u = new URL(referer);
    return u.protocol === 'https:' && (u.hostname === 'kaspi.kz' || u.hostname.endsWith('.kaspi.kz')) ? u : null;
  } catch {
    return null;
  }
}

/**
 * §4, §8 and §0: the call comes from the product's page in the city asked for (the offers body's
 * `cityId`): the Referer names it (`?c=`), and CDF's `x-ks-city` and the storefront's city cookie,
 * when sent, must agree. Returns what is wrong, or null.
 */
export function cityProblem(ctx: Ctx, productId: string, cityId: string): string | null {
  const page = kaspiPage(ctx.header('referer'));
  if (!page || !/^\/shop\/p\//.test(page.pathname)) return 'Referer is not a product page (https://kaspi.kz/shop/p/-{id}/?c={cityId})';
  if (!page.pathname.replace(/\/$/, '').endsWith(`-${productId}`)) return `Referer is the page of another product (${page.pathname})`;
  if (page.searchParams.get('c') !== cityId) return `Referer city c=${page.searchParams.get('c') ?? '(none)'} is not the city asked for (${cityId})`;
  const header = ctx.header('x-ks-city');
  if (header !== undefined && header !== cityId) return `x-ks-city ${header} is not the city asked for (${cityId})`;
  const cookie = ctx.cookies()['kaspi.storefront.cookie.city'];
  if (cookie !== undefined && cookie !== cityId) return `city cookie ${cookie} is not the city asked for (${cityId})`;
  return null;
}
