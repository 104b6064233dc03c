import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kaspiRequest } from '../../../src-main/kaspi/transport';
import { KaspiError } from '../../../src-shared/domain/kaspi-error';

/** Transport edge cases that need a socket misbehaving in ways the simulator does not offer. */
describe('Kaspi transport', () => {
  let server: Server;
  let base = '';
  let hits = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === '/slow-body') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        return; // never finishes the body
      }
      if (req.url === '/reset') return req.socket.destroy();
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
    setTimeout(() => ctrl.abort(reason), 50);
    await expect(kaspiRequest({ surface: 'cabinet', method: 'GET', url: `${base}/slow-body`, headers: {}, signal: ctrl.signal, retry: { attempts: 3, sleep: async () => undefined } })).rejects.toBe(reason);
    expect(hits).toBe(1);
  });
});
