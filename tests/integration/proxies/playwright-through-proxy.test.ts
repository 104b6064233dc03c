import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProxyList } from '../../../src-main/proxies/parse';
import { ProxyPool } from '../../../src-main/proxies/pool';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/browser';
import { proxyKinds, startProxy, type TestProxy } from '../../support/proxy-servers';
import { startEchoTarget, type EchoTarget } from './support/echo-target';
import { ProxyDb } from './support/proxy-db';

describe.each(proxyKinds())('through a real %s proxy server', (kind) => {
  let proxy: TestProxy;
  let target: EchoTarget;
  let env: ProxyDb;

  beforeAll(async () => {
    [proxy, target] = await Promise.all([startProxy({ bindAddress: '127.0.0.8', auth: { username: 'login', password: 'browser-pass' }, kind }), startEchoTarget()]);
    env = new ProxyDb();
  });

  afterAll(async () => {
    env.destroy();
    await Promise.all([proxy.stop(), target.close()]);
  });

  it('launches Chromium through the store’s proxy with its credentials, so the site sees the proxy address', async () => {
    env.store.importMany(parseProxyList(`http://login:browser-pass@127.0.0.1:${proxy.port}`).ok);
    const pool = new ProxyPool({ store: env.store, settings: { allowDirect: false } });
    try {
      const seen = await pool.run(
        3,
        async (lane) => {
          const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, proxy: lane.playwrightProxy });
          try {
            const page = await browser.newPage();
            await page.goto(`${target.url}/login`);
            return JSON.parse(await page.locator('body').innerText()) as { ip: string };
          } finally {
            await browser.close();
          }
        },
        { budget: 'none', sticky: true, timeoutMs: 20_000 },
      );
      expect(seen.ip).toBe('127.0.0.8');
      expect(pool.snapshot()[0]!.stats).toMatchObject({ requests: 1, successes: 1 });
    } finally {
      await pool.close();
    }
  });
});
