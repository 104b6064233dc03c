import type { Language } from '../../src-shared/contract/settings';
import { CATALOGS } from './catalog';
import type { MessageKey } from './catalog';

export type Params = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = CATALOGS[language][key] ?? CATALOGS.ru[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
}

/** An error from the api, in the user's language: known codes from the catalog, else main's own text. */
export function translateError(language: Language, error: { code?: string; message: string }): string {
  const key = `error.${error.code}` as MessageKey;
  return key in CATALOGS.ru ? translate(language, key, { message: error.message }) : error.message;
}
