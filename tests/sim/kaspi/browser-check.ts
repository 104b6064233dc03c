import type { Ctx } from './http';

/**
 * The storefront's anti-bot check, kept to what kaspi-api.md §4 lists as getting through (INV's
 * live header set; MON gets by with User-Agent, Accept, Content-Type, Origin, Referer). Required:
 *  - a browser User-Agent: "Mozilla/5.0 …" naming Chrome, Firefox, Safari or Edge, and no
 *    script/headless marker (python, curl, node, undici, axios, Go-http, HeadlessChrome, bot…);
 *  - an Origin or a Referer, and each one sent must be kaspi.kz (or a subdomain) or this
 *    simulator's own storefront host (so clients that build it from their base URL pass);
 *  - for POST, `content-type: application/json`.
 * Not required: Accept, Accept-Language, sec-fetch-*, x-ks-city.
 * Returns what is wrong, or null when the request looks like a browser's.
 */
const BROWSER = /Mozilla\/5\.0 .*(Chrome|Firefox|Safari|Edg)\//;
const SCRIPT = /HeadlessChrome|python|curl|wget|node|undici|axios|go-http|okhttp|java\/|postman|insomnia|bot\b|spider|crawler/i;

export function browserProblem(ctx: Ctx): string | null {
  const ua = ctx.header('user-agent') ?? '';
  if (!BROWSER.test(ua) || SCRIPT.test(ua)) return 'user-agent';
  const origin = ctx.header('origin');
  const referer = ctx.header('referer');
  if (!origin && !referer) return 'origin/referer';
  const host = ctx.header('host') ?? '';
  for (const v of [origin, referer]) {
    if (v !== undefined && !kaspiLike(v, host)) return 'origin/referer';
  }
  if (ctx.method === 'POST' && !(ctx.header('content-type') ?? '').toLowerCase().includes('application/json')) return 'content-type';
  return null;
}

function kaspiLike(value: string, ownHost: string): boolean {
  try {
    const u = new URL(value);
    return u.hostname === 'kaspi.kz' || u.hostname.endsWith('.kaspi.kz') || u.host === ownHost;
  } catch {
    return false;
  }
}
