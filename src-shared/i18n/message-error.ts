import { FALLBACK_LANGUAGE } from './languages';
import type { Language } from './languages';
import { isMessage, msg } from './message';
import type { Message } from './message';
import { renderMessage } from './render';

/**
 * An error a person reads. `userMessage` is what they read, rendered in their language wherever
 * it is shown. `message` is its Russian text, the product's first language: what code that only
 * knows Error.message still shows (the shells and the demper, until they render userMessage).
 * Log records write the English text instead (logging/redact.ts).
 */
export class MessageError extends Error {
  constructor(readonly userMessage: Message) {
    super(renderMessage(userMessage, FALLBACK_LANGUAGE));
    this.name = 'MessageError';
  }
}

/** The message a thrown value carries (a MessageError, or an AppError rebuilt from the wire), if any. */
function carriedMessage(error: unknown): Message | null {
  const carried = (error as { userMessage?: unknown } | null | undefined)?.userMessage;
  return isMessage(carried) ? carried : null;
}

/** What to tell a person about any thrown value: its own message, or "internal error" for a bug. */
export const userMessageOf = (error: unknown): Message => carriedMessage(error) ?? msg('error.internal');

/** Any thrown value as text in a language: its catalogue message rendered, else its own text (a bug's, or a library's). */
export function errorText(error: unknown, language: Language): string {
  const carried = carriedMessage(error);
  if (carried) return renderMessage(carried, language);
  return error instanceof Error ? error.message : String(error);
}
