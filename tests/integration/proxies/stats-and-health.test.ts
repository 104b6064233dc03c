import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkDirect, checkProxies } from '../../../src-main/proxies/health';
import { parseProxyList } from '../../../src-main/proxies/parse';
import { ProxyPool } from '../../../src-main/proxies/pool';
import { proxyKinds, startProxies, startProxy, type TestProxy } from '../../support/proxy-servers';
import { startEchoTarget, type EchoTarget } from './support/echo-target';
import { fetchThrough } from './support/fetch-through';
import { ProxyDb } from './support/proxy-db';

describe.each(proxyKinds())('with real %s proxy servers', (kind) => {
  let proxies: TestProxy[];
  let target: EchoTarget;
  let env: ProxyDb;

  beforeAll(async () => {
    [proxies, target] = await Promise.all([startProxies(2, undefined, kind), startEchoTarget()]);
  });

  afterAll(async () => {
    await Promise.all([...proxies.map((p) => p.stop()), target.close()]);
  });

  afterEach(() => env.destroy());

  function importAll(list: TestProxy[]): void {
    const parsed = parseProxyList(list.map((p) => (p.auth ? `${p.host}:${p.port}:${p.auth.username}:${p.auth.password}` : `${p.host}:${p.port}`)).join('\n'));
    expect(parsed.errors).toEqual([]);
    env.store.importMany(parsed.ok);
  }

  describe('proxy statistics in SQLite', () => {
    it('survive closing and reopening the database file, and keep counting from there', async () => {
      env = new ProxyDb();
      importAll(proxies);
      const settings = { allowDirect: false, offersPerSecond: 100, burst: 20 };
      const first = new ProxyPool({ store: env.store, settings });
      for (let i = 0; i < 6; i++) await first.run(1, (lane) => fetchThrough(lane, target.url));
      await first.close();
      env.close();

      const store = env.open();
      const reopened = store.list();
      expect(reopened.map((p) => p.stats.requests)).toEqual([3, 3]);
      expect(reopened.map((p) => p.stats.successes)).toEqual([3, 3]);
      expect(reopened.every((p) => p.stats.medianLatencyMs !== null && p.stats.lastUsedAt !== null)).toBe(true);

      const second = new ProxyPool({ store, settings });
      for (let i = 0; i < 2; i++) await second.run(1, (lane) => fetchThrough(lane, target.url));
      await second.close();
      expect(store.list().map((p) => p.stats.requests)).toEqual([4, 4]);
    });

    it('keeps the proxy password encrypted at rest and out of the UI shape', async () => {
      const secured = await startProxy({ bindAddress: '127.0.0.6', auth: { username: 'shop', password: 'hunter2-x' }, kind });
      try {
        env = new ProxyDb();
        importAll([secured]);
        const raw = env.db.prepare('SELECT password_cipher FROM proxies').get() as { password_cipher: string };
        expect(raw.password_cipher).not.toContain('hunter2');
        const [shown] = env.store.list();
        expect(shown).toMatchObject({ username: 'shop', hasPassword: true });
        expect(JSON.stringify(shown)).not.toContain('hunter2');

        // The decrypted password does authenticate against the real proxy.
        const pool = new ProxyPool({ store: env.store, settings: { allowDirect: false } });
        await expect(pool.run(1, (lane) => fetchThrough(lane, target.url))).resolves.toMatchObject({ ip: '127.0.0.6' });
        await pool.close();
      } finally {
        await secured.stop();
      }
    });
  });

  describe('proxy health check', () => {
    it('reports reachability, latency and the exit address the target saw, and a dead proxy as failed', async () => {
      const doomed = await startProxy({ bindAddress: '127.0.0.7', kind });
      env = new ProxyDb();
      importAll([...proxies, doomed]);
      await doomed.stop();
      const pool = new ProxyPool({ store: env.store, settings: { allowDirect: true } });

      const results = await checkProxies(env.store, pool, { url: `${target.url}/ip`, timeoutMs: 2_000 });

      const byPort = new Map(env.store.list().map((p) => [p.port, p]));
      for (const [i, live] of proxies.entries()) {
        const check = results.get(byPort.get(live.port)!.id)!;
        expect(check).toMatchObject({ ok: true, statusCode: 200, exitAddress: `127.0.0.${i + 2}`, error: null });
        expect(check.latencyMs).toBeGreaterThanOrEqual(0);
      }
      const dead = byPort.get(doomed.port)!;
      expect(results.get(dead.id)).toMatchObject({ ok: false, exitAddress: null, latencyMs: null });
      expect(results.get(dead.id)!.error).toMatch(/ECONNREFUSED/);
      // Stored for the proxies page, and fed to the balancer.
      expect(dead.lastCheck).toMatchObject({ ok: false });
      expect(pool.snapshot().find((lane) => lane.id === dead.id)!.status).toBe('cooling');

      await expect(checkDirect(pool, { url: `${target.url}/ip`, timeoutMs: 2_000 })).resolves.toMatchObject({ ok: true, exitAddress: '127.0.0.1' });
      await pool.close();
    });
  });
});
