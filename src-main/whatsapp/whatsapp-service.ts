import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../src-shared/contract';
import type { OutboxRow, OutboxState, StoreWhatsapp, TriggerSettings, WhatsappStatus, WhatsappTrigger } from '../../src-shared/contract/whatsapp';
import { kzDay, kzDayStart } from '../../src-shared/domain/kazakhstan-time';
import type { StoreSummary } from '../../src-shared/domain/store';
import { msg } from '../../src-shared/i18n/message';
import { isStopReply } from '../../src-shared/whatsapp/buyer-words';
import { normaliseKzMobile } from '../../src-shared/whatsapp/phone';
import { renderTemplate, TEMPLATE_VARIABLES, templateProblem } from '../../src-shared/whatsapp/template';
import type { TemplateValues } from '../../src-shared/whatsapp/template';
import type { EventBus } from '../app/event-bus';
import { whatsappOutboxRepo } from '../db/repos/whatsapp-outbox-repo';
import { whatsappRepo } from '../db/repos/whatsapp-repo';
import type { Logger } from '../logging/logger';
import type { Redactor } from '../logging/redact';
import type { SecretBox } from '../secrets/secret-box';
import { createConnection } from './connection';
import { orderValues } from './message-text';
import { createOutboxSender, stateOfAck } from './outbox-sender';
import { DEFAULT_PACING } from './pacing';
import type { WhatsappPacing } from './pacing';
import { createStatusPoller } from './status-poller';
import { scanTriggers } from './trigger-scan';
import { startWebhookServer } from './webhook-server';
import type { WahaEvent, WebhookServer } from './webhook-server';

export interface WhatsappServiceDeps {
  db: Database;
  secrets: SecretBox;
  redactor: Redactor;
  events: EventBus;
  logger: Logger;
  now: () => Date;
  stores: { list(): StoreSummary[] };
  pacing?: Partial<WhatsappPacing>;
}

/**
 * WhatsApp messages to buyers through the seller's own WAHA: the connection and linking, each
 * store's triggers and templates, the outbox fed by order status changes and sent at WAHA's
 * advised pace, statuses from webhooks with polling as the fallback, and buyers' opt-outs.
 */
export function createWhatsappService(deps: WhatsappServiceDeps) {
  const pacing: WhatsappPacing = { ...DEFAULT_PACING, ...deps.pacing };
  const log = deps.logger.child('whatsapp');
  const now = () => deps.now().getTime();
  const repo = whatsappRepo(deps.db);
  const outbox = whatsappOutboxRepo(deps.db);

  // Phones are sealed with a fresh IV each time; lookups (opt-outs, check-exists results) go by an HMAC under a key of this install.
  if (!repo.connection().lookupKeyEnc) repo.updateConnection({ lookupKeyEnc: deps.secrets.encrypt(randomBytes(32).toString('base64')) }, now());
  const lookupKey = Buffer.from(deps.secrets.decrypt(repo.connection().lookupKeyEnc!), 'base64');
  const phoneKey = (digits: string) => createHmac('sha256', lookupKey).update(digits).digest('hex');

  let webhook: WebhookServer | null = null;
  /** Set by stop(): an orders event that comes while the app closes (a batched one) scans nothing. */
  let stopped = false;
  const outboxChanged = (storeId: number | null) => deps.events.emit('whatsapp.outbox.changed', { storeId });
  const connection = createConnection({
    repo,
    secrets: deps.secrets,
    redactor: deps.redactor,
    logger: deps.logger,
    now,
    webhook: () => webhook && { port: webhook.port, path: webhook.path },
    timeoutMs: pacing.requestTimeoutMs,
    onStatus: (status) => deps.events.emit('whatsapp.status', status),
  });

  /** A buyer wrote "стоп": that number gets nothing more from any store, and what is queued for it is skipped. */
  function optOut(chatId: string): void {
    const digits = normaliseKzMobile(chatId.split('@')[0]);
    const key = outbox.phoneKeyOfChat(chatId) ?? (digits ? phoneKey(digits) : null);
    const at = now();
    repo.optOutChat(chatId, at);
    if (key) {
      repo.optOutPhone(key, chatId, at);
      outbox.skipQueuedForPhone(key, at);
    }
    log.info('a buyer asked to stop messages: opted out for good', { known: key !== null });
    outboxChanged(null);
  }

  const sender = createOutboxSender({
    repo, outbox, connection, stores: () => deps.stores.list(), decrypt: (sealed) => deps.secrets.decrypt(sealed), logger: deps.logger, now, pacing, onChanged: outboxChanged,
  });
  const poller = createStatusPoller({ outbox, connection, logger: deps.logger, now, pacing, onChanged: outboxChanged, optOut });
  connection.onChange(() => sender.wake());

  function onWebhook(event: WahaEvent): void {
    connection.webhookSeen();
    const p = event.payload;
    if (event.event === 'session.status') void connection.refresh().catch(() => undefined);
    else if (event.event === 'message.ack' && typeof p['id'] === 'string') {
      const state = stateOfAck(typeof p['ack'] === 'number' ? p['ack'] : null);
      const row = state ? outbox.ack(p['id'], state, now()) : null;
      if (row) outboxChanged(row.storeId);
    } else if (event.event === 'message' && p['fromMe'] !== true && typeof p['from'] === 'string' && typeof p['body'] === 'string' && isStopReply(p['body'])) optOut(p['from']);
  }

  /** Reads new order status changes into the outbox. */
  function scan(): void {
    const { queued, stores } = scanTriggers({
      repo, outbox, phoneKey, staleAfterMs: pacing.staleAfterMs,
      decrypt: (sealed) => deps.secrets.decrypt(sealed), encrypt: (plain) => deps.secrets.encrypt(plain),
    }, now());
    if (queued > 0) {
      log.info('messages queued from order events', { queued });
      for (const storeId of stores) outboxChanged(storeId);
      sender.wake();
    }
  }

  const storeOf = (storeId: number): StoreSummary => {
    const store = deps.stores.list().find((s) => s.id === storeId);
    if (!store) throw new AppError('not_found', msg('whatsapp.store_not_found'));
    return store;
  };
  const storeView = (store: StoreSummary): StoreWhatsapp => ({
    storeId: store.id,
    storeName: store.name,
    hasShopToken: store.hasShopToken,
    dailyCap: repo.dailyCap(store.id),
    sentToday: outbox.sentSince(store.id, kzDayStart(kzDay(now()))),
    optedOut: repo.optedOutCount(store.id),
    triggers: repo.triggers(store.id, now()).map(({ enabledMs: _enabledMs, ...t }) => t),
  });
  const rowOrThrow = (id: number): OutboxRow => {
    const row = outbox.view(id);
    if (!row) throw new AppError('not_found', msg('whatsapp.message_not_found'));
    return row;
  };

  return {
    connection,
    async start(): Promise<void> {
      let token = repo.connection().webhookTokenEnc;
      if (!token) {
        token = deps.secrets.encrypt(randomBytes(24).toString('base64url'));
        repo.updateConnection({ webhookTokenEnc: token }, now());
      }
      webhook = await startWebhookServer({ port: pacing.webhookPort, token: deps.secrets.decrypt(token), onEvent: onWebhook });
      connection.webhookChanged();
      scan();
      await connection.refresh().catch((error: unknown) => log.warn('WAHA status not read', { error }));
      sender.start();
      poller.start();
    },
    async stop(): Promise<void> {
      stopped = true;
      connection.stop();
      await poller.stop();
      await sender.stop();
      await connection.settled();
      await webhook?.close();
      webhook = null;
    },
    /** Orders changed: new status changes may fire triggers. */
    ordersChanged(): void {
      if (stopped) return;
      try {
        scan();
      } catch (error) {
        log.error('trigger scan failed', { error });
      }
    },
    /** One status poll now (tests). */
    pollNow: () => poller.pollNow(),

    status: async (refresh: boolean): Promise<WhatsappStatus> => (refresh ? connection.refresh() : connection.status()),
    save: (url: string, key: string | undefined, via: 'docker' | 'local' | undefined) => connection.save(url, key, via),
    generateKey: (url: string) => connection.generateKey(url),
    forget: () => connection.forget(),
    control: (action: 'start' | 'stop' | 'restart' | 'logout') => connection.control(action),
    qr: async () => ({ image: await connection.qr() }),
    pairingCode: async (phone: string) => ({ code: await connection.pairingCode(phone) }),

    stores: (): StoreWhatsapp[] => deps.stores.list().map(storeView),
    updateTrigger(storeId: number, trigger: WhatsappTrigger, patch: Partial<Omit<TriggerSettings, 'trigger'>>): StoreWhatsapp {
      const store = storeOf(storeId);
      const current = repo.triggers(storeId, now()).find((t) => t.trigger === trigger)!;
      const next: TriggerSettings = { ...current, ...patch, trigger };
      for (const body of [next.bodyRu, next.bodyKk]) {
        const problem = templateProblem(body);
        if (problem) throw new AppError('invalid_input', problem);
      }
      repo.updateTrigger(storeId, trigger, next, now());
      log.info('trigger saved', { storeId, trigger, enabled: next.enabled, language: next.language, delayMinutes: next.delayMinutes });
      return storeView(store);
    },
    updateStore(storeId: number, dailyCap: number): StoreWhatsapp {
      const store = storeOf(storeId);
      repo.setDailyCap(storeId, dailyCap);
      return storeView(store);
    },
    preview(storeId: number, body: string, language: 'ru' | 'kk', orderId?: number) {
      const store = storeOf(storeId);
      const problem = templateProblem(body);
      if (problem) return { text: null, orderCode: null, problem };
      const id = orderId ?? repo.sampleOrderId(storeId);
      const order = id === null ? null : repo.orderForMessage(id);
      if (!order || order.storeId !== storeId) {
        const asWritten = Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v, `{${v}}`])) as TemplateValues;
        return { text: renderTemplate(body, asWritten), orderCode: null, problem: msg('whatsapp.no_sample_order') };
      }
      return { text: renderTemplate(body, orderValues(order, store.name, language)), orderCode: order.code, problem: null };
    },

    outboxList: (filter: { storeId?: number; state?: OutboxState }, offset: number, limit: number) => outbox.list(filter, offset, limit),
    cancel(id: number): OutboxRow {
      const row = rowOrThrow(id);
      if (row.state !== 'queued') throw new AppError('conflict', msg('whatsapp.cannot_cancel'));
      outbox.finish(id, 'skipped', 'cancelled_by_seller', now());
      outboxChanged(row.storeId);
      return rowOrThrow(id);
    },
    retry(id: number): OutboxRow {
      const row = rowOrThrow(id);
      if (!outbox.retry(id, now())) throw new AppError('conflict', msg('whatsapp.cannot_retry'));
      outboxChanged(row.storeId);
      sender.wake();
      return rowOrThrow(id);
    },
    /** A test to the seller's own number, through the outbox (paced and checked like any message). */
    testSend(storeId: number, phone: string | undefined, text: string): OutboxRow {
      storeOf(storeId);
      const own = connection.status().me?.phone;
      const digits = normaliseKzMobile(phone ?? own ?? null);
      if (!digits) throw new AppError('invalid_input', phone ? msg('whatsapp.phone_format') : msg('whatsapp.test_phone_needed'));
      const at = now();
      const id = outbox.enqueue({
        idemKey: `test:${at}:${randomBytes(6).toString('hex')}`, storeId, orderId: null, trigger: 'test',
        phoneKey: phoneKey(digits), phoneEnc: deps.secrets.encrypt(digits), phoneLast4: digits.slice(-4), body: text, state: 'queued', reason: null, dueMs: at,
      }, at)!;
      log.info('test message queued', { storeId, id });
      outboxChanged(storeId);
      sender.wake();
      return rowOrThrow(id);
    },
    /** The review requests sent for a store's orders (the Reviews page's "does asking work"). */
    reviewRequestsSince: (storeId: number | null, sinceMs: number) => outbox.reviewRequestsSince(storeId, sinceMs),
  };
}
export type WhatsappService = ReturnType<typeof createWhatsappService>;
