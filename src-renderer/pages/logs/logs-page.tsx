import { useEffect, useMemo, useState } from 'react';
import { LOG_LEVELS } from '../../../src-shared/contract/maintenance';
import { api } from '../../api/client';
import { useCall, useStores } from '../../api/use-call';
import { useSettled } from '../../components/use-settled';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { dateLocale } from '../../i18n/date-locale';

type Level = (typeof LOG_LEVELS)[number];

export function LogsPage() {
  const t = useT();
  const locale = dateLocale(useLanguage());
  const [minLevel, setMinLevel] = useState<Level>('info');
  const [module, setModule] = useState('');
  const [storeId, setStoreId] = useState<number | undefined>();
  const [text, setText] = useState('');
  const stores = useStores();
  const [image, setImage] = useState<string | null>(null);
  const [error, report] = useApiError();
  // New records come without an event: read again every 5 s while the page is open, and as the filter settles.
  const settledText = useSettled(text.trim(), 200);
  const filter = useMemo(() => ({ minLevel, module: module || undefined, storeId, text: settledText || undefined, limit: 300 }), [minLevel, module, storeId, settledText]);
  const logs = useCall('logs.query', filter, { keepPrevious: true, refetchEveryMs: 5_000 });
  const records = logs.data?.records ?? [];
  const modules = logs.data?.modules ?? [];
  const failures = useCall('logs.loginFailures', {}).data ?? [];
  const refresh = () => void logs.refetch();
  useEffect(() => { if (logs.error) report(logs.error); }, [logs.error, report]);

  return (
    <section className="page" data-testid="logs-page">
      <h1>{t('nav.logs')}</h1>
      <div className="toolbar">
        <label>{t('logs.level')}
          <select value={minLevel} onChange={(e) => setMinLevel(e.target.value as Level)} data-testid="log-level">
            {LOG_LEVELS.map((l) => <option key={l} value={l}>{t(`logs.level.${l}`)}</option>)}
          </select>
        </label>
        <label>{t('logs.module')}
          <select value={module} onChange={(e) => setModule(e.target.value)}>
            <option value="">{t('logs.allModules')}</option>
            {modules.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <label>{t('logs.store')}
          <select value={storeId ?? ''} onChange={(e) => setStoreId(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{t('logs.allStores')}</option>
            {stores.map((s) => <option key={s.id} value={s.id} translate="no">{s.name}</option>)}
          </select>
        </label>
        <input type="search" placeholder={t('logs.text')} value={text} onChange={(e) => setText(e.target.value)} data-testid="log-text" />
        <button onClick={refresh}>{t('logs.refresh')}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {records.length === 0 ? <div className="empty-state">{t('logs.none')}</div> : (
        <table className="table log-table">
          <tbody>
            {records.map((r, i) => (
              <tr key={`${r.ts}-${i}`} className={`log-${r.level}`} data-testid="log-row">
                <td className="mono">{new Date(r.ts).toLocaleString(locale)}</td>
                <td><span className={`badge level-${r.level}`}>{r.level}</span></td>
                <td className="mono">{r.module}</td>
                <td>{r.msg}{Object.keys(r.fields).length > 0 && <div className="mono muted">{JSON.stringify(r.fields)}</div>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('logs.failures')}</h2>
      {failures.length === 0 ? <p className="muted">{t('logs.failures.none')}</p> : (
        <ul className="plain-list">
          {failures.map((f) => (
            <li key={f.name}>
              {new Date(f.createdAt).toLocaleString(locale)} — {f.reason}{' '}
              <button onClick={() => api.call('logs.loginFailureImage', { name: f.name }).then((r) => setImage(r.dataUrl), report)}>{t('logs.failures.show')}</button>
            </li>
          ))}
        </ul>
      )}
      {image && <img className="failure-shot" src={image} alt="" onClick={() => setImage(null)} />}
    </section>
  );
}
