import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Receives WAHA's webhooks (waha-and-security.md A6) on 127.0.0.1 only. The path carries a random
 * token (WAHA Core signs nothing, so the path is what a stranger cannot guess); when WAHA signs
 * with the session's HMAC key, the X-Webhook-Hmac of the raw body must match too. Answers fast
 * and hands the parsed event on; a repeated delivery is harmless (statuses only move forward).
 */
export interface WahaEvent {
  event: string;
  payload: Record<string, unknown>;
}

export interface WebhookServer {
  readonly port: number;
  /** The path WAHA posts to (with the token); the host part depends on where WAHA runs. */
  readonly path: string;
  close(): Promise<void>;
}

const MAX_BODY = 1_000_000;

export async function startWebhookServer(options: { port: number; token: string; onEvent: (event: WahaEvent) => void }): Promise<WebhookServer> {
  const path = `/waha/${options.token}`;
  const expectedPath = Buffer.from(path);
  const server: Server = createServer((req, res) => {
    const given = Buffer.from((req.url ?? '').split('?')[0] ?? '');
    if (req.method !== 'POST' || given.length !== expectedPath.length || !timingSafeEqual(given, expectedPath)) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const hmac = req.headers['x-webhook-hmac'];
      if (typeof hmac === 'string') {
        const want = createHmac('sha512', options.token).update(raw).digest();
        const got = Buffer.from(hmac, 'hex');
        if (got.length !== want.length || !timingSafeEqual(got, want)) {
          res.writeHead(401).end();
          return;
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        return;
      }
      const event = (parsed as { event?: unknown }).event;
      const payload = (parsed as { payload?: unknown }).payload;
      if (typeof event === 'string' && payload && typeof payload === 'object') options.onEvent({ event, payload: payload as Record<string, unknown> });
    });
    req.on('error', () => undefined);
  });
  const listening = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listening(options.port);
  } catch {
    // The usual port is taken (a second app, another program): any free one; the session config follows it.
    await listening(0);
  }
  server.unref();
  return {
    port: (server.address() as AddressInfo).port,
    path,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
