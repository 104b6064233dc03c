import { z } from 'zod';
import { isMessageCode, message, msg } from '../i18n/message';
import type { Message } from '../i18n/message';
import { MessageError } from '../i18n/message-error';
import { CATALOGUE } from '../i18n/catalogue';
import { templateParams } from '../i18n/template';

/**
 * Every failure that crosses the IPC boundary is one of these codes, with a message from the
 * catalogue the renderer shows in the seller's language. The code is for code (retry, ask for
 * the password again); the message is for the person.
 */
export const ERROR_CODES = [
  'unknown_call',
  'invalid_input',
  'invalid_output',
  'not_found',
  'conflict',
  'unauthorized',
  'unavailable',
  'internal',
] as const;

export const appErrorShape = z.object({
  code: z.string(),
  /** The Russian text of userMessage, for a client that cannot render it (and the shapes the shells build by hand). */
  message: z.string(),
  userMessage: message.optional(),
  details: z.unknown().optional(),
});
export type AppErrorShape = z.infer<typeof appErrorShape>;

export class AppError extends MessageError {
  readonly code: string;
  readonly details: unknown;
  constructor(
    code: (typeof ERROR_CODES)[number] | (string & {}),
    /** A plain string is text not yet in the catalogue (the rooms converted after #12/#13/#15 merge). */
    userMessage: Message | string,
    details?: unknown,
  ) {
    super(typeof userMessage === 'string' ? msg('untranslated', { text: userMessage }) : userMessage);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message, userMessage: this.userMessage };
    return this.details === undefined ? shape : { ...shape, details: this.details };
  }
  static from(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.userMessage ?? fallbackMessage(shape), shape.details);
  }
}

/** A shape without a message code: the generic text for its error code when there is one, else its own text. */
function fallbackMessage(shape: AppErrorShape): Message {
  const generic = `error.${shape.code}`;
  if (isMessageCode(generic) && templateParams(CATALOGUE[generic].ru).size === 0) return msg(generic);
  return msg('untranslated', { text: shape.message });
}

/** What a call returns on the wire: never a thrown exception, always one of these. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
