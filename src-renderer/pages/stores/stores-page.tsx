import { useCallback, useEffect, useState } from 'react';
import type { StoreSummary } from '../../../src-shared/domain/store';
import { api } from '../../api/client';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';
import { ConnectStore } from './connect-store';
import { StoreRow } from './store-row';

export function StoresPage() {
  const t = useT();
  const [stores, setStores] = useState<StoreSummary[] | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [error, report] = useApiError();

  const refresh = useCallback(() => api.call('stores.list', {}).then(setStores, report), [report]);
  useEffect(() => {
    void refresh();
    return api.on('stores.changed', () => void refresh());
  }, [refresh]);

  return (
    <section className="page" data-testid="stores-page">
      <div className="page-head">
        <h1>{t('nav.stores')}</h1>
        {!connecting && <button className="primary" onClick={() => setConnecting(true)} data-testid="connect-store-open">{t('stores.connect')}</button>}
      </div>
      {connecting && <ConnectStore onDone={() => { setConnecting(false); void refresh(); }} onCancel={() => setConnecting(false)} />}
      {error && <p className="error" role="alert">{error}</p>}
      {stores === null && <p>{t('common.loading')}</p>}
      {stores?.length === 0 && !connecting && <div className="empty-state">{t('stores.none')}</div>}
      <div className="store-list">
        {stores?.map((store) => <StoreRow key={store.id} store={store} onChanged={() => void refresh()} />)}
      </div>
    </section>
  );
}
