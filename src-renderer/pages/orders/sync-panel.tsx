import type { OrderSyncStatus } from '../../../src-shared/contract/orders';
import { useCallMutation } from '../../api/use-call';
import type { MessageKey } from '../../i18n/catalog';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { kzDateTime, kzShortDate, kzTime } from './format';

/**
 * Where each store's orders come from and what that source cannot give, how far the download
 * got, what went wrong (in the seller's words) and the store's alert switches.
 */
export function SyncPanel({ statuses }: { statuses: readonly OrderSyncStatus[] }) {
  const t = useT();
  const language = useLanguage();
  const syncNow = useCallMutation('orders.syncNow', ['orders.']);
  const alerts = useCallMutation('orders.alerts.update', ['orders.syncStatus']);
  return (
    <div className="sync-panel" data-testid="orders-sync">
      {statuses.map((s) => {
        const problemKey = `orders.problem.${s.problem?.code ?? ''}` as MessageKey;
        return (
          <div key={s.storeId} className="sync-store" data-testid={`orders-sync-${s.storeId}`}>
            <div className="sync-head">
              <strong>{s.storeName}</strong>
              <span className={`badge source-${s.source}`} data-testid="orders-source">{t(`orders.sync.source.${s.source}`)}</span>
              <span className="muted">{s.running ? t('orders.sync.running') : s.lastSyncAt ? t('orders.sync.last', { time: kzDateTime(s.lastSyncAt, language) }) : t('orders.sync.never')}</span>
              {s.nextSyncAt && !s.running && <span className="muted">· {t('orders.sync.next', { time: kzTime(s.nextSyncAt, language) })}</span>}
              <span className="muted">· {t('orders.sync.count', { n: s.orders })}</span>
              <button type="button" disabled={s.running || syncNow.isPending} onClick={() => syncNow.mutate({ storeId: s.storeId })} data-testid="orders-sync-now">{t('orders.sync.now')}</button>
            </div>
            <div className="sync-facts muted">
              {s.backfill.done
                ? t('orders.sync.history', { date: kzShortDate(s.backfill.from, language) })
                : s.backfill.reachedBack !== null && t('orders.sync.historyLoading', { date: kzShortDate(s.backfill.reachedBack, language) })}
              {s.entriesPending > 0 && <> · {t('orders.sync.pending', { n: s.entriesPending })}</>}
              {' · '}{s.limits.map((l) => t(`orders.sync.limit.${l}`)).join(' · ')}
            </div>
            {s.source === 'cabinet' && <div className="sync-facts muted">{t('orders.sync.addToken')}</div>}
            {s.problem && (
              <p className="error" role="alert" data-testid="orders-sync-problem">
                {t(problemKey) !== problemKey ? t(problemKey) : s.problem.message}
                {s.problem.retryAt && <> {t('orders.sync.retryAt', { time: kzTime(s.problem.retryAt, language) })}</>}
              </p>
            )}
            <div className="sync-switches">
              <label>
                <input type="checkbox" checked={s.alerts.newOrder} onChange={(e) => alerts.mutate({ storeId: s.storeId, newOrder: e.target.checked })} data-testid="alert-new-order" />
                {t('orders.sync.alertNew')}
              </label>
              <label>
                <input type="checkbox" checked={s.alerts.deadline} onChange={(e) => alerts.mutate({ storeId: s.storeId, deadline: e.target.checked })} data-testid="alert-deadline" />
                {t('orders.sync.alertDeadline')}
              </label>
            </div>
          </div>
        );
      })}
    </div>
  );
}
