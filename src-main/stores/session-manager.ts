import { AppError } from '../../src-shared/contract';
import { isKaspiError, KaspiError } from '../../src-shared/domain/kaspi-error';
import type { Database } from 'better-sqlite3';
import type { EventBus } from '../app/event-bus';
import { accountsRepo } from '../db/repos/accounts-repo';
import type { Logger } from '../logging/logger';
import type { Redactor } from '../logging/redact';
import type { SecretBox } from '../secrets/secret-box';
import { createCabinetClient } from '../kaspi/cabinet';
import type { CabinetClient } from '../kaspi/cabinet';
import type { KaspiEndpoints } from '../kaspi/endpoints';
import type { DispatcherFor, LoginRunner, SessionCookie } from './ports';
import { passwordFits } from '../security/login-target';
import { msg } from '../../src-shared/i18n/message';

export interface SessionDeps {
  db: Database;
  secrets: SecretBox;
  redactor: Redactor;
  events: EventBus;
  logger: Logger;
  endpoints: () => KaspiEndpoints;
  /** The current login target's fingerprint (security/login-target.ts). */
  loginContext: () => string;
  runLogin: LoginRunner;
  dispatcherFor: DispatcherFor;
  now: () => Date;
}

/**
 * Cabinet sessions per Kaspi account (design.md §5): cookies kept encrypted, reused until Kaspi
 * answers 401, then one automatic re-login with the stored password; if that fails too (an SMS
 * is needed, the password changed) the account is marked "needs login" and the seller is told.
 */
export class SessionManager {
  private readonly accounts;
  private readonly relogins = new Map<number, Promise<void>>();

  constructor(private readonly deps: SessionDeps) {
    this.accounts = accountsRepo(deps.db);
  }

  cookies(accountId: number): SessionCookie[] {
    const account = this.accounts.get(accountId);
    if (!account?.cookiesEnc) throw new KaspiError('session-expired');
    const cookies = JSON.parse(this.deps.secrets.decrypt(account.cookiesEnc)) as SessionCookie[];
    for (const c of cookies) this.deps.redactor.register(c.value);
    return cookies;
  }

  client(accountId: number, storeId: number | null): CabinetClient {
    return createCabinetClient({ endpoints: this.deps.endpoints(), cookies: this.cookies(accountId), dispatcher: this.deps.dispatcherFor(storeId) });
  }

  /** Runs a cabinet call; on an expired session re-logs in once and runs it again. */
  async withCabinet<T>(accountId: number, storeId: number | null, call: (client: CabinetClient) => Promise<T>): Promise<T> {
    try {
      return await call(this.client(accountId, storeId));
    } catch (error) {
      if (!isKaspiError(error, 'session-expired')) throw error;
      await this.relogin(accountId);
      return call(this.client(accountId, storeId));
    }
  }

  /** One re-login per account at a time: concurrent callers share it. */
  relogin(accountId: number): Promise<void> {
    const running = this.relogins.get(accountId);
    if (running) return running;
    const attempt = this.reloginOnce(accountId).finally(() => this.relogins.delete(accountId));
    this.relogins.set(accountId, attempt);
    return attempt;
  }

  private async reloginOnce(accountId: number): Promise<void> {
    const log = this.deps.logger.child('sessions');
    const account = this.accounts.get(accountId);
    if (!account) throw new AppError('not_found', msg('stores.account_not_found'));
    const at = () => this.deps.now().toISOString();
    if (account.loginMethod === 'phone' || !account.passwordEnc) {
      this.markNeedsLogin(accountId, at());
      throw new KaspiError('session-expired', msg('stores.phone_session_expired'));
    }
    if (!passwordFits(account.passwordContext, this.deps.loginContext())) {
      this.markNeedsLogin(accountId, at());
      log.warn('login target changed since the password was typed; not using it', { accountId });
      throw new KaspiError('session-expired', msg('login.password_again'));
    }
    const password = this.deps.secrets.decrypt(account.passwordEnc);
    this.deps.redactor.register(password);
    try {
      const { cookies } = await this.deps.runLogin({
        endpoints: this.deps.endpoints(),
        method: 'email',
        login: account.login,
        password,
        // Nobody is there to type an SMS code during a background re-login.
        askCode: ({ kind }) => Promise.reject(new KaspiError('sms-timeout', msg('stores.code_in_background', { kind }))),
      });
      this.accounts.setSession(accountId, 'valid', at(), this.sealCookies(cookies));
      log.info('session renewed', { accountId });
    } catch (error) {
      this.markNeedsLogin(accountId, at());
      log.warn('automatic re-login failed; the seller must log in', { accountId, error });
      throw isKaspiError(error) ? error : new KaspiError('session-expired');
    }
  }

  sealCookies(cookies: SessionCookie[]): string {
    for (const c of cookies) this.deps.redactor.register(c.value);
    return this.deps.secrets.encrypt(JSON.stringify(cookies));
  }

  private markNeedsLogin(accountId: number, at: string): void {
    this.accounts.setSession(accountId, 'needs_login', at);
    this.deps.events.emit('stores.changed', { storeId: null });
  }
}
