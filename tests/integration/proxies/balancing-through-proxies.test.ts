import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseProxyList } from '../../../src-main/proxies/parse';
import { ProxyPool } from '../../../src-main/proxies/pool';
import { DIRECT_LANE_ID } from '../../../src-main/proxies/proxy-store';
import type { ProxySettings } from '../../../src-shared/domain/proxy';
import { proxyKinds, startProxies, startProxy, type TestProxy } from '../../support/proxy-servers';
import { startEchoTarget, type EchoTarget } from './support/echo-target';
import { fetchThrough } from './support/fetch-through';
import { ProxyDb } from './support/proxy-db';

// tinyproxy's BasicAuth accepts only [-a-z0-9._]; odd characters in passwords are covered by the parser tests.
const AUTH = { username: 'seller', password: 's3cret-pass.1' };

describe.each(proxyKinds())('over real %s proxy servers', (kind) => {
  let proxies: TestProxy[];
  let target: EchoTarget;
  let env: ProxyDb;
  let pool: ProxyPool | null = null;

  beforeAll(async () => {
    // 127.0.0.2 and .3 are open, .4 wants a login: the pool must handle both kinds.
    [proxies, target] = await Promise.all([startProxies(2, undefined, kind), startEchoTarget()]);
    proxies.push(await startProxy({ bindAddress: '127.0.0.4', auth: AUTH, kind }));
  });

  afterAll(async () => {
    await Promise.all([...proxies.map((p) => p.stop()), target.close()]);
  });

  afterEach(async () => {
    await pool?.close();
    pool = null;
    env.destroy();
    target.seen.length = 0;
    target.clearBans();
  });

  /** Imports the proxies the way a seller pastes them, then builds a pool over the SQLite store. */
  function poolOver(list: TestProxy[], settings: Partial<ProxySettings> = {}): ProxyPool {
    env = new ProxyDb();
    const text = list
      .map((p) => (p.auth ? `http://${encodeURIComponent(p.auth.username)}:${encodeURIComponent(p.auth.password)}@${p.host}:${p.port}` : `${p.host}:${p.port}`))
      .join('\n');
    const parsed = parseProxyList(text);
    expect(parsed.errors).toEqual([]);
    env.store.importMany(parsed.ok);
    pool = new ProxyPool({ store: env.store, settings: { allowDirect: false, offersPerSecond: 100, burst: 20, ...settings } });
    return pool;
  }

  function countBy(values: string[]): Record<string, number> {
    return values.reduce<Record<string, number>>((acc, v) => ((acc[v] = (acc[v] ?? 0) + 1), acc), {});
  }

  describe('balancing', () => {
    it('spreads requests round-robin, so the target sees each proxy address in turn', async () => {
      const p = poolOver(proxies);
      const results = [];
      for (let i = 0; i < 12; i++) results.push(await p.run(1, (lane) => fetchThrough(lane, `${target.url}/offers/${i}`)));

      expect(results.slice(0, 3).map((r) => r.ip).sort()).toEqual(['127.0.0.2', '127.0.0.3', '127.0.0.4']);
      expect(countBy(target.seen)).toEqual({ '127.0.0.2': 4, '127.0.0.3': 4, '127.0.0.4': 4 });
      expect(p.snapshot().map((lane) => lane.stats.successes)).toEqual([4, 4, 4]);
    });

    it('moves traffic off a banned IP to the other proxies and loses no request', async () => {
      // A realistic budget (one request at a time per IP, 10 a second): the 403 is known before the IP's next turn.
      const p = poolOver(proxies, { banCooldownMs: 60_000, offersPerSecond: 10, burst: 1 });
      target.ban('127.0.0.3', 60_000);

      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => p.run(1, (lane) => fetchThrough(lane, `${target.url}/offers/${i}`))));

      expect(results).toHaveLength(30);
      expect(results.every((r) => r.ip === '127.0.0.2' || r.ip === '127.0.0.4')).toBe(true);
      // Round-robin alone would send 10 requests through 127.0.0.3; after its first 403 it cools down
      // (a slow machine may have sent one more before that 403 came back), and every 403 was retried elsewhere.
      const banned = p.snapshot().find((lane) => lane.address.endsWith(`:${proxies[1]!.port}`))!;
      expect(banned).toMatchObject({ status: 'cooling', stats: { successes: 0 } });
      expect(countBy(target.seen)['127.0.0.3']).toBe(banned.stats.bans);
      expect(banned.stats.bans).toBeGreaterThanOrEqual(1);
      expect(banned.stats.bans).toBeLessThan(5);
      expect(banned.stats.lastError).toMatch(/ban.*403/);
    });

    it('detects a killed proxy as dead and keeps serving through the live ones', async () => {
      const doomed = await startProxy({ bindAddress: '127.0.0.5', kind });
      try {
        const p = poolOver([...proxies.slice(0, 2), doomed], { deadAfterFailures: 2, failureCooldownMs: 0, offersPerSecond: 20, burst: 1 });
        for (let i = 0; i < 3; i++) await p.run(1, (lane) => fetchThrough(lane, target.url));
        expect(target.seen).toContain('127.0.0.5');
        target.seen.length = 0;
        await doomed.kill();

        const results = await Promise.all(Array.from({ length: 20 }, () => p.run(1, (lane) => fetchThrough(lane, target.url))));

        expect(results).toHaveLength(20);
        const dead = p.snapshot().find((lane) => lane.address.endsWith(`:${doomed.port}`))!;
        expect(dead.status).toBe('dead');
        // Two refusals in a row make it dead (one more may have been under way on a slow machine).
        expect(dead.stats.errors).toBeGreaterThanOrEqual(2);
        expect(dead.stats.errors).toBeLessThan(5);
        expect(dead.stats.lastError).toMatch(/connection: .*ECONNREFUSED/);
        expect(target.seen).not.toContain('127.0.0.5');
        p.flush();
        expect(env.store.list().find((proxy) => proxy.port === doomed.port)!.status).toBe('dead');
      } finally {
        await doomed.stop();
      }
    });

    it('uses the direct connection as one more lane only when the user allows it', async () => {
      const p = poolOver(proxies.slice(0, 1), { allowDirect: true });
      for (let i = 0; i < 4; i++) await p.run(null, (lane) => fetchThrough(lane, target.url));
      expect(countBy(target.seen)).toEqual({ '127.0.0.1': 2, '127.0.0.2': 2 });

      p.configure({ allowDirect: false });
      target.seen.length = 0;
      for (let i = 0; i < 3; i++) await p.run(null, (lane) => fetchThrough(lane, target.url));
      expect(countBy(target.seen)).toEqual({ '127.0.0.2': 3 });
      expect(p.snapshot().some((lane) => lane.id === DIRECT_LANE_ID)).toBe(false);
    });

    it('keeps a proxy bound to one store away from the other stores', async () => {
      const p = poolOver(proxies.slice(0, 2));
      const [bound] = env.store.list();
      env.store.update(bound!.id, { storeId: 7 });
      p.reload();

      for (let i = 0; i < 4; i++) await p.run(8, (lane) => fetchThrough(lane, target.url));
      expect(countBy(target.seen)).toEqual({ '127.0.0.3': 4 });
      target.seen.length = 0;
      for (let i = 0; i < 4; i++) await p.run(7, (lane) => fetchThrough(lane, target.url));
      expect(countBy(target.seen)).toEqual({ '127.0.0.2': 2, '127.0.0.3': 2 });
    });
  });
});
