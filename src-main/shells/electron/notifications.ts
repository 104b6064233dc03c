import { Notification } from 'electron';
import type { EventBus } from '../../app/event-bus';
import type { Settings } from '../../../src-shared/contract/settings';
import type { EventPayload } from '../../../src-shared/contract';
import { orderAlertText } from '../../orders/order-alert-text';
import { msg, renderMessage } from '../../../src-shared/i18n';
import type { MessageCode } from '../../../src-shared/i18n';

type Alert = EventPayload<'demper.alert'>;

const KIND_TO_SETTING: Record<Alert['kind'], keyof Settings['notifications']> = {
  floor_reached: 'floorReached',
  account_blocked: 'accountBlocked',
  login_needed: 'loginNeeded',
  kill_switch: 'killSwitch',
};

const TITLES: Record<Alert['kind'], MessageCode> = {
  floor_reached: 'alerts.floor_reached_title',
  account_blocked: 'alerts.account_blocked_title',
  login_needed: 'alerts.login_needed_title',
  kill_switch: 'alerts.kill_switch_title',
};

/** Desktop notifications for the alerts the seller chose in Settings. */
export function notifyAlerts(events: EventBus, settings: () => Settings, onClick: () => void): () => void {
  return events.subscribe((event, payload) => {
    // Orders ring when the store's own setting says so (the orders service checks it).
    if (event === 'orders.alert' && Notification.isSupported()) {
      const text = orderAlertText(payload as EventPayload<'orders.alert'>, Date.now());
      const language = settings().language;
      const notification = new Notification({ title: renderMessage(text.title, language), body: renderMessage(text.body, language) });
      notification.on('click', onClick);
      notification.show();
      return;
    }
    // A new review of 3 stars or fewer, when the seller keeps that notification on (issue 17).
    if (event === 'reviews.alert' && Notification.isSupported()) {
      if (!settings().notifications.lowReview) return;
      const review = payload as EventPayload<'reviews.alert'>;
      const language = settings().language;
      const title = renderMessage(msg('reviews.alert_title', { rating: review.rating, store: review.storeName }), language);
      const body = renderMessage(msg('reviews.alert_body', { product: review.productTitle ?? '', text: review.text ?? msg('reviews.no_text') }), language);
      const notification = new Notification({ title, body });
      notification.on('click', onClick);
      notification.show();
      return;
    }
    if (event !== 'demper.alert' || !Notification.isSupported()) return;
    const alert = payload as Alert;
    if (!settings().notifications[KIND_TO_SETTING[alert.kind]]) return;
    const language = settings().language;
    const notification = new Notification({ title: renderMessage(msg(TITLES[alert.kind]), language), body: renderMessage(alert.message, language) });
    notification.on('click', onClick);
    notification.show();
  });
}

/** A desktop notification outside the alert kinds (an update ready, the report after a sleep). */
export function notifyDesktop(title: string, body: string, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body });
  notification.on('click', onClick);
  notification.show();
}
