/** The seller's languages: Russian first (the default and the fallback), Kazakh, English. */
export const LANGUAGES = ['ru', 'kk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language a text falls back to, and the one errors keep as their `Error.message`. */
export const FALLBACK_LANGUAGE: Language = 'ru';
