import { z } from 'zod';
import { call } from './define';
import { message, messageCode } from '../i18n/message';
import { HHMM } from '../whatsapp/quiet-hours';

const id = z.number().int().positive();

/** Order events a store can message its buyers on (issue 17 "Triggers"). */
export const WHATSAPP_TRIGGERS = ['accepted', 'handed_over', 'delivered', 'cancelled'] as const;
export const whatsappTrigger = z.enum(WHATSAPP_TRIGGERS);
export type WhatsappTrigger = z.infer<typeof whatsappTrigger>;

/** queued → sending → sent → delivered → read, or failed / skipped with a reason. */
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'skipped'] as const;
export const outboxState = z.enum(OUTBOX_STATES);
export type OutboxState = z.infer<typeof outboxState>;

/** Why a message failed or was skipped; the renderer words each. */
export const OUTBOX_REASONS = [
  'no_phone', 'bad_phone', 'not_on_whatsapp', 'opted_out', 'store_removed', 'cancelled_by_seller', 'trigger_off',
  'whatsapp_error', 'gave_up', 'outcome_unknown', 'refused',
] as const;
export const outboxReason = z.enum(OUTBOX_REASONS);
export type OutboxReason = z.infer<typeof outboxReason>;

/**
 * The link to WAHA as the app sees it. The first states are the app's own (nothing entered, the
 * key missing for this address, WAHA not answering or refusing the key, no session); the rest are
 * WAHA's session states (waha-and-security.md A1).
 */
export const CONNECTION_STATES = ['not_configured', 'key_needed', 'unreachable', 'unauthorized', 'no_session', 'stopped', 'starting', 'scan_qr', 'working', 'failed'] as const;
export const connectionState = z.enum(CONNECTION_STATES);
export type ConnectionState = z.infer<typeof connectionState>;

/** How WAHA's webhooks reach this app: from Docker (host.docker.internal) or from this computer. */
export const webhookVia = z.enum(['docker', 'local']);

export const whatsappStatus = z.object({
  url: z.string().nullable(),
  hasKey: z.boolean(),
  state: connectionState,
  /** The linked phone, +7 701 … and its WhatsApp name. */
  me: z.object({ phone: z.string(), name: z.string().nullable() }).nullable(),
  webhookVia,
  /** When WAHA's webhook last reached the app; null: statuses come by polling. */
  lastWebhookAt: z.number().nullable(),
  /** The app restarted a failed session once by itself at this time; it does not do so again until it works. */
  autoRestartedAt: z.number().nullable(),
  /** Sending waits (the session is not working); queued messages stay queued. */
  paused: z.boolean(),
  problem: message.nullable(),
  checkedAt: z.number().nullable(),
});
export type WhatsappStatus = z.infer<typeof whatsappStatus>;

export const triggerSettings = z.object({
  trigger: whatsappTrigger,
  enabled: z.boolean(),
  /** Which of the texts go: Russian, Kazakh, or both in one message. */
  language: z.enum(['ru', 'kk', 'ru_kk']),
  bodyRu: z.string(),
  bodyKk: z.string(),
  /** After the event (the review request waits for the buyer to try the goods). */
  delayMinutes: z.number().int().min(0).max(10_080),
  quietFrom: z.string().regex(HHMM, messageCode('whatsapp.time_format')),
  quietTo: z.string().regex(HHMM, messageCode('whatsapp.time_format')),
});
export type TriggerSettings = z.infer<typeof triggerSettings>;

export const storeWhatsapp = z.object({
  storeId: id,
  storeName: z.string(),
  /** Buyers' phones come only from the shop API (the cabinet masks them). */
  hasShopToken: z.boolean(),
  dailyCap: z.number().int().min(0).max(500),
  sentToday: z.number().int(),
  optedOut: z.number().int(),
  triggers: z.array(triggerSettings),
});
export type StoreWhatsapp = z.infer<typeof storeWhatsapp>;

export const outboxRow = z.object({
  id,
  storeId: id,
  orderId: z.number().int().nullable(),
  orderCode: z.string().nullable(),
  trigger: z.enum([...WHATSAPP_TRIGGERS, 'test']),
  /** …4567: never the whole number in a list. */
  phoneTail: z.string().nullable(),
  customerName: z.string().nullable(),
  body: z.string().nullable(),
  state: outboxState,
  reason: outboxReason.nullable(),
  attempts: z.number().int(),
  dueAt: z.number(),
  createdAt: z.number(),
  sentAt: z.number().nullable(),
  deliveredAt: z.number().nullable(),
  readAt: z.number().nullable(),
});
export type OutboxRow = z.infer<typeof outboxRow>;

const wahaUrl = z.string().trim().min(1, messageCode('whatsapp.url_empty')).max(300);
const apiKey = z.string().trim().min(8, messageCode('whatsapp.key_short')).max(200);

export const whatsappCalls = {
  'whatsapp.status': call(z.object({ refresh: z.boolean().default(false) }), whatsappStatus),
  /**
   * WAHA's address, with its key when the seller has one. The key is kept for this address only:
   * a new address needs the key again, so no call can send it (or buyers' phones) elsewhere.
   */
  'whatsapp.connection.save': call(z.object({ url: wahaUrl, apiKey: apiKey.optional(), webhookVia: webhookVia.optional() }), whatsappStatus),
  /** A new random key for this address: only its `sha512:` form leaves main, for WAHA's environment. */
  'whatsapp.connection.generateKey': call(z.object({ url: wahaUrl }), z.object({ status: whatsappStatus, wahaApiKey: z.string(), dockerCommand: z.string() })),
  'whatsapp.connection.forget': call(z.object({}), whatsappStatus),
  'whatsapp.session.control': call(z.object({ action: z.enum(['start', 'stop', 'restart', 'logout']) }), whatsappStatus),
  /** The QR WAHA shows now, as a data: URL; null outside SCAN_QR_CODE. */
  'whatsapp.qr': call(z.object({}), z.object({ image: z.string().nullable() })),
  'whatsapp.pairingCode': call(z.object({ phone: z.string().min(10).max(20) }), z.object({ code: z.string() })),
  'whatsapp.stores': call(z.object({}), z.array(storeWhatsapp)),
  'whatsapp.trigger.update': call(
    z.object({ storeId: id, trigger: whatsappTrigger, patch: triggerSettings.omit({ trigger: true }).partial() }),
    storeWhatsapp,
  ),
  'whatsapp.store.update': call(z.object({ storeId: id, dailyCap: z.number().int().min(0).max(500) }), storeWhatsapp),
  /** A template filled with one of the store's real orders (the newest with a phone, or the one named). */
  'whatsapp.preview': call(
    z.object({ storeId: id, body: z.string().max(2_000), language: z.enum(['ru', 'kk']).default('ru'), orderId: id.optional() }),
    z.object({ text: z.string().nullable(), orderCode: z.string().nullable(), problem: message.nullable() }),
  ),
  'whatsapp.outbox.list': call(
    z.object({ storeId: id.optional(), state: outboxState.optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ total: z.number().int(), rows: z.array(outboxRow), counts: z.record(outboxState, z.number().int()) }),
  ),
  /** A queued message the seller does not want sent. */
  'whatsapp.outbox.cancel': call(z.object({ id }), outboxRow),
  /** A message that failed before WhatsApp took it, queued again. */
  'whatsapp.outbox.retry': call(z.object({ id }), outboxRow),
  /** A test to the seller's own number (the linked phone unless another is given), through the outbox like any message. */
  'whatsapp.testSend': call(z.object({ storeId: id, phone: z.string().max(20).optional(), text: z.string().trim().min(1, messageCode('whatsapp.template_empty')).max(1_000) }), outboxRow),
};

export const whatsappEvents = {
  'whatsapp.status': whatsappStatus,
  'whatsapp.outbox.changed': z.object({ storeId: id.nullable() }),
};
