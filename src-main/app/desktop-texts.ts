import { msg } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';

/** The sleep report's words, as catalogue messages (src-shared/i18n/catalogue/power.ts). */

/** "6 ч", "45 мин", "1 ч 20 мин": how long the bot was not working. */
export function formatPause(ms: number): Message {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return msg('power.pause_minutes', { minutes });
  return rest === 0 || hours >= 6 ? msg('power.pause_hours', { hours }) : msg('power.pause_hours_minutes', { hours, minutes: rest });
}

export type PauseCause = 'asleep' | 'offline';

/** «Компьютер спал 6 ч: 412 товаров проверены заново». */
export function wakeReportText(cause: PauseCause, pausedMs: number, products: number, complete: boolean, wasRunning: boolean): Message {
  const duration = formatPause(pausedMs);
  const what = cause === 'asleep' ? msg('power.asleep_for', { duration }) : msg('power.offline_for', { duration });
  if (!wasRunning) return msg('power.wake_was_stopped', { what });
  return msg(complete ? 'power.wake_complete' : 'power.wake_partial', { what, n: products });
}
