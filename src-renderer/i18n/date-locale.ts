import type { Language } from '../../src-shared/contract/settings';

/**
 * The locale dates and times are written in. Kazakh writes them as Kazakhstan does, day first
 * ("02.12.2026, 17:21"), like Russian: Chromium's own kk-KZ data writes a short date year first
 * ("26-12-02"), which a seller reads as another day.
 */
const DATE_LOCALES: Record<Language, string> = { ru: 'ru-RU', kk: 'ru-RU', en: 'en-GB' };

export const dateLocale = (language: Language): string => DATE_LOCALES[language];
