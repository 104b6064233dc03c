import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { Router, json, makeCtx, type Ctx } from '../kaspi/http';
import { wahaFaultSchema } from './faults';
import type { WahaSimHandle } from './handle';

/**
 * The simulator's control API on its own port (never behind WAHA's key): what was "sent", the
 * seller's phone scanning the QR or typing the pairing code, buyers replying, numbers that are not
 * on WhatsApp, acks, a failed session, faults. Each route maps to a WahaSimHandle method.
 */
export function wahaControlHandler(handle: WahaSimHandle): (req: IncomingMessage, res: ServerResponse) => void {
  const r = new Router();
  const body = async <T extends z.ZodType>(ctx: Ctx, schema: T): Promise<z.infer<T>> => {
    const text = await ctx.body();
    return schema.parse(text ? JSON.parse(text) : {});
  };

  r.on('GET', '/health', (ctx) => json(ctx.res, 200, { ok: true }));
  r.on('GET', '/state', (ctx) => json(ctx.res, 200, handle.state()));
  r.on('GET', '/messages', (ctx) => json(ctx.res, 200, handle.sent(ctx.query.get('chatId') ?? undefined)));
  r.on('POST', '/scan', async (ctx) => {
    const b = await body(ctx, z.object({ phone: z.string().regex(/^\+?\d{10,15}$/), pushName: z.string().optional() }));
    json(ctx.res, handle.scanQr(b.phone, b.pushName) ? 200 : 409, handle.state());
  });
  r.on('POST', '/pair', async (ctx) => {
    const b = await body(ctx, z.object({ code: z.string(), phone: z.string().regex(/^\+?\d{10,15}$/) }));
    json(ctx.res, handle.enterPairingCode(b.code, b.phone) ? 200 : 409, handle.state());
  });
  r.on('POST', '/reply', async (ctx) => {
    const b = await body(ctx, z.object({ phone: z.string(), text: z.string() }));
    json(ctx.res, 200, handle.reply(b.phone, b.text));
  });
  r.on('POST', '/ack', async (ctx) => {
    const b = await body(ctx, z.object({ id: z.string(), ack: z.number().int().min(-1).max(4) }));
    const message = handle.ack(b.id, b.ack);
    json(ctx.res, message ? 200 : 404, message ?? { error: 'no such message' });
  });
  r.on('POST', '/numbers', async (ctx) => {
    const b = await body(ctx, z.object({ notOnWhatsApp: z.array(z.string()) }));
    handle.setNotOnWhatsApp(b.notOnWhatsApp);
    json(ctx.res, 200, { ok: true });
  });
  r.on('POST', '/session/fail', async (ctx) => {
    const b = await body(ctx, z.object({ sticky: z.boolean().default(false) }));
    handle.failSession(b.sticky);
    json(ctx.res, 200, handle.state());
  });
  r.on('POST', '/session/heal', (ctx) => {
    handle.healSession();
    json(ctx.res, 200, handle.state());
  });
  r.on('GET', '/webhooks', (ctx) => json(ctx.res, 200, handle.webhookDeliveries()));
  r.on('GET', '/faults', (ctx) => json(ctx.res, 200, handle.faults()));
  r.on('POST', '/faults', async (ctx) => json(ctx.res, 200, handle.addFault(await body(ctx, wahaFaultSchema))));
  r.on('DELETE', '/faults', (ctx) => {
    handle.clearFaults();
    json(ctx.res, 200, { ok: true });
  });
  r.on('POST', '/release', (ctx) => json(ctx.res, 200, { released: handle.release() }));

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
