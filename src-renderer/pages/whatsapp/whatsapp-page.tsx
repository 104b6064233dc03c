import { useState } from 'react';
import { useCall } from '../../api/use-call';
import { useT } from '../../i18n/use-t';
import { ConnectionPanel } from './connection-panel';
import { OutboxPanel } from './outbox-panel';
import { StoreTriggers } from './store-triggers';
import { TestSend } from './test-send';

/** WhatsApp to buyers: the WAHA connection and linking, each store's triggers and templates, the outbox. */
export function WhatsappPage() {
  const t = useT();
  const status = useCall('whatsapp.status', { refresh: false }, { refetchEveryMs: 10_000 });
  const stores = useCall('whatsapp.stores', {});
  const [storeId, setStoreId] = useState<number | null>(null);
  const store = stores.data?.find((s) => s.storeId === storeId) ?? stores.data?.[0];
  return (
    <section className="page whatsapp-page" data-testid="whatsapp-page">
      <div className="page-head">
        <h1>{t('nav.whatsapp')}</h1>
        {(stores.data?.length ?? 0) > 1 && (
          <label>{t('wa.store')}{' '}
            <select value={store?.storeId ?? ''} onChange={(e) => setStoreId(Number(e.target.value))} data-testid="wa-store-select">
              {stores.data!.map((s) => <option key={s.storeId} value={s.storeId} translate="no">{s.storeName}</option>)}
            </select>
          </label>
        )}
      </div>
      {status.data ? <ConnectionPanel status={status.data} /> : <progress aria-label={t('common.loading')} />}
      {store && <StoreTriggers key={store.storeId} store={store} />}
      {store && status.data?.state === 'working' && <TestSend storeId={store.storeId} />}
      <OutboxPanel storeId={store?.storeId} />
    </section>
  );
}
