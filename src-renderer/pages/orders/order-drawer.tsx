import { useEffect, useState } from 'react';
import type { OrderDetail } from '../../../src-shared/contract/orders';
import type { OrderStatusChange } from '../../../src-shared/domain/order';
import { useCall, useCallMutation } from '../../api/use-call';
import { translateError } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { kzDateTime, tenge } from './format';

export interface OrderDrawerProps {
  orderId: number;
  storeName: (storeId: number) => string;
  onClose: () => void;
  /** Shows every order of a product (the list's product filter). */
  onProduct: (productId: number, name: string) => void;
}

/** One order up close: items and what our offer looked like when it came in, buyer, destination, history. */
export function OrderDrawer({ orderId, storeName, onClose, onProduct }: OrderDrawerProps) {
  const t = useT();
  const language = useLanguage();
  const { data: order, error } = useCall('orders.detail', { orderId });
  const accept = useCallMutation('orders.accept', ['orders.']);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const stateText = (h: Pick<OrderStatusChange, 'state' | 'outcome'>) => (h.outcome ? t(`orders.outcome.${h.outcome}`) : t(`orders.tab.${h.state}`));
  return (
    <aside className="drawer order-drawer" role="dialog" aria-label={order ? t('orders.drawer.title', { code: order.code }) : t('common.loading')} data-testid="order-drawer">
      <div className="drawer-head">
        <div>
          <h2>{order ? t('orders.drawer.title', { code: order.code }) : t('common.loading')}</h2>
          {order && <div className="muted">{storeName(order.storeId)} · <span className={`badge state-${order.outcome ?? order.state}`}>{stateText(order)}</span> · {t(`orders.sync.source.${order.source}`)}</div>}
        </div>
        <button type="button" onClick={onClose} data-testid="order-drawer-close">{t('orders.drawer.close')}</button>
      </div>
      {error && <p className="error" role="alert">{translateError(language, error as { code?: string; message: string })}</p>}
      {order && (
        <>
          <dl className="facts order-facts">
            <dt>{t('orders.drawer.created')}</dt><dd>{kzDateTime(order.createdAt, language)}</dd>
            <dt>{t('orders.col.total')}</dt><dd className="num-left" data-testid="order-total">{tenge(order.totalPrice)}</dd>
            <dt>{t('orders.drawer.status')}</dt><dd className="mono">{order.status ?? '—'}</dd>
            <dt>{t('orders.drawer.delivery')}</dt>
            <dd>{order.kaspiDelivery ? t('orders.drawer.kaspiDelivery') : t('orders.drawer.ownDelivery')}{order.deliveryMode ? ` · ${order.deliveryMode}` : ''}{order.deliveryCost ? ` · ${t('orders.drawer.deliveryCost')}: ${tenge(order.deliveryCost)}` : ''}</dd>
            {order.plannedDelivery !== null && <><dt>{t('orders.drawer.planned')}</dt><dd>{kzDateTime(order.plannedDelivery, language)}</dd></>}
            {order.paymentMode && <><dt>{t('orders.drawer.payment')}</dt><dd className="mono">{order.paymentMode}</dd></>}
            <dt>{t('orders.drawer.customer')}</dt><dd>{order.customerName ?? '—'}</dd>
            <dt>{t('orders.drawer.phone')}</dt>
            <dd data-testid="order-phone">{order.phone ? `+${order.phone.replace(/^\+/, '')}` : order.phoneMasked ? <span className="muted">{t('orders.drawer.phoneMasked')}</span> : '—'}</dd>
            <dt>{t('orders.drawer.destination')}</dt><dd>{order.address && order.cityName && order.address.includes(order.cityName) ? order.address : [order.cityName, order.address].filter(Boolean).join(', ') || '—'}</dd>
            {order.pointId && <><dt>{t('orders.drawer.point')}</dt><dd className="mono">{order.pointId}</dd></>}
          </dl>

          {order.canAccept && (
            <div className="drawer-section">
              {!confirming && <button type="button" className="primary" onClick={() => setConfirming(true)} data-testid="order-accept">{t('orders.drawer.accept')}</button>}
              {confirming && (
                <div className="confirm" role="alertdialog">
                  <p>{t('orders.drawer.acceptConfirm', { code: order.code })}</p>
                  <div className="actions">
                    <button type="button" className="primary" disabled={accept.isPending} onClick={() => accept.mutate({ orderId }, { onSettled: () => setConfirming(false) })} data-testid="order-accept-yes">{t('orders.drawer.acceptYes')}</button>
                    <button type="button" onClick={() => setConfirming(false)}>{t('orders.drawer.acceptNo')}</button>
                  </div>
                </div>
              )}
              {accept.error && <p className="error" role="alert">{translateError(language, accept.error as { code?: string; message: string })}</p>}
            </div>
          )}

          <section className="drawer-section">
            <h3>{t('orders.drawer.entries')}</h3>
            {order.entriesPending && <p className="muted">{t('orders.drawer.entriesLoading')}</p>}
            <table className="table compact" data-testid="order-entries">
              <thead><tr><th>{t('orders.col.items')}</th><th className="num">{t('orders.drawer.qty')}</th><th className="num">{t('orders.drawer.price')}</th><th>{t('orders.drawer.market')}</th></tr></thead>
              <tbody>
                {order.entries.map((e) => (
                  <tr key={e.entryNo}>
                    <td>
                      {e.productId !== null ? <button type="button" className="link" onClick={() => onProduct(e.productId!, e.name)} title={t('orders.drawer.ofProduct')}><span translate="no">{e.name}</span></button> : e.name}
                      <div className="muted mono">{e.sku ?? e.masterSku}</div>
                    </td>
                    <td className="num">{e.quantity}</td>
                    <td className="num">{tenge(e.unitPrice)}</td>
                    <td data-testid="order-market">{marketText(t, e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section className="drawer-section">
            <h3>{t('orders.drawer.history')}</h3>
            <ol className="journal" data-testid="order-history">
              {order.history[0]?.state !== 'new' && order.history[0]?.state !== 'sign_required' && (
                <li><span className="muted">{kzDateTime(order.createdAt, language)}</span> — {t('orders.drawer.created')}</li>
              )}
              {order.history.map((h, i) => (
                <li key={i}>
                  <span className="muted">{kzDateTime(h.at, language)}</span> — {stateText(h)}{h.status ? <span className="mono"> ({h.status})</span> : null}
                  {/* Kaspi gave no time for this change: it is when the app first saw it. */}
                  {h.at === h.observedAt && h.at !== order.createdAt ? <span className="muted"> · {t('orders.drawer.seenAt')}</span> : null}
                </li>
              ))}
            </ol>
          </section>

          {order.actions.length > 0 && (
            <section className="drawer-section">
              <h3>{t('orders.drawer.actions')}</h3>
              <ul className="plain-list">
                {order.actions.map((a, i) => (
                  <li key={i}><span className="muted">{kzDateTime(a.at, language)}</span> — {a.status === 'failed' ? t('orders.drawer.action.failed', { error: a.error ?? '' }) : t(`orders.drawer.action.${a.status}`)}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </aside>
  );
}

function marketText(t: ReturnType<typeof useT>, e: OrderDetail['entries'][number]): string {
  if (e.positionAtSale === null) return t('orders.drawer.marketUnknown');
  const params = { place: e.positionAtSale, our: tenge(e.ourPriceAtSale), rival: tenge(e.rivalPriceAtSale) };
  return e.positionAtSale === 1 ? t('orders.drawer.marketFirst', params) : t('orders.drawer.marketLine', params);
}
