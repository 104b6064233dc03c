import type { IncomingHttpHeaders } from 'node:http';
import { tokensEqual } from './token';
import { msg } from '../../../src-shared/i18n/message';
import type { Message } from '../../../src-shared/i18n/message';

/**
 * Who may talk to the bridge (design.md §9: it trusts only its own origin). Any web page the
 * seller opens can send requests to 127.0.0.1, and the browser attaches our cookie to requests
 * from every 127.0.0.1:<port> page (same site: ports do not count), so a valid cookie proves
 * nothing about the page. What does:
 *  - Host names us (127.0.0.1, localhost or [::1] with our port): no DNS rebinding;
 *  - an Origin, when the browser sends one, is exactly ours; `null` and other non-URLs are refused;
 *  - a call authenticated by the cookie also carries BRIDGE_HEADER, which a cross-origin page
 *    cannot add without a CORS preflight — and the bridge grants no preflight;
 *  - a call's body is JSON (`application/json` also needs a preflight; text/plain and forms do not).
 * A program that holds the token (Authorization: Bearer) is not a web page and needs no header.
 * Checks read headers only and never throw: a request is answered, never ends the process.
 */
export const BRIDGE_HEADER = 'x-kaspi-demper';
export const COOKIE = 'kd_token';

type Refusal = { status: 401 | 403 | 415; code: 'unauthorized' | 'forbidden' | 'unsupported_media_type'; userMessage: Message };
export type Verdict = { ok: true; via: 'query' | 'bearer' | 'cookie' } | ({ ok: false } & Refusal);

const refuse = (status: Refusal['status'], code: Refusal['code'], userMessage: Message): Verdict => ({ ok: false, status, code, userMessage });

export interface GuardOptions {
  token: string;
  /** The port the bridge listens on: Host and Origin must name it. */
  port: number;
}

export function ownHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

/** An absent Origin (not a browser, or a top-level navigation) passes; a present one must be exactly ours. */
function originAllowed(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  return origin === undefined || origin === `http://${headers.host}`;
}

function credentials(headers: IncomingHttpHeaders, query: URLSearchParams, token: string): 'query' | 'bearer' | 'cookie' | null {
  if (tokensEqual(query.get('token'), token)) return 'query';
  const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
  if (tokensEqual(bearer, token)) return 'bearer';
  return tokensEqual(cookieValue(headers.cookie, COOKIE), token) ? 'cookie' : null;
}

/** Pages and static files: the token in any form, from our own place. */
export function checkPage(headers: IncomingHttpHeaders, query: URLSearchParams, options: GuardOptions): Verdict {
  if (!ownHost(headers.host, options.port) || !originAllowed(headers)) return refuse(403, 'forbidden', msg('bridge.forbidden'));
  const via = credentials(headers, query, options.token);
  return via ? { ok: true, via } : refuse(401, 'unauthorized', msg('bridge.unauthorized'));
}

/** A contract call: a page check, then for the cookie our Origin and header, and a JSON body in every case. */
export function checkCall(headers: IncomingHttpHeaders, query: URLSearchParams, options: GuardOptions): Verdict {
  const page = checkPage(headers, query, options);
  if (!page.ok) return page;
  if (page.via === 'cookie' && (headers.origin === undefined || !headers[BRIDGE_HEADER])) return refuse(403, 'forbidden', msg('bridge.forbidden'));
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return refuse(415, 'unsupported_media_type', msg('bridge.not_json_type'));
  return page;
}

/** The events socket: browsers always send an Origin on a WebSocket, so the cookie needs ours. */
export function checkUpgrade(headers: IncomingHttpHeaders, query: URLSearchParams, options: GuardOptions): Verdict {
  const page = checkPage(headers, query, options);
  if (!page.ok) return page;
  if (page.via === 'cookie' && headers.origin === undefined) return refuse(403, 'forbidden', msg('bridge.forbidden'));
  return page;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
