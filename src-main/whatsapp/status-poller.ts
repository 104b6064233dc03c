import type { WhatsappOutboxRepo } from '../db/repos/whatsapp-outbox-repo';
import type { Logger } from '../logging/logger';
import { isStopReply } from '../../src-shared/whatsapp/buyer-words';
import type { Connection } from './connection';
import { stateOfAck } from './outbox-sender';
import type { WhatsappPacing } from './pacing';
import { WahaError } from './waha-client';

export interface PollerDeps {
  outbox: WhatsappOutboxRepo;
  connection: Connection;
  logger: Logger;
  now: () => number;
  pacing: WhatsappPacing;
  /** A status or reply changed something. */
  onChanged(storeId: number | null): void;
  optOut(chatId: string): void;
}

/** Chats polled per round, so a big outbox never floods WAHA. */
const CHATS_PER_ROUND = 20;
/** Replies ("стоп") are looked for in chats written to this recently. */
const REPLY_WINDOW_MS = 7 * 86_400_000;

/**
 * The webhook's fallback (WAHA's webhooks may not reach the app, e.g. Docker on Linux): reads the
 * chats of recent messages for their acks and for the buyer's "стоп", a few chats a round, each
 * chat at most every few minutes. With webhooks arriving it still runs, rarely, as a safety net.
 */
export function createStatusPoller(deps: PollerDeps) {
  const log = deps.logger.child('whatsapp.poll');
  const polledChats = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;

  async function round(): Promise<void> {
    if (deps.connection.status().state !== 'working') return;
    const waha = deps.connection.client();
    if (!waha) return;
    const now = deps.now();
    const every = deps.pacing.pollMessageEveryMs;
    const rows = deps.outbox.pollable(now - deps.pacing.pollWindowMs, now - every, CHATS_PER_ROUND * 2);
    const chats = new Set(rows.map((r) => r.chatId!));
    for (const chat of deps.outbox.recentChats(now - REPLY_WINDOW_MS, CHATS_PER_ROUND * 5)) {
      if (chats.size >= CHATS_PER_ROUND) break;
      if ((polledChats.get(chat) ?? 0) < now - every * 2) chats.add(chat);
    }
    for (const chat of [...chats].slice(0, CHATS_PER_ROUND)) {
      let messages;
      try {
        messages = await waha.chatMessages(chat, 30);
      } catch (error) {
        if (error instanceof WahaError && !error.certain) return;
        log.debug('chat not readable', { kind: error instanceof WahaError ? error.kind : 'bug' });
        polledChats.set(chat, now);
        continue;
      }
      polledChats.set(chat, now);
      for (const m of messages) {
        if (m.fromMe) {
          const state = stateOfAck(m.ack);
          const changed = state ? deps.outbox.ack(m.id, state, deps.now()) : null;
          if (changed) deps.onChanged(changed.storeId);
        } else if (isStopReply(m.body ?? '')) deps.optOut(chat);
      }
    }
    for (const row of rows) if (chats.has(row.chatId!)) deps.outbox.markPolled(row.id, deps.now());
  }

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round()
        .catch((error: unknown) => log.warn('status poll failed', { error }))
        .finally(() => {
          running = null;
          schedule(deps.pacing.pollEveryMs);
        });
    }, ms);
    timer.unref?.();
  };

  return {
    start(): void {
      if (!stopped) return;
      stopped = false;
      schedule(deps.pacing.pollEveryMs);
    },
    /** One round now (tests, the page's "check statuses"). */
    async pollNow(): Promise<void> {
      await running;
      await round();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
