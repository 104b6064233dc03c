import { parentPort } from 'node:worker_threads';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { readAnswer, type AnswerShape, type RawAnswer } from './answer-reader';
import type { DecodeReply, DecodeRequest } from './decode-pool';
import { offersPageOf } from './offers-page';

/**
 * A decode worker (decode-pool.ts): undoes the compression of a Kaspi answer, parses its JSON and
 * shapes it (a page of offers) off the main thread, with the very functions the main thread would
 * use, and sends back only what the caller keeps. A built entry of its own (vite.main.config.ts).
 */
const SHAPES: Record<DecodeRequest['shape'], AnswerShape> = { 'offers-page': offersPageOf };

const port = parentPort;
if (!port) throw new Error('decode-worker runs as a worker thread');

port.on('message', (request: DecodeRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});

async function answer({ id, raw, shape }: DecodeRequest): Promise<DecodeReply> {
  try {
    const read = await readAnswer(raw as RawAnswer, SHAPES[shape]);
    if (read.ok) return { id, ok: true, json: read.json };
    const { kind, userMessage, retryAfterMs, status } = read.error;
    return { id, ok: false, error: { kind, userMessage, retryAfterMs, status } };
  } catch (error) {
    // A bug in reading, not Kaspi's answer: that one request fails.
    return { id, ok: false, error: null, bug: error instanceof KaspiError ? error.message : String((error as Error)?.stack ?? error) };
  }
}
