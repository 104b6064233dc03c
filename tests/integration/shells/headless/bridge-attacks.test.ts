import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHeadlessProcess, type HeadlessProcess } from '../../../support/headless-process';
import { clientFrame, rawExchange, rawUpgrade, statusOf, upgradeRequest } from '../../../support/raw-http';

/**
 * The bridge attacked the way any web page or local program on the seller's machine can: the
 * headless app runs as its own process (`npm run headless`), so a crash shows as a dead process.
 */
let headless: HeadlessProcess;
let dataDir: string;
let cookie: string;
let origin: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kd-attack-'));
  headless = await startHeadlessProcess(dataDir);
  origin = headless.base;
  const first = await fetch(`${headless.base}/?token=${headless.token}`, { redirect: 'manual' });
  cookie = first.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await headless?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The app is still there and still serves its own page's calls. */
async function expectAlive() {
  expect(await headless.serves(), headless.stderr()).toBe(true);
}

const language = async () => ((await (await headless.call('settings.get')).json()) as { value: { language: string } }).value.language;

describe('a WebSocket upgrade from a hostile page', () => {
  it('with Origin: null (a sandboxed iframe) and no token is refused, and the app lives on', async () => {
    const response = await rawExchange(headless.port, [upgradeRequest(headless.port, { Origin: 'null' })]);
    expect([401, 403]).toContain(statusOf(response));
    await expectAlive();
  });

  it('with an Origin that is not a URL, with or without the token, is refused', async () => {
    for (const value of ['null', '::::', 'http://[', 'file://']) {
      const withToken = await rawExchange(headless.port, [upgradeRequest(headless.port, { Origin: value, Authorization: `Bearer ${headless.token}` })]);
      expect(statusOf(withToken)).toBe(403);
    }
    await expectAlive();
  });

  it('from another local port, carrying the cookie the browser sends along, is refused', async () => {
    const foreign = await rawExchange(headless.port, [upgradeRequest(headless.port, { Origin: 'http://127.0.0.1:8080', Cookie: cookie })]);
    expect(statusOf(foreign)).toBe(403);
    const ours = await rawUpgrade(headless.port, { Origin: origin, Cookie: cookie });
    expect(ours.status).toBe(101);
    ours.socket.destroy();
  });
});

describe('an authenticated WebSocket client sending invalid frames', () => {
  it('loses its connection (reserved opcode, unmasked frame, oversized control frame), the app lives on', async () => {
    const invalid = [
      clientFrame(0x83), // reserved non-control opcode 0x3
      clientFrame(0x8b), // reserved control opcode 0xB
      Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]), // unmasked text frame
      clientFrame(0x09, Buffer.alloc(0)), // fragmented control frame (FIN unset on a ping)
      clientFrame(0x81, Buffer.from([0xff, 0xfe, 0xfd])), // text that is not UTF-8
    ];
    for (const frame of invalid) {
      const { socket, status } = await rawUpgrade(headless.port, { Authorization: `Bearer ${headless.token}` });
      expect(status).toBe(101);
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => undefined);
      socket.write(frame);
      await closed;
    }
    await expectAlive();
  });
});

describe('calls from a page on another local port (the cookie is same-site for the browser)', () => {
  const callWith = (headers: Record<string, string>, body = '{"language":"kk"}') =>
    fetch(`${headless.base}/api/call/settings.update`, { method: 'POST', headers: { cookie, ...headers }, body });

  it('a text/plain or form POST (no preflight in a browser) changes nothing', async () => {
    const before = await language();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await callWith({ origin: 'http://127.0.0.1:8080', 'content-type': type });
      expect(response.status).toBe(403);
      const sameOrigin = await callWith({ origin, 'content-type': type, 'x-kaspi-demper': '1' });
      expect(sameOrigin.status).toBe(415);
    }
    expect(await language()).toBe(before);
  });

  it('a JSON POST needs our exact Origin and the header a cross-origin page cannot send without a preflight', async () => {
    const before = await language();
    const json = { 'content-type': 'application/json' };
    expect((await callWith({ ...json, origin: 'http://127.0.0.1:8080', 'x-kaspi-demper': '1' })).status).toBe(403);
    expect((await callWith({ ...json, origin: 'http://localhost:8080', 'x-kaspi-demper': '1' })).status).toBe(403);
    expect((await callWith({ ...json, origin: 'null', 'x-kaspi-demper': '1' })).status).toBe(403);
    expect((await callWith({ ...json, origin })).status).toBe(403);
    expect((await callWith({ ...json, 'x-kaspi-demper': '1' })).status).toBe(403);
    expect(await language()).toBe(before);

    const own = await callWith({ ...json, origin, 'x-kaspi-demper': '1' });
    expect(await own.json()).toMatchObject({ ok: true, value: { language: 'kk' } });
  });

  it('a preflight gets no CORS permission', async () => {
    const response = await fetch(`${headless.base}/api/call/settings.update`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:8080', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-kaspi-demper,content-type' },
    });
    expect(response.ok).toBe(false);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request bodies', () => {
  it('over the cap get 413 with a message saying what to do, not "not JSON"', async () => {
    const big = JSON.stringify({ csv: 'x'.repeat(17 * 1024 * 1024), apply: false });
    const response = await fetch(`${headless.base}/api/call/rules.importCsv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${headless.token}`, 'content-type': 'application/json' },
      body: big,
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    expect(body.error.message).toMatch(/МБ/);

    // The same without a Content-Length (chunked): counted as it arrives.
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const chunked = await fetch(`${headless.base}/api/call/rules.importCsv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${headless.token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    await expectAlive();
  });
});
