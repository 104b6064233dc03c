import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { msg } from '../../src-shared/i18n/message';
import { interpretResponse, type KaspiSurface } from './classify';

/**
 * Kaspi's answer as it came off the socket, before anything is made of it: what the transport
 * hands to a reader. Plain data (bytes and strings), so it can be moved to a worker thread.
 */
export interface RawAnswer {
  surface: KaspiSurface;
  status: number;
  contentType: string | null;
  contentEncoding: string | null;
  retryAfter: string | null;
  bytes: Uint8Array;
}

export type ReadAnswer = { ok: true; json: unknown } | { ok: false; error: KaspiError };

/** A body's JSON turned into what the caller keeps (e.g. a page of offers); throws a KaspiError when it is not that. */
export type AnswerShape = (json: unknown) => unknown;

/** A Kaspi JSON answer is kilobytes; anything past this is not what we asked for. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export const tooLarge = (): KaspiError => new KaspiError('not-json', msg('kaspi.too_large'));

/**
 * Undoes the body's encoding, classifies the answer (classify.ts) and, when it is a good one,
 * shapes its JSON. The same function runs in the main thread and in the decode workers
 * (decode-pool.ts), so both read an answer alike.
 */
export async function readAnswer(raw: RawAnswer, shape?: AnswerShape): Promise<ReadAnswer> {
  let body: string;
  try {
    body = await decode(raw.bytes, raw.contentEncoding);
  } catch (error) {
    if (error instanceof KaspiError) return { ok: false, error };
    throw error;
  }
  const result = interpretResponse(raw.surface, { status: raw.status, contentType: raw.contentType, retryAfter: raw.retryAfter, body });
  if (!result.ok || !shape) return result;
  try {
    return { ok: true, json: shape(result.json) };
  } catch (error) {
    if (error instanceof KaspiError) return { ok: false, error };
    throw error;
  }
}

type Inflate = (data: Uint8Array, options: { maxOutputLength: number }) => Promise<Buffer>;
/** The encodings headers.ts offers (ACCEPT_ENCODING): undici's `request` leaves bodies as sent. */
const INFLATE: Record<string, Inflate | undefined> = {
  gzip: promisify(zlib.gunzip) as Inflate,
  'x-gzip': promisify(zlib.gunzip) as Inflate,
  deflate: promisify(zlib.inflate) as Inflate,
  br: promisify(zlib.brotliDecompress) as Inflate,
};

async function decode(bytes: Uint8Array, contentEncoding: string | null): Promise<string> {
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
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
}
