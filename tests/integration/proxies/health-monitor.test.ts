import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHealthMonitor } from '../../../src-main/proxies/health';
import { parseProxyList } from '../../../src-main/proxies/parse';
import { ProxyPool } from '../../../src-main/proxies/pool';
import { proxyKinds, startProxy, type TestProxy } from '../../support/proxy-servers';
import { startEchoTarget, type EchoTarget } from './support/echo-target';
import { fetchThrough } from './support/fetch-through';
import { ProxyDb } from './support/proxy-db';

let target: EchoTarget;
let env: ProxyDb;
const started: TestProxy[] = [];

beforeAll(async () => {
  target = await startEchoTarget();
});

beforeEach(() => {
  env = new ProxyDb();
});

afterEach(() => env.destroy());

afterAll(async () => {
  await Promise.all([target.close(), ...started.map((p) => p.stop())]);
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(proxyKinds())('through a real %s proxy server', (kind) => {
  it('brings a proxy that died and came back into service through the periodic check, without waiting for its retry time', async () => {
    const proxy = await startProxy({ bindAddress: '127.0.0.11', kind });
    started.push(proxy);
    const backup = await startProxy({ bindAddress: '127.0.0.12', kind });
    started.push(backup);
    env.store.importMany(parseProxyList(`127.0.0.1:${proxy.port}\n127.0.0.1:${backup.port}`).ok);
    const [flaky] = env.store.list();
    const pool = new ProxyPool({ store: env.store, settings: { allowDirect: false, deadAfterFailures: 1, deadRetryMs: 3_600_000 } });

    await proxy.kill();
    await pool.run(1, (lane) => fetchThrough(lane, target.url));
    await pool.run(1, (lane) => fetchThrough(lane, target.url));
    expect(pool.snapshot()[0]!.status).toBe('dead');

    // The seller restarts the proxy; the next check finds it, long before the hour-long retry.
    started.push(await startProxy({ bindAddress: '127.0.0.11', port: proxy.port, kind }));
    const monitor = startHealthMonitor(env.store, pool, { url: target.url, timeoutMs: 2_000, intervalMs: 50 });
    try {
      await until(() => pool.snapshot()[0]!.status === 'healthy');
      expect(env.store.get(flaky!.id)!.lastCheck).toMatchObject({ ok: true, exitAddress: '127.0.0.11' });
      target.seen.length = 0;
      for (let i = 0; i < 2; i++) await pool.run(1, (lane) => fetchThrough(lane, target.url));
      expect(target.seen).toContain('127.0.0.11');
    } finally {
      monitor.stop();
      await pool.close();
    }
  });
});
