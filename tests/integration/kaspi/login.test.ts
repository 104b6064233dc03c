import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { SCENARIO_CREDENTIALS } from '../../sim/kaspi';
import { createCabinetClient } from '../../../src-main/kaspi/cabinet';
import { BrowserLaunchError } from '../../../src-main/kaspi/login/login-errors';
import { login, type LoginOptions } from '../../../src-main/kaspi/login/login';
import { CHROMIUM_PATH } from '../../support/browser';
import { useTempDir } from '../../support/temp-dir';
import { endpointsOf, useKaspiSim } from './support/sim';

const creds = SCENARIO_CREDENTIALS.small;

describe('cabinet login in real Chromium against the simulator', () => {
  const sim = useKaspiSim({ scenario: 'small' });
  const tempDir = useTempDir('kd-login-');
  // Each test starts from a fresh login state: no code left pending by the one before.
  beforeEach(() => {
    sim().reset();
  });
  const options = (extra: Partial<LoginOptions>): LoginOptions => ({
    endpoints: endpointsOf(sim()),
    method: 'email',
    login: creds.owner.email,
    password: creds.owner.password,
    askCode: () => Promise.reject(new Error('no code expected')),
    browser: { executablePath: CHROMIUM_PATH, headless: true },
    failureDir: tempDir(),
    timeoutMs: 20_000,
    ...extra,
  });

  it('logs in with e-mail and password and returns cabinet cookies that work', async () => {
    const { cookies } = await login(options({}));
    expect(cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['mc-session', 'mc-sid']));
    const cabinet = createCabinetClient({ endpoints: endpointsOf(sim()), cookies });
    expect(await cabinet.merchants()).toEqual([creds.merchantUid]);
  });

  it('reports a wrong password with the page text and saves a screenshot and the page without the password', async () => {
    const failureDir = tempDir();
    const secret = 'Wrong-Secret-42';
    const err = await login(options({ password: secret, failureDir })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'wrong-credentials' });
    expect((err as Error).message).toContain('Неверный логин или пароль');
    const files = readdirSync(failureDir);
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(1);
    const html = files.find((f) => f.endsWith('.html'));
    expect(html).toMatch(/^kaspi-login-\d{4}-.*-wrong-credentials\.html$/);
    expect(files.join(' ')).not.toContain(secret);
    const page = readFileSync(join(failureDir, html ?? ''), 'utf8');
    expect(page).toContain('notification is-danger');
    expect(page).not.toContain(secret);
  });

  it("asks an employee's e-mail login for the code Kaspi e-mailed (not an SMS) and finishes the login with it", async () => {
    const asked: unknown[] = [];
    const { cookies } = await login(options({
      login: creds.mfa.email,
      password: creds.mfa.password,
      askCode: async (req) => {
        asked.push(req);
        return sim().lastSmsCode(creds.mfa.email) ?? '';
      },
    }));
    expect(asked).toEqual([{ kind: 'email', sentTo: creds.mfa.email }]);
    expect(sim().lastSms(creds.mfa.email)?.channel).toBe('email');
    expect(cookies.some((c) => c.name === 'mc-sid')).toBe(true);
  });

  it('logs in by phone with the SMS code, telling the user which phone got it', async () => {
    const asked: { kind: string; sentTo?: string }[] = [];
    const { cookies } = await login(options({
      method: 'phone',
      login: '8 701 000 00 01',
      password: undefined,
      askCode: async (req) => {
        asked.push(req);
        return sim().lastSmsCode(creds.phone.phone) ?? '';
      },
    }));
    expect(asked).toEqual([{ kind: 'sms', sentTo: creds.phone.phone }]);
    expect(await createCabinetClient({ endpoints: endpointsOf(sim()), cookies }).merchants()).toEqual([creds.merchantUid]);
  });

  it('gives up with sms-timeout when the user does not enter the code in time', async () => {
    const err = await login(options({ login: creds.mfa.email, password: creds.mfa.password, askCode: () => new Promise<string>(() => undefined), codeTimeoutMs: 300 })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'sms-timeout' });
  });

  it('shows the wait time when Kaspi refuses to send another code (MFA_SEND_FLOOD)', async () => {
    // Another client (not this app) has a code pending for the account: Kaspi floods us.
    sim().setLimits({ login: { floodMs: 60_000_000 } });
    const other = await request(`${sim().urls.idmc}/api/p/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ _u: creds.mfa.email, _p: creds.mfa.password, _r_d: false }) });
    await other.body.text();
    const err = await login(options({ login: creds.mfa.email, password: creds.mfa.password })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'mfa-flood' });
    // breakTimeSeconds (up to 60 s here) plus the 20 s margin §1d's tools add before retrying.
    const wait = (err as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(70_000);
    expect(wait).toBeLessThanOrEqual(80_000);
    expect((err as Error).message).toMatch(/через \d+ сек\.$/);
  });

  it('stops with a captcha error when Kaspi shows a captcha to a headless browser', async () => {
    const fault = sim().addFault({ host: 'idmc', path: '/login', kind: 'captcha', times: 1 });
    try {
      const failureDir = tempDir();
      await expect(login(options({ failureDir }))).rejects.toMatchObject({ kind: 'captcha' });
      expect(readdirSync(failureDir).some((f) => f.endsWith('-captcha.png'))).toBe(true);
    } finally {
      sim().removeFault(fault.id);
    }
  });

  it('runs two logins of one account one after the other, so Kaspi never sees them overlap', async () => {
    // A long flood window: had the second login started while the first waited for its code,
    // Kaspi would have answered MFA_SEND_FLOOD.
    sim().setLimits({ login: { floodMs: 60_000_000 } });
    const log: string[] = [];
    const run = (name: string) =>
      login(options({
        login: creds.mfa.email,
        password: creds.mfa.password,
        askCode: async () => {
          log.push(`${name}:code`);
          await new Promise((r) => setTimeout(r, 100));
          return sim().lastSmsCode(creds.mfa.email) ?? '';
        },
      })).then((r) => {
        log.push(`${name}:done`);
        return r;
      });
    const [a, b] = await Promise.all([run('a'), run('b')]);
    expect(log).toEqual(['a:code', 'a:done', 'b:code', 'b:done']);
    const busy = run('c');
    await expect(login(options({ login: creds.mfa.email, whenBusy: 'fail' }))).rejects.toThrow(/уже выполняется/);
    await busy;
    expect(a.cookies.find((c) => c.name === 'mc-sid')?.value).not.toBe(b.cookies.find((c) => c.name === 'mc-sid')?.value);
  });

  it('cancels a login waiting for the code when the caller aborts, leaving no failure files', async () => {
    const ctrl = new AbortController();
    const failureDir = tempDir();
    const reason = new Error('user closed the login dialog');
    const pending = login(options({
      login: creds.mfa.email,
      password: creds.mfa.password,
      failureDir,
      signal: ctrl.signal,
      askCode: () => {
        ctrl.abort(reason);
        return new Promise<string>(() => undefined);
      },
    }));
    await expect(pending).rejects.toBe(reason);
    expect(readdirSync(failureDir)).toEqual([]);
  });

  it('reports an unreachable login page as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await login(options({ endpoints: { ...endpointsOf(sim()), idmcUrl: `http://127.0.0.1:${port}` } })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'network', message: expect.stringContaining('ERR_CONNECTION_REFUSED') });
  });

  it('says the browser could not start when its path is wrong', async () => {
    const err = await login(options({ browser: { executablePath: '/nonexistent/chrome', headless: true } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrowserLaunchError);
    expect((err as Error).message).toContain('/nonexistent/chrome');
  });
});
