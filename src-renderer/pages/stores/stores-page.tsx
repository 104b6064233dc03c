import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { callKey } from '../../api/query-client';
import { useCall } from '../../api/use-call';
import { translateError } from '../../i18n/translate';
import { useLanguage } from '../../store/ui-store';
import { useT } from '../../i18n/use-t';
import { ConnectStore } from './connect-store';
import { StoreRow } from './store-row';

export function StoresPage() {
  const t = useT();
  const language = useLanguage();
  const client = useQueryClient();
  // The store list as every page reads it, refreshed by main's 'stores.changed'.
  const list = useCall('stores.list', {});
  const stores = list.data ?? null;
  const error = list.error ? translateError(language, list.error) : null;
  const [connecting, setConnecting] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: callKey('stores.list', {}) });

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
