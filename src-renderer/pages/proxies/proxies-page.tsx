import { useCallback, useEffect, useState } from 'react';
import type { ProxiesView, ProxyPageSettings } from '../../../src-shared/contract/proxies';
import { api } from '../../api/client';
import { useStores } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';
import { DirectTableRow } from './direct-row';
import { ProxyImport } from './proxy-import';
import { ProxyTableRow, type RowActions } from './proxy-row';
import { ProxySettingsForm } from './proxy-settings-form';

/** Statuses and counters move with traffic, which sends no event; a light poll keeps them current. */
const REFRESH_MS = 5_000;

/** Which test is running: all, the direct row, or one proxy's id. */
type Testing = 'all' | 'direct' | number | null;

export function ProxiesPage() {
  const t = useT();
  const [view, setView] = useState<ProxiesView | null>(null);
  const stores = useStores();
  const [settings, setSettings] = useState<ProxyPageSettings | null>(null);
  const [testing, setTesting] = useState<Testing>(null);
  const [error, report, clear] = useApiError();

  const load = useCallback(() => api.call('proxies.list', {}).then(setView, report), [report]);
  useEffect(() => {
    void load();
    api.call('proxies.settings.get', {}).then(setSettings, report);
    const offProxies = api.on('proxies.changed', () => void load());
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => { offProxies(); clearInterval(timer); };
  }, [load, report]);

  async function act(run: () => Promise<unknown>) {
    clear();
    try { await run(); } catch (err) { report(err); }
    void load();
  }
  const test = (which: Exclude<Testing, null>) => act(async () => {
    setTesting(which);
    try {
      await api.call('proxies.test', which === 'all' ? {} : which === 'direct' ? { ids: [], direct: true } : { ids: [which] });
    } finally {
      setTesting(null);
    }
  });
  const actions: RowActions = {
    update: (id, patch) => {
      // Switches and selects answer at once; the list is re-read (and corrected) after main replies.
      const { enabled, storeId, label } = patch;
      setView((v) => v && { ...v, proxies: v.proxies.map((p) => (p.id === id ? { ...p, enabled: enabled ?? p.enabled, storeId: storeId === undefined ? p.storeId : storeId, label: label === undefined ? p.label : label } : p)) });
      return act(() => api.call('proxies.update', { id, patch }));
    },
    remove: (id) => act(() => api.call('proxies.remove', { id })),
    test: (id) => test(id),
  };
  const allowDirect = (allowed: boolean) => {
    setView((v) => v && { ...v, direct: { ...v.direct, allowed } });
    return act(async () => setSettings(await api.call('proxies.settings.update', { allowDirect: allowed })));
  };

  const empty = view !== null && view.proxies.length === 0;
  return (
    <section className="page" data-testid="proxies-page">
      <div className="page-head">
        <h1>{t('nav.proxies')}</h1>
        <div className="actions">
          <button className="primary" onClick={() => void test('all')} disabled={testing !== null} data-testid="proxies-test-all">
            {testing === 'all' ? t('proxies.testing') : t('proxies.testAll')}
          </button>
        </div>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {empty && (
        <div className="empty-state proxies-empty" data-testid="proxies-empty">
          <h2>{t('proxies.emptyTitle')}</h2>
          <p>{t('proxies.emptyWhy')}</p>
          <p>{t('proxies.emptyWhat')}</p>
        </div>
      )}
      {view && (
        <table className="table proxy-table">
          <thead>
            <tr>
              <th>{t('proxies.address')}</th>
              <th>{t('proxies.status')}</th>
              <th>{t('proxies.binding')}</th>
              <th>{t('proxies.stats')}</th>
              <th>{t('proxies.check')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {view.proxies.map((proxy) => (
              <ProxyTableRow key={proxy.id} proxy={proxy} stores={stores} testing={testing === 'all' || testing === proxy.id} actions={actions} />
            ))}
            <DirectTableRow direct={view.direct} testing={testing === 'all' || testing === 'direct'} onAllow={(allowed) => void allowDirect(allowed)} onTest={() => void test('direct')} />
          </tbody>
        </table>
      )}
      <ProxyImport stores={stores} />
      {settings && <ProxySettingsForm settings={settings} onSaved={setSettings} />}
    </section>
  );
}
