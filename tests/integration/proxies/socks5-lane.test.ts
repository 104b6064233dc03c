import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseProxyList } from '../../../src-main/proxies/parse';
import { ProxyPool } from '../../../src-main/proxies/pool';
import { startEchoTarget, type EchoTarget } from './support/echo-target';
import { fetchThrough } from './support/fetch-through';
import { ProxyDb } from './support/proxy-db';
import { startSocks5Server, type Socks5Server } from './support/socks5-server';

let open: Socks5Server;
let secured: Socks5Server;
let target: EchoTarget;
let env: ProxyDb;

beforeAll(async () => {
  [open, secured, target] = await Promise.all([
    startSocks5Server({ bindAddress: '127.0.0.9' }),
    startSocks5Server({ bindAddress: '127.0.0.10', auth: { username: 'sock', password: 's3cret' } }),
    startEchoTarget(),
  ]);
  env = new ProxyDb();
});

afterAll(async () => {
  env.destroy();
  await Promise.all([open.close(), secured.close(), target.close()]);
});

it('sends requests through SOCKS5 proxies, with and without a login, and counts a refused login as a lane failure', async () => {
  env.store.importMany(parseProxyList(`socks5://127.0.0.1:${open.port}\nsocks5://sock:s3cret@127.0.0.1:${secured.port}`).ok);
  const [, second] = env.store.list();
  const pool = new ProxyPool({ store: env.store, settings: { allowDirect: false } });
  try {
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push((await pool.run(1, (lane) => fetchThrough(lane, target.url))).ip);
    expect(seen.sort()).toEqual(['127.0.0.10', '127.0.0.10', '127.0.0.9', '127.0.0.9']);

    env.store.update(second!.id, { password: 'wrong' });
    pool.reload();
    const results = await Promise.all(Array.from({ length: 4 }, () => pool.run(1, (lane) => fetchThrough(lane, target.url))));
    expect(results.every((r) => r.ip === '127.0.0.9')).toBe(true);
    const refused = pool.snapshot().find((lane) => lane.id === second!.id)!;
    expect(refused.status).not.toBe('healthy');
    expect(refused.stats.lastError).toMatch(/^connection: .*(SOCKS5|Authentication failed)/);
  } finally {
    await pool.close();
  }
});
