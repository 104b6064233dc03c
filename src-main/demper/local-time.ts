import { kzTimeOfDay } from '../../src-shared/domain/kazakhstan-time';

const DAY_MS = 86_400_000;

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface WorkingHours {
  enabled: boolean;
  from: string;
  to: string;
}

/** Whether the bot may work now, by the seller's Kazakhstan clock; a window like 22:00–06:00 runs over midnight. */
export function withinWorkingHours(now: number, hours: WorkingHours): boolean {
  if (!hours.enabled) return true;
  const local = Math.floor(kzTimeOfDay(now) / 60_000);
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  if (from === to) return true;
  return from < to ? local >= from && local < to : local >= from || local < to;
}

/** Milliseconds until the working window opens again (0 when open). */
export function msUntilWorkingHours(now: number, hours: WorkingHours): number {
  if (withinWorkingHours(now, hours)) return 0;
  const from = minutesOf(hours.from) * 60_000;
  return (from - kzTimeOfDay(now) + DAY_MS) % DAY_MS;
}
