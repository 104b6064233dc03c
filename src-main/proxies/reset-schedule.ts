import type { ProxyResetSchedule } from '../../src-shared/domain/proxy';
import { kzDay, kzDayStart } from '../../src-shared/domain/kazakhstan-time';

/**
 * When the usage counters start over. Pure: the caller passes the time, and "daily at 00:00"
 * means the seller's Kazakhstan midnight, not the machine's (kazakhstan-time.ts).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The latest scheduled reset moment at or before `now`, or null for an interval/never schedule. */
export function lastResetBoundary(schedule: ProxyResetSchedule, now: number): number | null {
  const today = kzDay(now);
  switch (schedule.kind) {
    case 'daily': {
      const at = kzDayStart(today) + schedule.hour * HOUR;
      return at <= now ? at : at - DAY;
    }
    case 'weekly': {
      // 1970-01-01 was a Thursday (ISO weekday 4).
      const weekday = ((today + 3) % 7) + 1;
      let at = kzDayStart(today) - ((weekday - schedule.weekday + 7) % 7) * DAY + schedule.hour * HOUR;
      if (at > now) at -= 7 * DAY;
      return at;
    }
    default:
      return null;
  }
}

/** True when the counters last reset at `countersResetAt` must start over at `now`. */
export function isResetDue(schedule: ProxyResetSchedule, countersResetAt: number, now: number): boolean {
  switch (schedule.kind) {
    case 'never':
      return false;
    case 'interval':
      return now - countersResetAt >= schedule.hours * HOUR;
    default:
      return countersResetAt < lastResetBoundary(schedule, now)!;
  }
}

/** The next moment the counters will reset, for the UI ("сброс в 00:00"); null when never. */
export function nextResetAt(schedule: ProxyResetSchedule, countersResetAt: number, now: number): number | null {
  switch (schedule.kind) {
    case 'never':
      return null;
    case 'interval':
      return countersResetAt + schedule.hours * HOUR;
    default: {
      // A reset that is already due is "next" until someone performs it.
      const last = lastResetBoundary(schedule, now)!;
      return countersResetAt < last ? last : last + (schedule.kind === 'daily' ? DAY : 7 * DAY);
    }
  }
}
