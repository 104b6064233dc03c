import { kzDay, kzDayStart } from '../../src-shared/domain/kazakhstan-time';
import type { StoreSummary } from '../../src-shared/domain/store';
import { chatIdOfMobile } from '../../src-shared/whatsapp/phone';
import { afterQuietHours, isQuiet } from '../../src-shared/whatsapp/quiet-hours';
import type { OutboxItem, WhatsappOutboxRepo } from '../db/repos/whatsapp-outbox-repo';
import type { WhatsappRepo } from '../db/repos/whatsapp-repo';
import type { Logger } from '../logging/logger';
import type { Connection } from './connection';
import { needsEntries, triggerText } from './message-text';
import { jitter, type WhatsappPacing } from './pacing';
import { WahaError, type WahaClient } from './waha-client';

export interface SenderDeps {
  repo: WhatsappRepo;
  outbox: WhatsappOutboxRepo;
  connection: Connection;
  stores: () => StoreSummary[];
  decrypt(sealed: string): string;
  logger: Logger;
  now: () => number;
  pacing: WhatsappPacing;
  random?: () => number;
  /** Something in the outbox changed (the page re-reads). */
  onChanged(storeId: number | null): void;
}

/** A number check-exists confirmed is trusted this long before it is asked again. */
const CHECK_VALID_MS = 30 * 86_400_000;
/** Products of a shop API order come separately: a message that names them waits for them this long. */
const ENTRIES_WAIT_MS = 60 * 60_000;
/** WAHA's ack number (A6) as the outbox state it means. */
export const stateOfAck = (ack: number | null | undefined): 'sent' | 'delivered' | 'read' | 'failed' | null =>
  ack === null || ack === undefined ? null : ack < 0 ? 'failed' : ack >= 3 ? 'read' : ack === 2 ? 'delivered' : ack === 1 ? 'sent' : null;

/**
 * Sends the outbox, one message at a time, only while WhatsApp's session works. For each message:
 * quiet hours and the store's daily cap, the buyer's opt-out, check-exists before the first
 * message to a number, the text, a random gap since the last message, then `sending` committed,
 * typing, sendText, `sent`. A send WAHA certainly refused goes back to the queue with backoff; one
 * whose outcome is unknown (a timeout, a crash) is reconciled by reading the chat's last messages:
 * found there → sent, not there → queued again, unreadable → failed as unknown, never sent twice.
 */
export function createOutboxSender(deps: SenderDeps) {
  const log = deps.logger.child('whatsapp.outbox');
  const random = deps.random ?? Math.random;
  const startedAt = deps.now();
  let lastSentAt = 0;
  let gap = 0;
  let stopped = true;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  const abort = new AbortController();

  /** Waits ms or until stopped; a `wakeable` wait also ends on a wake-up (a new message, a status), a pacing pause does not. */
  const wait = (ms: number, wakeable: boolean): Promise<void> =>
    new Promise((resolve) => {
      if (abort.signal.aborted || ms <= 0) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        abort.signal.removeEventListener('abort', done);
        if (wakeUp === done) wakeUp = null;
        resolve();
      }
      if (wakeable) wakeUp = done;
      abort.signal.addEventListener('abort', done);
    });
  const sleep = (ms: number) => wait(ms, true);
  const pause = (ms: number) => wait(ms, false);

  const changed = (storeId: number | null) => deps.onChanged(storeId);
  const maxAttempts = deps.pacing.backoffMs.length + 1;

  /** WAHA certainly did not act on the call: queue it again (a session down is nobody's attempt), or give up. */
  function notSent(row: OutboxItem, error: WahaError, now: number, claimed: boolean): void {
    if (error.kind === 'not_working' || error.kind === 'unreachable' || error.kind === 'unauthorized') {
      deps.outbox.requeue(row.id, now, now);
      void deps.connection.refresh().catch(() => undefined);
    } else if (error.kind === 'refused' || error.kind === 'not_found') {
      deps.outbox.finish(row.id, 'failed', 'refused', now);
    } else if (claimed && row.attempts + 1 >= maxAttempts) {
      deps.outbox.finish(row.id, 'failed', 'gave_up', now);
    } else {
      deps.outbox.requeue(row.id, now + (deps.pacing.backoffMs[row.attempts] ?? deps.pacing.backoffMs.at(-1) ?? 60_000), now);
    }
    changed(row.storeId);
  }

  /** A row left `sending`: did WAHA send it? The chat's last messages say. */
  async function reconcile(waha: WahaClient, row: OutboxItem): Promise<void> {
    const now = deps.now();
    let messages;
    try {
      messages = await waha.chatMessages(row.chatId!, 50);
    } catch (error) {
      if (error instanceof WahaError && (error.kind === 'refused' || error.kind === 'not_found' || error.kind === 'unexpected')) {
        // WAHA cannot show the chat: resending could make it twice. The seller sees it and can check the phone.
        deps.outbox.finish(row.id, 'failed', 'outcome_unknown', now);
        log.warn('outcome of a send unknown and the chat unreadable: not sent again', { id: row.id, storeId: row.storeId });
        changed(row.storeId);
      }
      return;
    }
    const since = (row.sendingMs ?? 0) - 5 * 60_000;
    const found = messages.find((m) => m.fromMe && (m.body ?? '').trim() === (row.body ?? '').trim() && m.timestamp * 1000 >= since);
    if (found) {
      deps.outbox.sent(row.id, found.id, found.timestamp * 1000, now);
      const state = stateOfAck(found.ack);
      if (state && state !== 'sent') deps.outbox.ack(found.id, state, now);
      log.info('a send whose answer was lost is in the chat: marked sent, not sent again', { id: row.id, storeId: row.storeId });
    } else if (row.attempts >= maxAttempts) {
      deps.outbox.finish(row.id, 'failed', 'gave_up', now);
    } else {
      // WAHA never sent it: sending now is the first time.
      deps.outbox.requeue(row.id, now, now);
      log.info('a send WAHA did not act on goes back to the queue', { id: row.id, storeId: row.storeId });
    }
    changed(row.storeId);
  }

  /** Everything before the call: may end the row, put it off, or hand back the text and chat to send. */
  async function prepare(waha: WahaClient, row: OutboxItem, now: number): Promise<{ text: string; chatId: string } | null> {
    const store = deps.stores().find((s) => s.id === row.storeId);
    const end = (state: 'failed' | 'skipped', reason: Parameters<WhatsappOutboxRepo['finish']>[2]) => {
      deps.outbox.finish(row.id, state, reason, now);
      changed(row.storeId);
      return null;
    };
    const later = (dueMs: number) => {
      deps.outbox.requeue(row.id, dueMs, now);
      changed(row.storeId);
      return null;
    };
    if (!store) return end('skipped', 'store_removed');
    if (!row.phoneEnc || !row.phoneKey) return end('skipped', 'no_phone');
    const trigger = row.trigger === 'test' ? null : deps.repo.trigger(row.storeId, row.trigger);
    if (row.trigger !== 'test') {
      if (!trigger?.enabled) return end('skipped', 'trigger_off');
      if (isQuiet(now, trigger.quietFrom, trigger.quietTo)) return later(afterQuietHours(now, trigger.quietFrom, trigger.quietTo) + Math.round(random() * 10 * 60_000));
      const today = kzDay(now);
      if (deps.outbox.sentSince(row.storeId, kzDayStart(today)) >= deps.repo.dailyCap(row.storeId)) return later(kzDayStart(today + 1) + Math.round(random() * 30 * 60_000));
    }
    const contact = deps.repo.contact(row.phoneKey);
    if (contact?.optedOutMs) return end('skipped', 'opted_out');
    const digits = deps.decrypt(row.phoneEnc);
    let chatId = contact?.chatId ?? null;
    if (contact?.onWhatsapp !== true || (contact.checkedMs ?? 0) < now - CHECK_VALID_MS || !chatId) {
      const check = await waha.checkExists(digits);
      deps.repo.recordCheck(row.phoneKey, check.exists, check.chatId, deps.now());
      if (!check.exists) return end('skipped', 'not_on_whatsapp');
      chatId = check.chatId ?? chatIdOfMobile(digits);
    }
    if (!trigger) return { text: row.body ?? '', chatId };
    const order = row.orderId === null ? null : deps.repo.orderForMessage(row.orderId);
    if (!order) return end('skipped', 'no_phone');
    if (order.entriesPending && needsEntries(trigger) && now - row.dueMs < ENTRIES_WAIT_MS) return later(now + 5 * 60_000);
    return { text: triggerText(trigger, order, store.name), chatId };
  }

  async function send(waha: WahaClient, row: OutboxItem): Promise<void> {
    let prepared: { text: string; chatId: string } | null;
    try {
      prepared = await prepare(waha, row, deps.now());
    } catch (error) {
      if (!(error instanceof WahaError)) throw error;
      // Before any send: check-exists failed, so nothing went out.
      notSent(row, error, deps.now(), false);
      return;
    }
    if (!prepared) return;
    // WAHA's advice: a random pause between messages, never a fixed interval.
    const wait = lastSentAt + gap - deps.now();
    if (wait > 0) {
      await pause(wait);
      if (stopped || deps.connection.status().state !== 'working') return;
    }
    const claimedAt = deps.now();
    if (!deps.outbox.claim(row.id, prepared.text, prepared.chatId, claimedAt)) return;
    changed(row.storeId);
    const typing = Math.min(deps.pacing.typingMaxMs, prepared.text.length * deps.pacing.typingMsPerChar);
    if (typing > 0) {
      await waha.typing(prepared.chatId, true).catch(() => undefined);
      await pause(typing);
      await waha.typing(prepared.chatId, false).catch(() => undefined);
    }
    try {
      const { id } = await waha.sendText(prepared.chatId, prepared.text);
      deps.outbox.sent(row.id, id, deps.now(), deps.now());
      log.info('message sent', { id: row.id, storeId: row.storeId, trigger: row.trigger });
    } catch (error) {
      if (!(error instanceof WahaError)) throw error;
      if (error.certain) notSent(row, error, deps.now(), true);
      else log.warn('send unanswered: the chat is looked up before anything is sent again', { id: row.id, storeId: row.storeId, kind: error.kind });
    } finally {
      lastSentAt = deps.now();
      gap = jitter(deps.pacing.gapMs, random);
      changed(row.storeId);
    }
  }

  async function turn(): Promise<number> {
    if (deps.connection.status().state !== 'working') return 60_000;
    const waha = deps.connection.client();
    if (!waha) return 60_000;
    const now = deps.now();
    const inFlight = deps.outbox.inFlight();
    for (const row of inFlight) {
      // From an earlier run (a crash or a close mid-call), or unanswered long enough for WAHA to have finished.
      if ((row.sendingMs ?? 0) < startedAt || (row.sendingMs ?? 0) <= now - deps.pacing.reconcileAfterMs) await reconcile(waha, row);
    }
    const [next] = deps.outbox.due(deps.now(), 1);
    if (next) {
      await send(waha, next);
      return 0;
    }
    const nextDue = deps.outbox.nextDueMs();
    const nextReconcile = Math.min(...deps.outbox.inFlight().map((r) => (r.sendingMs ?? 0) + deps.pacing.reconcileAfterMs));
    return Math.max(0, Math.min(60_000, (nextDue ?? Infinity) - deps.now(), nextReconcile - deps.now()));
  }

  return {
    start(): void {
      if (!stopped) return;
      stopped = false;
      loop = (async () => {
        while (!stopped) {
          let waitMs: number;
          try {
            waitMs = await turn();
          } catch (error) {
            log.error('outbox turn failed', { error });
            waitMs = 30_000;
          }
          if (!stopped && waitMs > 0) await sleep(waitMs);
        }
      })();
    },
    /** Something to do now: a message queued, the session working again. */
    wake(): void {
      wakeUp?.();
    },
    async stop(): Promise<void> {
      stopped = true;
      abort.abort();
      await loop;
    },
  };
}
export type OutboxSender = ReturnType<typeof createOutboxSender>;
