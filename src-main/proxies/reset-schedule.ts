import type { ProxyResetSchedule } from '../../src-shared/domain/proxy';

/**
 * When the usage counters start over. Pure: the caller passes the time and the user's UTC
 * offset, so "daily at 00:00" means the seller's midnight, not the server's.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The latest scheduled reset moment at or before `now`, or null for an interval/never schedule. */
export function lastResetBoundary(schedule: ProxyResetSchedule, now: number, utcOffsetMinutes: number): number | null {
  const offset = utcOffsetMinutes * 60_000;
  const local = now + offset;
  const midnight = Math.floor(local / DAY) * DAY;
  switch (schedule.kind) {
    case 'daily': {
      const at = midnight + schedule.hour * HOUR;
      return (at <= local ? at : at - DAY) - offset;
    }
    case 'weekly': {
      // 1970-01-01 was a Thursday (ISO weekday 4).
      const weekday = ((Math.floor(local / DAY) + 3) % 7) + 1;
      let at = midnight - ((weekday - schedule.weekday + 7) % 7) * DAY + schedule.hour * HOUR;
      if (at > local) at -= 7 * DAY;
      return at - offset;
    }
    default:
      return null;
  }
}

/** True when the counters last reset at `countersResetAt` must start over at `now`. */
export function isResetDue(schedule: ProxyResetSchedule, countersResetAt: number, now: number, utcOffsetMinutes: number): boolean {
  switch (schedule.kind) {
    case 'never':
      return false;
    case 'interval':
      return now - countersResetAt >= schedule.hours * HOUR;
    default:
      return countersResetAt < lastResetBoundary(schedule, now, utcOffsetMinutes)!;
  }
}

/** The next moment the counters will reset, for the UI ("сброс в 00:00"); null when never. */
export function nextResetAt(schedule: ProxyResetSchedule, countersResetAt: number, now: number, utcOffsetMinutes: number): number | null {
  switch (schedule.kind) {
    case 'never':
      return null;
    case 'interval':
      return countersResetAt + schedule.hours * HOUR;
    default: {
      // A reset that is already due is "next" until someone performs it.
      const last = lastResetBoundary(schedule, now, utcOffsetMinutes)!;
      return countersResetAt < last ? last : last + (schedule.kind === 'daily' ? DAY : 7 * DAY);
    }
  }
}
