import { useCall } from '../../api/use-call';
import { translateError } from '../../i18n/translate';
import { useSay, useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { dateLocale } from '../../i18n/date-locale';

export function SystemPage() {
  const t = useT();
  const say = useSay();
  const language = useLanguage();
  // Uptime and the database size move without an event: read again every 5 s while the page is open.
  const call = useCall('system.status', {}, { refetchEveryMs: 5_000 });
  const status = call.data ?? null;
  const error = call.error && !status ? translateError(language, call.error) : null;

  if (error) return <section className="page"><h1>{t('system.heading')}</h1><p className="error" role="alert">{error}</p></section>;
  if (!status) return <section className="page"><h1>{t('system.heading')}</h1><p>{t('common.loading')}</p></section>;

  const up = status.uptimeSeconds;
  const rows: Array<[string, string]> = [
    [t('system.appVersion'), status.appVersion],
    [t('system.shell'), t(status.shell === 'electron' ? 'system.shell.electron' : 'system.shell.headless')],
    [t('system.database'), status.database.path],
    [t('system.databaseSize'), t('size.kb', { n: Math.ceil(status.database.sizeBytes / 1024) })],
    [t('system.schemaVersion'), String(status.database.schemaVersion)],
    [t('system.journalMode'), status.database.journalMode.toUpperCase()],
    [t('system.dataDir'), status.dataDir],
    [t('system.startedAt'), new Date(status.startedAt).toLocaleString(dateLocale(language))],
    [t('system.uptime'), t('duration.hms', { h: Math.floor(up / 3600), m: Math.floor((up % 3600) / 60), s: up % 60 })],
    [t('system.nodeVersion'), status.nodeVersion],
  ];
  return (
    <section className="page" data-testid="system-page">
      <h1>{t('system.heading')}</h1>
      {status.warnings.length === 0 ? <p className="ok-badge">{t('system.ok')}</p> : status.warnings.map((w, i) => <p key={i} className="error" role="alert" data-testid="system-warning">{say(w)}</p>)}
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
    </section>
  );
}
