import { browserProblem, cityProblem } from './browser-check';
import { Router, html, json, type Ctx } from './http';
import { shopApiRoutes } from './shop-api';
import type { SimState } from './sim-state';
import { EMPTY_OFFERS, offersResponse } from './storefront-offers';

/** 403 page of the storefront's edge (WAF): HTML, not JSON, as tools expect from a block (§4). */
const BLOCKED = '<!doctype html><html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1><p>Request blocked.</p></body></html>';

/** Response cache per product/city/page/limit; dropped when the product changes. */
interface Cached {
  version: number;
  day: number;
  body: string;
}

export function storefrontRouter(sim: SimState): Router {
  const r = new Router();
  let cache = new Map<string, Cached>();
  let cacheWorld = sim.world;

  // §4: competitor offers for one product in one city.
  r.on('POST', /^\/yml\/offer-view\/offers\/([^/]+)$/, async (ctx) => {
    const now = sim.clock.now();
    const lim = sim.limits.offers;
    // §4 "Errors and limits", §10: per IP, ~15 req/s → 403 and a ban of ~10 s.
    if (sim.offerBans.remaining(ctx.ip, now) > 0) return html(ctx.res, 403, BLOCKED);
    if (sim.offerHits.hit(ctx.ip, now, lim.maxPerWindow, sim.clock.scaled(lim.windowMs))) {
      sim.offerBans.block(ctx.ip, now + sim.clock.scaled(lim.banMs));
      return html(ctx.res, 403, BLOCKED);
    }
    if (browserProblem(ctx)) return html(ctx.res, 403, BLOCKED);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await ctx.body()) as Record<string, unknown>;
    } catch {
      return json(ctx.res, 400, { message: 'Bad request' });
    }
    const cityId = String(body['cityId'] ?? '');
    if (!/^\d{9}$/.test(cityId)) return json(ctx.res, 400, { message: 'cityId is required' });
    const id = decodeURIComponent(ctx.params[0] ?? '');
    const city = cityProblem(ctx, id, cityId);
    if (city) return json(ctx.res, 400, { message: city });
    // §0: a combined `{masterSku}_{merchantSku}` id answers 200 with no offers.
    if (!/^\d+$/.test(id) || !sim.world.products.has(id)) return json(ctx.res, 200, EMPTY_OFFERS);
    const page = Math.max(0, Number(body['page'] ?? 0) || 0);
    const limit = Math.min(100, Math.max(1, Number(body['limit'] ?? 50) || 50));
    if (cacheWorld !== sim.world) {
      cache = new Map();
      cacheWorld = sim.world;
    }
    const key = `${id}|${cityId}|${page}|${limit}`;
    const version = sim.world.version(id);
    const day = Math.floor(now / 86_400_000);
    let hit = cache.get(key);
    if (!hit || hit.version !== version || hit.day !== day) {
      hit = { version, day, body: JSON.stringify(offersResponse(sim.world, id, cityId, page, limit)) };
      cache.set(key, hit);
    }
    json(ctx.res, 200, hit.body);
  });

  // §8: reviews. Without browser headers review-view answered 429 (INV, persistent).
  r.on('GET', /^\/yml\/review-view\/api\/v1\/reviews\/product\/([^/]+)$/, (ctx) => {
    if (browserProblem(ctx)) return json(ctx.res, 429, { message: 'Too Many Requests' });
    const id = decodeURIComponent(ctx.params[0] ?? '');
    // §8: the Referer is the product page of a city; a city header or cookie, if sent, agrees with it.
    const page = new URL(ctx.header('referer') ?? 'https://kaspi.kz/');
    const city = cityProblem(ctx, id, page.searchParams.get('c') ?? '');
    if (city) return json(ctx.res, 400, { message: city });
    json(ctx.res, 200, sim.reviews.response(id, ctx.query));
  });

  // §8 companion endpoints (U-REV) [uncertain]: the summary and the group summary alone.
  r.on('GET', /^\/yml\/creview\/rest\/misc\/product\/([^/]+)\/summary$/, (ctx) => json(ctx.res, 200, { data: sim.reviews.summary(decodeURIComponent(ctx.params[0] ?? '')) }));
  r.on('GET', /^\/yml\/creview\/rest\/misc\/product\/([^/]+)\/groupsummary$/, (ctx) => json(ctx.res, 200, { data: sim.reviews.groupSummary(decodeURIComponent(ctx.params[0] ?? '')) }));

  // §1d step 5: feature-flag call some clients make after login.
  r.on('GET', '/yml/ms/feat/p/ft/pre/e', (ctx) => json(ctx.res, 200, {}));

  // §0 / §1c: the cabinet SPA shell the login chain lands on. Static, like Kaspi's: it never
  // starts the chain itself, and it cannot see the cabinet's cookies (they belong to mc's host).
  r.on('GET', '/mc/', (ctx: Ctx) => {
    html(ctx.res, 200, '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Kaspi Магазин</title></head><body><nav class="navbar"><a class="navbar-brand" href="/mc/">Kaspi Магазин</a></nav><main id="root"></main></body></html>');
  });
  r.on('GET', '/mc', (ctx) => {
    ctx.res.writeHead(301, { location: '/mc/', 'content-length': '0' });
    ctx.res.end();
  });

  // §0: product page by master SKU, with or without a slug.
  r.on('GET', /^\/shop\/p\/(?:.*-)?(\d+)\/?$/, (ctx) => {
    const product = sim.world.products.get(ctx.params[0] ?? '');
    if (!product) return html(ctx.res, 404, '<!doctype html><html><body><h1>Товар не найден</h1></body></html>');
    html(ctx.res, 200, `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(product.title)}</title></head><body><h1 class="item__heading">${escapeHtml(product.title)}</h1></body></html>`);
  });

  shopApiRoutes(r, sim);
  return r;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
