import { describe, expect, it } from 'vitest';
import { loginError } from '../../../src-main/kaspi/login/login-errors';
import { msg } from '../../../src-shared/i18n';

describe('login errors from the page and the idmc API', () => {
  it('turns MFA_SEND_FLOOD into a wait of breakTimeSeconds plus the 10–20 s margin of §1d (its upper end)', () => {
    const e = loginError('Превышено количество отправок кода. Повторите через 45 сек.', { status: 401, errorCode: 'MFA_SEND_FLOOD', breakTimeSeconds: 45 });
    expect(e).toMatchObject({ kind: 'mfa-flood', retryAfterMs: 65_000, status: 401 });
    expect(e.userMessage).toEqual(msg('login.flood_wait', { wait: msg('duration.seconds', { n: 65 }) }));
    expect(e.message).toContain('через 65 сек.');
  });

  it('reads the wait from the page when the API answer was not seen, and shows minutes for long waits', () => {
    expect(loginError('Слишком много попыток. Повторите через 300 сек.', undefined)).toMatchObject({ kind: 'mfa-flood', retryAfterMs: 320_000, message: expect.stringContaining('6 мин.') });
    expect(loginError('Слишком много попыток. Повторите через 300 сек.', undefined).userMessage).toEqual(msg('login.flood_wait', { wait: msg('duration.minutes', { n: 6 }) }));
    expect(loginError('Слишком много попыток', undefined).retryAfterMs).toBe(80_000);
  });

  it("quotes the page's error for wrong credentials and wrong codes", () => {
    expect(loginError('Неверный логин или пароль', { status: 401, errorCode: 'INVALID_CREDENTIALS' })).toMatchObject({ kind: 'wrong-credentials', message: expect.stringContaining('«Неверный логин или пароль»') });
    expect(loginError('Неверный логин или пароль', { status: 401, errorCode: 'INVALID_CREDENTIALS' }).userMessage).toEqual(msg('login.refused_said', { notice: 'Неверный логин или пароль' }));
    expect(loginError('Неверный код', { status: 401, errorCode: 'INVALID_CODE' }).message).toMatch(/Неверный код подтверждения/);
    expect(loginError('', { status: 401, errorCode: 'INVALID_CODE' }).userMessage).toEqual(msg('login.wrong_code'));
    expect(loginError('', { status: 403, errorCode: 'CAPTCHA_REQUIRED' }).kind).toBe('captcha');
  });
});
