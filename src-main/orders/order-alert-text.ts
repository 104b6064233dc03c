import type { EventPayload } from '../../src-shared/contract';
import { msg } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';

type OrderAlert = EventPayload<'orders.alert'>;

/**
 * The words of a desktop notification about an order, as catalogue messages the shell renders in
 * the seller's language. No buyer's name or phone: a notification can show on a locked screen.
 */
export function orderAlertText(alert: OrderAlert, now: number): { title: Message; body: Message } {
  const what = alert.firstItem
    ? msg('alerts.order_what_item', { code: alert.code, total: alert.totalPrice, item: alert.firstItem })
    : msg('alerts.order_what', { code: alert.code, total: alert.totalPrice });
  if (alert.kind === 'new_order') return { title: msg('alerts.new_order_title', { store: alert.storeName }), body: msg('alerts.new_order_body', { what }) };
  const minutes = alert.deadline === null ? null : Math.max(0, Math.round((alert.deadline - now) / 60_000));
  return {
    title: msg('alerts.accept_deadline_title', { store: alert.storeName }),
    body: minutes === null ? msg('alerts.accept_deadline_soon', { what }) : msg('alerts.accept_deadline_minutes', { what, minutes }),
  };
}
