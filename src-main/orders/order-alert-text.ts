import type { EventPayload } from '../../src-shared/contract';
import { formatTenge } from '../../src-shared/pricing/format-tenge';

type OrderAlert = EventPayload<'orders.alert'>;

/**
 * The words of a desktop notification about an order, in Russian like the other desktop alerts
 * (until every text main produces moves to one catalogue). No buyer's name or phone: a
 * notification can show on a locked screen.
 */
export function orderAlertText(alert: OrderAlert, now: number): { title: string; body: string } {
  const what = `Заказ ${alert.code} на ${formatTenge(alert.totalPrice)}${alert.firstItem ? ` — ${alert.firstItem}` : ''}`;
  if (alert.kind === 'new_order') return { title: `Новый заказ · ${alert.storeName}`, body: `${what}. Примите его в кабинете Kaspi.` };
  const minutes = alert.deadline === null ? null : Math.max(0, Math.round((alert.deadline - now) / 60_000));
  return {
    title: `Заказ ждёт подтверждения · ${alert.storeName}`,
    body: `${what}. ${minutes === null ? 'Срок подтверждения скоро истечёт.' : `До конца срока подтверждения ${minutes} мин.`}`,
  };
}
