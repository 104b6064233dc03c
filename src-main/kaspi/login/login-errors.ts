import { KaspiError } from '../../../src-shared/domain/kaspi-error';
import { msg } from '../../../src-shared/i18n/message';
import type { Message } from '../../../src-shared/i18n/message';
import { MessageError } from '../../../src-shared/i18n/message-error';

/** What the idmc API answered to the last `/api/p/login` call (§1c, §1d), if anything. */
export interface LoginApiAnswer {
  status: number;
  errorCode?: string;
  breakTimeSeconds?: number;
  phone?: string;
}

/** §1d: flood control asks to wait breakTimeSeconds; the default wait is 60 s. */
const DEFAULT_FLOOD_S = 60;
/** §1d: tools wait breakTimeSeconds plus 10–20 s before the one retry; the upper end, so it is over. */
export const FLOOD_MARGIN_S = 20;

/**
 * The error a failed login step shows: the API's errorCode when we saw it, else the text of the
 * page's `.notification.is-danger` (§1a step 4).
 */
export function loginError(notice: string, api: LoginApiAnswer | undefined): KaspiError {
  const code = api?.errorCode ?? '';
  // The page's notice is Kaspi's Russian text: these words are what Kaspi writes.
  const textWait = /(\d+)\s*(?:сек|sec|с\b)/i.exec(notice)?.[1];
  if (code === 'MFA_SEND_FLOOD' || code === 'MFA_CODE_TOO_MANY_SEND' || (!code && /превышено|слишком много|too many/i.test(notice))) {
    const seconds = (api?.breakTimeSeconds ?? (textWait ? Number(textWait) : DEFAULT_FLOOD_S)) + FLOOD_MARGIN_S;
    return new KaspiError('mfa-flood', msg('login.flood_wait', { wait: formatWait(seconds) }), seconds * 1000, api?.status ?? null);
  }
  if (code === 'CAPTCHA_REQUIRED') return new KaspiError('captcha', undefined, null, api?.status ?? null);
  // Kaspi's own words from the page, quoted as they are (in Russian, as Kaspi writes them).
  const said = notice.trim();
  if (code === 'INVALID_CODE') {
    return new KaspiError('wrong-credentials', said ? msg('login.wrong_code_said', { notice: said }) : msg('login.wrong_code'), null, api?.status ?? null);
  }
  return new KaspiError('wrong-credentials', said ? msg('login.refused_said', { notice: said }) : msg('login.refused'), null, api?.status ?? null);
}

export function formatWait(seconds: number): Message {
  if (seconds < 90) return msg('duration.seconds', { n: seconds });
  return msg('duration.minutes', { n: Math.ceil(seconds / 60) });
}

/** The login browser would not start: the path is wrong or the browser is broken. */
export class BrowserLaunchError extends MessageError {
  constructor(path: string) {
    super(msg('login.browser_failed', { path }));
    this.name = 'BrowserLaunchError';
  }
}
