import type { Database } from 'better-sqlite3';
import { isKaspiError } from '../../src-shared/domain/kaspi-error';
import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';
import { userMessageOf } from '../../src-shared/i18n/message-error';
import { preordersRepo, type PreorderSend, type SendableEntry, type SendPoints } from '../db/repos/preorders-repo';
import { offerStateRepo } from '../db/repos/offer-state-repo';
import type { ChangeBudget, ChangeBudgets, ChangeTicket } from '../demper/change-budget';
import type { CabinetClient, OfferDetails } from '../kaspi/cabinet';
import { buildPriceListXlsx, POINT_CODES, type PointCell, type PriceListRow } from '../kaspi/price-list-file';
import type { Logger } from '../logging/logger';
import { createOfferPusher } from '../stores/offer-pusher';
import type { SessionManager } from '../stores/session-manager';

export interface PreorderSenderSettings {
  /** How long after Kaspi took a change its offer is read back (it applies changes within minutes). */
  verifyDelayMs: number;
  /** Read-backs before a change Kaspi took but does not show is called failed. */
  verifyAttempts: number;
  /** From this many listed offers of one store waiting at once, they go as one price-list file. */
  fileBatchMin: number;
  /** A 429 without Retry-After blocks the account this long (kaspi-api.md §5: about 30 minutes). */
  accountBlockMs: number;
  /** Kaspi's change window, for counting the changes sent before a restart. */
  windowMs: number;
}

export const DEFAULT_SENDER_SETTINGS: PreorderSenderSettings = {
  verifyDelayMs: 60_000,
  verifyAttempts: 5,
  fileBatchMin: 20,
  accountBlockMs: 30 * 60_000,
  windowMs: 30 * 60_000,
};

export interface PreorderSenderDeps {
  db: Database;
  sessions: SessionManager;
  /** The same budgets the demper takes from: one per Kaspi account (issue #16). */
  budgets: ChangeBudgets;
  now: () => number;
  logger: Logger;
  /** A 429 block, kept across restarts (the demper's table). */
  saveBlock: (merchantUid: string, until: number) => void;
  onChanged: (ids: number[]) => void;
  settings?: Partial<PreorderSenderSettings>;
}

/** Outcomes after which a request may have landed: the answer, not the change, was lost. */
const MAYBE_LANDED = ['timeout', 'network', 'server'] as const;
/** Sends of one entry whose requests never answered, at most: then it fails and the seller looks. */
const MAX_SENDS = 3;
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Sends pre-order changes to Kaspi and checks them (issue #16), one worker for the app:
 *  - journal first: a send row per entry is on disk before its request leaves; after a crash a row
 *    still "planned" is treated as maybe sent and read back, never sent blind again;
 *  - an offer Kaspi lists goes by the per-offer push with its points' `preOrder`; new articles (and
 *    a store's many waiting offers) go by one price-list file;
 *  - every request takes its changes from the account's one budget, as the "stock" writer;
 *  - afterwards the offer details are read back: active (or ended when the days are 0), or failed
 *    with Kaspi's reason.
 */
export function createPreorderSender(deps: PreorderSenderDeps) {
  const settings: PreorderSenderSettings = { ...DEFAULT_SENDER_SETTINGS, ...deps.settings };
  const repo = preordersRepo(deps.db);
  const offers = offerStateRepo(deps.db);
  const pusher = createOfferPusher({ db: deps.db, sessions: deps.sessions, now: () => new Date(deps.now()) });
  const log = deps.logger.child('preorders');
  let loop: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wakeAt = Infinity;

  const changed = (ids: number[]): void => {
    if (ids.length > 0) deps.onChanged(ids);
  };

  const fail = (entryIds: number[], error: Message, event: string): void => {
    const at = iso(deps.now());
    for (const id of entryIds) repo.status(id, 'failed', event, at, error);
    changed(entryIds);
  };

  /** Waits for the account's budget to give `count` changes; null when the worker is stopping. */
  async function take(budget: ChangeBudget, count: number): Promise<ChangeTicket | null> {
    for (;;) {
      if (stopped) return null;
      const now = deps.now();
      budget.want('stock', now, count);
      const ticket = budget.take(now, 'stock', count);
      if (ticket) return ticket;
      const ready = budget.readyAt(now, 'stock', count);
      await sleep(Math.max(20, Math.min(1_000, (Number.isFinite(ready) ? ready : now + 1_000) - now)));
    }
  }

  /** One request: journal, take the budget, send, answer, settle. */
  async function send(rows: Array<{ entry: SendableEntry; points: SendPoints }>, via: 'push' | 'file', budget: ChangeBudget): Promise<void> {
    const ticket = await take(budget, rows.length);
    if (!ticket) return;
    let planned: { uploadId: number | null; sendIds: number[] };
    try {
      planned = repo.planSends(rows, via, via === 'file' ? { fileName: `preorders-${rows[0]?.entry.merchantUid ?? ''}-${deps.now()}.xlsx` } : null, iso(deps.now()));
    } catch (error) {
      budget.release(ticket);
      throw error;
    }
    const entry = rows[0]!.entry;
    const ids = rows.map((r) => r.entry.id);
    try {
      const { jobId } = await withSession(entry.accountId, entry.storeId, async (client) => {
        if (via === 'push') return pusher.push({ productId: entry.productId!, availabilities: pushPoints(entry, rows[0]!.points) });
        const file = await buildPriceListXlsx(rows.map((r) => fileRow(r.entry, r.points)));
        return client.uploadPriceList({ merchantUid: entry.merchantUid, file, fileName: `preorders-${deps.now()}.xlsx` });
      });
      budget.settle(ticket, deps.now());
      repo.answerSends(planned.sendIds, planned.uploadId, 'sent', jobId, null, iso(deps.now()));
      log.info('pre-order change sent', { via, entries: ids.length, jobId });
    } catch (error) {
      const maybe = MAYBE_LANDED.some((kind) => isKaspiError(error, kind));
      budget.settle(ticket, deps.now(), !maybe);
      const at = deps.now();
      if (isKaspiError(error, 'account-blocked')) {
        budget.blockedUntil = Math.max(budget.blockedUntil, at + (error.retryAfterMs || settings.accountBlockMs));
        deps.saveBlock(entry.merchantUid, budget.blockedUntil);
        repo.answerSends(planned.sendIds, planned.uploadId, 'blocked', null, userMessageOf(error), iso(at));
        log.warn('pre-order change blocked by Kaspi (429): waiting out the block', { merchantUid: entry.merchantUid, until: iso(budget.blockedUntil) });
      } else if (maybe) {
        // It may have landed: read it back rather than send it again.
        repo.answerSends(planned.sendIds, planned.uploadId, 'unknown', null, userMessageOf(error), iso(at));
      } else {
        const reason = isKaspiError(error, 'session-expired') ? msg('preorders.login_needed') : msg('preorders.refused', { reason: userMessageOf(error) });
        repo.answerSends(planned.sendIds, planned.uploadId, 'refused', null, reason, iso(at));
        fail(ids, reason, 'refused');
      }
    } finally {
      budget.unwant('stock');
    }
  }

  async function withSession<T>(accountId: number, storeId: number, call: (client: CabinetClient) => Promise<T>): Promise<T> {
    return deps.sessions.withCabinet(accountId, storeId, call);
  }

  /** The points as the per-offer push sends them: the seller's days, and the stock Kaspi holds unless the seller set one. */
  function pushPoints(entry: SendableEntry, points: SendPoints) {
    const state = entry.productId === null ? null : offers.state(entry.productId);
    return points.map((p) => {
      const held = state?.availabilities.find((a) => a.storeId === p.pointId);
      return { storeId: p.pointId, available: true, stockCount: p.stock ?? held?.stockCount ?? null, preOrder: p.days };
    });
  }

  /** Sends what waits; returns when to look again for what could not go yet (a 429 block), Infinity when nothing waits. */
  async function sendWaiting(): Promise<number> {
    const entries = repo.waitingIds().map((id) => repo.sendable(id)).filter((e): e is SendableEntry => e !== null);
    if (entries.length === 0) return Infinity;
    let next = Infinity;
    const byStore = new Map<number, SendableEntry[]>();
    for (const e of entries) byStore.set(e.storeId, [...(byStore.get(e.storeId) ?? []), e]);
    for (const list of byStore.values()) {
      const budget = deps.budgets.for(list[0]!.merchantUid);
      if (budget.blockedUntil > deps.now()) {
        next = Math.min(next, budget.blockedUntil);
        continue;
      }
      const listed = list.filter((e) => e.productId !== null);
      const byFile = listed.length >= settings.fileBatchMin ? list : list.filter((e) => e.productId === null);
      const byPush = listed.length >= settings.fileBatchMin ? [] : listed;
      for (let i = 0; i < byFile.length; i += budget.burst) {
        await send(byFile.slice(i, i + budget.burst).map((entry) => ({ entry, points: entry.points })), 'file', budget);
        if (stopped || budget.blockedUntil > deps.now()) break;
      }
      for (const entry of byPush) {
        if (stopped || budget.blockedUntil > deps.now()) break;
        await send([{ entry, points: entry.points }], 'push', budget);
      }
    }
    changed(entries.map((e) => e.id));
    // Entries a 429 stopped wait for the block's end.
    if (repo.waitingIds().length > 0) next = Math.min(next, ...entries.map((e) => Math.max(deps.now() + 50, deps.budgets.for(e.merchantUid).blockedUntil)));
    return next;
  }

  /** Reads back the sends due for a check; returns when the next one is due (Infinity: none open). */
  async function checkDue(): Promise<number> {
    const now = deps.now();
    let next = Infinity;
    const due: PreorderSend[] = [];
    for (const s of repo.openSends()) {
      if (s.state === 'planned') continue; // only while its request is in flight (a crash's rows are settled at start)
      const at = Date.parse(s.answeredAt ?? s.createdAt) + settings.verifyDelayMs * (s.checks + 1);
      if (at <= now) due.push(s);
      else next = Math.min(next, at);
    }
    const byStore = new Map<number, PreorderSend[]>();
    for (const s of due) byStore.set(s.storeId, [...(byStore.get(s.storeId) ?? []), s]);
    for (const sends of byStore.values()) {
      const entry = repo.sendable(sends[0]!.preorderId);
      if (!entry) continue;
      try {
        await checkStore(entry, sends);
      } catch (error) {
        log.warn('pre-order read-back failed; trying again later', { storeId: entry.storeId, error });
        for (const s of sends) repo.checked(s.id, s.checks + 1 >= settings.verifyAttempts * 2 ? 'mismatch' : s.state, iso(deps.now()));
      }
      next = Math.min(next, deps.now() + settings.verifyDelayMs);
    }
    return next;
  }

  async function checkStore(entry: SendableEntry, sends: PreorderSend[]): Promise<void> {
    const at = iso(deps.now());
    const touched: number[] = [];
    let open = sends;
    // A file's own report first: rows Kaspi refused say why.
    for (const jobId of new Set(sends.filter((s) => s.via === 'file' && s.jobId).map((s) => s.jobId!))) {
      const report = await withSession(entry.accountId, entry.storeId, (client) => client.uploadStatus({ merchantUid: entry.merchantUid, jobId }));
      if (report && !report.done) {
        open = open.filter((s) => s.jobId !== jobId);
        continue;
      }
      for (const refused of report?.refused ?? []) {
        const send = open.find((s) => s.jobId === jobId && repo.sendable(s.preorderId)?.sku === refused.sku);
        if (!send) continue;
        repo.checked(send.id, 'refused', at);
        repo.status(send.preorderId, 'failed', 'refused', at, msg('preorders.row_refused', { reason: refused.reason }));
        touched.push(send.preorderId);
        open = open.filter((s) => s !== send);
      }
    }
    const skus = new Map<number, string>();
    for (const s of open) {
      const e = repo.sendable(s.preorderId);
      if (e) skus.set(s.preorderId, e.sku);
    }
    if (open.length > 0) {
      const details = await withSession(entry.accountId, entry.storeId, (client) => client.offerDetails({ merchantUid: entry.merchantUid, skus: [...new Set(skus.values())] }));
      for (const s of open) {
        const offer = details.find((d) => d.sku === skus.get(s.preorderId));
        if (offer && shows(offer, s.points)) {
          repo.checked(s.id, 'verified', at);
          const ended = s.points.every((p) => p.days === 0);
          repo.status(s.preorderId, ended ? 'ended' : 'active', 'verified', at);
        } else if (s.checks + 1 >= settings.verifyAttempts && s.jobId === null && repo.sendCount(s.preorderId) < MAX_SENDS) {
          // Its request never answered (a crash, a lost answer) and Kaspi does not show it: it did
          // not land, so it may go again (as after a 429: the entry waits for its next send).
          repo.checked(s.id, 'blocked', at);
        } else if (s.checks + 1 >= settings.verifyAttempts) {
          repo.checked(s.id, 'mismatch', at);
          repo.status(s.preorderId, 'failed', 'not_applied', at, msg('preorders.not_applied', { checks: s.checks + 1 }));
        } else {
          repo.checked(s.id, s.state, at);
          continue;
        }
        touched.push(s.preorderId);
      }
    }
    changed(touched);
  }

  async function work(): Promise<void> {
    do {
      again = false;
      const sendAt = await sendWaiting();
      const next = Math.min(sendAt, await checkDue());
      if (!again && Number.isFinite(next)) schedule(next);
    } while (again && !stopped);
  }

  function schedule(at: number): void {
    if (stopped || at >= wakeAt) return;
    if (timer) clearTimeout(timer);
    wakeAt = at;
    timer = setTimeout(() => {
      timer = null;
      wakeAt = Infinity;
      kick();
    }, Math.max(0, at - deps.now()));
    timer.unref?.();
  }

  /** Something to send or check: the worker runs (once; a kick while it runs makes it look again). */
  function kick(): void {
    if (stopped) return;
    if (loop) {
      again = true;
      return;
    }
    loop = work()
      .catch((error: unknown) => {
        // A bug or a full disk must not leave entries processing forever: look again later.
        log.error('pre-order worker failed', { error });
        schedule(deps.now() + settings.verifyDelayMs);
      })
      .finally(() => {
        loop = null;
        if (again) kick();
      });
  }

  return {
    settings,
    kick,
    /**
     * At start: rows a crash left "planned" may have reached Kaspi, so they are read back, not sent
     * again; the changes sent in the last window count in the accounts' budgets again.
     */
    resume(blocks: ReadonlyArray<{ merchantId: string; until: number }> = []): void {
      const now = deps.now();
      for (const b of blocks) if (b.until > now) deps.budgets.for(b.merchantId).blockedUntil = Math.max(deps.budgets.for(b.merchantId).blockedUntil, b.until);
      const at = iso(now);
      for (const s of repo.openSends()) if (s.state === 'planned') repo.answerSends([s.id], s.uploadId, 'unknown', null, null, at);
      for (const c of repo.countedSince(iso(now - settings.windowMs))) deps.budgets.for(c.merchantUid).restore(c.at, 'stock', c.count);
      kick();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await loop;
    },
  };
}
export type PreorderSender = ReturnType<typeof createPreorderSender>;

/** Kaspi shows what was sent: each point on sale with the days asked (0: no pre-order). */
function shows(offer: OfferDetails, points: SendPoints): boolean {
  return points.every((p) => {
    const a = offer.availabilities.find((x) => x.storeId === p.pointId);
    return a !== undefined && a.preOrder === p.days && (p.days === 0 || a.available);
  });
}

/** An entry as a row of Kaspi's price list: its points by PP column, the stock or "yes". */
function fileRow(entry: SendableEntry, points: SendPoints): PriceListRow {
  const cells = Object.fromEntries(POINT_CODES.map((c) => [c, ''])) as Record<(typeof POINT_CODES)[number], PointCell>;
  for (const p of points) {
    const code = p.pointId.slice(p.pointId.lastIndexOf('_') + 1) as (typeof POINT_CODES)[number];
    if (code in cells) cells[code] = p.stock ?? 'yes';
  }
  return { sku: entry.sku, model: entry.name, brand: entry.brand ?? '', price: entry.price, points: cells, preorder: Math.max(0, ...points.map((p) => p.days)) };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
