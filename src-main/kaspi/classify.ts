import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { msg } from '../../src-shared/i18n/message';

/**
 * The one place that turns an HTTP outcome into a KaspiError. The same status means different
 * things per surface (kaspi-api.md): 403 is an expired session on the cabinet (§1e) but a per-IP
 * ban on the storefront (§4); 429 blocks the account on pricefeed (§5) but the IP on review-view (§8).
 */
export type KaspiSurface = 'cabinet' | 'pricefeed' | 'storefront' | 'shop-api';

/*
 * retryAfterMs carries only what Kaspi itself said (Retry-After). How long a ban or a block
 * lasts when it says nothing (§4: ~10 s per IP; §5: ~30 min per account) is a setting of the
 * engine and of the proxy pool, the one place each is decided.
 */

export interface RawResponse {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: string;
}

export type Interpreted = { ok: true; json: unknown } | { ok: false; error: KaspiError };

export function interpretResponse(surface: KaspiSurface, r: RawResponse): Interpreted {
  const json = parseJson(r.body);
  if (looksLikeCaptcha(r.body, json)) return fail(new KaspiError('captcha', undefined, null, r.status));
  if (r.status >= 200 && r.status < 300) {
    if (json === NOT_JSON) return fail(new KaspiError('not-json', undefined, null, r.status));
    return { ok: true, json };
  }
  return fail(statusError(surface, r, json === NOT_JSON ? undefined : json));
}

function statusError(surface: KaspiSurface, r: RawResponse, json: unknown): KaspiError {
  const { status } = r;
  const retryAfter = parseRetryAfter(r.retryAfter);
  const detail = kaspiMessage(json);
  if (status === 401 || (status === 403 && surface !== 'storefront')) {
    if (surface === 'shop-api') return new KaspiError('wrong-credentials', msg('kaspi.token_rejected'), null, status);
    return new KaspiError('session-expired', undefined, null, status);
  }
  if (status === 403) return new KaspiError('ip-banned', undefined, retryAfter, status);
  if (status === 405) return new KaspiError('method-blocked', undefined, retryAfter, status);
  if (status === 429) {
    if (surface === 'storefront') return new KaspiError('ip-banned', undefined, retryAfter, status);
    return new KaspiError('account-blocked', undefined, retryAfter, status);
  }
  if (status === 408 || status === 504) return new KaspiError('timeout', undefined, retryAfter, status);
  if (status >= 500) return new KaspiError('server', undefined, retryAfter, status);
  return new KaspiError('bad-request', detail ? msg('kaspi.refused_with_detail', { status, detail }) : msg('kaspi.refused_status', { status }), null, status);
}

/** A thrown transport error (no HTTP answer): timeout or network. */
export function classifyThrown(err: unknown): KaspiError {
  if (err instanceof KaspiError) return err;
  const e = err as { name?: string; code?: string; cause?: { code?: string } } | null;
  const code = e?.code ?? e?.cause?.code ?? '';
  if (e?.name === 'TimeoutError' || /TIMEOUT/.test(code) || code === 'ETIMEDOUT') return new KaspiError('timeout');
  return new KaspiError('network', code ? msg('kaspi.network_code', { code }) : undefined);
}

const NOT_JSON = Symbol('not-json');

function parseJson(body: string): unknown {
  const text = body.trim();
  // An HTML page (maintenance, WAF, login redirect) where JSON was expected; also an empty body.
  if (text === '' || text.startsWith('<')) return NOT_JSON;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function looksLikeCaptcha(body: string, json: unknown): boolean {
  if (json !== NOT_JSON) return errorCode(json) === 'CAPTCHA_REQUIRED';
  // Kaspi's captcha page is in Russian: "не робот" is its wording, not ours.
  return /captcha|g-recaptcha|не робот/i.test(body.slice(0, 20_000));
}

function errorCode(json: unknown): string | undefined {
  return typeof json === 'object' && json !== null && 'errorCode' in json ? String((json as { errorCode: unknown }).errorCode) : undefined;
}

/** Kaspi's own words from an error body: Spring `message`, idmc `errorMessage`, JSON:API `errors[0]`. */
export function kaspiMessage(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  for (const key of ['errorMessage', 'message']) if (typeof o[key] === 'string' && o[key]) return o[key] as string;
  const first = Array.isArray(o['errors']) ? (o['errors'][0] as Record<string, unknown> | undefined) : undefined;
  const fromErrors = first?.['detail'] ?? first?.['message'] ?? first?.['title'];
  return typeof fromErrors === 'string' ? fromErrors : undefined;
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function fail(error: KaspiError): Interpreted {
  return { ok: false, error };
}
