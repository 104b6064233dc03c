import { parentPort } from 'node:worker_threads';
import { answerDecodeRequest } from './decode-answer';
import { READY, type DecodeRequest } from './decode-pool';

/**
 * A decode worker (decode-pool.ts): decompresses, parses and shapes Kaspi's answers off the main
 * thread (decode-answer.ts). A built entry of its own beside main.js (vite.main.config.ts).
 */
const port = parentPort;
if (!port) throw new Error('decode-worker runs as a worker thread');
port.on('message', (request: DecodeRequest) => {
  void answerDecodeRequest(request).then((reply) => port.postMessage(reply));
});
port.postMessage(READY);
