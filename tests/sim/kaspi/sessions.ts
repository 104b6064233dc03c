import { randomBytes } from 'node:crypto';
import type { SimClock } from './clock';
import type { Limits } from './limits';
import type { Account } from './model';
import type { Prng } from './prng';

/** idmc login state (MS_AUTH_SSO), OAuth codes, and cabinet sessions (mc-session + mc-sid), §1. */

export interface SsoState {
  accountId?: string;
  authenticated: boolean;
  pending?: { accountId: string; kind: 'phone' | 'mfa'; code: string };
}

export interface McSession {
  session: string;
  sid: string;
  accountId: string;
  merchantUids: string[];
  requests: number;
  expireAfter: number | null;
  expired: boolean;
  createdAt: number;
}

/** A login code Kaspi sent: by SMS for a phone login, by e-mail for an e-mail (employee) login (§1d). */
export interface SmsRecord {
  accountId: string;
  email?: string;
  phone?: string;
  kind: 'phone' | 'mfa';
  channel: 'sms' | 'email';
  /** What the buyer-facing message says, e.g. "Ваш код подтверждения: 123456" (§1d). */
  text: string;
  code: string;
  at: number;
}

export type LoginOutcome =
  | { status: 200; body: Record<string, unknown>; sso?: string }
  | { status: 400 | 401 | 403; body: Record<string, unknown> };

/** Tokens are cryptographically random (not seeded) so two simulators never accept each other's cookies. */
export function token(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

export class Sessions {
  private readonly sso = new Map<string, SsoState>();
  private readonly codes = new Map<string, { accountId: string; redirectUri: string }>();
  private readonly arr = new Map<string, { state: string; redirectUrl: string }>();
  private readonly mc = new Map<string, McSession>();
  private readonly pendingSince = new Map<string, number>();
  readonly sms: SmsRecord[] = [];
  /** Applied to every cabinet session created from now on (control: expire after N requests). */
  expireNewAfter: number | null = null;

  constructor(
    private readonly accounts: Account[],
    private readonly clock: SimClock,
    private readonly limits: () => Limits,
    private readonly rng: Prng,
  ) {}

  // --- idmc (MS_AUTH_SSO) ---

  newSso(state: SsoState = { authenticated: false }): string {
    const t = token(24);
    this.sso.set(t, state);
    return t;
  }

  ssoState(t: string | undefined): SsoState | undefined {
    return t ? this.sso.get(t) : undefined;
  }

  /** Moves the state to a fresh token: Kaspi sets a new MS_AUTH_SSO after each step (§1c, §1d). */
  private rotate(old: string, state: SsoState): string {
    this.sso.delete(old);
    return this.newSso(state);
  }

  /** Sends a code, unless another login of the account still waits for one (§1d MFA_SEND_FLOOD). */
  private sendCode(ssoToken: string, account: Account, kind: 'phone' | 'mfa'): LoginOutcome {
    const since = this.pendingSince.get(account.id);
    const window = this.clock.scaled(this.limits().login.floodMs);
    const now = this.clock.now();
    if (since !== undefined && now - since < window) {
      const breakTimeSeconds = Math.max(1, Math.ceil((window - (now - since)) / 1000));
      return { status: 401, body: { errorCode: 'MFA_SEND_FLOOD', errorMessage: 'Слишком много попыток отправки кода', errorData: { breakTimeSeconds } } };
    }
    const code = this.rng.digits(6);
    this.pendingSince.set(account.id, now);
    this.sms.push({ accountId: account.id, email: account.email, phone: account.phone, kind, channel: kind === 'mfa' ? 'email' : 'sms', text: `Ваш код подтверждения: ${code}`, code, at: now });
    const sso = this.rotate(ssoToken, { authenticated: false, pending: { accountId: account.id, kind, code } });
    return { status: 200, body: kind === 'phone' ? { phone: account.phone } : {}, sso };
  }

  private finish(ssoToken: string, account: Account): LoginOutcome {
    this.pendingSince.delete(account.id);
    const sso = this.rotate(ssoToken, { authenticated: true, accountId: account.id });
    return { status: 200, body: { redirectUrl: '/' }, sso };
  }

  /** `{_ph}`: phone in the exact mask `+7 (776) 355-51-77` (§1c step 2). */
  phoneStart(ssoToken: string, phone: string, account: Account | undefined): LoginOutcome {
    if (!/^\+7 \(\d{3}\) \d{3}-\d{2}-\d{2}$/.test(phone)) return { status: 400, body: { errorCode: 'INVALID_PHONE_FORMAT', errorMessage: 'Неверный формат номера' } };
    if (!account) return { status: 401, body: { errorCode: 'USER_NOT_FOUND', errorMessage: 'Пользователь не найден' } };
    return this.sendCode(ssoToken, account, 'phone');
  }

  /** `{_c}`: the SMS code of a phone login (§1c step 3). */
  phoneCode(ssoToken: string, code: string): LoginOutcome {
    const state = this.sso.get(ssoToken);
    const pending = state?.pending;
    if (!pending || pending.kind !== 'phone') return { status: 401, body: { errorCode: 'SESSION_NOT_FOUND', errorMessage: 'Сессия входа не найдена' } };
    if (pending.code !== code.trim()) return { status: 401, body: { errorCode: 'INVALID_CODE', errorMessage: 'Неверный код' } };
    const account = this.accounts.find((a) => a.id === pending.accountId);
    if (!account) return { status: 401, body: { errorCode: 'USER_NOT_FOUND' } };
    return this.finish(ssoToken, account);
  }

  /** `{_u,_p,_r_d}` (§1d step 2): redirectUrl, or 200 without it when a code is needed. */
  password(ssoToken: string, account: Account | undefined, password: string): LoginOutcome {
    if (!account || account.password === undefined || account.password !== password) {
      return { status: 401, body: { errorCode: 'INVALID_CREDENTIALS', errorMessage: 'Неверный логин или пароль' } };
    }
    return account.mfa ? this.sendCode(ssoToken, account, 'mfa') : this.finish(ssoToken, account);
  }

  /** `{_u,_m_c,_r_d}` (§1d step 3). */
  mfaCode(ssoToken: string, account: Account | undefined, code: string): LoginOutcome {
    const pending = this.sso.get(ssoToken)?.pending;
    if (!account || !pending || pending.kind !== 'mfa' || pending.accountId !== account.id) return { status: 401, body: { errorCode: 'SESSION_NOT_FOUND', errorMessage: 'Сессия входа не найдена' } };
    if (pending.code !== code.trim()) return { status: 401, body: { errorCode: 'INVALID_CODE', errorMessage: 'Неверный код' } };
    return this.finish(ssoToken, account);
  }

  lastSms(accountId: string): SmsRecord | undefined {
    for (let i = this.sms.length - 1; i >= 0; i--) if (this.sms[i]?.accountId === accountId) return this.sms[i];
    return undefined;
  }

  // --- OAuth chain (§1c step 4) ---

  startAuthorization(redirectUrl: string): { arr: string; state: string } {
    const arr = token(12);
    const state = token(16);
    this.arr.set(arr, { state, redirectUrl });
    return { arr, state };
  }

  issueCode(accountId: string, redirectUri: string): string {
    const code = token(16);
    this.codes.set(code, { accountId, redirectUri });
    return code;
  }

  /** Exchanges the code (once) for a cabinet session; the state must match the mc_arr cookie. */
  redeem(code: string, state: string, arrCookie: string | undefined): { session: McSession; redirectUrl: string } | null {
    const arr = arrCookie ? this.arr.get(arrCookie) : undefined;
    const grant = this.codes.get(code);
    if (!arr || arr.state !== state || !grant) return null;
    this.codes.delete(code);
    this.arr.delete(arrCookie as string);
    const account = this.accounts.find((a) => a.id === grant.accountId);
    if (!account) return null;
    const session: McSession = { session: token(16), sid: token(16), accountId: account.id, merchantUids: [...account.merchantUids], requests: 0, expireAfter: this.expireNewAfter, expired: false, createdAt: this.clock.now() };
    this.mc.set(session.session, session);
    return { session, redirectUrl: arr.redirectUrl };
  }

  // --- cabinet sessions ---

  /** The live session for these cookies without counting a request. */
  peek(cookies: Record<string, string>): McSession | null {
    const s = cookies['mc-session'];
    const sid = cookies['mc-sid'];
    if (!s || !sid) return null;
    const session = this.mc.get(s);
    if (!session || session.sid !== sid || session.expired) return null;
    const ttl = this.limits().sessionTtlMs;
    if (ttl > 0 && this.clock.now() - session.createdAt > this.clock.scaled(ttl)) {
      session.expired = true;
      return null;
    }
    return session;
  }

  /** The live session for these cookies, counting this request; null when missing or expired. */
  check(cookies: Record<string, string>): McSession | null {
    const session = this.peek(cookies);
    if (!session) return null;
    session.requests++;
    if (session.expireAfter !== null && session.requests > session.expireAfter) {
      session.expired = true;
      return null;
    }
    return session;
  }

  /** Expires matching sessions now, or after `afterRequests` more requests each. */
  expire(filter: { accountId?: string; merchantUid?: string; afterRequests?: number; includeNew?: boolean }): number {
    let n = 0;
    for (const s of this.mc.values()) {
      if (s.expired) continue;
      if (filter.accountId && s.accountId !== filter.accountId) continue;
      if (filter.merchantUid && !s.merchantUids.includes(filter.merchantUid)) continue;
      if (filter.afterRequests !== undefined) s.expireAfter = s.requests + filter.afterRequests;
      else s.expired = true;
      n++;
    }
    if (filter.includeNew === true) this.expireNewAfter = filter.afterRequests ?? 0;
    else if (filter.includeNew === false) this.expireNewAfter = null;
    return n;
  }

  list(): McSession[] {
    return [...this.mc.values()].map((s) => ({ ...s }));
  }
}
