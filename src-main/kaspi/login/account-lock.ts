import { msg } from '../../../src-shared/i18n/message';
import { MessageError } from '../../../src-shared/i18n/message-error';

/**
 * One login per account at a time: overlapping logins make Kaspi answer MFA_SEND_FLOOD
 * (kaspi-api.md §1b, §1d). A second caller queues behind the first, or, with `wait: false`,
 * is told at once that a login is already running.
 */
const running = new Map<string, Promise<unknown>>();

export class LoginBusyError extends MessageError {
  constructor() {
    super(msg('login.busy'));
    this.name = 'LoginBusyError';
  }
}

/** The same account typed differently maps to one key: e-mail case, phone formatting. */
export function accountKey(login: string): string {
  const trimmed = login.trim().toLowerCase();
  if (trimmed.includes('@')) return `email:${trimmed}`;
  const digits = trimmed.replace(/\D/g, '');
  return digits.length >= 10 ? `phone:${digits.slice(-10)}` : `login:${trimmed}`;
}

export function isLoginRunning(login: string): boolean {
  return running.has(accountKey(login));
}

export async function withAccountLock<T>(login: string, fn: () => Promise<T>, opts: { wait?: boolean } = {}): Promise<T> {
  const key = accountKey(login);
  while (running.has(key)) {
    if (opts.wait === false) throw new LoginBusyError();
    await running.get(key)?.catch(() => undefined);
  }
  const task = fn();
  running.set(key, task);
  try {
    return await task;
  } finally {
    if (running.get(key) === task) running.delete(key);
  }
}
