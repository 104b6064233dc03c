import { createHash, timingSafeEqual } from 'node:crypto';
import { ServerResponse, type IncomingMessage } from 'node:http';
import { Router, json, makeCtx, send, type Ctx } from '../kaspi/http';
import type { WahaFaults } from './faults';
import { qrPng } from './qr-png';
import { chatIdOf, type SessionConfig, type SessionStatus, type WahaState } from './state';

/**
 * WAHA's HTTP API as the app uses it, with WAHA Core's answers (devlikeapro/waha core @ 55fc6a42:
 * sessions.controller, auth.controller, chatting.controller, contacts.controller, chats.controller,
 * manager.core; waha-and-security.md Part A). Errors have NestJS's shapes: 404 {message, error,
 * statusCode}, 422 with WAHA's own text or object, 401 without the key.
 */
export interface WahaApiOptions {
  /** WAHA_API_KEY: the plain key or `sha512:<hex>` (A5); undefined: no key (WAHA warns, we allow). */
  apiKey?: string;
}

const nest = (status: number, message: unknown, error: string) => ({ message, error, statusCode: status });
const notFound = (ctx: Ctx, message = 'Session not found') => json(ctx.res, 404, nest(404, message, 'Not Found'));
const unprocessable = (ctx: Ctx, message: unknown) => json(ctx.res, 422, typeof message === 'string' ? nest(422, message, 'Unprocessable Entity') : message);
const badRequest = (ctx: Ctx, messages: string[]) => json(ctx.res, 400, nest(400, messages, 'Bad Request'));

/** The API key check (A5): clients send the plain key in X-Api-Key; WAHA may hold it hashed. */
export function keyMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const [want, got] = expected.startsWith('sha512:')
    ? [Buffer.from(expected.slice(7).toLowerCase(), 'hex'), createHash('sha512').update(given).digest()]
    : [Buffer.from(expected), Buffer.from(given)];
  return want.length === got.length && timingSafeEqual(want, got);
}

export function wahaApiHandler(state: WahaState, faults: WahaFaults, held: Set<() => void>, options: WahaApiOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const r = new Router();
  const waitMs = 5_000 * state.options.timeScale;

  const bodyOf = async (ctx: Ctx): Promise<Record<string, unknown>> => {
    const text = await ctx.body();
    try {
      const value = text ? (JSON.parse(text) as unknown) : {};
      return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };

  /** WAHA waits up to 5 s for a session to reach the status a call needs, then answers 422. */
  const waitFor = async (ctx: Ctx, wanted: SessionStatus): Promise<boolean> => {
    const until = Date.now() + waitMs;
    while (state.status !== wanted && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    if (state.status === wanted) return true;
    unprocessable(ctx, { error: 'Session status is not as expected. Try again later or restart the session', session: 'default', status: state.status, expected: [wanted] });
    return false;
  };
  const onlyDefault = (ctx: Ctx, name: unknown): boolean => {
    if (name === 'default') return true;
    unprocessable(ctx, "WAHA Core support only 'default' session. If you want to run more then one WhatsApp account - please get WAHA PLUS version. Check this out: https://waha.devlike.pro/docs/how-to/plus-version/");
    return false;
  };

  // ---- sessions (A1) ----
  r.on('GET', '/api/sessions', (ctx) => {
    const all = ctx.query.get('all') === 'true';
    json(ctx.res, 200, state.exists && (all || state.status !== 'STOPPED') ? [state.info()] : []);
  });
  r.on('POST', '/api/sessions', async (ctx) => {
    const body = await bodyOf(ctx);
    const name = body['name'] ?? 'default';
    if (!onlyDefault(ctx, name)) return;
    if (state.exists) return unprocessable(ctx, `Session '${String(name)}' already exists. Use PUT to update it.`);
    state.exists = true;
    state.config = (body['config'] as SessionConfig | undefined) ?? {};
    if (body['start'] === true) state.start();
    json(ctx.res, 201, state.info());
  });
  r.on('GET', /^\/api\/sessions\/([^/]+)$/, (ctx) => {
    if (ctx.params[0] !== 'default' || !state.exists) return notFound(ctx);
    json(ctx.res, 200, state.info());
  });
  r.on('PUT', /^\/api\/sessions\/([^/]+)$/, async (ctx) => {
    if (ctx.params[0] !== 'default' || !state.exists) return notFound(ctx);
    const body = await bodyOf(ctx);
    const wasRunning = state.running;
    if (wasRunning) state.stop();
    state.config = (body['config'] as SessionConfig | undefined) ?? {};
    if (wasRunning) state.start();
    json(ctx.res, 200, state.info());
  });
  r.on('DELETE', /^\/api\/sessions\/([^/]+)$/, (ctx) => {
    if (!onlyDefault(ctx, ctx.params[0])) return;
    state.stop();
    state.me = null;
    state.exists = false;
    json(ctx.res, 200, {});
  });
  r.on('GET', /^\/api\/sessions\/([^/]+)\/me$/, (ctx) => {
    if (ctx.params[0] !== 'default' || !state.running) return notFound(ctx, "We didn't find a session with name 'default'.\nPlease start it first by using POST /api/sessions/default/start request");
    json(ctx.res, 200, state.status === 'WORKING' ? state.me : null);
  });
  r.on('POST', /^\/api\/sessions\/([^/]+)\/start$/, (ctx) => {
    if (ctx.params[0] !== 'default' || !state.exists) return notFound(ctx);
    if (state.running) return unprocessable(ctx, "Session 'default' is already started.");
    state.start();
    json(ctx.res, 201, state.info());
  });
  r.on('POST', /^\/api\/sessions\/([^/]+)\/stop$/, (ctx) => {
    if (!onlyDefault(ctx, ctx.params[0])) return;
    if (state.running) state.stop();
    json(ctx.res, 201, state.info());
  });
  r.on('POST', /^\/api\/sessions\/([^/]+)\/logout$/, (ctx) => {
    if (ctx.params[0] !== 'default' || !state.exists) return notFound(ctx);
    state.logout();
    json(ctx.res, 201, state.info());
  });
  r.on('POST', /^\/api\/sessions\/([^/]+)\/restart$/, (ctx) => {
    if (ctx.params[0] !== 'default' || !state.exists) return notFound(ctx);
    if (state.running) state.stop();
    state.start();
    json(ctx.res, 201, state.info());
  });

  // ---- linking (A2) ----
  r.on('GET', /^\/api\/([^/]+)\/auth\/qr$/, async (ctx) => {
    if (!onlyDefault(ctx, ctx.params[0]) || !(await waitFor(ctx, 'SCAN_QR_CODE')) || !state.qr) return;
    if (ctx.query.get('format') === 'raw') return json(ctx.res, 200, { value: state.qr.value });
    const png = qrPng(state.qr.value);
    if (/application\/json/.test(ctx.header('accept') ?? '')) return json(ctx.res, 200, { mimetype: 'image/png', data: png.toString('base64') });
    ctx.res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
    ctx.res.end(png);
  });
  r.on('POST', /^\/api\/([^/]+)\/auth\/request-code$/, async (ctx) => {
    if (!onlyDefault(ctx, ctx.params[0])) return;
    const body = await bodyOf(ctx);
    if (typeof body['phoneNumber'] !== 'string' || !/^\d{10,15}$/.test(body['phoneNumber'])) return badRequest(ctx, ['phoneNumber must be a string']);
    if (state.status !== 'SCAN_QR_CODE') return unprocessable(ctx, `Can request code only in SCAN_QR_CODE status. The current status is ${state.status}`);
    json(ctx.res, 201, { code: state.requestCode() });
  });

  // ---- chatting (A3, A4, A7) ----
  r.on('POST', '/api/sendText', async (ctx) => {
    const body = await bodyOf(ctx);
    if (!onlyDefault(ctx, body['session'] ?? 'default')) return;
    const problems = [typeof body['chatId'] === 'string' && body['chatId'] ? null : 'chatId should not be empty', typeof body['text'] === 'string' ? null : 'text must be a string'].filter((p): p is string => p !== null);
    if (problems.length) return badRequest(ctx, problems);
    if (!(await waitFor(ctx, 'WORKING'))) return;
    json(ctx.res, 201, state.sendTextAnswer(state.send(String(body['chatId']), String(body['text']))));
  });
  for (const path of ['/api/startTyping', '/api/stopTyping', '/api/sendSeen']) {
    r.on('POST', path, async (ctx) => {
      const body = await bodyOf(ctx);
      if (!onlyDefault(ctx, body['session'] ?? 'default')) return;
      if (typeof body['chatId'] !== 'string') return badRequest(ctx, ['chatId should not be empty']);
      if (!(await waitFor(ctx, 'WORKING'))) return;
      json(ctx.res, 201, { result: true });
    });
  }
  r.on('GET', '/api/contacts/check-exists', async (ctx) => {
    if (!onlyDefault(ctx, ctx.query.get('session') ?? 'default')) return;
    const phone = (ctx.query.get('phone') ?? '').split('@')[0] ?? '';
    if (!/^\d{6,15}$/.test(phone)) return badRequest(ctx, ['phone must be a number string']);
    if (!(await waitFor(ctx, 'WORKING'))) return;
    json(ctx.res, 200, state.numberExists(phone) ? { numberExists: true, chatId: chatIdOf(phone) } : { numberExists: false });
  });
  r.on('GET', /^\/api\/([^/]+)\/chats\/([^/]+)\/messages$/, async (ctx) => {
    if (!onlyDefault(ctx, ctx.params[0]) || !(await waitFor(ctx, 'WORKING'))) return;
    const limit = Math.max(1, Math.min(1000, Number(ctx.query.get('limit') ?? 100) || 100));
    json(ctx.res, 200, state.chatMessages(decodeURIComponent(ctx.params[1] ?? ''), limit));
  });
  r.on('GET', '/api/server/version', (ctx) => json(ctx.res, 200, { version: 'sim', engine: state.options.engine, tier: 'CORE', browser: null }));

  const dispatch = (ctx: Ctx): void => {
    const route = r.find(ctx.method, ctx.path);
    if (route === null) return json(ctx.res, 404, nest(404, `Cannot ${ctx.method} ${ctx.path}`, 'Not Found'));
    if (route === 'method') return json(ctx.res, 404, nest(404, `Cannot ${ctx.method} ${ctx.path}`, 'Not Found'));
    ctx.params = route.params;
    Promise.resolve(route.handler(ctx)).catch((error: unknown) => json(ctx.res, 500, nest(500, (error as Error).message, 'Internal Server Error')));
  };

  return (req, res) => {
    const ctx = makeCtx(req, res);
    if (options.apiKey !== undefined && !keyMatches(options.apiKey, ctx.header('x-api-key'))) return json(res, 401, { message: 'Unauthorized', statusCode: 401 });
    const fault = faults.draw(ctx.method, ctx.path);
    if (!fault) return dispatch(ctx);
    switch (fault.kind) {
      case 'status':
        return send(res, fault.status, 'application/json', JSON.stringify(nest(fault.status, 'Simulated failure', 'Error')));
      case 'slow':
        setTimeout(() => dispatch(ctx), fault.delayMs).unref();
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'deliver_then_hang':
        // Acted on, answered into nowhere: the client waits until it gives up.
        return dispatch({ ...ctx, res: new ServerResponse(req) });
      case 'hang': {
        // Read the body now, or a released request would wait for bytes already consumed.
        const body = ctx.body();
        const release = () => {
          held.delete(release);
          if (!req.socket.destroyed) void body.then(() => dispatch(ctx));
        };
        held.add(release);
        req.socket.once('close', () => held.delete(release));
        return;
      }
    }
  };
}
