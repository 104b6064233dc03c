import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { msg, renderMessage } from '../../../src-shared/i18n';
import { request } from 'undici';
import { createApp, type App } from '../../../src-main/app/create-app';
import { banFromResponse } from '../../../src-main/proxies/errors';
import type { ProxiesView, ProxyImportSummary, ProxyPageSettings, ProxyRow, ProxyTestResult } from '../../../src-shared/contract/proxies';
import { startProxies, startProxy, type TestProxy } from '../../support/proxy-servers';
import { useTempDir } from '../../support/temp-dir';
import { call as callApp } from '../../support/call-app';
import { startEchoTarget, type EchoTarget } from '../proxies/support/echo-target';

const tempDir = useTempDir();
let target: EchoTarget;
let proxies: TestProxy[] = [];
let app: App | undefined;

beforeAll(async () => { target = await startEchoTarget(); });
afterAll(async () => { await target.close(); });
afterEach(async () => {
  await app?.close();
  app = undefined;
  await Promise.all(proxies.map((p) => p.stop()));
  proxies = [];
});

const call = <T>(name: string, input: unknown = {}): Promise<T> => callApp<T>(app!, name, input);

async function startApp(): Promise<App> {
  app = await createApp({ dataDir: tempDir(), shell: 'headless', appVersion: 'test', proxyHealthChecks: false, autoStartDemper: false });
  return app;
}

function addStore(a: App, name: string): number {
  const at = new Date().toISOString();
  const account = a.db.prepare("INSERT INTO kaspi_accounts (login, login_method, created_at, updated_at) VALUES (?, 'email', ?, ?)").run(`${name}@shop.kz`, at, at);
  return Number(a.db.prepare('INSERT INTO stores (account_id, merchant_uid, name, created_at) VALUES (?, ?, ?, ?)').run(account.lastInsertRowid, `3000${account.lastInsertRowid}`, name, at).lastInsertRowid);
}

describe('proxies api over real proxy servers', () => {
  it('stores the good lines of an import, reports each bad line by number with its password masked, and never returns a password', async () => {
    const a = await startApp();
    const [open] = (proxies = await startProxies(1));
    const secured = await startProxy({ bindAddress: '127.0.0.3', auth: { username: 'shop', password: 's3cret-pw' } });
    proxies.push(secured);
    const text = [
      `${open!.host}:${open!.port}`,
      `http://shop:s3cret-pw@${secured.host}:${secured.port}`,
      '10.0.0.1:99999:user:leak-one',
      'not a proxy',
      `${open!.host}:${open!.port}`,
    ].join('\n');
    const summary = await call<ProxyImportSummary>('proxies.import', { text, storeId: null });
    expect(summary).toMatchObject({ created: 2, updated: 0, merged: [{ line: 5, intoLine: 1 }] });
    expect(summary.errors.map((e) => [e.line, e.code])).toEqual([[3, 'invalidPort'], [4, 'malformed']]);
    expect(summary.errors[0]!.text).toBe('10.0.0.1:99999:user:***');
    expect(summary.errors[0]!.message).toEqual(msg('proxy_import.invalidPort', { port: '99999' }));
    expect(renderMessage(summary.errors[0]!.message, 'ru')).toContain('99999');

    const raw = a.db.prepare('SELECT password_cipher FROM proxies WHERE username = ?').get('shop') as { password_cipher: string };
    expect(raw.password_cipher).not.toContain('s3cret');
    const view = await call<ProxiesView>('proxies.list');
    expect(view.proxies.map((p) => [p.port, p.username, p.hasPassword, p.status])).toEqual([[open!.port, null, false, 'healthy'], [secured.port, 'shop', true, 'healthy']]);
    const wire = JSON.stringify([summary, view, await call('proxies.test', { ids: [view.proxies[1]!.id] })]);
    expect(wire).not.toContain('s3cret');
    expect(wire).not.toContain('leak-one');

    // The same proxy again is merged into the stored one, not duplicated.
    const again = await call<ProxyImportSummary>('proxies.import', { text: `${open!.host}:${open!.port}`, storeId: null });
    expect(again).toMatchObject({ created: 0, updated: 1, errors: [] });
  });

  it('tests every proxy and the direct connection: reachable, with latency and the exit address the target saw', async () => {
    await startApp();
    proxies = await startProxies(2);
    await call('proxies.import', { text: proxies.map((p) => `${p.host}:${p.port}`).join('\n'), storeId: null });
    await call('proxies.settings.update', { healthCheckUrl: target.url });
    const dead = await startProxy({ bindAddress: '127.0.0.9' });
    proxies.push(dead);
    await call('proxies.add', { protocol: 'http', host: dead.host, port: dead.port, username: null, password: null, label: 'умрёт', storeId: null });
    await dead.kill();

    const results = await call<ProxyTestResult[]>('proxies.test');
    const view = await call<ProxiesView>('proxies.list');
    const byPort = new Map(view.proxies.map((p) => [p.port, p.id]));
    const of = (id: number | null) => results.find((r) => r.id === id)!.check;
    expect(of(byPort.get(proxies[0]!.port)!)).toMatchObject({ ok: true, exitAddress: '127.0.0.2' });
    expect(of(byPort.get(proxies[1]!.port)!)).toMatchObject({ ok: true, exitAddress: '127.0.0.3' });
    expect(of(byPort.get(proxies[0]!.port)!).latencyMs).toBeGreaterThanOrEqual(0);
    expect(of(byPort.get(dead.port)!)).toMatchObject({ ok: false, exitAddress: null });
    expect(of(byPort.get(dead.port)!).error).toBeTruthy();
    expect(of(null)).toMatchObject({ ok: true, exitAddress: '127.0.0.1' });
    // The page shows the last check of each row, the direct one included.
    expect(view.proxies.find((p) => p.port === proxies[1]!.port)!.lastCheck).toMatchObject({ ok: true, exitAddress: '127.0.0.3' });
    expect(view.direct).toMatchObject({ allowed: true, status: 'healthy', lastCheck: { exitAddress: '127.0.0.1' } });
  });

  it('shows statistics after traffic, binds a proxy to a store and forbids the direct connection', async () => {
    const a = await startApp();
    const storeId = addStore(a, 'Магазин А');
    proxies = await startProxies(2);
    await call('proxies.import', { text: proxies.map((p) => `${p.host}:${p.port}`).join('\n'), storeId: null });
    const settings = await call<ProxyPageSettings>('proxies.settings.update', { allowDirect: false, offersPerSecond: 12 });
    expect(settings).toMatchObject({ allowDirect: false, offersPerSecond: 12 });
    expect(a.demper.settings().offersPerSecondPerIp).toBe(12);
    expect(a.pool.capacity(null).offersPerSecond).toBe(24);
    // Changing another setting keeps the budget the seller chose.
    await call('proxies.settings.update', { resetSchedule: { kind: 'weekly', weekday: 1, hour: 3 } });
    expect(a.pool.capacity(null).offersPerSecond).toBe(24);
    expect(await call<ProxyPageSettings>('proxies.settings.get')).toMatchObject({ offersPerSecond: 12, allowDirect: false, resetSchedule: { kind: 'weekly', weekday: 1, hour: 3 } });
    await expect(call('proxies.settings.update', { offersPerSecond: 20 })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Kaspi блокирует'), userMessage: msg('error.invalid_input', { issues: [msg('validation.at_path', { path: 'offersPerSecond', problem: msg('demper.offers_rate_max') })] }) });

    const [first, second] = (await call<ProxiesView>('proxies.list')).proxies;
    const bound = await call<ProxyRow>('proxies.update', { id: second!.id, patch: { storeId, label: 'для А' } });
    expect(bound).toMatchObject({ storeId, label: 'для А' });
    await expect(call('proxies.update', { id: first!.id, patch: { storeId: 9999 } })).rejects.toMatchObject({ code: 'proxies.unknown_store' });

    // The shared pool serves a store-less request only through the unbound proxy; the bound one serves its store too.
    const exits: string[] = [];
    const fetchIp = (owner: number | null, maxAttempts?: number) => a.pool.run(owner, async (lane) => {
      const response = await request(target.url, { dispatcher: lane.dispatcher, signal: lane.signal });
      const ban = banFromResponse(response.statusCode, response.headers);
      if (ban) throw ban;
      exits.push(((await response.body.json()) as { ip: string }).ip);
    }, { maxAttempts });
    for (let i = 0; i < 3; i++) await fetchIp(null);
    expect(new Set(exits)).toEqual(new Set(['127.0.0.2']));
    for (let i = 0; i < 4; i++) await fetchIp(storeId);
    expect(exits).toContain('127.0.0.3');

    const view = await call<ProxiesView>('proxies.list');
    const stats = new Map(view.proxies.map((p) => [p.id, p.stats]));
    expect(stats.get(first!.id)!.requests).toBeGreaterThanOrEqual(3);
    expect(stats.get(first!.id)).toMatchObject({ errors: 0, bans: 0 });
    expect(stats.get(first!.id)!.medianLatencyMs).not.toBeNull();
    expect(stats.get(second!.id)!.successes).toBeGreaterThanOrEqual(1);
    expect(stats.get(first!.id)!.lastUsedAt).not.toBeNull();
    expect(view.direct).toMatchObject({ allowed: false, status: null });

    // A ban by the target cools that proxy: the page says until when, and counts the ban.
    target.ban('127.0.0.2', 60_000);
    try {
      const before = Date.now();
      await expect(fetchIp(null, 1)).rejects.toThrow(/banned/);
      const cooled = (await call<ProxiesView>('proxies.list')).proxies.find((p) => p.id === first!.id)!;
      expect(cooled.status).toBe('cooling');
      expect(cooled.availableAt).toBeGreaterThan(before);
      expect(cooled.stats.bans).toBe(1);
    } finally {
      target.clearBans();
    }

    // Disabled proxies show as such and carry no traffic; removal is final.
    expect((await call<ProxyRow>('proxies.update', { id: first!.id, patch: { enabled: false } })).status).toBe('disabled');
    await call('proxies.remove', { id: second!.id });
    expect((await call<ProxiesView>('proxies.list')).proxies.map((p) => p.id)).toEqual([first!.id]);
    await expect(call('proxies.remove', { id: second!.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(a.pool.run(null, async () => 'never', { maxWaitMs: 50 })).rejects.toThrow(/no proxy or direct connection/);
  });

  it('masks the password of a bad line in every form a provider writes it', async () => {
    await startApp();
    const lines = [
      'ftp://shop:pw-url@10.0.0.1:21',
      'shop:pw-at@10.0.0.1:99999',
      '10.0.0.1:99999:shop:pw-colon',
      'shop:pw-first:10.0.0.1:0',
      '10.0.0.1;99999;shop;pw-csv',
    ];
    const summary = await call<ProxyImportSummary>('proxies.import', { text: lines.join('\n'), storeId: null });
    expect(summary.errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5]);
    expect(JSON.stringify(summary)).not.toMatch(/pw-/);
    expect(summary.errors.map((e) => e.text)).toEqual(['ftp://shop:***@10.0.0.1:21', 'shop:***@10.0.0.1:99999', '10.0.0.1:99999:shop:***', 'shop:***:10.0.0.1:0', '10.0.0.1;99999;shop;***']);
    expect((await call<ProxiesView>('proxies.list')).proxies).toEqual([]);
  });

  it('refuses an edit that would duplicate another proxy with a clear message', async () => {
    await startApp();
    await call('proxies.import', { text: 'http://a:pw@10.0.0.1:8080\nhttp://b:pw@10.0.0.1:8080', storeId: null });
    const [, b] = (await call<ProxiesView>('proxies.list')).proxies;
    await expect(call('proxies.update', { id: b!.id, patch: { username: 'a' } })).rejects.toMatchObject({ code: 'proxies.duplicate', message: expect.stringContaining('уже есть'), userMessage: msg('proxies.duplicate') });
    await expect(call('proxies.add', { protocol: 'http', host: '300.1.1.1', port: 80, username: null, password: null, label: null, storeId: null })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
