import { KaspiError, type KaspiErrorKind } from '../../src-shared/domain/kaspi-error';
import { MessageError } from '../../src-shared/i18n/message-error';
import type { Message } from '../../src-shared/i18n/message';

/**
 * What went wrong on a lane decides what the pool does: a ban cools the IP down, a connection
 * failure or a timeout counts toward "dead", and anything else is the caller's own business
 * (the proxy delivered the request) and is rethrown untouched.
 */

/** Thrown by a task when the target refused this exit IP (Kaspi answers 403 to a banned IP). */
export class LaneBannedError extends Error {
  constructor(
    readonly statusCode: number | null = 403,
    /** From a Retry-After header, when the target sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(statusCode === null ? 'banned by the target' : `banned by the target (HTTP ${statusCode})`);
    this.name = 'LaneBannedError';
  }
}

/**
 * The ban a storefront answer means, if any: Kaspi answers a too-fast IP with 403 (kaspi-api.md
 * §4) and datacenter IPs with 403/429; Retry-After, when present, sets the cooldown. Only for
 * the public storefront: a 403 from the cabinet means "not your merchant", not a banned IP.
 */
export function banFromResponse(
  statusCode: number,
  headers: Record<string, string | string[] | undefined> = {},
  banStatuses: readonly number[] = [403, 429],
  now: number = Date.now(),
): LaneBannedError | null {
  if (!banStatuses.includes(statusCode)) return null;
  return new LaneBannedError(statusCode, retryAfterMs(headers['retry-after'], now));
}

function retryAfterMs(value: string | string[] | undefined, now: number): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return null;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The request ran out of time on this lane. */
export class LaneTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'LaneTimeoutError';
  }
}

/** No lane can serve this store: none configured or enabled, none freed up in time, or the pool closed. */
export class NoLaneError extends Error {
  constructor(
    readonly reason: 'none-configured' | 'wait-timeout' | 'closed',
    readonly storeId: number | null,
  ) {
    super(
      reason === 'none-configured'
        ? `no proxy or direct connection may be used for store ${storeId ?? '(shared)'}`
        : reason === 'closed'
          ? 'the proxy pool is closed'
          : `no lane freed up in time for store ${storeId ?? '(shared)'}`,
    );
    this.name = 'NoLaneError';
  }
}

/** A proxy this build cannot use for a purpose; `reason` says why, in the catalogue's words. */
export class UnsupportedProxyError extends MessageError {
  constructor(readonly reason: Message) {
    super(reason);
    this.name = 'UnsupportedProxyError';
  }
}

export type LaneFailure = 'ban' | 'timeout' | 'connection';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
// undici reports a proxy that refuses the tunnel (407, 403, 502) as an abort or an argument error.
const PROXY_REFUSAL = /Proxy response \(\d+\)|Proxy Authentication Required|^SOCKS5 /;

/**
 * How the Kaspi adapters' errors read for a lane: a storefront ban or WAF block is about this IP;
 * timeouts and network errors (a dead or refusing proxy included) are about this route. Session,
 * account and request errors are not the lane's business.
 */
const KASPI_LANE_FAILURES: Partial<Record<KaspiErrorKind, LaneFailure>> = {
  'ip-banned': 'ban',
  'method-blocked': 'ban',
  timeout: 'timeout',
  network: 'connection',
};

/** Classifies an error thrown while a task used a lane; null means "not the lane's fault". */
export function classifyLaneFailure(error: unknown): LaneFailure | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof LaneBannedError) return 'ban';
    if (e instanceof KaspiError) return KASPI_LANE_FAILURES[e.kind] ?? null;
    if (e instanceof LaneTimeoutError) return 'timeout';
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && TIMEOUT_CODES.has(code)) return 'timeout';
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('UND_ERR_SOCKS5'))) return 'connection';
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && PROXY_REFUSAL.test(message)) return 'connection';
  }
  return null;
}

/** A short, password-free description for the stats' "last error". */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    const message = (e as { message?: unknown }).message;
    parts.push([typeof code === 'string' ? code : '', typeof message === 'string' ? message : String(e)].filter(Boolean).join(': '));
  }
  return redactCredentials(parts.join(' ← ')).slice(0, 300);
}

export function redactCredentials(text: string): string {
  return text.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1***@');
}
