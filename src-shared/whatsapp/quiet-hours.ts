import { KZ_OFFSET_MS } from '../domain/kazakhstan-time';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** HH:MM, 00:00–23:59. */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** Minutes since midnight in Kazakhstan (UTC+5 all year) at an instant. */
const kzMinute = (ms: number): number => Math.floor((((ms + KZ_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / MINUTE_MS);

/**
 * Whether an instant falls in the quiet hours [from, to) of the seller's Kazakhstan day; a window
 * like 21:00–09:00 runs over midnight, and from = to means no quiet hours.
 */
export function isQuiet(ms: number, from: string, to: string): boolean {
  const start = minutesOf(from);
  const end = minutesOf(to);
  if (start === end) return false;
  const now = kzMinute(ms);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The first instant at or after `ms` outside the quiet hours. */
export function afterQuietHours(ms: number, from: string, to: string): number {
  if (!isQuiet(ms, from, to)) return ms;
  // Kazakhstan's offset is whole hours: its minutes start when UTC's do.
  const minuteStart = ms - (((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
  const wait = (minutesOf(to) - kzMinute(ms) + 24 * 60) % (24 * 60);
  return minuteStart + wait * MINUTE_MS;
}
