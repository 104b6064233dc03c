import { KaspiError } from '../../../src-shared/domain/kaspi-error';

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
  const textWait = /(\d+)\s*(?:сек|sec|с\b)/i.exec(notice)?.[1];
  if (code === 'MFA_SEND_FLOOD' || code === 'MFA_CODE_TOO_MANY_SEND' || (!code && /превышено|слишком много|too many/i.test(notice))) {
    const seconds = (api?.breakTimeSeconds ?? (textWait ? Number(textWait) : DEFAULT_FLOOD_S)) + FLOOD_MARGIN_S;
    return new KaspiError('mfa-flood', `Kaspi слишком часто отправлял код подтверждения. Повторите вход через ${formatWait(seconds)}.`, seconds * 1000, api?.status ?? null);
  }
  if (code === 'CAPTCHA_REQUIRED') return new KaspiError('captcha', undefined, null, api?.status ?? null);
  const said = notice.trim() ? ` Kaspi: «${notice.trim()}».` : '';
  if (code === 'INVALID_CODE') return new KaspiError('wrong-credentials', `Неверный код подтверждения.${said} Начните вход заново и введите новый код.`, null, api?.status ?? null);
  return new KaspiError('wrong-credentials', `Kaspi не пустил в кабинет.${said} Проверьте логин и пароль и войдите снова.`, null, api?.status ?? null);
}

export function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} сек`;
  return `${Math.ceil(seconds / 60)} мин`;
}
