import { LANGUAGES } from '../../src-shared/i18n/languages';
import type { Language } from '../../src-shared/i18n/languages';
import { pluralBranches, templateParams } from '../../src-shared/i18n/template';

/**
 * The plural forms each language needs: Russian nouns take three forms after a number (plus one
 * for fractions), English two; Kazakh nouns do not change after a numeral ("1 тауар", "5 тауар"),
 * so its `other` branch is enough.
 */
export const REQUIRED_PLURAL_FORMS: Record<Language, readonly string[]> = {
  ru: ['one', 'few', 'many', 'other'],
  kk: ['other'],
  en: ['one', 'other'],
};

/**
 * Everything wrong with a catalogue (code → language → template): a missing language, a
 * template that does not parse, a language naming other placeholders than Russian, a plural
 * without the forms its language needs. Empty when all is well.
 */
export function catalogueProblems(catalogue: Record<string, Partial<Record<string, unknown>>>): string[] {
  const problems: string[] = [];
  for (const [code, texts] of Object.entries(catalogue)) {
    let reference: string[] | null = null;
    for (const language of LANGUAGES) {
      const text = texts[language];
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${code}: no ${language} text`);
        continue;
      }
      let params: string[];
      let plurals: string[][];
      try {
        params = [...templateParams(text)].sort();
        plurals = pluralBranches(text);
      } catch (error) {
        problems.push(`${code} (${language}): ${(error as Error).message}`);
        continue;
      }
      if (language === 'ru') reference = params;
      else if (reference && params.join() !== reference.join()) {
        problems.push(`${code} (${language}): placeholders {${params.join(', ')}}, Russian has {${reference.join(', ')}}`);
      }
      for (const branches of plurals) {
        const missing = REQUIRED_PLURAL_FORMS[language].filter((form) => !branches.includes(form));
        if (missing.length > 0) problems.push(`${code} (${language}): a plural without ${missing.join(', ')}`);
      }
    }
    for (const language of Object.keys(texts)) {
      if (!(LANGUAGES as readonly string[]).includes(language)) problems.push(`${code}: unknown language ${language}`);
    }
  }
  return problems;
}
