import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startTestHeadless } from '../../../support/headless';
import type { Headless } from '../../../../src-main/shells/headless/start-headless';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();
let running: Headless | undefined;
afterEach(async () => { await running?.close(); running = undefined; });

async function start() {
  const h = await startTestHeadless(tempDir());
  running = h;
  return h;
}

describe('headless bridge', () => {
  it('answers 401 and nothing else to any request without the token', async () => {
    const { base } = await start();
    for (const [path, init] of [
      ['/', {}],
      ['/index.html', {}],
      ['/api/call/system.status', { method: 'POST', body: '{}' }],
      ['/?token=wrong', {}],
    ] as const) {
      const response = await fetch(base + path, init);
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('401');
    }
    const bad = await fetch(`${base}/api/call/system.status`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
  });

  it('creates the token once, readable only by the user, and keeps it across restarts', async () => {
    const dir = tempDir();
    const first = await startTestHeadless(dir);
    const path = join(dir, 'headless-token');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(first.tokenCreated).toBe(true);
    await first.close();
    const second = await startTestHeadless(dir);
    running = second;
    expect(second.tokenCreated).toBe(false);
    expect(second.token).toBe(readFileSync(path, 'utf8'));
  });

  it('serves calls with the token and rejects a foreign Host (DNS rebinding)', async () => {
    const { base, token } = await start();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const ok = await fetch(`${base}/api/call/system.status`, { method: 'POST', headers, body: '{}' });
    const body = (await ok.json()) as { ok: boolean; value: { shell: string; database: { journalMode: string } } };
    expect(body).toMatchObject({ ok: true, value: { shell: 'headless', database: { journalMode: 'wal' } } });

    const invalid = await fetch(`${base}/api/call/settings.update`, { method: 'POST', headers, body: '{"language":"fr"}' });
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const notJson = await fetch(`${base}/api/call/settings.update`, { method: 'POST', headers, body: '<html>' });
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(`${base}/api/call/system.status`, { method: 'POST', headers: { ...headers, host: 'evil.example' } }, (res) => resolve(res.statusCode!));
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('trades the URL token for a cookie, then serves the dashboard with a CSP', async () => {
    const { bridge, base } = await start();
    const first = await fetch(bridge.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(first.headers.get('location')).toBe('/');
    const page = await fetch(base + '/', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('pushes events over the WebSocket to authenticated clients only', async () => {
    const { base, token, app } = await start();
    const wsBase = base.replace('http', 'ws');
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${wsBase}/api/events`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode!));
      ws.on('error', () => resolve(-1));
    });
    expect(refused).toBe(401);

    const ws = new WebSocket(`${wsBase}/api/events`, { headers: { authorization: `Bearer ${token}` } });
    await new Promise((resolve) => ws.on('open', resolve));
    const message = new Promise<unknown>((resolve) => ws.on('message', (data) => resolve(JSON.parse(String(data)))));
    await app.dispatcher.dispatch('settings.update', { language: 'kk' }, { shell: 'test' });
    expect(await message).toMatchObject({ event: 'settings.changed', payload: { language: 'kk' } });
    ws.close();
  });

  it('sends the events of one turn of the event loop as one message, in order', async () => {
    const { base, token, app } = await start();
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/events`, { headers: { authorization: `Bearer ${token}` } });
    await new Promise((resolve) => ws.on('open', resolve));
    const messages: unknown[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    for (const productIds of [[1], [2], [3]]) app.events.emit('products.changed', { productIds });
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toEqual([1, 2, 3].map((id) => ({ event: 'products.changed', payload: { productIds: [id] } })));
    ws.close();
  });
});
