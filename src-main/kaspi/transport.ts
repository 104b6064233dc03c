import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { classifyThrown, interpretResponse, type KaspiSurface } from './classify';
import { DEFAULT_READ_RETRY, backoffDelay, isRetryable, type RetryPolicy } from './retry';
import { msg } from '../../src-shared/i18n/message';

/**
 * Every HTTP call to Kaspi goes through `kaspiRequest`: one timeout policy, one error
 * classification (classify.ts), retries only where the caller says the call is a read.
 * undici speaks HTTP/1.1, which is what CDF forces after seeing 405s over HTTP/2 (§4).
 */
export interface KaspiRequest {
  surface: KaspiSurface;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (a multipart file upload), with its own content type; instead of `body`. */
  rawBody?: { bytes: Uint8Array; contentType: string };
  /** Per-request route (a proxy from the pool); the shared direct agent otherwise. */
  dispatcher?: Dispatcher;
  /** Whole request, from connect to the last body byte. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Only for idempotent reads; a price push passes false. */
  retry?: Partial<RetryPolicy> | false;
}

export interface KaspiResponse {
  status: number;
  json: unknown;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
const CONNECT_TIMEOUT_MS = 10_000;
/** A Kaspi JSON answer is kilobytes; anything past this is not what we asked for. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

let direct: Agent | undefined;
/** The direct route: bounded connect time, kept-alive sockets shared by all adapters. */
function directAgent(): Agent {
  direct ??= new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS }, keepAliveTimeout: 30_000 });
  return direct;
}

export async function kaspiRequest(req: KaspiRequest): Promise<KaspiResponse> {
  const policy = req.retry === false || req.retry === undefined ? null : { ...DEFAULT_READ_RETRY, ...req.retry };
  const attempts = policy ? Math.max(1, policy.attempts) : 1;
  for (let attempt = 0; ; attempt++) {
    try {
      return await once(req);
    } catch (err) {
      if (!(err instanceof KaspiError) || !policy || attempt + 1 >= attempts || !isRetryable(err) || req.signal?.aborted) throw err;
      await policy.sleep(backoffDelay(policy, attempt, err.retryAfterMs));
    }
  }
}

async function once(req: KaspiRequest): Promise<KaspiResponse> {
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
  let status: number;
  let headers: Record<string, string | string[] | undefined>;
  let body: string;
  try {
    const res = await request(req.url, {
      method: req.method,
      headers: req.rawBody ? { ...req.headers, 'content-type': req.rawBody.contentType } : req.headers,
      body: req.rawBody ? req.rawBody.bytes : req.body === undefined ? undefined : JSON.stringify(req.body),
      dispatcher: req.dispatcher ?? directAgent(),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal,
    });
    status = res.statusCode;
    headers = res.headers;
    body = await decode(await readBytes(res.body), first(headers['content-encoding']));
  } catch (err) {
    // The caller's own cancel is not a Kaspi failure: hand its reason back untouched.
    if (req.signal?.aborted) throw req.signal.reason;
    throw classifyThrown(err);
  }
  const result = interpretResponse(req.surface, { status, contentType: first(headers['content-type']), retryAfter: first(headers['retry-after']), body });
  if (!result.ok) throw result.error;
  return { status, json: result.json };
}

const tooLarge = (): KaspiError => new KaspiError('not-json', msg('kaspi.too_large'));

async function readBytes(body: Dispatcher.ResponseData['body']): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

type Inflate = (data: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>;
/** The encodings headers.ts offers (ACCEPT_ENCODING): undici's `request` leaves bodies as sent. */
const INFLATE: Record<string, Inflate | undefined> = {
  gzip: promisify(zlib.gunzip) as Inflate,
  'x-gzip': promisify(zlib.gunzip) as Inflate,
  deflate: promisify(zlib.inflate) as Inflate,
  br: promisify(zlib.brotliDecompress) as Inflate,
};

async function decode(bytes: Buffer, contentEncoding: string | null): Promise<string> {
  let data = bytes;
  // Listed in the order applied, so undone from the last (RFC 9110 §8.4).
  const codings = (contentEncoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  for (const coding of codings.reverse()) {
    const inflate = INFLATE[coding];
    if (!inflate) throw new KaspiError('not-json', msg('kaspi.unknown_encoding', { coding }));
    try {
      data = await inflate(data, { maxOutputLength: MAX_BODY_BYTES });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw new KaspiError('not-json', msg('kaspi.broken_compression'));
    }
  }
  return data.toString('utf8');
}

function first(v: string | string[] | undefined): string | null {
  return (Array.isArray(v) ? v[0] : v) ?? null;
}
