import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProxyAgent, request } from 'undici';
import { proxyKinds, startProxy } from '../../support/proxy-servers';
import type { TestProxy } from '../../support/proxy-servers';
import { startEchoTarget, type EchoTarget } from './support/echo-target';

/** The proxy servers every proxy test stands on: each kind must behave like a real proxy a seller buys. */
describe.each(proxyKinds())('the %s proxy server', (kind) => {
  let target: EchoTarget;
  let proxy: TestProxy;
  const auth = { username: 'seller', password: 'pass-1.x' };
  beforeAll(async () => {
    [target, proxy] = await Promise.all([startEchoTarget(), startProxy({ bindAddress: '127.0.0.13', auth, kind })]);
  });
  afterAll(async () => {
    await Promise.all([target.close(), proxy.stop()]);
  });

  const through = async (token?: string) => {
    const agent = new ProxyAgent({ uri: `http://${proxy.host}:${proxy.port}`, ...(token ? { token } : {}) });
    try {
      const response = await request(`${target.url}/offers`, { dispatcher: agent });
      return { status: response.statusCode, body: await response.body.text() };
    } finally {
      await agent.close();
    }
  };
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('tunnels with CONNECT and leaves through its own loopback address', async () => {
    const { status, body } = await through(basic(auth.username, auth.password));
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ ip: '127.0.0.13', path: '/offers' });
  });

  it('refuses a wrong or missing password and sends nothing on', async () => {
    const before = target.seen.length;
    // proxy-chain answers 407; tinyproxy 1.11 answers a wrong password on CONNECT with 401: the app meets both in the wild.
    const refusal = kind === 'node' ? /\(407\)/ : /\((401|407)\)/;
    await expect(through(basic(auth.username, 'wrong'))).rejects.toThrow(refusal);
    await expect(through()).rejects.toThrow(refusal);
    expect(target.seen.length).toBe(before);
  });

  it('once killed, refuses connections like a proxy that went away', async () => {
    const doomed = await startProxy({ bindAddress: '127.0.0.14', kind });
    await doomed.kill();
    expect(doomed.running).toBe(false);
    const agent = new ProxyAgent({ uri: `http://${doomed.host}:${doomed.port}` });
    try {
      await expect(request(target.url, { dispatcher: agent })).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await agent.close();
      await doomed.stop();
    }
  });
});
