import type { Language } from '../../src-shared/contract/settings';
import { renderMessage, userMessageOf } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';
import { formatTemplate } from '../../src-shared/i18n/template';
import { CATALOGS } from './catalog';
import type { MessageKey } from './catalog';

export type Params = Record<string, string | number>;

/** A text of the pages, filled the way the message catalogue fills its templates (plurals, prices). */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = CATALOGS[language][key] ?? CATALOGS.ru[key] ?? key;
  return params ? formatTemplate(text, language, (name) => params[name]) : text;
}

/** What a failed call says, in the user's language: main's message from the catalogue. */
export function translateError(language: Language, error: unknown): string {
  return renderMessage(userMessageOf(error), language);
}

export const say = (language: Language, message: Message): string => renderMessage(message, language);
