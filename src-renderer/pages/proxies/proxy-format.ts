import type { Language } from '../../../src-shared/contract/settings';
import type { ProxyCheck, ProxyStats, ProxyStatus } from '../../../src-shared/domain/proxy';
import type { MessageKey } from '../../i18n/catalog';
import { dateLocale } from '../../i18n/date-locale';
import type { Params } from '../../i18n/translate';

type T = (key: MessageKey, params?: Params) => string;

export function clockTime(language: Language, ms: number): string {
  return new Date(ms).toLocaleTimeString(dateLocale(language), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function dateTime(language: Language, ms: number): string {
  return new Date(ms).toLocaleString(dateLocale(language), { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** "Resting until 14:05:10": a cooling or dead proxy says when it is tried again. */
export function statusText(t: T, language: Language, status: ProxyStatus, availableAt: number | null): string {
  if (status === 'cooling') return availableAt ? t('proxies.status.cooling', { time: clockTime(language, availableAt) }) : t('proxies.status.coolingNow');
  if (status === 'dead') return availableAt ? t('proxies.status.dead', { time: clockTime(language, availableAt) }) : t('proxies.status.deadNow');
  return t(`proxies.status.${status}`);
}

export function statsLines(t: T, language: Language, stats: ProxyStats): string[] {
  const details = [
    stats.medianLatencyMs === null ? null : t('proxies.median', { ms: stats.medianLatencyMs }),
    stats.lastUsedAt === null ? null : t('proxies.lastUsed', { time: dateTime(language, stats.lastUsedAt) }),
    t('proxies.since', { time: dateTime(language, stats.countersResetAt) }),
  ].filter((line): line is string => line !== null);
  return [t('proxies.statsLine', { requests: stats.requests, successes: stats.successes, bans: stats.bans, errors: stats.errors }), details.join(' · ')];
}

export function checkText(t: T, check: ProxyCheck | null): string {
  if (!check) return t('proxies.never');
  if (!check.ok) return t('proxies.checkFailed', { message: check.error ?? '' });
  return check.exitAddress ? t('proxies.checkOk', { ms: check.latencyMs ?? 0, ip: check.exitAddress }) : t('proxies.checkOkNoIp', { ms: check.latencyMs ?? 0 });
}
