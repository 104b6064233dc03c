import type { IncomingMessage } from 'node:http';

/**
 * The bridge's cap on a call body: a 20,000-product rules CSV with long titles is a few MB; a
 * bigger body is refused before it is held in memory.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; reason: 'too_large' | 'not_json' };

/**
 * Reads a JSON body. Once it is known to be over the cap (by Content-Length or by counting) the
 * rest is read and dropped, and the answer is given when the upload ends: a client still writing
 * when the connection closes would see a reset (EPIPE) instead of the 413. A sender that goes on
 * far past the cap is cut off at once.
 */
export function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length']);
    let tooLarge = declared > maxBytes;
    if (declared > 4 * maxBytes) {
      resolve({ ok: false, reason: 'too_large' });
      req.socket.destroy();
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > 4 * maxBytes) {
          resolve({ ok: false, reason: 'too_large' });
          req.socket.destroy();
        }
        return;
      }
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return resolve({ ok: false, reason: 'too_large' });
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve({ ok: true, value: {} });
      try {
        resolve({ ok: true, value: JSON.parse(text) });
      } catch {
        resolve({ ok: false, reason: 'not_json' });
      }
    });
    // A connection dropped mid-body (error or close before the end): nobody waits for the answer.
    req.on('error', () => resolve({ ok: false, reason: 'not_json' }));
    req.on('close', () => resolve({ ok: false, reason: 'not_json' }));
  });
}
