import { createServer, type Server } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOffers } from '../../../src-main/kaspi/storefront';
import { kaspiRequest } from '../../../src-main/kaspi/transport';
import { KaspiError } from '../../../src-shared/domain/kaspi-error';

/** Transport edge cases that need a socket misbehaving in ways the simulator does not offer. */
describe('Kaspi transport', () => {
  let server: Server;
  let base = '';
  let hits = 0;
  /** Called once the slow body has begun: the request reached the server and the answer is under way. */
  let slowBodyBegun: () => void = () => undefined;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === '/slow-body') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        slowBodyBegun();
        return; // never finishes the body
      }
      if (req.url === '/reset') return req.socket.destroy();
      const packed = /^\/packed\/(\w+)/.exec(req.url ?? '')?.[1];
      if (packed) {
        const body = Buffer.from(JSON.stringify({ ok: true, said: req.headers['accept-encoding'] }));
        const data = packed === 'gzip' ? gzipSync(body) : packed === 'br' ? brotliCompressSync(body) : packed === 'deflate' ? deflateSync(body) : packed === 'broken' ? Buffer.from('not gzip') : body;
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': packed === 'broken' ? 'gzip' : packed });
        return res.end(data);
      }
      // offer-view without `total` or `offersCount`: 3 full pages of 2, then a short one.
      const offers = /^\/yml\/offer-view\/offers\/(\d+)/.exec(req.url ?? '');
      if (offers) {
        let text = '';
        req.on('data', (c: Buffer) => (text += c.toString()));
        req.on('end', () => {
          const { page } = JSON.parse(text) as { page: number };
          const all = Array.from({ length: 7 }, (_, i) => ({ merchantId: `m${i}`, price: 1000 + i }));
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ offers: all.slice(page * 2, page * 2 + 2) }));
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('reads answers compressed in each encoding it offers, and calls a broken one not-json', async () => {
    for (const encoding of ['gzip', 'br', 'deflate', 'identity']) {
      const res = await kaspiRequest({ surface: 'storefront', method: 'GET', url: `${base}/packed/${encoding}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(res.json, encoding).toEqual({ ok: true, said: 'gzip, deflate, br' });
    }
    await expect(kaspiRequest({ surface: 'storefront', method: 'GET', url: `${base}/packed/broken`, headers: {} })).rejects.toMatchObject({ kind: 'not-json' });
    await expect(kaspiRequest({ surface: 'storefront', method: 'GET', url: `${base}/packed/compress`, headers: {} })).rejects.toMatchObject({ kind: 'not-json', message: expect.stringContaining('compress') });
  });

  it('reads every offers page while pages come back full and Kaspi gives no total', async () => {
    const offers = await fetchOffers({ endpoints: { idmcUrl: base, mcUrl: base, storefrontUrl: base }, masterSku: '100000001', cityId: '750000000', limit: 2 });
    expect(offers.map((o) => o.merchantId)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
  });

  it('times out a body that stops half way', async () => {
    const started = Date.now();
    await expect(kaspiRequest({ surface: 'cabinet', method: 'GET', url: `${base}/slow-body`, headers: {}, timeoutMs: 200 })).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('retries a dropped connection for reads and reports network after the last try', async () => {
    hits = 0;
    const sleeps: number[] = [];
    const err = await kaspiRequest({ surface: 'cabinet', method: 'GET', url: `${base}/reset`, headers: {}, retry: { attempts: 3, sleep: async (ms) => void sleeps.push(ms) } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KaspiError);
    expect(err).toMatchObject({ kind: 'network' });
    expect(hits).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry when the caller says the call is not a read', async () => {
    hits = 0;
    await expect(kaspiRequest({ surface: 'pricefeed', method: 'POST', url: `${base}/reset`, headers: {}, body: {}, retry: false })).rejects.toMatchObject({ kind: 'network' });
    expect(hits).toBe(1);
  });

  it('reports a closed port as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(kaspiRequest({ surface: 'storefront', method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} })).rejects.toMatchObject({ kind: 'network', message: expect.stringContaining('ECONNREFUSED') });
  });

  it("hands back the caller's own cancel untouched, without retrying", async () => {
    hits = 0;
    const ctrl = new AbortController();
    const reason = new Error('user closed the window');
    // Cancelled mid-answer, whatever the machine's load (a fixed delay could cancel before the request left).
    slowBodyBegun = () => setTimeout(() => ctrl.abort(reason), 20);
    await expect(kaspiRequest({ surface: 'cabinet', method: 'GET', url: `${base}/slow-body`, headers: {}, signal: ctrl.signal, retry: { attempts: 3, sleep: async () => undefined } })).rejects.toBe(reason);
    expect(hits).toBe(1);
    slowBodyBegun = () => undefined;
  });
});
