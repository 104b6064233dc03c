import type { Browser, Locator, Page, Response } from 'playwright-core';
import { KaspiError, isKaspiError } from '../../../src-shared/domain/kaspi-error';
import { joinUrl, type KaspiEndpoints } from '../endpoints';
import { CHROME_USER_AGENT } from '../headers';
import { withAccountLock } from './account-lock';
import { saveFailure } from './failure-artifacts';
import { BrowserLaunchError, loginError, type LoginApiAnswer } from './login-errors';
import { msg } from '../../../src-shared/i18n/message';

/**
 * The merchant-cabinet login in a real browser (kaspi-api.md §1a email + password, §1b phone +
 * SMS), with the selectors every working tool uses. Success is `nav.navbar` on the cabinet;
 * the result is the cookies the browser would send to the cabinet host (mc-session, mc-sid).
 */
export const LOGIN_BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface LoginOptions {
  endpoints: KaspiEndpoints;
  method: 'email' | 'phone';
  /** E-mail, or the phone in any format (the page applies Kaspi's mask). */
  login: string;
  password?: string;
  /**
   * Asks the user for the code Kaspi sent: by SMS to the phone of a phone login, by e-mail for an
   * e-mail login (those are employees' accounts, §1d). Rejects or never settles when the user gives up.
   */
  askCode: (request: { kind: 'sms' | 'email'; sentTo?: string }) => Promise<string>;
  browser: { executablePath: string; headless: boolean };
  /** An HTTP proxy for the login (the proxy layer's playwrightProxyOption gives this shape). */
  proxy?: { server: string; username?: string; password?: string; bypass?: string };
  /** Screenshot and HTML of failed logins go here (the data folder). */
  failureDir: string;
  /** Budget for every page step; the user's time to type the code is counted separately. */
  timeoutMs: number;
  /** How long the cabinet may take to open after the last step (default CABINET_WAIT_MS). */
  cabinetTimeoutMs?: number;
  /** How long the user has to enter the code (default 3 minutes). */
  codeTimeoutMs?: number;
  /** With a visible window, how long the user has to solve a captcha (default 5 minutes). */
  captchaTimeoutMs?: number;
  signal?: AbortSignal;
  /** Another login of this account is running: queue behind it (default) or fail at once. */
  whenBusy?: 'wait' | 'fail';
}

export interface SessionCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Unix seconds; -1 for a session cookie. */
  expires: number;
}

const SEL = {
  email: '#user_email_field',
  password: '#password_field',
  phone: '#user_phone_field',
  // Kaspi's page names the tab in Russian; this is its text, not ours.
  // eslint-disable-next-line no-restricted-syntax
  phoneTab: 'text=Телефон',
  submit: '.button.is-primary',
  mfaCode: '#sms_code_field',
  phoneCode: 'input[name=security-code]',
  error: '.notification.is-danger',
  done: 'nav.navbar',
  captcha: '.g-recaptcha, .captcha, iframe[src*="captcha"], #captcha',
} as const;

/** CDF waits 10–30 s for `nav.navbar` after the last step (§1a step 4): the upper end of what it measured. */
export const CABINET_WAIT_MS = 30_000;

/** An element whose class list holds both `button` and `is-primary` (SEL.submit in XPath). */
const XPATH_PRIMARY = `contains(concat(' ', normalize-space(@class), ' '), ' button ') and contains(concat(' ', normalize-space(@class), ' '), ' is-primary ')`;

type Step = 'done' | 'code' | 'error' | 'captcha' | 'password' | 'form';

const STEP_SELECTORS: Record<Step, string> = {
  done: SEL.done,
  code: `${SEL.mfaCode}, ${SEL.phoneCode}`,
  error: SEL.error,
  captcha: SEL.captcha,
  password: SEL.password,
  form: `${SEL.email}, ${SEL.phone}`,
};

/** The step of the form a captcha can interrupt (named in the message that says it was not solved). */
type LoginStage = 'open' | 'email' | 'password' | 'phone' | 'code';

/** Serialised per account (account-lock.ts): two logins of one account never overlap. */
export function login(opts: LoginOptions): Promise<{ cookies: SessionCookie[] }> {
  if (opts.method === 'email' && !opts.password) return Promise.reject(new KaspiError('wrong-credentials', msg('login.email_needs_password')));
  return withAccountLock(opts.login, () => runLogin(opts), { wait: opts.whenBusy !== 'fail' });
}

async function runLogin(opts: LoginOptions): Promise<{ cookies: SessionCookie[] }> {
  opts.signal?.throwIfAborted();
  let browser: Browser | undefined;
  const closeOnAbort = (): void => void browser?.close().catch(() => undefined);
  opts.signal?.addEventListener('abort', closeOnAbort, { once: true });
  let page: Page | undefined;
  try {
    // Playwright is loaded on the first login, not at app start: it costs ~90 MB the bot does not need.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: opts.browser.executablePath,
      headless: opts.browser.headless,
      args: LOGIN_BROWSER_ARGS,
      timeout: opts.timeoutMs,
      ...(opts.proxy ? { proxy: opts.proxy } : {}),
    });
    if (opts.signal?.aborted) throw opts.signal.reason;
    const context = await browser.newContext({ locale: 'ru-RU', userAgent: CHROME_USER_AGENT });
    page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs);
    const api = watchLoginApi(page);
    const flow = new LoginFlow(page, opts, api);
    await flow.run();
    const cookies = await context.cookies(opts.endpoints.mcUrl);
    if (!cookies.some((c) => c.name === 'mc-session') || !cookies.some((c) => c.name === 'mc-sid')) {
      throw new KaspiError('server', msg('login.no_session_cookie'));
    }
    return { cookies: cookies.map((c) => ({ name: c.name, value: c.value, domain: c.domain, path: c.path, expires: c.expires })) };
  } catch (err) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (!browser) throw new BrowserLaunchError(opts.browser.executablePath);
    const error = asLoginError(err);
    if (page) await saveFailure(page, opts.failureDir, error.kind, [opts.password]);
    throw error;
  } finally {
    opts.signal?.removeEventListener('abort', closeOnAbort);
    await browser?.close().catch(() => undefined);
  }
}

class LoginFlow {
  constructor(
    private readonly page: Page,
    private readonly opts: LoginOptions,
    private readonly api: ApiWatch,
  ) {}

  async run(): Promise<void> {
    const { page, opts } = this;
    await page.goto(joinUrl(opts.endpoints.idmcUrl, '/login'), { waitUntil: 'domcontentloaded' });
    await this.expect(['form'], 'open');
    if (opts.method === 'email') await this.email();
    else await this.phone();
  }

  /** §1a: email, "Продолжить", email + password, "Продолжить", then maybe the code (by e-mail, §1d). */
  private async email(): Promise<void> {
    const { page, opts } = this;
    await page.fill(SEL.email, opts.login);
    await this.submit(SEL.email);
    await this.expect(['password'], 'email');
    await page.fill(SEL.email, opts.login);
    await page.fill(SEL.password, opts.password ?? '');
    await this.submit(SEL.password);
    await this.finish(await this.expect(['done', 'code'], 'password', this.cabinetWait()));
  }

  /** §1b: the "Телефон" tab, the phone, then always the SMS code. */
  private async phone(): Promise<void> {
    const { page, opts } = this;
    await page.click(SEL.phoneTab);
    // Typed key by key, as a person would: the field applies Kaspi's mask `+7 (XXX) XXX-XX-XX`
    // itself, so it gets the 10 national digits whatever format the seller entered.
    const digits = opts.login.replace(/\D/g, '');
    await page.fill(SEL.phone, '');
    await page.locator(SEL.phone).pressSequentially(digits.length >= 10 ? digits.slice(-10) : opts.login, { delay: 10 });
    await this.submit(SEL.phone);
    await this.finish(await this.expect(['code'], 'phone'));
  }

  private async finish(step: Step): Promise<void> {
    if (step === 'done') return;
    const code = await this.askCode();
    const field = this.page.locator(STEP_SELECTORS.code).first();
    await field.fill(code);
    await this.submit(field);
    await this.expect(['done'], 'code', this.cabinetWait());
  }

  /**
   * Clicks the primary button of the form being filled: the nearest block around `field` that
   * holds one. The page can carry other primary buttons (another tab's form, a banner), and the
   * first on the page is not necessarily this form's.
   */
  private async submit(field: string | Locator): Promise<void> {
    const input = typeof field === 'string' ? this.page.locator(field).first() : field;
    await input.locator(`xpath=ancestor::*[.//*[${XPATH_PRIMARY}]][1]`).locator(SEL.submit).first().click();
  }

  private cabinetWait(): number {
    return Math.max(this.opts.timeoutMs, this.opts.cabinetTimeoutMs ?? CABINET_WAIT_MS);
  }

  private async askCode(): Promise<string> {
    const { opts } = this;
    const ms = opts.codeTimeoutMs ?? 180_000;
    // A phone login gets an SMS; an e-mail login with a code step is an employee's, and Kaspi sends
    // the code to that e-mail ("Ваш код подтверждения: …", §1d).
    const request = opts.method === 'phone' ? { kind: 'sms' as const, sentTo: (await this.api.settled())?.phone ?? opts.login } : { kind: 'email' as const, sentTo: opts.login };
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      const code = await Promise.race([
        opts.askCode(request),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new KaspiError('sms-timeout')), ms);
          // The user may cancel while the code prompt is open; nothing on the page would notice.
          onAbort = () => reject(opts.signal?.reason);
          if (opts.signal?.aborted) onAbort();
          else opts.signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
      if (!/^\s*\d{4,8}\s*$/.test(code)) throw new KaspiError('wrong-credentials', msg('login.code_digits', { kind: request.kind }));
      return code.trim();
    } catch (err) {
      if (isKaspiError(err) || opts.signal?.aborted) throw err;
      throw new KaspiError('sms-timeout');
    } finally {
      clearTimeout(timer);
      if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Waits until the page shows one of `wanted` (or an error or captcha) and returns which.
   * A captcha in a visible window is left to the user; headless, it is an error at once.
   */
  private async expect(wanted: Step[], stage: LoginStage, timeout = this.opts.timeoutMs): Promise<Step> {
    const steps: Step[] = [...wanted, 'error', 'captcha'];
    const step = await this.waitFor(steps, timeout);
    if (step === 'error') throw loginError(await this.notice(), await this.api.settled());
    if (step !== 'captcha') return step;
    if (this.opts.browser.headless) throw new KaspiError('captcha', msg('login.captcha_headless'));
    const solved = await this.waitFor(wanted.concat('error'), this.opts.captchaTimeoutMs ?? 300_000).catch(() => {
      throw new KaspiError('captcha', msg('login.captcha_timeout', { stage }));
    });
    if (solved === 'error') throw loginError(await this.notice(), await this.api.settled());
    return solved;
  }

  private async waitFor(steps: Step[], timeout = this.opts.timeoutMs): Promise<Step> {
    const any = steps.map((s) => STEP_SELECTORS[s]).join(', ');
    await this.page.locator(any).first().waitFor({ state: 'visible', timeout });
    // Errors and captchas win over the form they are shown next to.
    const order: Step[] = ['error', 'captcha', 'done', 'code', 'password', 'form'];
    for (const s of order) {
      if (steps.includes(s) && (await this.page.locator(STEP_SELECTORS[s]).first().isVisible())) return s;
    }
    return steps[0] as Step;
  }

  private async notice(): Promise<string> {
    return (await this.page.locator(SEL.error).first().textContent().catch(() => '')) ?? '';
  }
}

interface ApiWatch {
  /** The last answer once every answer seen so far has been read. */
  settled(): Promise<LoginApiAnswer | undefined>;
}

/** Listens to the page's own calls to `/api/p/login` to read errorCode and breakTimeSeconds. */
function watchLoginApi(page: Page): ApiWatch {
  let last: LoginApiAnswer | undefined;
  const pending = new Set<Promise<void>>();
  page.on('response', (res: Response) => {
    if (!/\/api\/p\/login(?:\?|$)/.test(res.url())) return;
    const p = res
      .json()
      .then((body: unknown) => {
        const b = (body ?? {}) as { errorCode?: unknown; errorData?: { breakTimeSeconds?: unknown }; phone?: unknown };
        last = {
          status: res.status(),
          errorCode: typeof b.errorCode === 'string' ? b.errorCode : undefined,
          breakTimeSeconds: typeof b.errorData?.breakTimeSeconds === 'number' ? b.errorData.breakTimeSeconds : undefined,
          phone: typeof b.phone === 'string' ? b.phone : last?.phone,
        };
      })
      .catch(() => undefined)
      .finally(() => pending.delete(p));
    pending.add(p);
  });
  return {
    settled: async () => {
      await Promise.allSettled([...pending]);
      return last;
    },
  };
}

function asLoginError(err: unknown): KaspiError {
  if (isKaspiError(err)) return err;
  if (err instanceof Error && err.name === 'TimeoutError') return new KaspiError('timeout', msg('login.page_timeout'));
  const message = err instanceof Error ? err.message : String(err);
  if (/net::ERR_|ECONNREFUSED|ENOTFOUND|ERR_PROXY/i.test(message)) return new KaspiError('network', msg('login.page_unreachable', { code: /net::\w+/.exec(message)?.[0] ?? 'network' }));
  return new KaspiError('server', msg('login.interrupted', { detail: message.split('\n')[0]! }));
}
