/**
 * How a call to Kaspi failed. One classification for every adapter (kaspi-api.md §1–§8), so the
 * engine, the sync and the UI all react to the same names. The kinds shared with the engine's
 * older error (ip-banned, account-blocked, session-expired, server, timeout, network) keep their
 * names; the constructor keeps its argument order so the two merge without touching callers.
 */
export const KASPI_ERROR_KINDS = [
  'wrong-credentials',
  'session-expired',
  'ip-banned',
  'account-blocked',
  'method-blocked',
  'server',
  'not-json',
  'timeout',
  'network',
  'captcha',
  'mfa-flood',
  'bad-request',
  'sms-timeout',
] as const;
export type KaspiErrorKind = (typeof KASPI_ERROR_KINDS)[number];

/** What happened and what to do, in plain Russian: shown to sellers as is. */
export const KASPI_ERROR_MESSAGES: Record<KaspiErrorKind, string> = {
  'wrong-credentials': 'Kaspi не принял логин или пароль. Проверьте их и войдите снова.',
  'session-expired': 'Сессия кабинета Kaspi истекла. Нужно войти в кабинет заново.',
  'ip-banned': 'Kaspi временно ограничил запросы с этого IP-адреса. Подождите немного или подключите другой прокси.',
  'account-blocked': 'Kaspi временно заблокировал изменение цен для этого магазина (слишком много запросов). Изменения продолжатся примерно через 30 минут.',
  'method-blocked': 'Kaspi отклонил запрос (защита от ботов). Попробуйте позже или через другой прокси.',
  server: 'Сервер Kaspi ответил ошибкой. Обычно это ненадолго: запрос повторится позже.',
  'not-json': 'Kaspi вернул страницу вместо данных (технические работы или защита от ботов). Попробуйте позже.',
  timeout: 'Kaspi не ответил вовремя. Проверьте интернет или прокси; запрос повторится позже.',
  network: 'Нет связи с Kaspi. Проверьте подключение к интернету или настройки прокси.',
  captcha: 'Kaspi просит подтвердить, что вы не робот. Войдите в кабинет в окне браузера и решите капчу.',
  'mfa-flood': 'Kaspi слишком часто отправлял код подтверждения. Подождите и попробуйте войти снова.',
  'bad-request': 'Kaspi отклонил запрос как неверный. Проверьте данные товара или магазина.',
  'sms-timeout': 'Код из SMS не был введён вовремя. Начните вход заново.',
};

export class KaspiError extends Error {
  constructor(
    readonly kind: KaspiErrorKind,
    message: string = KASPI_ERROR_MESSAGES[kind],
    /** How long to wait before trying again: from Retry-After, breakTimeSeconds or a known ban length. */
    readonly retryAfterMs: number | null = null,
    /** The HTTP status, when there was one. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'KaspiError';
  }
}

export const isKaspiError = (e: unknown, kind?: KaspiErrorKind): e is KaspiError =>
  e instanceof KaspiError && (kind === undefined || e.kind === kind);
