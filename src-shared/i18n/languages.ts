import type { Language } from '../contract/settings';

/** The seller's languages are a setting (contract/settings.ts); messages are written in each. */
export { LANGUAGES } from '../contract/settings';
export type { Language };

/** The language a text falls back to, and the one errors keep as their `Error.message`. */
export const FALLBACK_LANGUAGE: Language = 'ru';
