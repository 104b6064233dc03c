import { CATALOGUE } from './catalogue';
import type { Language } from './languages';
import type { Message, MessageParam } from './message';
import { formatTemplate } from './template';
import type { TemplateValue } from './template';

/**
 * The one way a message becomes text, in the renderer (the seller's language from settings) and
 * in main (tray, notifications, console). A code this build does not know shows as the code.
 */
export function renderMessage(message: Message, language: Language): string {
  const entry = Object.hasOwn(CATALOGUE, message.code) ? CATALOGUE[message.code] : undefined;
  if (!entry) return message.code;
  return formatTemplate(entry[language], language, (name) => paramValue(message.params?.[name], language));
}

function paramValue(value: MessageParam | undefined, language: Language): TemplateValue | undefined {
  if (value === undefined || typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((m) => renderMessage(m, language)).join('; ');
  return renderMessage(value, language);
}
