import { msg } from '../i18n/message';
import type { Message } from '../i18n/message';
import { MessageError } from '../i18n/message-error';

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

/** What happened and what to do: the catalogue's `kaspi.<kind>` message, unless the thrower says more. */
export class KaspiError extends MessageError {
  constructor(
    readonly kind: KaspiErrorKind,
    /** A plain string is text not yet in the catalogue (orders' adapters: converted after #15's merge). */
    userMessage: Message | string = msg(`kaspi.${kind}`),
    /** How long to wait before trying again: from Retry-After, breakTimeSeconds or a known ban length. */
    readonly retryAfterMs: number | null = null,
    /** The HTTP status, when there was one. */
    readonly status: number | null = null,
  ) {
    super(typeof userMessage === 'string' ? msg('untranslated', { text: userMessage }) : userMessage);
    this.name = 'KaspiError';
  }
}

export const isKaspiError = (e: unknown, kind?: KaspiErrorKind): e is KaspiError =>
  e instanceof KaspiError && (kind === undefined || e.kind === kind);
