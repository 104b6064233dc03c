import { useState } from 'react';
import type { StoreWhatsapp } from '../../../src-shared/contract/whatsapp';
import { useCallMutation } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';
import { TriggerForm } from './trigger-form';

/** A store's WhatsApp: whether it has buyers' phones (the shop API token), its daily cap, its four triggers. */
export function StoreTriggers({ store }: { store: StoreWhatsapp }) {
  const t = useT();
  const [cap, setCap] = useState(String(store.dailyCap));
  const [error, report, clear] = useApiError();
  const update = useCallMutation('whatsapp.store.update', ['whatsapp.stores']);
  return (
    <section className="wa-store" data-testid={`wa-store-${store.storeId}`}>
      <h2>{withStoreName(t('wa.storeTriggers', { store: store.storeName }), store.storeName)}</h2>
      {!store.hasShopToken && <p className="error banner" role="alert" data-testid="wa-no-token">{withStoreName(t('wa.noToken', { store: store.storeName }), store.storeName)}</p>}
      <p className="muted">{t('wa.safety')}</p>
      <form className="form-row" onSubmit={(e) => { e.preventDefault(); clear(); update.mutateAsync({ storeId: store.storeId, dailyCap: Math.max(0, Math.round(Number(cap) || 0)) }).catch(report); }}>
        <label>{t('wa.dailyCap')} <input type="number" min={0} max={500} value={cap} onChange={(e) => setCap(e.target.value)} data-testid="wa-daily-cap" /></label>
        <button type="submit" disabled={update.isPending}>{t('common.save')}</button>
        <span className="muted">{t('wa.sentToday', { n: store.sentToday })} · {t('wa.optedOut', { n: store.optedOut })}</span>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {store.triggers.map((trigger) => <TriggerForm key={`${store.storeId}-${trigger.trigger}`} storeId={store.storeId} trigger={trigger} />)}
    </section>
  );
}

/** The store's name is Kaspi's data, not our text: marked so that translators (and the language check) leave it alone. */
function withStoreName(text: string, name: string) {
  const at = text.indexOf(name);
  if (!name || at < 0) return text;
  return <>{text.slice(0, at)}<span translate="no">{name}</span>{text.slice(at + name.length)}</>;
}
