import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { App } from '../../app/create-app';
import { serveStatic } from './static-files';
import { tokensEqual } from './token';
import { CSP } from '../../app/content-security-policy';

export interface BridgeOptions {
  app: App;
  token: string;
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
}

export interface Bridge {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

const COOKIE = 'kd_token';
const MAX_BODY = 1024 * 1024;

/**
 * The headless shell's bridge: the built renderer, calls at POST /api/call/<name>, events over
 * WebSocket at /api/events. Loopback only, and every request — pages included — needs the token:
 * `?token=` once (then an HttpOnly cookie), or `Authorization: Bearer`. Without it: 401, nothing else.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { app, token } = options;
  const log = app.logger.child('bridge');
  const sockets = new Set<WebSocket>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log.error('request failed', { error });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const auth = authenticate(req, url, token);
    if (!auth.ok || !isLoopbackHost(req.headers.host)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('401');
      return;
    }
    const headers: Record<string, string> = { 'content-security-policy': CSP, 'referrer-policy': 'no-referrer' };
    if (auth.viaQuery) {
      // Trade the query token for a cookie and drop it from the address bar.
      res.writeHead(303, {
        ...headers,
        'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: url.pathname,
      });
      res.end();
      return;
    }
    const callMatch = /^\/api\/call\/([\w.-]+)$/.exec(url.pathname);
    if (callMatch) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const body = await readJson(req);
      const result = body.ok
        ? await app.dispatcher.dispatch(callMatch[1]!, body.value, { shell: 'headless' })
        : { ok: false as const, error: { code: 'invalid_input', message: 'Тело запроса — не JSON' } };
      res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(result));
      return;
    }
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    serveStatic(options.staticDir, url.pathname, res);
  }

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const sameOrigin = !req.headers.origin || isLoopbackHost(new URL(req.headers.origin).host);
    if (url.pathname !== '/api/events' || !authenticate(req, url, token).ok || !sameOrigin || !isLoopbackHost(req.headers.host)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
    });
  });
  const unsubscribe = app.events.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const ws of sockets) ws.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function authenticate(req: IncomingMessage, url: URL, token: string): { ok: boolean; viaQuery: boolean } {
  if (tokensEqual(url.searchParams.get('token'), token)) return { ok: true, viaQuery: req.method === 'GET' && !url.pathname.startsWith('/api/') };
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (tokensEqual(bearer, token)) return { ok: true, viaQuery: false };
  const cookie = parseCookies(req.headers.cookie)[COOKIE];
  return { ok: tokensEqual(cookie, token), viaQuery: false };
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** Rejects DNS-rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host. */
function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '');
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
