import type { Language } from '../../../src-shared/contract/settings';
import { KZ_OFFSET_MS } from '../../../src-shared/domain/kazakhstan-time';
import { formatTenge } from '../../../src-shared/pricing/format-tenge';
import { dateLocale } from '../../i18n/date-locale';

/**
 * Kazakhstan time whatever the computer's zone (UTC+5 all year; older time-zone data still puts
 * Almaty at +6), in the seller's language.
 */
function kzParts(ms: number, language: Language, options: Intl.DateTimeFormatOptions): string {
  return new Date(ms + KZ_OFFSET_MS).toLocaleString(dateLocale(language), { ...options, timeZone: 'UTC' });
}

export const kzDateTime = (ms: number | null, language: Language): string =>
  ms === null ? '—' : kzParts(ms, language, { day: '2-digit', month: '2-digit', year: '2-digit', hour: '2-digit', minute: '2-digit' });
export const kzTime = (ms: number | null, language: Language): string => (ms === null ? '—' : kzParts(ms, language, { hour: '2-digit', minute: '2-digit' }));
export const kzShortDate = (ms: number, language: Language): string => kzParts(ms, language, { day: '2-digit', month: '2-digit', year: 'numeric' });
/** A YYYY-MM-DD day as the seller reads it. */
export const dayLabel = (isoDay: string, language: Language): string =>
  new Date(`${isoDay}T00:00:00Z`).toLocaleDateString(dateLocale(language), { day: '2-digit', month: '2-digit', timeZone: 'UTC' });

export const tenge = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatTenge(v));
