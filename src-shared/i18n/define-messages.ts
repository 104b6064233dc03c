import type { Language } from './languages';

/** One message in every language; the type makes a missing language a compile error. */
export type Translations = Record<Language, string>;

/**
 * A group of the catalogue: code → { ru, kk, en }, written side by side so a new message is one
 * entry in one place. Templates follow template.ts; the catalogue test checks that every language
 * parses and names the same parameters, and that plurals cover each language's categories.
 */
export function defineMessages<const T extends Record<string, Translations>>(messages: T): T {
  return messages;
}
