import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { App } from '../../app/create-app';
import { serveStatic } from './static-files';
import { checkCall, checkPage, checkUpgrade, COOKIE } from './bridge-guard';
import { AppError } from '../../../src-shared/contract/errors';
import { msg } from '../../../src-shared/i18n/message';
import type { Message } from '../../../src-shared/i18n/message';
import { renderMessage } from '../../../src-shared/i18n/render';
import type { GuardOptions } from './bridge-guard';
import { MAX_BODY_BYTES, readJsonBody } from './request-body';
import { CSP } from '../../app/content-security-policy';
import { forwardEventsPerTick } from '../../app/event-batches';

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

/** Nothing the dashboard sends over the socket is read; a client that sends more is cut off. */
const MAX_SOCKET_MESSAGE = 4096;
const SECURITY_HEADERS = { 'content-security-policy': CSP, 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };

/**
 * The headless shell's bridge: the built renderer, calls at POST /api/call/<name>, events over
 * WebSocket at /api/events. Loopback only; who may call is decided in bridge-guard.ts. No request,
 * however malformed, ends the process: every handler answers or drops the connection.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { app, token } = options;
  const log = app.logger.child('bridge');
  const sockets = new Set<WebSocket>();
  // The port is known once listening; the guard reads it then.
  const guard: GuardOptions = { token, port: options.port };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log.error('request failed', { error });
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseUrl(req.url);
    if (!url) {
      res.writeHead(400).end();
      return;
    }
    const callMatch = /^\/api\/call\/([\w.-]+)$/.exec(url.pathname);
    if (callMatch) {
      await handleCall(req, res, url, callMatch[1]!);
      return;
    }
    const verdict = checkPage(req.headers, url.searchParams, guard);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8' }).end(String(verdict.status));
      return;
    }
    if (verdict.via === 'query' && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      // Trade the query token for a cookie and drop it from the address bar.
      res.writeHead(303, { ...SECURITY_HEADERS, 'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`, location: url.pathname });
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    serveStatic(options.staticDir, url.pathname, res, () => renderMessage(msg('headless.not_built'), app.settings.app().language));
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, url: URL, name: string): Promise<void> {
    if (req.method !== 'POST') {
      // Preflights included: the bridge never grants CORS.
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const verdict = checkCall(req.headers, url.searchParams, guard);
    if (!verdict.ok) {
      if (verdict.status === 401) res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('401');
      else refuseCall(res, verdict);
      return;
    }
    const body = await readJsonBody(req);
    if (!body.ok) {
      if (body.reason === 'too_large') {
        refuseCall(res, { status: 413, code: 'payload_too_large', userMessage: msg('bridge.too_large', { maxMb: MAX_BODY_BYTES / 2 ** 20 }) });
        return;
      }
      sendJson(res, 200, { ok: false, error: new AppError('invalid_input', msg('bridge.not_json')).toShape() });
      return;
    }
    const result = await app.dispatcher.dispatch(name, body.value, { shell: 'headless' });
    sendJson(res, 200, result);
  }

  /** A refused call answers in the contract's error shape, so the dashboard can show why. */
  function refuseCall(res: ServerResponse, refusal: { status: number; code: string; userMessage: Message }): void {
    // The connection closes after a refusal: nothing more is read from a client that sent one.
    res.shouldKeepAlive = false;
    sendJson(res, refusal.status, { ok: false, error: new AppError(refusal.code, refusal.userMessage).toShape() });
  }

  function sendJson(res: ServerResponse, status: number, value: unknown): void {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(value));
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const url = parseUrl(req.url);
      const verdict = url ? checkUpgrade(req.headers, url.searchParams, guard) : ({ ok: false, status: 400 } as const);
      if (!verdict.ok || url?.pathname !== '/api/events') {
        const status = verdict.ok ? 404 : verdict.status;
        socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        // An invalid frame (a reserved opcode, say) is an 'error' on the socket: drop that client only.
        ws.on('error', (error) => {
          log.warn('event socket closed on a protocol error', { error: error.message });
          ws.terminate();
        });
        ws.on('close', () => sockets.delete(ws));
      });
    } catch (error) {
      log.error('upgrade failed', { error });
      socket.destroy();
    }
  });
  // The events of one turn of the event loop go out together, one message per client (event-batches.ts).
  const unsubscribe = forwardEventsPerTick(app.events, (message) => {
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
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

/** The request target as a URL, or null when it is not one (`http://[`, say). */
function parseUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}
