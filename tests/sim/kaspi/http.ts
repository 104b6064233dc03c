import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

/** Minimal plumbing over node:http: the offers path must stay cheap (≥2,000 requests/s). */

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  /** Client IP = the socket's remote address, so proxies on 127.0.0.2/.3 count as other IPs. */
  ip: string;
  params: string[];
  cookies(): Record<string, string>;
  body(): Promise<string>;
  /** The raw body (a multipart file upload is binary). */
  bytes(): Promise<Buffer>;
  header(name: string): string | undefined;
}

export type Handler = (ctx: Ctx) => void | Promise<void>;

interface PatternRoute {
  method: string;
  re: RegExp;
  handler: Handler;
}

export class Router {
  private readonly exact = new Map<string, Handler>();
  private readonly patterns: PatternRoute[] = [];
  private readonly knownPaths = new Set<string>();

  on(method: string, path: string | RegExp, handler: Handler): this {
    if (typeof path === 'string') {
      this.exact.set(`${method} ${path}`, handler);
      this.knownPaths.add(path);
    } else this.patterns.push({ method, re: path, handler });
    return this;
  }

  /** The handler, 'method' when the path exists with another method (405), or null (404). */
  find(method: string, path: string): { handler: Handler; params: string[] } | 'method' | null {
    const exact = this.exact.get(`${method} ${path}`);
    if (exact) return { handler: exact, params: [] };
    let other = this.knownPaths.has(path);
    for (const route of this.patterns) {
      const m = route.re.exec(path);
      if (!m) continue;
      if (route.method === method) return { handler: route.handler, params: m.slice(1) };
      other = true;
    }
    return other ? 'method' : null;
  }
}

export function makeCtx(req: IncomingMessage, res: ServerResponse): Ctx {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  let cookies: Record<string, string> | undefined;
  let raw: Promise<Buffer> | undefined;
  let body: Promise<string> | undefined;
  const remote = req.socket.remoteAddress ?? '';
  return {
    req,
    res,
    method: req.method ?? 'GET',
    path,
    query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)),
    ip: remote.startsWith('::ffff:') ? remote.slice(7) : remote,
    params: [],
    cookies: () => (cookies ??= parseCookies(req.headers.cookie)),
    bytes: () => (raw ??= readBody(req)),
    body: () => (body ??= (raw ??= readBody(req)).then((b) => b.toString('utf8'))),
    header: (name) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    },
  };
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    // The first cookie of a name wins, as in browsers that send the most specific path first.
    if (name && !(name in out)) out[name] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 5_000_000) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `Set-Cookie` value: host-only, like Kaspi's cookies on their own hosts. */
export function cookie(name: string, value: string, opts: { maxAge?: number; httpOnly?: boolean } = {}): string {
  let c = `${name}=${encodeURIComponent(value)}; Path=/; SameSite=Lax`;
  if (opts.httpOnly !== false) c += '; HttpOnly';
  if (opts.maxAge !== undefined) c += `; Max-Age=${opts.maxAge}`;
  return c;
}

/** Below this a body is sent as is, like nginx's `gzip_min_length`. */
const GZIP_MIN_BYTES = 512;

/**
 * Kaspi's hosts sit behind nginx with gzip on: a client that offers gzip gets it (and must read
 * it), one that does not gets plain text.
 */
export function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string | string[]> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const accepts = /\bgzip\b/i.test(String(res.req?.headers['accept-encoding'] ?? ''));
  const bytes = Buffer.from(body, 'utf8');
  if (accepts && bytes.length >= GZIP_MIN_BYTES) {
    const packed = gzipSync(bytes, { level: 1 });
    res.writeHead(status, { 'content-type': contentType, 'content-length': packed.length, 'content-encoding': 'gzip', vary: 'Accept-Encoding', ...headers });
    res.end(packed);
    return;
  }
  res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length, ...headers });
  res.end(bytes);
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  send(res, status, 'application/json;charset=UTF-8', typeof body === 'string' ? body : JSON.stringify(body), headers);
}

export function html(res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}): void {
  send(res, status, 'text/html;charset=UTF-8', body, headers);
}

export function redirect(res: ServerResponse, location: string, setCookies: string[] = []): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | string[]> = { location, 'content-length': '0' };
  if (setCookies.length > 0) headers['set-cookie'] = setCookies;
  res.writeHead(302, headers);
  res.end();
}

/** Spring-style error body: the cabinet (mc) is a Spring app (its /oauth2/authorization/1 path). */
export function springError(ctx: Ctx, status: number, error: string, headers: Record<string, string | string[]> = {}): void {
  json(ctx.res, status, { timestamp: new Date().toISOString(), status, error, path: ctx.path }, headers);
}

export interface Listening {
  server: Server;
  url: string;
  port: number;
}

export function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, host: string, port: number): Promise<Listening> {
  const server = createServer({ keepAliveTimeout: 65_000 }, handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address() as AddressInfo;
      const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      resolve({ server, url: `http://${shown}:${addr.port}`, port: addr.port });
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
