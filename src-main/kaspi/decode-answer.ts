import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { readAnswer, type AnswerShape } from './answer-reader';
import type { DecodeReply, DecodeRequest } from './decode-pool';
import { offersPageOf } from './offers-page';

/** The shapes a worker can make of an answer's JSON, by the name the main thread sends. */
const SHAPES: Record<DecodeRequest['shape'], AnswerShape> = { 'offers-page': offersPageOf };

/**
 * One decode request answered as a decode worker answers it: the very readAnswer and shape the
 * main thread would use, and back only what the caller keeps (a KaspiError as plain fields).
 */
export async function answerDecodeRequest({ id, raw, shape }: DecodeRequest): Promise<DecodeReply> {
  try {
    const read = await readAnswer(raw, SHAPES[shape]);
    if (read.ok) return { id, ok: true, json: read.json };
    const { kind, userMessage, retryAfterMs, status } = read.error;
    return { id, ok: false, error: { kind, userMessage, retryAfterMs, status } };
  } catch (error) {
    // A bug in reading, not Kaspi's answer: that one request fails.
    return { id, ok: false, error: null, bug: error instanceof KaspiError ? error.message : String((error as Error)?.stack ?? error) };
  }
}
