import { describe, expect, it } from 'vitest';
import { LoginBusyError, accountKey, isLoginRunning, withAccountLock } from '../../../src-main/kaspi/login/account-lock';

describe('one login per account', () => {
  it('treats the same account typed differently as one', () => {
    expect(accountKey(' Owner@Shop.KZ ')).toBe(accountKey('owner@shop.kz'));
    expect(accountKey('+7 (701) 000-00-01')).toBe(accountKey('87010000001'));
    expect(accountKey('7010000001')).toBe('phone:7010000001');
  });

  it('queues a second login of the same account behind the first, and runs other accounts at once', async () => {
    const events: string[] = [];
    const slow = (name: string, ms: number) => async () => {
      events.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`${name}:end`);
    };
    await Promise.all([withAccountLock('a@x.kz', slow('a1', 30)), withAccountLock('A@x.kz', slow('a2', 1)), withAccountLock('b@x.kz', slow('b', 1))]);
    expect(events.indexOf('a2:start')).toBeGreaterThan(events.indexOf('a1:end'));
    expect(events.indexOf('b:start')).toBeLessThan(events.indexOf('a1:end'));
  });

  it('refuses at once when asked not to wait, and frees the account after a failure', async () => {
    let release = () => undefined as void;
    const first = withAccountLock('c@x.kz', () => new Promise<void>((r) => (release = r)));
    expect(isLoginRunning('c@x.kz')).toBe(true);
    await expect(withAccountLock('c@x.kz', async () => 1, { wait: false })).rejects.toBeInstanceOf(LoginBusyError);
    release();
    await first;
    await expect(withAccountLock('c@x.kz', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(isLoginRunning('c@x.kz')).toBe(false);
    expect(await withAccountLock('c@x.kz', async () => 2, { wait: false })).toBe(2);
  });
});
