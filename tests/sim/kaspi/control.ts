import { z } from 'zod';
import { faultSchema } from './faults';
import type { SimHandle } from './handle';
import { Router, json, makeCtx, type Ctx } from './http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { limitsPatchSchema } from './limits';
import { ORDER_TABS } from './model';

/**
 * Control API on its own port (issue 3 §8), never mixed with Kaspi paths. JSON in, JSON out;
 * a bad body is 400 `{error}`. Routes are listed in README.md; each maps to a SimHandle method.
 */
export function controlHandler(handle: SimHandle): (req: IncomingMessage, res: ServerResponse) => void {
  const r = new Router();
  const body = async <T extends z.ZodType>(ctx: Ctx, schema: T): Promise<z.infer<T>> => {
    const text = await ctx.body();
    return schema.parse(text ? JSON.parse(text) : {});
  };

  r.on('GET', '/health', (ctx) => json(ctx.res, 200, { ok: true }));
  r.on('GET', '/urls', (ctx) => json(ctx.res, 200, handle.urls));
  r.on('GET', '/scenario', (ctx) => json(ctx.res, 200, handle.scenario()));
  r.on('POST', '/scenario', async (ctx) => {
    const b = await body(ctx, z.object({ name: z.string(), seed: z.number().int().optional() }));
    json(ctx.res, 200, handle.loadScenario(b.name, b.seed));
  });
  r.on('POST', '/reset', (ctx) => json(ctx.res, 200, handle.reset()));

  r.on('GET', '/market/products', (ctx) => json(ctx.res, 200, handle.products(Number(ctx.query.get('offset') ?? 0) || 0, Number(ctx.query.get('limit') ?? 1000) || 1000)));
  r.on('GET', '/market/offers', (ctx) => json(ctx.res, 200, handle.offers(ctx.query.get('productId') ?? '', ctx.query.get('cityId') ?? '')));
  r.on('POST', '/market/price', async (ctx) => {
    const b = await body(ctx, z.object({ productId: z.string(), merchantUid: z.string().optional(), merchantId: z.string().optional(), price: z.number().int().positive(), cityId: z.string().optional() }));
    handle.setPrice({ productId: b.productId, merchantUid: b.merchantUid ?? b.merchantId ?? '', price: b.price, cityId: b.cityId });
    json(ctx.res, 200, { ok: true });
  });
  r.on('POST', '/market/away', async (ctx) => {
    const b = await body(ctx, z.object({ productId: z.string(), merchantUid: z.string(), away: z.boolean() }));
    handle.setAway(b);
    json(ctx.res, 200, { ok: true });
  });

  r.on('POST', '/sessions/expire', async (ctx) => {
    const b = await body(ctx, z.object({ login: z.string().optional(), merchantUid: z.string().optional(), afterRequests: z.number().int().nonnegative().optional(), includeNew: z.boolean().optional() }));
    json(ctx.res, 200, { expired: handle.expireSessions(b) });
  });
  r.on('GET', '/sessions', (ctx) => json(ctx.res, 200, handle.sessions()));

  r.on('GET', '/faults', (ctx) => json(ctx.res, 200, handle.faults()));
  r.on('POST', '/faults', async (ctx) => json(ctx.res, 200, handle.addFault(await body(ctx, faultSchema))));
  r.on('DELETE', '/faults', (ctx) => {
    handle.clearFaults();
    json(ctx.res, 200, { ok: true });
  });
  r.on('DELETE', /^\/faults\/([^/]+)$/, (ctx) => json(ctx.res, 200, { removed: handle.removeFault(ctx.params[0] ?? '') }));

  r.on('GET', '/sms', (ctx) => {
    const sms = handle.lastSms(ctx.query.get('login') ?? '');
    if (!sms) return json(ctx.res, 404, { error: 'no code sent to this login' });
    json(ctx.res, 200, sms);
  });

  r.on('GET', '/pushes', (ctx) => json(ctx.res, 200, handle.pushes({ merchantUid: ctx.query.get('merchantUid') ?? undefined, sku: ctx.query.get('sku') ?? undefined })));

  r.on('GET', '/limits', (ctx) => json(ctx.res, 200, handle.limits()));
  r.on('POST', '/limits', async (ctx) => json(ctx.res, 200, handle.setLimits(await body(ctx, limitsPatchSchema))));
  r.on('GET', '/bans', (ctx) => json(ctx.res, 200, handle.bans()));
  r.on('DELETE', '/bans', (ctx) => {
    handle.clearBans();
    json(ctx.res, 200, { ok: true });
  });

  r.on('GET', '/orders/past-places', (ctx) => json(ctx.res, 200, handle.pastPlaces(ctx.query.get('merchantUid') ?? '', Number(ctx.query.get('since') ?? 0) || 0)));
  r.on('GET', '/orders', (ctx) => json(ctx.res, 200, handle.orders(ctx.query.get('merchantUid') ?? undefined)));
  r.on('POST', '/orders/move', async (ctx) => {
    const b = await body(ctx, z.object({ merchantUid: z.string(), code: z.string(), tab: z.enum(ORDER_TABS), status: z.enum(['COMPLETED', 'CANCELLED', 'RETURNED']).optional() }));
    json(ctx.res, 200, handle.moveOrder(b.merchantUid, b.code, b.tab, b.status));
  });
  r.on('POST', '/reviews', async (ctx) => {
    const b = await body(ctx, z.object({ productId: z.string(), merchantUid: z.string(), rating: z.number().int().min(1).max(5), text: z.string().optional(), author: z.string().optional(), orderNumber: z.string().optional() }));
    json(ctx.res, 200, handle.addReview(b));
  });
  r.on('POST', '/orders', async (ctx) => {
    const b = await body(ctx, z.object({ merchantUid: z.string() }));
    json(ctx.res, 200, handle.createOrder(b.merchantUid));
  });

  return (req, res) => {
    const ctx = makeCtx(req, res);
    const route = r.find(ctx.method, ctx.path);
    if (route === null) return json(res, 404, { error: `no control route ${ctx.method} ${ctx.path}` });
    if (route === 'method') return json(res, 405, { error: 'method not allowed' });
    ctx.params = route.params;
    Promise.resolve(route.handler(ctx)).catch((err: unknown) => {
      const message = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : err instanceof Error ? err.message : String(err);
      json(res, 400, { error: message });
    });
  };
}
