import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';

type WhatsappCalls =
  | 'whatsapp.status' | 'whatsapp.connection.save' | 'whatsapp.connection.generateKey' | 'whatsapp.connection.forget' | 'whatsapp.session.control'
  | 'whatsapp.qr' | 'whatsapp.pairingCode' | 'whatsapp.stores' | 'whatsapp.trigger.update' | 'whatsapp.store.update' | 'whatsapp.preview'
  | 'whatsapp.outbox.list' | 'whatsapp.outbox.cancel' | 'whatsapp.outbox.retry' | 'whatsapp.testSend';
type ReviewsCalls = 'reviews.list' | 'reviews.summary' | 'reviews.markSeen' | 'reviews.syncStatus' | 'reviews.syncNow';

export function whatsappHandlers({ whatsapp }: AppServices): { [N in WhatsappCalls]: Handler<N> } {
  return {
    'whatsapp.status': ({ refresh }) => whatsapp.status(refresh),
    'whatsapp.connection.save': ({ url, apiKey, webhookVia }) => whatsapp.save(url, apiKey, webhookVia),
    'whatsapp.connection.generateKey': ({ url }) => whatsapp.generateKey(url),
    'whatsapp.connection.forget': () => whatsapp.forget(),
    'whatsapp.session.control': ({ action }) => whatsapp.control(action),
    'whatsapp.qr': () => whatsapp.qr(),
    'whatsapp.pairingCode': ({ phone }) => whatsapp.pairingCode(phone),
    'whatsapp.stores': () => whatsapp.stores(),
    'whatsapp.trigger.update': ({ storeId, trigger, patch }) => whatsapp.updateTrigger(storeId, trigger, patch),
    'whatsapp.store.update': ({ storeId, dailyCap }) => whatsapp.updateStore(storeId, dailyCap),
    'whatsapp.preview': ({ storeId, body, language, orderId }) => whatsapp.preview(storeId, body, language, orderId),
    'whatsapp.outbox.list': ({ storeId, state, offset, limit }) => whatsapp.outboxList({ storeId, state }, offset, limit),
    'whatsapp.outbox.cancel': ({ id }) => whatsapp.cancel(id),
    'whatsapp.outbox.retry': ({ id }) => whatsapp.retry(id),
    'whatsapp.testSend': ({ storeId, phone, text }) => whatsapp.testSend(storeId, phone, text),
  };
}

export function reviewsHandlers({ reviews }: AppServices): { [N in ReviewsCalls]: Handler<N> } {
  return {
    'reviews.list': ({ filter, offset, limit }) => reviews.list(filter, offset, limit),
    'reviews.summary': (input) => reviews.summary(input),
    'reviews.markSeen': () => reviews.markSeen(),
    'reviews.syncStatus': () => reviews.statuses(),
    'reviews.syncNow': ({ storeId }) => reviews.syncNow(storeId),
  };
}
