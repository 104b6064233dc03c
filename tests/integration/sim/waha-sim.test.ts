import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWahaSim, type WahaSim } from '../../sim/waha';

const KEY = 'b3f1c0de-test-key-for-the-simulator';
const HASHED = `sha512:${createHash('sha512').update(KEY).digest('hex')}`;
const SELLER = '77015550000';
const BUYER = '77071234567';

async function waitUntil<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function api(base: string, key: string | null = KEY) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(key === null ? {} : { 'x-api-key': key }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, body: type.includes('json') ? ((await res.json()) as Record<string, unknown>) : Buffer.from(await res.arrayBuffer()) };
  };
}

describe('the WAHA simulator CLI', () => {
  let child: ChildProcess;
  let urls: { url: string; control: string };
  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'sim', 'waha', 'cli.ts'), '--api-key', HASHED, '--time-scale', '0.01'], { stdio: ['ignore', 'pipe', 'inherit'] });
    urls = JSON.parse(await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    })) as typeof urls;
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints its two loopback URLs and checks the key WAHA holds in its sha512: form', async () => {
    expect(urls.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(urls.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await api(urls.url, null)('GET', '/api/sessions')).status).toBe(401);
    expect((await api(urls.url, 'wrong')('GET', '/api/sessions')).status).toBe(401);
    // The hash itself is not the key: WAHA compares sha512(X-Api-Key) with it.
    expect((await api(urls.url, HASHED)('GET', '/api/sessions')).status).toBe(401);
    expect((await api(urls.url)('GET', '/api/sessions?all=true')).body).toEqual([expect.objectContaining({ name: 'default', status: 'STOPPED' })]);
  });

  it('links by QR through its control API', async () => {
    const call = api(urls.url);
    expect((await call('POST', '/api/sessions/default/start')).status).toBe(201);
    await waitUntil(async () => ((await call('GET', '/api/sessions/default')).body as { status: string }).status === 'SCAN_QR_CODE' || undefined);
    const scan = await fetch(`${urls.control}/scan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: SELLER }) });
    expect(scan.status).toBe(200);
    expect((await call('GET', '/api/sessions/default')).body).toMatchObject({ status: 'WORKING', me: { id: `${SELLER}@c.us` } });
  });
});

describe('the WAHA simulator', () => {
  let sim: WahaSim;
  let hooks: Server;
  let hookUrl: string;
  const received: { headers: Record<string, string | string[] | undefined>; raw: string }[] = [];
  beforeAll(async () => {
    hooks = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, raw });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/waha`;
  });
  afterAll(async () => {
    await new Promise((resolve) => hooks.close(resolve));
  });
  afterEach(async () => {
    received.length = 0;
    await sim?.close();
  });

  const started = async (opts: Parameters<typeof startWahaSim>[0] = {}) => {
    sim = await startWahaSim({ apiKey: KEY, timeScale: 0.01, autoAck: null, ...opts });
    return api(sim.url);
  };
  const linked = async (opts: Parameters<typeof startWahaSim>[0] = {}) => {
    const call = await started(opts);
    await call('PUT', '/api/sessions/default', { config: { webhooks: [{ url: hookUrl, events: ['session.status', 'message', 'message.ack'], hmac: { key: 'hook-secret' } }] } });
    await call('POST', '/api/sessions/default/start');
    await waitUntil(() => sim.state().status === 'SCAN_QR_CODE' || undefined);
    sim.scanQr(SELLER);
    return call;
  };

  it('walks the session states: STOPPED, STARTING, SCAN_QR_CODE with a rotating QR, then FAILED when nobody scans', async () => {
    const call = await started();
    expect((await call('POST', '/api/sessions', { name: 'default' })).status).toBe(422);
    expect((await call('POST', '/api/sessions/second/start')).status).toBe(404);
    expect((await call('POST', '/api/sessions/default/start')).body).toMatchObject({ status: 'STARTING' });
    expect((await call('POST', '/api/sessions/default/start')).status).toBe(422);
    // The QR is asked for while the session still starts: WAHA waits for SCAN_QR_CODE first.
    const first = await call('GET', '/api/default/auth/qr?format=raw');
    expect(first.body).toEqual({ value: expect.any(String) });
    const image = await call('GET', '/api/default/auth/qr?format=image', undefined, { accept: 'application/json' });
    expect(image.body).toMatchObject({ mimetype: 'image/png' });
    expect(Buffer.from((image.body as { data: string }).data, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const png = await call('GET', '/api/default/auth/qr');
    expect(png.type).toBe('image/png');
    // Rotations: 60 s then 20 s apart (here ×0.01); each is a new value.
    const second = await waitUntil(async () => {
      const now = (await call('GET', '/api/default/auth/qr?format=raw')).body as { value: string };
      return now.value !== (first.body as { value: string }).value ? now.value : undefined;
    });
    expect(second).not.toBe((first.body as { value: string }).value);
    await waitUntil(() => sim.state().status === 'FAILED' || undefined, 20_000);
    const seen = sim.state().statusLog.map((s) => s.status);
    expect(seen.slice(0, 2)).toEqual(['STARTING', 'SCAN_QR_CODE']);
    expect(seen.filter((s) => s === 'SCAN_QR_CODE').length).toBe(7);
    expect((await call('GET', '/api/default/auth/qr?format=raw')).status).toBe(422);
  });

  it('links by a pairing code, and refuses a code outside SCAN_QR_CODE', async () => {
    const call = await started();
    expect((await call('POST', '/api/default/auth/request-code', { phoneNumber: SELLER })).status).toBe(422);
    await call('POST', '/api/sessions/default/start');
    await waitUntil(() => sim.state().status === 'SCAN_QR_CODE' || undefined);
    const { body } = await call('POST', '/api/default/auth/request-code', { phoneNumber: SELLER });
    expect((body as { code: string }).code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(sim.enterPairingCode('XXXX-XXXX', SELLER)).toBe(false);
    expect(sim.enterPairingCode((body as { code: string }).code, SELLER)).toBe(true);
    expect((await call('GET', '/api/sessions/default/me')).body).toEqual({ id: `${SELLER}@c.us`, pushName: 'Shop' });
  });

  it('sends only from a WORKING session, answers with the engine message, and tells which numbers are on WhatsApp', async () => {
    const call = await started();
    const refused = await call('POST', '/api/sendText', { session: 'default', chatId: `${BUYER}@c.us`, text: 'Здравствуйте' });
    expect(refused).toMatchObject({ status: 422, body: { status: 'STOPPED', expected: ['WORKING'] } });
    await sim.close();
    const linkedCall = await linked();
    sim.setNotOnWhatsApp(['77000000000']);
    expect((await linkedCall('GET', `/api/contacts/check-exists?phone=${BUYER}&session=default`)).body).toEqual({ numberExists: true, chatId: `${BUYER}@c.us` });
    expect((await linkedCall('GET', '/api/contacts/check-exists?phone=77000000000&session=default')).body).toEqual({ numberExists: false });
    const sent = await linkedCall('POST', '/api/sendText', { session: 'default', chatId: `${BUYER}@c.us`, text: 'Спасибо за заказ' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ key: { remoteJid: `${BUYER}@s.whatsapp.net`, fromMe: true, id: expect.any(String) }, status: 1 });
    expect(sim.sent(BUYER)).toEqual([expect.objectContaining({ body: 'Спасибо за заказ', ack: 1 })]);
    expect((await linkedCall('POST', '/api/sendText', { session: 'default', text: 'x' })).status).toBe(400);
    const messages = (await linkedCall('GET', `/api/default/chats/${encodeURIComponent(`${BUYER}@c.us`)}/messages?limit=10&downloadMedia=false`)).body as unknown as { id: string; fromMe: boolean; body: string }[];
    expect(messages).toEqual([expect.objectContaining({ id: sim.sent()[0]!.id, fromMe: true, body: 'Спасибо за заказ', ackName: 'SERVER' })]);
  });

  it('answers sendText like WEBJS when started with that engine', async () => {
    const call = await linked({ engine: 'WEBJS' });
    const sent = await call('POST', '/api/sendText', { session: 'default', chatId: `${BUYER}@c.us`, text: 'hi' });
    expect(sent.body).toMatchObject({ id: { _serialized: sim.sent()[0]!.id, fromMe: true } });
  });

  it('posts session, ack and incoming-message webhooks signed with the session HMAC key', async () => {
    const call = await linked();
    await call('POST', '/api/sendText', { session: 'default', chatId: `${BUYER}@c.us`, text: 'Как вам товар?' });
    const id = sim.sent()[0]!.id;
    sim.ack(id, 2);
    sim.reply(BUYER, 'стоп');
    const events = await waitUntil(() => {
      const names = received.map((r) => (JSON.parse(r.raw) as { event: string }).event);
      return names.includes('message') && names.includes('message.ack') && names.includes('session.status') ? received : undefined;
    });
    for (const hook of events) {
      expect(hook.headers['x-webhook-hmac-algorithm']).toBe('sha512');
      expect(hook.headers['x-webhook-hmac']).toBe(createHmac('sha512', 'hook-secret').update(hook.raw).digest('hex'));
    }
    const parsed = events.map((r) => JSON.parse(r.raw) as { event: string; payload: Record<string, unknown> });
    expect(parsed.find((e) => e.event === 'message.ack')?.payload).toMatchObject({ id, ack: 2, ackName: 'DEVICE' });
    expect(parsed.find((e) => e.event === 'message')?.payload).toMatchObject({ from: `${BUYER}@c.us`, fromMe: false, body: 'стоп' });
    expect(parsed.filter((e) => e.event === 'session.status').map((e) => e.payload['status'])).toContain('WORKING');
  });

  it('delivers and reads on its own when auto acks are on; a number not on WhatsApp stays at SERVER', async () => {
    const call = await linked({ autoAck: { deliveredMs: 100, readMs: 300 } });
    sim.setNotOnWhatsApp([BUYER]);
    await call('POST', '/api/sendText', { session: 'default', chatId: '77021112233@c.us', text: 'a' });
    await call('POST', '/api/sendText', { session: 'default', chatId: `${BUYER}@c.us`, text: 'b' });
    await waitUntil(() => (sim.sent('77021112233')[0]?.ack === 3 ? true : undefined));
    expect(sim.sent(BUYER)[0]?.ack).toBe(1);
  });

  it('fails on demand and restarts into FAILED while the failure is sticky', async () => {
    const call = await linked();
    sim.failSession(true);
    expect((await call('GET', '/api/sessions/default')).body).toMatchObject({ status: 'FAILED' });
    await call('POST', '/api/sessions/default/restart');
    await waitUntil(() => (sim.state().statusLog.at(-1)?.status === 'FAILED' && sim.state().statusLog.length > 4 ? true : undefined));
    sim.healSession();
    await call('POST', '/api/sessions/default/restart');
    await waitUntil(() => sim.state().status === 'WORKING' || undefined);
  });

  it('injects 5xx, slow answers, dropped connections, and held or sent-but-unanswered sends', async () => {
    const call = await linked();
    sim.addFault({ path: '/api/sendText', kind: 'status', status: 503, times: 1 });
    expect((await call('POST', '/api/sendText', { session: 'default', chatId: `${BUYER}@c.us`, text: 'x' })).status).toBe(503);
    expect(sim.sent()).toEqual([]);
    sim.addFault({ path: '/api/sessions', kind: 'reset', times: 1 });
    await expect(call('GET', '/api/sessions')).rejects.toThrow();
    sim.addFault({ path: '/api/sessions', kind: 'slow', delayMs: 300, times: 1 });
    const slowStart = Date.now();
    expect((await call('GET', '/api/sessions')).status).toBe(200);
    expect(Date.now() - slowStart).toBeGreaterThanOrEqual(250);

    // Held, then the client gives up: nothing was sent.
    sim.addFault({ path: '/api/sendText', kind: 'hang', times: 1 });
    await expect(fetch(`${sim.url}/api/sendText`, { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: JSON.stringify({ chatId: `${BUYER}@c.us`, text: 'held' }), signal: AbortSignal.timeout(200) })).rejects.toThrow();
    await waitUntil(() => (sim.state().held === 0 ? true : undefined));
    expect(sim.sent()).toEqual([]);
    // Held, then released: it goes out and is answered.
    sim.addFault({ path: '/api/sendText', kind: 'hang', times: 1 });
    const pending = call('POST', '/api/sendText', { session: 'default', chatId: `${BUYER}@c.us`, text: 'released' });
    await waitUntil(() => (sim.state().held === 1 ? true : undefined));
    expect(sim.release()).toBe(1);
    expect((await pending).status).toBe(201);
    // Sent but never answered: the message is in the chat, the client times out.
    sim.addFault({ path: '/api/sendText', kind: 'deliver_then_hang', times: 1 });
    await expect(fetch(`${sim.url}/api/sendText`, { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: JSON.stringify({ chatId: `${BUYER}@c.us`, text: 'unanswered' }), signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(sim.sent().map((m) => m.body)).toEqual(['released', 'unanswered']);
  });
});
