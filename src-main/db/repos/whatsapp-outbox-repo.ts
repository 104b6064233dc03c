import type { Database } from 'better-sqlite3';
import { OUTBOX_STATES } from '../../../src-shared/contract/whatsapp';
import type { OutboxReason, OutboxRow, OutboxState, WhatsappTrigger } from '../../../src-shared/contract/whatsapp';

export type OutboxTrigger = WhatsappTrigger | 'test';

export interface NewOutboxRow {
  /** One message per key, ever: `order:<id>:<trigger>` for buyers, `test:<…>` for tests. */
  idemKey: string;
  storeId: number;
  orderId: number | null;
  trigger: OutboxTrigger;
  phoneKey: string | null;
  phoneEnc: string | null;
  phoneLast4: string | null;
  body: string | null;
  state: 'queued' | 'skipped';
  reason: OutboxReason | null;
  dueMs: number;
}

/** An outbox row as the sender works with it. */
export interface OutboxItem {
  id: number;
  storeId: number;
  orderId: number | null;
  trigger: OutboxTrigger;
  phoneKey: string | null;
  phoneEnc: string | null;
  chatId: string | null;
  body: string | null;
  state: OutboxState;
  attempts: number;
  dueMs: number;
  sendingMs: number | null;
  sentMs: number | null;
  wahaId: string | null;
}

interface ItemDb {
  id: number;
  store_id: number;
  order_id: number | null;
  trigger: OutboxTrigger;
  phone_key: string | null;
  phone_enc: string | null;
  chat_id: string | null;
  body: string | null;
  state: OutboxState;
  attempts: number;
  due_ms: number;
  sending_ms: number | null;
  sent_ms: number | null;
  waha_id: string | null;
}

interface ViewDb extends ItemDb {
  reason: OutboxReason | null;
  phone_last4: string | null;
  created_ms: number;
  delivered_ms: number | null;
  read_ms: number | null;
  order_code: string | null;
  customer_name: string | null;
}

const toItem = (r: ItemDb): OutboxItem => ({
  id: r.id, storeId: r.store_id, orderId: r.order_id, trigger: r.trigger, phoneKey: r.phone_key, phoneEnc: r.phone_enc, chatId: r.chat_id,
  body: r.body, state: r.state, attempts: r.attempts, dueMs: r.due_ms, sendingMs: r.sending_ms, sentMs: r.sent_ms, wahaId: r.waha_id,
});

const toView = (r: ViewDb): OutboxRow => ({
  id: r.id, storeId: r.store_id, orderId: r.order_id, orderCode: r.order_code, trigger: r.trigger, phoneTail: r.phone_last4, customerName: r.customer_name,
  body: r.body, state: r.state, reason: r.reason, attempts: r.attempts, dueAt: r.due_ms, createdAt: r.created_ms, sentAt: r.sent_ms, deliveredAt: r.delivered_ms, readAt: r.read_ms,
});

const VIEW = `SELECT w.*, o.code AS order_code, o.customer_name AS customer_name FROM whatsapp_outbox w LEFT JOIN orders o ON o.id = w.order_id`;
/** How far a message has got: an ack never moves it back. */
const RANK: Record<OutboxState, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, read: 4, failed: 5, skipped: 5 };

/**
 * The outbox (design.md §9): a row is written, with its idempotency key, before anything is asked
 * of WAHA, and moves queued → sending → sent → delivered → read (or failed / skipped with a reason)
 * in place. `sending` is written and committed before the call, so a crash leaves a row that says a
 * call may have gone out.
 */
export function whatsappOutboxRepo(db: Database) {
  const insert = db.prepare(`INSERT OR IGNORE INTO whatsapp_outbox (idem_key, store_id, order_id, trigger, phone_key, phone_enc, phone_last4, body, state, reason, due_ms, created_ms, updated_ms)
    VALUES (@idemKey, @storeId, @orderId, @trigger, @phoneKey, @phoneEnc, @phoneLast4, @body, @state, @reason, @dueMs, @now, @now) RETURNING id`);
  const item = db.prepare<[number], ItemDb>('SELECT * FROM whatsapp_outbox WHERE id = ?');
  const view = db.prepare<[number], ViewDb>(`${VIEW} WHERE w.id = ?`);

  return {
    /** The new row's id, or null when its key was queued before (nothing is queued twice). */
    enqueue(row: NewOutboxRow, now: number): number | null {
      const added = insert.get({ ...row, now }) as { id: number } | undefined;
      return added?.id ?? null;
    },
    item(id: number): OutboxItem | null {
      const r = item.get(id);
      return r ? toItem(r) : null;
    },
    view(id: number): OutboxRow | null {
      const r = view.get(id);
      return r ? toView(r) : null;
    },
    due(now: number, limit: number): OutboxItem[] {
      return (db.prepare("SELECT * FROM whatsapp_outbox WHERE state = 'queued' AND due_ms <= ? ORDER BY due_ms, id LIMIT ?").all(now, limit) as ItemDb[]).map(toItem);
    },
    nextDueMs(): number | null {
      return (db.prepare("SELECT min(due_ms) AS at FROM whatsapp_outbox WHERE state = 'queued'").get() as { at: number | null }).at;
    },
    /** Rows a call may have gone out for: the app stopped (or gave up waiting) before hearing back. */
    inFlight(): OutboxItem[] {
      return (db.prepare("SELECT * FROM whatsapp_outbox WHERE state = 'sending' ORDER BY id").all() as ItemDb[]).map(toItem);
    },
    /** queued → sending with the exact text and chat, committed before the call. False if it moved meanwhile. */
    claim(id: number, body: string, chatId: string, now: number): boolean {
      return db.prepare("UPDATE whatsapp_outbox SET state = 'sending', body = ?, chat_id = ?, attempts = attempts + 1, sending_ms = ?, updated_ms = ? WHERE id = ? AND state = 'queued'").run(body, chatId, now, now, id).changes === 1;
    },
    sent(id: number, wahaId: string | null, sentMs: number, now: number): void {
      db.prepare("UPDATE whatsapp_outbox SET state = 'sent', waha_id = coalesce(?, waha_id), sent_ms = ?, updated_ms = ? WHERE id = ? AND state = 'sending'").run(wahaId, sentMs, now, id);
    },
    /** Back to the queue: a send WAHA certainly did not act on, or a queued row that must wait. */
    requeue(id: number, dueMs: number, now: number): void {
      db.prepare("UPDATE whatsapp_outbox SET state = 'queued', due_ms = ?, updated_ms = ? WHERE id = ? AND state IN ('queued', 'sending')").run(dueMs, now, id);
    },
    finish(id: number, state: 'failed' | 'skipped', reason: OutboxReason, now: number): void {
      db.prepare("UPDATE whatsapp_outbox SET state = ?, reason = ?, updated_ms = ? WHERE id = ? AND state IN ('queued', 'sending')").run(state, reason, now, id);
    },
    /** A failed row the seller sends again (only one WhatsApp certainly never took). */
    retry(id: number, now: number): boolean {
      return db.prepare("UPDATE whatsapp_outbox SET state = 'queued', reason = NULL, attempts = 0, due_ms = ?, updated_ms = ? WHERE id = ? AND state = 'failed' AND waha_id IS NULL AND reason IN ('gave_up', 'refused')").run(now, now, id).changes === 1;
    },
    /** A message status from WAHA (webhook or poll), forward only; ERROR after sending marks it failed. Returns the row changed. */
    ack(wahaId: string, state: 'sent' | 'delivered' | 'read' | 'failed', now: number): OutboxItem | null {
      const row = db.prepare<[string], ItemDb>('SELECT * FROM whatsapp_outbox WHERE waha_id = ?').get(wahaId);
      if (!row) return null;
      if (state === 'failed' ? row.state !== 'sent' : RANK[state] <= RANK[row.state] || row.state === 'failed' || row.state === 'skipped') return null;
      if (state === 'failed') db.prepare("UPDATE whatsapp_outbox SET state = 'failed', reason = 'whatsapp_error', updated_ms = ? WHERE id = ?").run(now, row.id);
      else {
        const column = state === 'read' ? 'read_ms' : state === 'delivered' ? 'delivered_ms' : 'sent_ms';
        db.prepare(`UPDATE whatsapp_outbox SET state = ?, ${column} = coalesce(${column}, ?), delivered_ms = CASE WHEN ? = 'read' THEN coalesce(delivered_ms, ?) ELSE delivered_ms END, updated_ms = ? WHERE id = ?`).run(state, now, state, now, now, row.id);
      }
      return toItem({ ...row, state });
    },
    /** Sent messages whose status may still change, polled at most every `everyMs` (the webhook's fallback). */
    pollable(sinceMs: number, polledBefore: number, limit: number): OutboxItem[] {
      return (db.prepare(`SELECT * FROM whatsapp_outbox WHERE state IN ('sent', 'delivered') AND waha_id IS NOT NULL AND chat_id IS NOT NULL AND sent_ms >= ?
        AND (polled_ms IS NULL OR polled_ms < ?) ORDER BY coalesce(polled_ms, 0), id LIMIT ?`).all(sinceMs, polledBefore, limit) as ItemDb[]).map(toItem);
    },
    markPolled(id: number, now: number): void {
      db.prepare('UPDATE whatsapp_outbox SET polled_ms = ? WHERE id = ?').run(now, id);
    },
    /** Buyer messages a store sent (or has on the way) since an instant: what its daily cap counts. */
    sentSince(storeId: number, fromMs: number): number {
      return (db.prepare("SELECT count(*) AS n FROM whatsapp_outbox WHERE store_id = ? AND trigger != 'test' AND ((sent_ms >= ?) OR state = 'sending')").get(storeId, fromMs) as { n: number }).n;
    },
    /** Every queued message to a number that asked to stop: skipped. */
    skipQueuedForPhone(phoneKey: string, now: number): number {
      return db.prepare("UPDATE whatsapp_outbox SET state = 'skipped', reason = 'opted_out', updated_ms = ? WHERE phone_key = ? AND state = 'queued'").run(now, phoneKey).changes;
    },
    phoneKeyOfChat(chatId: string): string | null {
      return (db.prepare<[string], { phone_key: string | null }>('SELECT phone_key FROM whatsapp_outbox WHERE chat_id = ? AND phone_key IS NOT NULL ORDER BY id DESC LIMIT 1').get(chatId))?.phone_key ?? null;
    },
    /** Chats we wrote to since an instant (where a reply, "стоп" included, can come). */
    recentChats(sinceMs: number, limit: number): string[] {
      return (db.prepare("SELECT chat_id, max(sent_ms) AS at FROM whatsapp_outbox WHERE chat_id IS NOT NULL AND sent_ms >= ? AND trigger != 'test' GROUP BY chat_id ORDER BY at DESC LIMIT ?").all(sinceMs, limit) as { chat_id: string }[]).map((r) => r.chat_id);
    },
    /** Orders of a store with a review request that went out (whether asking works). */
    reviewRequestsSince(storeId: number | null, sinceMs: number): number {
      return (db.prepare("SELECT count(*) AS n FROM whatsapp_outbox WHERE trigger = 'delivered' AND state IN ('sent', 'delivered', 'read') AND sent_ms >= ? AND (? IS NULL OR store_id = ?)").get(sinceMs, storeId, storeId) as { n: number }).n;
    },

    list(filter: { storeId?: number; state?: OutboxState }, offset: number, limit: number): { total: number; rows: OutboxRow[]; counts: Record<OutboxState, number> } {
      const where = ['(@storeId IS NULL OR w.store_id = @storeId)'];
      if (filter.state) where.push('w.state = @state');
      const params = { storeId: filter.storeId ?? null, state: filter.state ?? null };
      const total = (db.prepare(`SELECT count(*) AS n FROM whatsapp_outbox w WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n;
      const rows = (db.prepare(`${VIEW} WHERE ${where.join(' AND ')} ORDER BY w.created_ms DESC, w.id DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as ViewDb[]).map(toView);
      const counts = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<OutboxState, number>;
      for (const c of db.prepare('SELECT state, count(*) AS n FROM whatsapp_outbox w WHERE (@storeId IS NULL OR w.store_id = @storeId) GROUP BY state').all(params) as { state: OutboxState; n: number }[]) counts[c.state] = c.n;
      return { total, rows, counts };
    },
  };
}
export type WhatsappOutboxRepo = ReturnType<typeof whatsappOutboxRepo>;
