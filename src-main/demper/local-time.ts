const DAY_MS = 86_400_000;

/** Local calendar day number; the daily change cap resets when it changes. */
export const localDay = (now: number, utcOffsetMinutes: number): number => Math.floor((now + utcOffsetMinutes * 60_000) / DAY_MS);

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface WorkingHours {
  enabled: boolean;
  from: string;
  to: string;
}

/** Whether the bot may work now; a window like 22:00–06:00 runs over midnight. */
export function withinWorkingHours(now: number, hours: WorkingHours, utcOffsetMinutes: number): boolean {
  if (!hours.enabled) return true;
  const local = Math.floor(((now + utcOffsetMinutes * 60_000) % DAY_MS + DAY_MS) % DAY_MS / 60_000);
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  if (from === to) return true;
  return from < to ? local >= from && local < to : local >= from || local < to;
}

/** Milliseconds until the working window opens again (0 when open). */
export function msUntilWorkingHours(now: number, hours: WorkingHours, utcOffsetMinutes: number): number {
  if (withinWorkingHours(now, hours, utcOffsetMinutes)) return 0;
  const local = ((now + utcOffsetMinutes * 60_000) % DAY_MS + DAY_MS) % DAY_MS;
  const from = minutesOf(hours.from) * 60_000;
  return (from - local + DAY_MS) % DAY_MS;
}
