import { useState } from 'react';
import type { WakeReport } from '../../src-shared/contract/power';
import type { UpdateStatus } from '../../src-shared/contract/updates';
import { api } from '../api/client';
import { useCall, useCallData } from '../api/use-call';
import { useT } from '../i18n/use-t';
import { useLanguage } from '../store/ui-store';
import { dateLocale } from '../i18n/date-locale';
import type { MessageKey } from '../i18n/catalog';
import type { Params } from '../i18n/translate';
import { useApiError } from './use-api-error';

type T = (key: MessageKey, params?: Params) => string;

/** "6 ч", "45 мин", "1 ч 20 мин" in the seller's language. */
export function formatDuration(t: T, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('desktop.duration.m', { m });
  return m === 0 || h >= 6 ? t('desktop.duration.h', { h }) : t('desktop.duration.hm', { h, m });
}

export function wakeText(t: T, report: WakeReport): string {
  const head = t(report.cause === 'asleep' ? 'desktop.wake.asleep' : 'desktop.wake.offline', { duration: formatDuration(t, report.pausedMs) });
  if (!report.wasRunning) return `${head} ${t('desktop.wake.stopped')}`;
  return `${head} ${t(report.complete ? 'desktop.wake.done' : 'desktop.wake.partial', { count: report.productsChecked })}`;
}

/**
 * What the computer did to the bot, above every page: a downloaded update ("restart to update"),
 * a pause while asleep or offline, and the report after it. Updates are shown only where the app
 * updates itself (the desktop); the report can be dismissed.
 */
export function DesktopStatus() {
  const t = useT();
  const locale = dateLocale(useLanguage());
  // Both come with main's events (updates.status, power.changed), which carry the whole answer (query-client.ts).
  const update = useCall('updates.status', {}).data ?? null;
  const setCallData = useCallData();
  const showUpdate = (next: UpdateStatus) => setCallData('updates.status', {}, next);
  const power = useCall('power.status', {}).data ?? null;
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [error, report] = useApiError();


  const lastWake = power?.lastWake && power.lastWake.at !== dismissed ? power.lastWake : null;
  return (
    <>
      {(update?.state === 'ready' || update?.state === 'restarting') && (
        <div className="card banner" data-testid="update-ready" role="status">
          <span>{update.state === 'ready' ? t('desktop.update.ready', { version: update.version ?? '' }) : t('desktop.update.restarting')}</span>{' '}
          {update.state === 'ready' && (
            <button className="primary" data-testid="update-restart" onClick={() => void api.call('updates.install', {}).then(showUpdate, report)}>{t('desktop.update.restart')}</button>
          )}
          {error && <p className="error" role="alert">{error}</p>}
        </div>
      )}
      {power?.paused && (
        <p className="card banner" data-testid="power-paused" role="status">
          {power.paused === 'asleep' ? t('desktop.paused.asleep') : t('desktop.paused.offline', { since: new Date(power.pausedSince ?? Date.now()).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }) })}
        </p>
      )}
      {!power?.paused && lastWake && (
        <div className="card banner" data-testid="power-wake-report" role="status">
          <span>{wakeText(t, lastWake)}</span>{' '}
          <button onClick={() => setDismissed(lastWake.at)}>{t('desktop.wake.dismiss')}</button>
        </div>
      )}
    </>
  );
}
