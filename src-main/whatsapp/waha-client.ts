import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { z } from 'zod';
import { msg } from '../../src-shared/i18n/message';
import { MessageError } from '../../src-shared/i18n/message-error';

/**
 * WAHA's HTTP API as the app uses it (waha-and-security.md Part A; shapes checked against
 * devlikeapro/waha core @ 55fc6a42). The key goes in X-Api-Key on every call and nowhere else;
 * redirects are never followed, so the key goes to the address the seller entered or nowhere.
 */
export const SESSION = 'default';

/**
 * What went wrong, and whether WAHA may have acted anyway. `certain`: WAHA refused or was never
 * reached, nothing happened; otherwise (a timeout, a dropped answer, a 5xx) a send may have gone out.
 */
export type WahaErrorKind = 'unreachable' | 'timeout' | 'dropped' | 'unauthorized' | 'not_found' | 'not_working' | 'refused' | 'server' | 'unexpected';

export class WahaError extends MessageError {
  constructor(
    readonly kind: WahaErrorKind,
    readonly status: number | null,
    detail: string,
    url: string,
  ) {
    super(
      kind === 'unreachable' || kind === 'timeout' || kind === 'dropped' ? msg('whatsapp.unreachable', { url })
      : kind === 'unauthorized' ? msg('whatsapp.unauthorized')
      : kind === 'not_working' ? msg('whatsapp.not_linked')
      : kind === 'server' ? msg('whatsapp.waha_failed', { status: status ?? 0 })
      : kind === 'unexpected' ? msg('whatsapp.waha_unexpected')
      : msg('whatsapp.waha_refused', { status: status ?? 0, detail: detail.slice(0, 200) }),
    );
    this.name = 'WahaError';
  }

  /** WAHA certainly did not act on the request. */
  get certain(): boolean {
    return this.kind !== 'timeout' && this.kind !== 'dropped' && this.kind !== 'server';
  }
}

export interface WahaClientOptions {
  url: string;
  apiKey: string;
  timeoutMs?: number;
  dispatcher?: Dispatcher;
}

export type WahaSessionStatus = 'STOPPED' | 'STARTING' | 'SCAN_QR_CODE' | 'WORKING' | 'FAILED';

const sessionWire = z.object({
  name: z.string(),
  status: z.enum(['STOPPED', 'STARTING', 'SCAN_QR_CODE', 'WORKING', 'FAILED']),
  config: z.object({ webhooks: z.array(z.object({ url: z.string(), events: z.array(z.string()) }).passthrough()).nullish(), noweb: z.unknown().optional() }).passthrough().nullish(),
  me: z.object({ id: z.string(), pushName: z.string().nullish() }).nullish(),
});
export type WahaSession = z.infer<typeof sessionWire>;

const messageWire = z.object({
  id: z.string(),
  timestamp: z.coerce.number().catch(0),
  fromMe: z.boolean(),
  body: z.string().nullish().catch(null),
  ack: z.number().nullish().catch(null),
});
export type WahaMessage = z.infer<typeof messageWire>;

const cUs = (jid: string): string => jid.replace(/@s\.whatsapp\.net$/, '@c.us');

/**
 * The id of a sent message from what POST /api/sendText returns: WAHA passes the engine's own
 * object through (NOWEB: Baileys' `{key:{remoteJid, fromMe, id}}`, WEBJS: `{id:{_serialized}}`),
 * and WAHA's ids are `true_<chatId>_<id>` (buildMessageId in the NOWEB engine).
 */
export function sentMessageId(answer: unknown, chatId: string): string | null {
  const a = (answer ?? {}) as { id?: unknown; key?: { id?: unknown; remoteJid?: unknown; fromMe?: unknown } };
  if (typeof a.id === 'string' && a.id) return a.id;
  const serialized = (a.id as { _serialized?: unknown } | undefined)?._serialized;
  if (typeof serialized === 'string' && serialized) return serialized;
  if (a.key && typeof a.key.id === 'string') return `${a.key.fromMe === false ? 'false' : 'true'}_${cUs(typeof a.key.remoteJid === 'string' ? a.key.remoteJid : chatId)}_${a.key.id}`;
  return null;
}

export function createWahaClient(options: WahaClientOptions) {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function call(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, accept = 'application/json'): Promise<{ status: number; json: unknown }> {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(`${base}${path}`, {
        method,
        headers: { 'x-api-key': options.apiKey, accept, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        dispatcher: options.dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new WahaError(transportKind(error), null, (error as Error).message ?? '', base);
    }
    let text: string;
    try {
      text = await res.body.text();
    } catch (error) {
      throw new WahaError(transportKind(error) === 'unreachable' ? 'dropped' : transportKind(error), res.statusCode, '', base);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (res.statusCode < 300) return { status: res.statusCode, json };
    const detail = describe(json) ?? text.slice(0, 200);
    if (res.statusCode === 401 || res.statusCode === 403) throw new WahaError('unauthorized', res.statusCode, detail, base);
    if (res.statusCode === 404) throw new WahaError('not_found', res.statusCode, detail, base);
    // WAHA's own 422 when a call needs a WORKING session (manager.abc waitUntilStatus).
    if (res.statusCode === 422 && (json as { expected?: unknown } | null)?.expected) throw new WahaError('not_working', res.statusCode, detail, base);
    if (res.statusCode >= 500) throw new WahaError('server', res.statusCode, detail, base);
    throw new WahaError('refused', res.statusCode, detail, base);
  }

  const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new WahaError('unexpected', 200, '', base);
    return parsed.data;
  };
  const chatPath = (chatId: string) => `/api/${SESSION}/chats/${encodeURIComponent(chatId)}/messages`;

  return {
    url: base,
    /** The session, or null when WAHA has none of that name. */
    async session(): Promise<WahaSession | null> {
      try {
        return parse(sessionWire, (await call('GET', `/api/sessions/${SESSION}`)).json);
      } catch (error) {
        if (error instanceof WahaError && error.kind === 'not_found') return null;
        throw error;
      }
    },
    async createSession(config: unknown): Promise<void> {
      await call('POST', '/api/sessions', { name: SESSION, config, start: true });
    },
    /** WAHA stops the session, saves the config and starts it again if it ran (A1). */
    async updateSession(config: unknown): Promise<void> {
      await call('PUT', `/api/sessions/${SESSION}`, { config });
    },
    /** Start; a session already started is fine (WAHA Core answers 422 "already started"). */
    async start(): Promise<void> {
      try {
        await call('POST', `/api/sessions/${SESSION}/start`);
      } catch (error) {
        if (!(error instanceof WahaError && error.kind === 'refused' && error.status === 422)) throw error;
      }
    },
    async stop(): Promise<void> {
      await call('POST', `/api/sessions/${SESSION}/stop`);
    },
    async restart(): Promise<void> {
      await call('POST', `/api/sessions/${SESSION}/restart`);
    },
    async logout(): Promise<void> {
      await call('POST', `/api/sessions/${SESSION}/logout`);
    },
    /** The QR as a PNG in base64 (A2: format=image with Accept: application/json). */
    async qr(): Promise<{ mimetype: string; data: string }> {
      return parse(z.object({ mimetype: z.string(), data: z.string() }), (await call('GET', `/api/${SESSION}/auth/qr?format=image`)).json);
    },
    async requestCode(phoneDigits: string): Promise<string> {
      return parse(z.object({ code: z.string() }), (await call('POST', `/api/${SESSION}/auth/request-code`, { phoneNumber: phoneDigits })).json).code;
    },
    /** A4: whether the number is on WhatsApp, and the chat id WhatsApp uses for it. */
    async checkExists(phoneDigits: string): Promise<{ exists: boolean; chatId: string | null }> {
      const answer = parse(z.object({ numberExists: z.boolean(), chatId: z.string().nullish() }), (await call('GET', `/api/contacts/check-exists?phone=${phoneDigits}&session=${SESSION}`)).json);
      return { exists: answer.numberExists, chatId: answer.chatId ?? null };
    },
    async sendText(chatId: string, text: string): Promise<{ id: string | null }> {
      const { json } = await call('POST', '/api/sendText', { session: SESSION, chatId, text });
      return { id: sentMessageId(json, chatId) };
    },
    async typing(chatId: string, on: boolean): Promise<void> {
      await call('POST', on ? '/api/startTyping' : '/api/stopTyping', { session: SESSION, chatId });
    },
    /** The chat's last messages, ours and the buyer's (needs NOWEB's store, enabled in our session config). */
    async chatMessages(chatId: string, limit: number): Promise<WahaMessage[]> {
      const { json } = await call('GET', `${chatPath(chatId)}?limit=${limit}&downloadMedia=false`);
      if (!Array.isArray(json)) throw new WahaError('unexpected', 200, '', base);
      return json.flatMap((m) => {
        const parsed = messageWire.safeParse(m);
        return parsed.success ? [parsed.data] : [];
      });
    },
  };
}
export type WahaClient = ReturnType<typeof createWahaClient>;

/** How a request failed before an answer: never connected (nothing sent), timed out, or cut. */
function transportKind(error: unknown): WahaErrorKind {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code ?? '';
  const name = (error as Error).name ?? '';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'EHOSTUNREACH') return 'unreachable';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  return 'dropped';
}

function describe(json: unknown): string | null {
  if (!json || typeof json !== 'object') return null;
  const j = json as { message?: unknown; error?: unknown };
  const text = Array.isArray(j.message) ? j.message.join('; ') : typeof j.message === 'string' ? j.message : typeof j.error === 'string' ? j.error : null;
  return text;
}
