import { useState } from 'react';
import { OUTBOX_STATES } from '../../../src-shared/contract/whatsapp';
import type { OutboxRow, OutboxState } from '../../../src-shared/contract/whatsapp';
import { useCall, useCallMutation } from '../../api/use-call';
import { useApiError } from '../../components/use-api-error';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { kzDateTime } from '../orders/format';

/** The outbox and history: every message with its status as WhatsApp reported it, and why one failed or was skipped. */
export function OutboxPanel({ storeId }: { storeId?: number }) {
  const t = useT();
  const language = useLanguage();
  const [state, setState] = useState<OutboxState | undefined>(undefined);
  const list = useCall('whatsapp.outbox.list', { storeId, state, limit: 200 }, { keepPrevious: true });
  const cancel = useCallMutation('whatsapp.outbox.cancel', ['whatsapp.outbox']);
  const retry = useCallMutation('whatsapp.outbox.retry', ['whatsapp.outbox']);
  const [error, report, clear] = useApiError();
  const act = (run: () => Promise<unknown>) => {
    clear();
    run().catch(report);
  };
  const when = (r: OutboxRow) =>
    r.readAt ?? r.deliveredAt ?? r.sentAt ?? (r.state === 'queued' ? null : r.createdAt);

  return (
    <div className="card" data-testid="wa-outbox">
      <strong>{t('wa.outbox')}</strong>
      <div className="tabs" role="tablist">
        <button type="button" className={state === undefined ? 'chip active' : 'chip'} onClick={() => setState(undefined)}>{t('wa.all')}</button>
        {OUTBOX_STATES.map((s) => (
          <button type="button" key={s} className={state === s ? 'chip active' : 'chip'} onClick={() => setState(s)} data-testid={`wa-filter-${s}`}>
            {t(`wa.status.${s}`)} <span className="count">{list.data?.counts[s] ?? ''}</span>
          </button>
        ))}
      </div>
      {list.data && list.data.total === 0 && <p className="empty-state" data-testid="wa-outbox-empty">{t('wa.none')}</p>}
      {list.data && list.data.rows.length > 0 && (
        <table className="table wa-table">
          <thead>
            <tr>
              <th>{t('wa.col.created')}</th><th>{t('wa.col.order')}</th><th>{t('wa.col.trigger')}</th><th>{t('wa.col.buyer')}</th>
              <th>{t('wa.col.status')}</th><th>{t('wa.col.when')}</th><th>{t('wa.col.text')}</th><th />
            </tr>
          </thead>
          <tbody>
            {list.data.rows.map((r) => (
              <tr key={r.id} data-testid="wa-outbox-row" data-state={r.state}>
                <td>{kzDateTime(r.createdAt, language)}</td>
                <td className="mono">{r.orderCode ?? '—'}</td>
                <td>{t(`wa.trigger.${r.trigger}`)}</td>
                <td>{r.customerName ?? '—'}{r.phoneTail ? <span className="muted"> …{r.phoneTail}</span> : null}</td>
                <td>
                  <span className={`badge wa-status-${r.state}`} data-testid="wa-row-state">{t(`wa.status.${r.state}`)}</span>
                  {r.reason && <span className="muted"> {t(`wa.reason.${r.reason}`)}</span>}
                  {r.state === 'queued' && r.dueAt > Date.now() + 60_000 && <span className="muted"> {t('wa.due', { time: kzDateTime(r.dueAt, language) })}</span>}
                </td>
                <td>{kzDateTime(when(r), language)}</td>
                <td className="title-cell wa-text" title={r.body ?? ''}>{r.body ?? '—'}</td>
                <td>
                  {r.state === 'queued' && <button type="button" className="link" onClick={() => act(() => cancel.mutateAsync({ id: r.id }))}>{t('wa.cancel')}</button>}
                  {r.state === 'failed' && (r.reason === 'gave_up' || r.reason === 'refused') && <button type="button" className="link" onClick={() => act(() => retry.mutateAsync({ id: r.id }))}>{t('wa.retry')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
