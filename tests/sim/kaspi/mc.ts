import { Router, cookie, json, redirect, send, springError, type Ctx } from './http';
import { OAUTH_CLIENT_ID } from './idmc';
import { cabinetOffer, isActive, offerDetails } from './cabinet-offers';
import { graphql } from './graphql';
import { pricefeedProcess } from './pricefeed';
import { pricefeedUpload, uploadJobStatus } from './pricefeed-upload';
import { orderTabsActive } from './order-tabs';
import { token, type McSession } from './sessions';
import type { MarketOffer } from './model';
import type { SimState } from './sim-state';

const KASPI_ORIGIN = 'https://kaspi.kz';

/**
 * The cabinet backend (mc.shop.kaspi.kz). Every API call is the SPA's on kaspi.kz (§0): it carries
 * `Origin: https://kaspi.kz` and a kaspi.kz Referer, or Spring's CORS filter answers 403 "Invalid
 * CORS request" before anything else; then it needs `x-auth-version: 3` and a live `mc-session`
 * + `mc-sid` pair of this host (§0 "MC auth is cookies only"), else 401 (§1e, §2). The OAuth hops
 * are page navigations and need neither.
 */
export function mcRouter(sim: SimState): Router {
  const r = new Router();

  /** True when the call came from the cabinet SPA's origin; answers 403 otherwise. */
  const fromCabinetPage = (ctx: Ctx): boolean => {
    if (ctx.header('origin') === KASPI_ORIGIN && /^https:\/\/kaspi\.kz\//.test(ctx.header('referer') ?? '')) return true;
    send(ctx.res, 403, 'text/plain;charset=UTF-8', 'Invalid CORS request');
    return false;
  };
  const auth = (ctx: Ctx): McSession | null => {
    if (!fromCabinetPage(ctx)) return null;
    const session = ctx.header('x-auth-version') === '3' ? sim.sessions.check(ctx.cookies()) : null;
    if (!session) springError(ctx, 401, 'Unauthorized');
    return session;
  };
  const owns = (ctx: Ctx, session: McSession, uid: string | null): boolean => {
    if (uid && session.merchantUids.includes(uid)) return true;
    springError(ctx, 403, 'Forbidden');
    return false;
  };

  // §2: 401 plus a fresh mc-session without a session; 200 {merchants:[{uid}]} with one.
  r.on('GET', '/s/m', (ctx) => {
    if (!fromCabinetPage(ctx)) return;
    const session = ctx.header('x-auth-version') === '3' ? sim.sessions.check(ctx.cookies()) : null;
    // A fresh mc-session only replaces a missing or dead one: a live session survives a bad header.
    const fresh: Record<string, string[]> = sim.sessions.peek(ctx.cookies()) ? {} : { 'set-cookie': [cookie('mc-session', token(16))] };
    if (!session) return springError(ctx, 401, 'Unauthorized', fresh);
    json(ctx.res, 200, { merchants: session.merchantUids.map((uid) => ({ uid })) });
  });

  // §1c step 4 / §1d step 7: start of the chain; mc_arr remembers state and where to land.
  r.on('GET', '/oauth2/authorization/1', (ctx) => {
    const redirectUrl = ctx.query.get('redirectUrl') ?? `${sim.urls.storefront}/mc/`;
    const { arr, state } = sim.sessions.startAuthorization(redirectUrl);
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: OAUTH_CLIENT_ID,
      scope: 'openid',
      state,
      redirect_uri: `${sim.urls.mc}/login/oauth2/code/1`,
      nonce: token(8),
      code_challenge: token(16),
      code_challenge_method: 'S256',
    });
    const cookies = [cookie('mc_arr', arr)];
    if (!ctx.cookies()['mc-session']) cookies.push(cookie('mc-session', token(16)));
    redirect(ctx.res, `${sim.urls.idmc}/oauth2/authorize?${q}`, cookies);
  });

  // §1c step 4, third hop: this one sets mc-session and mc-sid.
  r.on('GET', '/login/oauth2/code/1', (ctx) => {
    const done = sim.sessions.redeem(ctx.query.get('code') ?? '', ctx.query.get('state') ?? '', ctx.cookies()['mc_arr']);
    if (!done) return springError(ctx, 401, 'Unauthorized');
    redirect(ctx.res, done.redirectUrl, [cookie('mc-session', done.session.session), cookie('mc-sid', done.session.sid), cookie('mc_arr', '', { maxAge: 0 })]);
  });

  // §6: own offers, paged by p (0-based) and l, filtered by a (on sale or not) and t (search).
  r.on('GET', '/bff/offer-view/list', (ctx) => {
    const session = auth(ctx);
    if (!session) return;
    const q = ctx.query;
    const uid = q.get('m');
    if (!owns(ctx, session, uid)) return;
    const page = Math.max(0, Number.parseInt(q.get('p') ?? '0', 10) || 0);
    const size = Math.min(100, Math.max(1, Number.parseInt(q.get('l') ?? '10', 10) || 10));
    const active = (q.get('a') ?? q.get('available') ?? 'true') !== 'false';
    const text = (q.get('t') ?? '').trim().toLowerCase();
    const all = sim.world.ownOffers(uid as string).filter((o) => isActive(o) === active && (!text || o.model.toLowerCase().includes(text) || o.merchantSku.toLowerCase().includes(text) || o.productId.includes(text)));
    // Stale index entries (ScenarioData.staleListSlots) take a slot and a count, and render nothing.
    const stale = active && !text ? (sim.world.scenario.staleListSlots?.[uid as string] ?? []) : [];
    const slots: (MarketOffer | null)[] = [...all];
    for (const at of [...stale].sort((a, b) => a - b)) if (at <= slots.length) slots.splice(at, 0, null);
    const data = slots.slice(page * size, page * size + size).flatMap((o) => (o ? [cabinetOffer(sim.world, o, sim.urls.storefront)] : []));
    json(ctx.res, 200, { total: slots.length, data });
  });

  // Unattributed count endpoint (§6) [uncertain].
  r.on('GET', '/bff/offer-view/count', (ctx) => {
    const session = auth(ctx);
    if (!session || !owns(ctx, session, ctx.query.get('m'))) return;
    const offers = sim.world.ownOffers(ctx.query.get('m') as string);
    json(ctx.res, 200, { total: offers.length, active: offers.filter(isActive).length, archive: offers.filter((o) => !isActive(o)).length });
  });

  // §5 "Offer details" (INV, live 2026-08-21): body {sku:[…]}, a bare array of offer objects with
  // cities[] rows ({cityId, price, points[{pointId, name, available}]}) and availabilities; no stock.
  r.on('POST', '/offers/api/v1/offer/details', async (ctx) => {
    const session = auth(ctx);
    const uid = ctx.query.get('m');
    if (!session || !owns(ctx, session, uid)) return;
    let skus: string[];
    try {
      const body = JSON.parse(await ctx.body()) as { sku?: unknown };
      skus = (Array.isArray(body.sku) ? body.sku : [body.sku]).filter((s): s is string => typeof s === 'string');
    } catch {
      return springError(ctx, 400, 'Bad Request');
    }
    json(ctx.res, 200, skus.map((sku) => sim.world.ownOffer(uid as string, sku)).filter((o) => o !== undefined).map((o) => offerDetails(sim.world, o)));
  });

  // Unattributed (§7a "Archive"): the merchant's points [uncertain shape].
  r.on('GET', '/bff/points', (ctx) => {
    const session = auth(ctx);
    const uid = ctx.query.get('merchantUid');
    if (!session || !owns(ctx, session, uid)) return;
    const merchant = sim.world.merchants.get(uid as string);
    json(ctx.res, 200, (merchant?.points ?? []).map((p) => ({ id: p.id, name: p.name, enabled: p.enabled, virtual: p.virtual, cityId: p.cityId })));
  });

  r.on('POST', '/pricefeed/upload/merchant/process', async (ctx) => {
    const session = auth(ctx);
    if (session) await pricefeedProcess(sim, ctx, session);
  });

  r.on('POST', '/pricefeed/upload/merchant/upload', async (ctx) => {
    const session = auth(ctx);
    if (session) await pricefeedUpload(sim, ctx, session);
  });

  r.on('GET', /^\/pricefeed\/upload\/merchant\/upload\/([^/]+)$/, (ctx) => {
    const session = auth(ctx);
    if (session) uploadJobStatus(sim, ctx, session, decodeURIComponent(ctx.params[0] ?? ''));
  });

  r.on('POST', '/mc/facade/graphql', async (ctx) => {
    const session = auth(ctx);
    if (session) await graphql(sim, ctx, session);
  });

  r.on('GET', '/mc/api/orderTabs/active', (ctx) => {
    const session = auth(ctx);
    if (session && owns(ctx, session, ctx.query.get('_m'))) orderTabsActive(sim, ctx, ctx.query.get('_m') as string);
  });

  return r;
}
