import { Agent, request, type Dispatcher } from 'undici';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { MAX_BODY_BYTES, readAnswer, tooLarge, type RawAnswer, type ReadAnswer } from './answer-reader';
import { classifyThrown, type KaspiSurface } from './classify';
import { DEFAULT_READ_RETRY, backoffDelay, isRetryable, type RetryPolicy } from './retry';

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
  /**
   * Makes the answer's JSON out of its bytes: readAnswer in this thread unless the caller hands
   * the work elsewhere (a decode worker, decode-pool.ts); its `json` is what the caller gets.
   */
  read?: (raw: RawAnswer) => Promise<ReadAnswer>;
}

export interface KaspiResponse {
  status: number;
  json: unknown;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
const CONNECT_TIMEOUT_MS = 10_000;

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
  let raw: RawAnswer;
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
    const { headers } = res;
    const bytes = await readBytes(res.body);
    raw = { surface: req.surface, status: res.statusCode, contentType: first(headers['content-type']), contentEncoding: first(headers['content-encoding']), retryAfter: first(headers['retry-after']), bytes };
  } catch (err) {
    // The caller's own cancel is not a Kaspi failure: hand its reason back untouched.
    if (req.signal?.aborted) throw req.signal.reason;
    throw classifyThrown(err);
  }
  const result = await (req.read ?? readAnswer)(raw);
  if (!result.ok) throw result.error;
  return { status: raw.status, json: result.json };
}

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

function first(v: string | string[] | undefined): string | null {
  return (Array.isArray(v) ? v[0] : v) ?? null;
}
