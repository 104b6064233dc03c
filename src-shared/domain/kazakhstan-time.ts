/**
 * The one rule for "today": the seller's Kazakhstan day. Kazakhstan keeps one zone, UTC+5 all
 * year with no summer time, since 1 March 2024 (before that the east, Almaty and Astana, was
 * UTC+6). Daily change caps, working hours, proxy counter resets, orders and analytics all count
 * days by these functions, never by the machine's own zone.
 */
const DAY_MS = 86_400_000;

export const KZ_OFFSET_MS = 5 * 3_600_000;

/** The Kazakhstan calendar day of an instant, as a day number (days since 1970-01-01). */
export const kzDay = (ms: number): number => Math.floor((ms + KZ_OFFSET_MS) / DAY_MS);
/** The first instant of a Kazakhstan day. */
export const kzDayStart = (day: number): number => day * DAY_MS - KZ_OFFSET_MS;
/** YYYY-MM-DD of a Kazakhstan day. */
export const kzDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The day number of a YYYY-MM-DD date. */
export const dayOfDate = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
/** Milliseconds since Kazakhstan midnight. */
export const kzTimeOfDay = (ms: number): number => ms - kzDayStart(kzDay(ms));
/** "2026-03-01 14:05": Kazakhstan wall-clock time, the way Excel reads a date. */
export const kzDateTime = (ms: number): string => new Date(ms + KZ_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
