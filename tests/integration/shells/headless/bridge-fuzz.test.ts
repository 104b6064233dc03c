import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startHeadlessProcess, type HeadlessProcess } from '../../../support/headless-process';
import { rawExchange, rawUpgrade } from '../../../support/raw-http';

/**
 * A fuzzed stream of malformed upgrades, frames, bodies and headers against the headless app in
 * its own process. Whatever arrives, the process answers or drops that connection and lives on,
 * still serving its own page.
 */
let headless: HeadlessProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kd-fuzz-'));
  headless = await startHeadlessProcess(dataDir);
});
afterAll(async () => {
  await headless?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const CRLF = '\r\n';
// Calls without effects outside the data folder (no browser launch, no proxy traffic).
const CALLS = ['settings.update', 'settings.get', 'rules.importCsv', 'products.page', 'logs.query', 'system.status', 'no.such.call', ''];

const headerValue = fc.oneof(
  fc.constantFrom('null', '', ' ', 'http://[', 'file://', '::::', 'http://127.0.0.1:1', 'ws://x', '%', '\u00ff\u00fe', 'a'.repeat(9000)),
  fc.string({ maxLength: 40 }),
);
const path = fc.oneof(
  fc.constantFrom('/', '/api/events', '/api/call/settings.update', '/%E0%A4%A', '/..%2f..%2fetc%2fpasswd', '//', 'http://[', '*', '/api/call/', '/?token=', '/api/events?token=%'),
  fc.string({ maxLength: 30 }).map((s) => `/${s}`),
);

/** Headers an attacker might send, with the real token in some of them (an authenticated client gone bad). */
function authHeaders(token: string) {
  return fc.constantFrom<Record<string, string>>({}, { Authorization: `Bearer ${token}` }, { Cookie: `kd_token=${token}` }, { Authorization: 'Bearer x' });
}

function upgrade(port: number, token: string) {
  return fc
    .record({
      path,
      auth: authHeaders(token),
      origin: fc.option(headerValue, { nil: undefined }),
      key: fc.oneof(fc.constant('dGhlIHNhbXBsZSBub25jZQ=='), headerValue),
      version: fc.constantFrom('13', '8', '', 'x'),
      upgradeWord: fc.constantFrom('websocket', 'WebSocket', 'h2c', ''),
      host: fc.constantFrom(`127.0.0.1:${port}`, 'evil.example', '', `localhost:${port}`),
    })
    .map((r) => {
      const lines = [`GET ${r.path} HTTP/1.1`, `Host: ${r.host}`, `Upgrade: ${r.upgradeWord}`, 'Connection: Upgrade', `Sec-WebSocket-Key: ${r.key}`, `Sec-WebSocket-Version: ${r.version}`];
      if (r.origin !== undefined) lines.push(`Origin: ${r.origin}`);
      for (const [name, value] of Object.entries(r.auth)) lines.push(`${name}: ${value}`);
      return [`${lines.join(CRLF)}${CRLF}${CRLF}`];
    });
}

function httpRequest(port: number, token: string) {
  const body = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
    fc.string({ maxLength: 200 }),
    fc.constant('['.repeat(100_000) + ']'.repeat(100_000)),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  );
  return fc
    .record({
      method: fc.constantFrom('POST', 'GET', 'OPTIONS', 'PUT', 'BREW', 'P OST'),
      target: fc.oneof(path, fc.constantFrom(...CALLS).map((name) => `/api/call/${name}`)),
      auth: authHeaders(token),
      host: fc.constantFrom(`127.0.0.1:${port}`, 'evil.example', `127.0.0.1:${port}\u0000`),
      type: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8', ''),
      origin: fc.option(headerValue, { nil: undefined }),
      extra: fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), headerValue), { maxLength: 3 }),
      body,
      framing: fc.constantFrom('exact', 'short', 'long', 'chunked-bad', 'none', 'negative'),
    })
    .map((r) => {
      const length = Buffer.byteLength(r.body, 'latin1');
      const lines = [`${r.method} ${r.target} HTTP/1.1`, `Host: ${r.host}`, 'X-Kaspi-Demper: 1'];
      if (r.type) lines.push(`Content-Type: ${r.type}`);
      if (r.origin !== undefined) lines.push(`Origin: ${r.origin}`);
      for (const [name, value] of Object.entries(r.auth)) lines.push(`${name}: ${value}`);
      for (const [name, value] of r.extra) lines.push(`${name}: ${value}`);
      const framing: Record<typeof r.framing, string> = {
        exact: `Content-Length: ${length}`,
        short: `Content-Length: ${Math.max(0, length - 3)}`,
        long: `Content-Length: ${length + 50}`,
        'chunked-bad': 'Transfer-Encoding: chunked',
        none: 'X-None: 1',
        negative: 'Content-Length: -1',
      };
      lines.push(framing[r.framing]);
      const payload = r.framing === 'chunked-bad' ? `zz${CRLF}${r.body}${CRLF}` : r.body;
      return [Buffer.from(`${lines.join(CRLF)}${CRLF}${CRLF}`, 'latin1'), Buffer.from(payload, 'latin1')];
    });
}

const garbage = fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => [Buffer.from(bytes)]);

async function expectServing() {
  expect(await headless.serves(), headless.stderr()).toBe(true);
}

describe('the headless app under a fuzzed stream of malformed traffic', () => {
  it('survives malformed upgrades, HTTP requests and raw bytes', async () => {
    const { port, token } = headless;
    await fc.assert(
      fc.asyncProperty(fc.oneof(upgrade(port, token), httpRequest(port, token), garbage), async (chunks) => {
        await rawExchange(port, chunks, 40);
        expect(headless.alive(), headless.stderr()).toBe(true);
      }),
      { numRuns: 250, seed: 20261210 },
    );
    await expectServing();
  });

  it('survives authenticated clients that send malformed WebSocket frames', async () => {
    const frame = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes));
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 4 }), async (frames) => {
        const { socket, status } = await rawUpgrade(headless.port, { Authorization: `Bearer ${headless.token}` });
        expect(status).toBe(101);
        socket.on('error', () => undefined);
        for (const bytes of frames) socket.write(bytes);
        await new Promise((resolve) => setTimeout(resolve, 20));
        socket.destroy();
        expect(headless.alive(), headless.stderr()).toBe(true);
      }),
      { numRuns: 120, seed: 20261211 },
    );
    await expectServing();

    // And the events socket still works for a well-behaved client.
    const ws = new WebSocket(`ws://127.0.0.1:${headless.port}/api/events`, { headers: { authorization: `Bearer ${headless.token}` } });
    await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
    const message = new Promise<string>((resolve) => ws.on('message', (data) => resolve(String(data))));
    await headless.call('settings.update', { theme: 'dark' });
    expect(JSON.parse(await message)).toMatchObject({ event: 'settings.changed' });
    ws.close();
  });
});
