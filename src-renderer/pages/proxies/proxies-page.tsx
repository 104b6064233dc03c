import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CallInput, CallName } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { byPrefix } from '../../api/query-client';
import { useCall, useCallData, useStores } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useSay, useT } from '../../i18n/use-t';
import { userMessageOf } from '../../../src-shared/i18n';
import { DirectTableRow } from './direct-row';
import { ProxyImport } from './proxy-import';
import { ProxyTableRow, type RowActions } from './proxy-row';
import { ProxySettingsForm } from './proxy-settings-form';

/**
 * Statuses and counters move with traffic, which sends no event; a light poll keeps them current.
 * Proxies added, changed or tested anywhere (this page, another window, the API) come with main's
 * 'proxies.changed' (query-client.ts).
 */
const REFRESH_MS = 5_000;

/** Which test is running: all, the direct row, or one proxy's id. */
type Testing = 'all' | 'direct' | number | null;

export function ProxiesPage() {
  const t = useT();
  const say = useSay();
  const list = useCall('proxies.list', {}, { refetchEveryMs: REFRESH_MS });
  const view = list.data ?? null;
  const settings = useCall('proxies.settings.get', {}).data ?? null;
  const stores = useStores();
  const setCallData = useCallData();
  const client = useQueryClient();
  const [testing, setTesting] = useState<Testing>(null);
  const [actionError, report, clear] = useApiError();

  /** A change through main; whatever the page showed ahead of main's answer is read again either way. */
  async function act<N extends CallName>(name: N, input: CallInput<N>) {
    clear();
    try { await api.call(name, input); } catch (err) { report(err); }
    void client.invalidateQueries({ predicate: byPrefix(['proxies.']) });
  }
  const test = async (which: Exclude<Testing, null>) => {
    setTesting(which);
    try {
      await act('proxies.test', which === 'all' ? {} : which === 'direct' ? { ids: [], direct: true } : { ids: [which] });
    } finally {
      setTesting(null);
    }
  };
  const actions: RowActions = {
    update: (id, patch) => {
      // Switches and selects answer at once; the list is re-read (and corrected) after main replies.
      const { enabled, storeId, label } = patch;
      setCallData('proxies.list', {}, (v) => v && { ...v, proxies: v.proxies.map((p) => (p.id === id ? { ...p, enabled: enabled ?? p.enabled, storeId: storeId === undefined ? p.storeId : storeId, label: label === undefined ? p.label : label } : p)) });
      return act('proxies.update', { id, patch });
    },
    remove: (id) => act('proxies.remove', { id }),
    test: (id) => test(id),
  };
  const allowDirect = (allowed: boolean) => {
    setCallData('proxies.list', {}, (v) => v && { ...v, direct: { ...v.direct, allowed } });
    return act('proxies.settings.update', { allowDirect: allowed });
  };
  const error = actionError ?? (list.error && !view ? say(userMessageOf(list.error)) : null);

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
      {settings && <ProxySettingsForm settings={settings} />}
    </section>
  );
}
