import type { Database } from 'better-sqlite3';
import { WHATSAPP_TRIGGERS } from '../../../src-shared/contract/whatsapp';
import type { TriggerSettings, WhatsappTrigger } from '../../../src-shared/contract/whatsapp';
import { DEFAULT_TEMPLATES } from '../../../src-shared/whatsapp/default-templates';

/** The WAHA link as stored (migration 8): secrets sealed, the key with the address it belongs to. */
export interface ConnectionRow {
  url: string | null;
  apiKeyEnc: string | null;
  keyUrl: string | null;
  webhookVia: 'docker' | 'local';
  webhookTokenEnc: string | null;
  lookupKeyEnc: string | null;
  triggerCursor: number;
  autoRestartMs: number | null;
}

interface ConnectionDb {
  url: string | null;
  api_key_enc: string | null;
  key_url: string | null;
  webhook_via: 'docker' | 'local';
  webhook_token_enc: string | null;
  lookup_key_enc: string | null;
  trigger_cursor: number;
  auto_restart_ms: number | null;
}

interface TriggerDb {
  trigger: WhatsappTrigger;
  enabled: number;
  enabled_ms: number | null;
  language: TriggerSettings['language'];
  body_ru: string;
  body_kk: string;
  delay_minutes: number;
  quiet_from: string;
  quiet_to: string;
}

export interface StoredTrigger extends TriggerSettings {
  enabledMs: number | null;
}

/** A change of an order's state, with the one before it (none: the state it had when first seen). */
export interface HistoryStep {
  id: number;
  orderId: number;
  storeId: number;
  observedMs: number;
  state: string;
  outcome: string | null;
  kaspiTab: string | null;
  prevId: number | null;
  prevState: string | null;
  prevOutcome: string | null;
  prevTab: string | null;
  phoneEnc: string | null;
}

/** What a message about an order can say. */
export interface OrderForMessage {
  id: number;
  storeId: number;
  code: string;
  customerName: string | null;
  totalPrice: number;
  plannedDeliveryMs: number | null;
  entriesPending: boolean;
  phoneEnc: string | null;
  cityId: string | null;
  entries: { name: string; masterSku: string | null }[];
}

export interface Contact {
  chatId: string | null;
  onWhatsapp: boolean | null;
  checkedMs: number | null;
  optedOutMs: number | null;
}

const COLUMNS: Record<keyof ConnectionRow, keyof ConnectionDb> = {
  url: 'url',
  apiKeyEnc: 'api_key_enc',
  keyUrl: 'key_url',
  webhookVia: 'webhook_via',
  webhookTokenEnc: 'webhook_token_enc',
  lookupKeyEnc: 'lookup_key_enc',
  triggerCursor: 'trigger_cursor',
  autoRestartMs: 'auto_restart_ms',
};

/** The WAHA connection, each store's triggers and daily cap, and what is known of buyers' numbers. */
export function whatsappRepo(db: Database) {
  // The first row starts the trigger scan at the history as it stands: nothing from before messages anyone.
  db.prepare('INSERT OR IGNORE INTO whatsapp_connection (id, trigger_cursor, updated_ms) VALUES (1, (SELECT coalesce(max(id), 0) FROM order_status_history), 0)').run();
  const connection = db.prepare<[], ConnectionDb>('SELECT * FROM whatsapp_connection WHERE id = 1');
  const triggersOf = db.prepare<[number], TriggerDb>('SELECT * FROM whatsapp_triggers WHERE store_id = ? ORDER BY trigger');
  const insertTrigger = db.prepare('INSERT OR IGNORE INTO whatsapp_triggers (store_id, trigger, body_ru, body_kk, delay_minutes, updated_ms) VALUES (?, ?, ?, ?, ?, ?)');
  const contactOf = db.prepare<[string], { chat_id: string | null; on_whatsapp: number | null; checked_ms: number | null; opted_out_ms: number | null }>('SELECT * FROM whatsapp_contacts WHERE phone_key = ?');

  const toTrigger = (r: TriggerDb): StoredTrigger => ({
    trigger: r.trigger,
    enabled: r.enabled === 1,
    enabledMs: r.enabled_ms,
    language: r.language,
    bodyRu: r.body_ru,
    bodyKk: r.body_kk,
    delayMinutes: r.delay_minutes,
    quietFrom: r.quiet_from,
    quietTo: r.quiet_to,
  });

  const ensureTriggers = (storeId: number, now: number): void => {
    for (const trigger of WHATSAPP_TRIGGERS) {
      const texts = DEFAULT_TEMPLATES[trigger];
      // The review request waits three hours after delivery: time to unpack and try the goods.
      insertTrigger.run(storeId, trigger, texts.ru, texts.kk, trigger === 'delivered' ? 180 : 0, now);
    }
  };

  return {
    /**
     * One change made of this repository's and the outbox's writes (the trigger scan: outbox rows
     * and the cursor that moves past them), begun IMMEDIATE so no other writer slips in between.
     */
    atomically<T>(work: () => T): T {
      return db.transaction(work).immediate();
    },
    connection(): ConnectionRow {
      const r = connection.get()!;
      return { url: r.url, apiKeyEnc: r.api_key_enc, keyUrl: r.key_url, webhookVia: r.webhook_via, webhookTokenEnc: r.webhook_token_enc, lookupKeyEnc: r.lookup_key_enc, triggerCursor: r.trigger_cursor, autoRestartMs: r.auto_restart_ms };
    },
    updateConnection(patch: Partial<ConnectionRow>, now: number): void {
      const entries = Object.entries(patch) as [keyof ConnectionRow, unknown][];
      if (entries.length === 0) return;
      const sets = entries.map(([key]) => `${COLUMNS[key]} = @${key}`).join(', ');
      db.prepare(`UPDATE whatsapp_connection SET ${sets}, updated_ms = @now WHERE id = 1`).run({ ...patch, now });
    },

    /** The store's four triggers, created with the default texts (off) the first time. */
    triggers(storeId: number, now: number): StoredTrigger[] {
      ensureTriggers(storeId, now);
      return triggersOf.all(storeId).map(toTrigger).sort((a, b) => WHATSAPP_TRIGGERS.indexOf(a.trigger) - WHATSAPP_TRIGGERS.indexOf(b.trigger));
    },
    /** Turning a trigger on dates it: only order events seen from then on message buyers. */
    updateTrigger(storeId: number, trigger: WhatsappTrigger, next: TriggerSettings, now: number): void {
      ensureTriggers(storeId, now);
      db.prepare(`UPDATE whatsapp_triggers SET enabled_ms = CASE WHEN @enabled = 1 AND enabled = 0 THEN @now WHEN @enabled = 0 THEN NULL ELSE enabled_ms END,
          enabled = @enabled, language = @language, body_ru = @bodyRu, body_kk = @bodyKk, delay_minutes = @delayMinutes,
          quiet_from = @quietFrom, quiet_to = @quietTo, updated_ms = @now
        WHERE store_id = @storeId AND trigger = @trigger`).run({ ...next, enabled: next.enabled ? 1 : 0, storeId, trigger, now });
    },
    /** Every enabled trigger of every store, for the scan. */
    enabledTriggers(): (StoredTrigger & { storeId: number })[] {
      return (db.prepare('SELECT * FROM whatsapp_triggers WHERE enabled = 1').all() as (TriggerDb & { store_id: number })[]).map((r) => ({ ...toTrigger(r), storeId: r.store_id }));
    },
    trigger(storeId: number, trigger: WhatsappTrigger): StoredTrigger | null {
      const row = db.prepare<[number, string], TriggerDb>('SELECT * FROM whatsapp_triggers WHERE store_id = ? AND trigger = ?').get(storeId, trigger);
      return row ? toTrigger(row) : null;
    },

    dailyCap(storeId: number): number {
      return db.prepare<[number], { daily_cap: number }>('SELECT daily_cap FROM whatsapp_stores WHERE store_id = ?').get(storeId)?.daily_cap ?? 30;
    },
    setDailyCap(storeId: number, cap: number): void {
      db.prepare('INSERT INTO whatsapp_stores (store_id, daily_cap) VALUES (?, ?) ON CONFLICT(store_id) DO UPDATE SET daily_cap = excluded.daily_cap').run(storeId, cap);
    },

    contact(phoneKey: string): Contact | null {
      const r = contactOf.get(phoneKey);
      return r ? { chatId: r.chat_id, onWhatsapp: r.on_whatsapp === null ? null : r.on_whatsapp === 1, checkedMs: r.checked_ms, optedOutMs: r.opted_out_ms } : null;
    },
    /** What check-exists said of a number. */
    recordCheck(phoneKey: string, onWhatsapp: boolean, chatId: string | null, now: number): void {
      db.prepare(`INSERT INTO whatsapp_contacts (phone_key, chat_id, on_whatsapp, checked_ms) VALUES (?, ?, ?, ?)
        ON CONFLICT(phone_key) DO UPDATE SET chat_id = coalesce(excluded.chat_id, chat_id), on_whatsapp = excluded.on_whatsapp, checked_ms = excluded.checked_ms`).run(phoneKey, chatId, onWhatsapp ? 1 : 0, now);
    },
    /** A chat asked to stop: for good (the app never turns it back on). Returns whether a known chat was opted out now. */
    optOutChat(chatId: string, now: number): boolean {
      return db.prepare('UPDATE whatsapp_contacts SET opted_out_ms = ? WHERE chat_id = ? AND opted_out_ms IS NULL').run(now, chatId).changes > 0;
    },
    optOutPhone(phoneKey: string, chatId: string | null, now: number): void {
      db.prepare(`INSERT INTO whatsapp_contacts (phone_key, chat_id, opted_out_ms) VALUES (?, ?, ?)
        ON CONFLICT(phone_key) DO UPDATE SET chat_id = coalesce(chat_id, excluded.chat_id), opted_out_ms = coalesce(opted_out_ms, excluded.opted_out_ms)`).run(phoneKey, chatId, now);
    },
    /** Order status changes after the scan's cursor, each with the step before it. */
    historySince(cursor: number, limit: number): HistoryStep[] {
      return db.prepare(`
        SELECT h.*, o.store_id, o.phone_enc FROM (
          SELECT id, order_id, observed_ms, state, outcome, kaspi_tab,
                 lag(id) OVER w AS prev_id, lag(state) OVER w AS prev_state, lag(outcome) OVER w AS prev_outcome, lag(kaspi_tab) OVER w AS prev_tab
            FROM order_status_history
           WHERE order_id IN (SELECT order_id FROM order_status_history WHERE id > @cursor ORDER BY id LIMIT @limit)
          WINDOW w AS (PARTITION BY order_id ORDER BY id)
        ) h JOIN orders o ON o.id = h.order_id
        WHERE h.id > @cursor ORDER BY h.id LIMIT @limit`).all({ cursor, limit }).map((r) => {
        const row = r as { id: number; order_id: number; store_id: number; observed_ms: number; state: string; outcome: string | null; kaspi_tab: string | null; prev_id: number | null; prev_state: string | null; prev_outcome: string | null; prev_tab: string | null; phone_enc: string | null };
        return { id: row.id, orderId: row.order_id, storeId: row.store_id, observedMs: row.observed_ms, state: row.state, outcome: row.outcome, kaspiTab: row.kaspi_tab, prevId: row.prev_id, prevState: row.prev_state, prevOutcome: row.prev_outcome, prevTab: row.prev_tab, phoneEnc: row.phone_enc };
      });
    },
    orderForMessage(orderId: number): OrderForMessage | null {
      const o = db.prepare<[number], { id: number; store_id: number; code: string; customer_name: string | null; total_price: number; planned_delivery_ms: number | null; entries_state: string; phone_enc: string | null; city_id: string | null }>(
        'SELECT id, store_id, code, customer_name, total_price, planned_delivery_ms, entries_state, phone_enc, city_id FROM orders WHERE id = ?',
      ).get(orderId);
      if (!o) return null;
      const entries = db.prepare<[number], { name: string; master_sku: string | null }>('SELECT name, master_sku FROM order_entries WHERE order_id = ? ORDER BY entry_no').all(orderId);
      return { id: o.id, storeId: o.store_id, code: o.code, customerName: o.customer_name, totalPrice: o.total_price, plannedDeliveryMs: o.planned_delivery_ms, entriesPending: o.entries_state === 'pending', phoneEnc: o.phone_enc, cityId: o.city_id, entries: entries.map((e) => ({ name: e.name, masterSku: e.master_sku })) };
    },
    /** The store's newest order with a buyer's phone (a preview with a real order), or the one named. */
    sampleOrderId(storeId: number): number | null {
      return (db.prepare<[number], { id: number }>("SELECT id FROM orders WHERE store_id = ? AND phone_enc IS NOT NULL AND entries_state = 'complete' ORDER BY created_ms DESC LIMIT 1").get(storeId))?.id ?? null;
    },

    /** Buyers of the store who asked to stop. */
    optedOutCount(storeId: number): number {
      return (db.prepare(`SELECT count(DISTINCT o.phone_key) AS n FROM whatsapp_outbox o JOIN whatsapp_contacts c ON c.phone_key = o.phone_key
        WHERE o.store_id = ? AND c.opted_out_ms IS NOT NULL`).get(storeId) as { n: number }).n;
    },
  };
}
export type WhatsappRepo = ReturnType<typeof whatsappRepo>;
