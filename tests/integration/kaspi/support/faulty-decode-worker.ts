import { parentPort } from 'node:worker_threads';
import { answerDecodeRequest } from '../../../../src-main/kaspi/decode-answer';
import { READY, type DecodeRequest } from '../../../../src-main/kaspi/decode-pool';

/**
 * A decode worker that answers as the real one (decode-worker.ts), except for a body that says
 * `crash-me` (the thread dies of an uncaught error) or `hang-me` (it never answers): what a bug or
 * a stuck parse would do to a real worker.
 */
const port = parentPort!;
port.on('message', (request: DecodeRequest) => {
  const text = Buffer.from(request.raw.bytes).toString('utf8');
  if (text.includes('crash-me')) setImmediate(() => {
    throw new Error('decoder bug');
  });
  else if (!text.includes('hang-me')) void answerDecodeRequest(request).then((reply) => port.postMessage(reply));
});
port.postMessage(READY);
