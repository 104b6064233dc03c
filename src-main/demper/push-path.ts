import type { RivalPrice } from '../../src-shared/pricing';
import { floorPrice } from '../../src-shared/domain/rules';
import type { ChangeTicket } from './change-budget';
import type { EngineCore, QueuedPush, SetDecision } from './engine-core';
import { catchUpRelooks, describeError } from './engine-core';
import { kzDay } from '../../src-shared/domain/kazakhstan-time';
import type { Pair } from './pair';
import type { JournalPlan } from './ports';
import { isKaspiError } from './ports';
import { nextBackoffMs } from './retry';
import type { StoreState } from './store-state';
import { storeGate } from './store-state';

/** Second reads asked for ahead of the budget, per store: no more than could be pushed soon. */
const CONFIRMS_AHEAD = 10;

/**
 * The most valuable queued push an account can send now, with the change taken from its budget;
 * or, when none, the time to look again. A stale decision is dropped (the pair's next look decides
 * again on fresh offers). When a store's most valuable push is a sharp drop still to be confirmed,
 * its second read is asked for and the store waits for it rather than spend the change on a
 * lesser push.
 */
export function takeNextPush(core: EngineCore, now: number): { next: { queued: QueuedPush; store: StoreState; ticket: ChangeTicket } | null; wakeAt: number } {
  let wakeAt = Infinity;
  const ready = new Map<number, QueuedPush[]>();
  for (const store of core.stores.values()) {
    // The budget is shared with the pre-order and stock writer: say the demper is waiting, so its turn comes.
    if (core.queue.sendableFor(store.info.storeId) > 0) store.budget.want('price', now);
    else store.budget.unwant('price');
    if (store.budget.busy) continue;
    const at = store.budget.readyAt(now, 'price');
    if (at <= now) ready.set(store.info.storeId, []);
    else wakeAt = Math.min(wakeAt, at);
  }
  if (ready.size === 0) return { next: null, wakeAt };
  for (const queued of core.queue.values()) {
    const store = core.stores.get(queued.pair.store.storeId)!;
    const list = ready.get(store.info.storeId);
    const again = catchUpRelooks(queued, now);
    const gated = storeGate(store, now, core.settings) > now;
    if (!gated && now - queued.decidedAt > core.settings.maxDecisionAgeMs && again !== undefined) {
      // Stale, but a replay's skipped look makes it again then (live drops it and queues it again).
      if (list) wakeAt = Math.min(wakeAt, again);
      continue;
    }
    if (gated || now - queued.decidedAt > core.settings.maxDecisionAgeMs) {
      core.dropPush(queued);
      continue;
    }
    list?.push(queued);
  }
  let best: QueuedPush | null = null;
  const before = (a: QueuedPush, b: QueuedPush) => b.value - a.value || a.decidedAt - b.decidedAt;
  for (const [storeId, queued] of ready) {
    if (queued.length === 0) continue;
    // The store's most valuable push (the oldest decision among equals); all in order only to ask second reads.
    let top = queued[0]!;
    for (const q of queued) if (before(q, top) < 0) top = q;
    if (top.confirm) {
      askSecondReads(core, core.stores.get(storeId)!, queued.sort(before), now);
      wakeAt = Math.min(wakeAt, now + core.settings.maxDecisionAgeMs);
      continue;
    }
    if (!best || top.value > best.value) best = top;
  }
  if (!best) return { next: null, wakeAt };
  const store = core.stores.get(best.pair.store.storeId)!;
  const ticket = store.budget.take(now, 'price');
  if (!ticket) return { next: null, wakeAt: Math.min(wakeAt, store.budget.readyAt(now, 'price')) };
  core.queue.delete(best.pair.key);
  return { next: { queued: best, store, ticket }, wakeAt };
}

/**
 * Asks second reads for the store's most valuable unconfirmed sharp drops, as many as its budget
 * could send soon; each is read again `confirmDelayMs` after it was decided.
 */
function askSecondReads(core: EngineCore, store: StoreState, byValue: readonly QueuedPush[], now: number): void {
  const room = Math.min(CONFIRMS_AHEAD, store.budget.left(now));
  let asked = 0;
  for (const queued of byValue) {
    if (asked >= room) break;
    if (!queued.confirm) continue;
    asked++;
    if (queued.confirm.askedAt !== null) continue;
    queued.confirm = { askedAt: now };
    const pair = queued.pair;
    if (!pair.pending && !pair.pushing) core.scheduler.schedule(pair, Math.max(now, queued.decidedAt + core.settings.killSwitch.confirmDelayMs), 'verify');
    core.fetchSignal.fire();
  }
}

/**
 * One push: the journal row first, then the call to Kaspi with the change already taken from the
 * account's budget, then the row completed. A 401 gets one re-login and one more try.
 */
export async function pushChange(core: EngineCore, queued: QueuedPush, store: StoreState, firstTicket: ChangeTicket): Promise<void> {
  const { pair, decision } = queued;
  const { clock, journal, pusher, sessions } = core.deps;
  let ticket: ChangeTicket | null = firstTicket;
  if (pair.pending || pair.pushing) return store.budget.release(firstTicket);
  // The last gate before Kaspi: whatever happened since the decision, the current rules' bounds hold.
  const rules = pair.product.rules;
  if (!Number.isInteger(decision.price) || decision.price < Math.max(1, floorPrice(rules.floor)) || (rules.ceiling !== null && decision.price > rules.ceiling)) {
    store.budget.release(firstTicket);
    core.fail('pair', pair.key, new Error(`refused to push ${decision.price}: outside the current bounds`), pair.store.storeId);
    core.scheduler.schedule(pair, clock.now(), pair.cls);
    return;
  }
  pair.pushing = true;
  core.scheduler.unschedule(pair);
  const ids = { storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, price: decision.price };
  let entryId: number | null = null;
  try {
    entryId = await journal.plan(planOf(pair, decision, clock.now()));
    core.emit({ type: 'journal', at: clock.now(), entryId, ...ids, status: 'planned' });
    const request = { storeId: pair.store.storeId, merchantId: pair.store.merchantId, productId: pair.product.productId, sku: pair.product.sku, cityPrices: [{ cityId: pair.cityId, price: decision.price }] };
    let relogged = false;
    for (;;) {
      ticket ??= await takeChange(core, store);
      let jobId: string;
      try {
        ({ jobId } = await pusher.push(request));
      } catch (e) {
        // Whatever the error, the request may have reached Kaspi: it counts (a lost answer, a little later).
        store.budget.settle(ticket, clock.now(), !isKaspiError(e, 'timeout') && !isKaspiError(e, 'network'));
        ticket = null;
        if (isKaspiError(e, 'session-expired') && !relogged) {
          relogged = true;
          try {
            await sessions.relogin(pair.store.storeId);
            continue;
          } catch (loginError) {
            await onPushError(core, pair, store, entryId, decision, loginError, true);
            return;
          }
        }
        await onPushError(core, pair, store, entryId, decision, e, false);
        return;
      }
      const at = clock.now();
      store.budget.settle(ticket, at);
      ticket = null;
      store.budget.backoffMs = 0;
      core.counters.pushes++;
      try {
        await journal.markPushed(entryId, jobId, at);
      } catch (e) {
        // Kaspi has the price but the row still says planned: the read-back will settle it.
        core.fail('store', String(pair.store.storeId), e, pair.store.storeId);
        afterPush(core, pair, entryId, decision, at, true, queued.rivals);
        return;
      }
      pair.pushRetryMs = 0;
      afterPush(core, pair, entryId, decision, at, false, queued.rivals);
      core.emit({ type: 'journal', at, entryId, ...ids, status: 'pushed' });
      return;
    }
  } catch (e) {
    // The journal itself failed: nothing may be pushed without a row, so only retry later.
    if (ticket) store.budget.release(ticket);
    core.fail('store', String(pair.store.storeId), e, pair.store.storeId);
    if (entryId !== null) await journal.markFailed(entryId, describeError(e), clock.now()).catch(() => undefined);
    core.retryCheckLater(pair, clock.now());
  } finally {
    pair.pushing = false;
  }
}

/** Waits until the account's budget gives one change (after a re-login). */
async function takeChange(core: EngineCore, store: StoreState): Promise<ChangeTicket> {
  const { clock } = core.deps;
  for (;;) {
    const now = clock.now();
    const ticket = store.budget.take(now, 'price');
    if (ticket) return ticket;
    await clock.sleep(Math.max(1, Math.min(60_000, store.budget.readyAt(now, 'price') - now)));
  }
}

async function onPushError(core: EngineCore, pair: Pair, store: StoreState, entryId: number, decision: SetDecision, e: unknown, loginFailed: boolean): Promise<void> {
  const { clock, journal } = core.deps;
  const at = clock.now();
  const kind = loginFailed || isKaspiError(e, 'wrong-credentials') || isKaspiError(e, 'captcha') ? 'session-expired' : isKaspiError(e) ? e.kind : 'internal';
  core.counters.failures++;
  core.fail('store', String(pair.store.storeId), e, pair.store.storeId, kind);
  const failed = async (why: string) => {
    await journal.markFailed(entryId, why, at);
    core.emit({ type: 'journal', at, entryId, storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, status: 'failed', price: decision.price });
  };
  switch (kind) {
    case 'account-blocked': {
      store.budget.blockedUntil = at + ((isKaspiError(e) && e.retryAfterMs) || core.settings.accountBlockMs);
      // Persisted: a restart must not push straight into the block.
      core.deps.memory.saveBlock(pair.store.merchantId, store.budget.blockedUntil).catch((saveError: unknown) => core.fail('store', String(pair.store.storeId), saveError, pair.store.storeId));
      core.dropQueued(pair.store.storeId);
      await failed('account blocked by Kaspi (429)');
      core.scheduler.schedule(pair, store.budget.blockedUntil, pair.cls);
      return;
    }
    case 'session-expired':
      store.sessionExpired = true;
      core.dropQueued(pair.store.storeId);
      await failed('session expired and re-login failed');
      core.scheduler.schedule(pair, at, pair.cls);
      return;
    case 'timeout':
    case 'network':
      // The push may have reached Kaspi: only a read-back can tell, so the row stays planned.
      afterPush(core, pair, entryId, decision, at, true, []);
      return;
    case 'bad-request':
      // Kaspi refused this one offer (a wrong SKU, a removed product): only its pushes back off.
      pair.pushRetryMs = nextBackoffMs(pair.pushRetryMs, core.settings);
      pair.pushRetryAt = at + pair.pushRetryMs;
      await failed(describeError(e));
      core.scheduler.schedule(pair, pair.pushRetryAt, pair.cls);
      return;
    default:
      store.budget.backoffMs = nextBackoffMs(store.budget.backoffMs, core.settings);
      store.budget.backoffUntil = at + store.budget.backoffMs;
      await failed(describeError(e));
      core.scheduler.schedule(pair, store.budget.backoffUntil, pair.cls);
  }
}

/**
 * What a push (or a push that may have landed) leaves behind: the daily count and cooldown, a
 * pending read-back, our move to watch for answers, and a probe's memory.
 */
function afterPush(core: EngineCore, pair: Pair, entryId: number, decision: SetDecision, at: number, ambiguous: boolean, rivals: RivalPrice[]): void {
  const day = kzDay(at);
  pair.changesOnDay = pair.changesDay === day ? pair.changesOnDay + 1 : 1;
  pair.changesDay = day;
  pair.lastChangeAt = at;
  const store = core.stores.get(pair.store.storeId);
  store?.lastPushAt.delete(pair.key);
  store?.lastPushAt.set(pair.key, at);
  pair.pending = { entryId, newPrice: decision.price, at, ambiguous, attempts: 0 };
  pair.lastMove = ambiguous ? null : { movedAt: at, ourPrice: decision.price, rivalsBefore: rivals, counted: [], judged: false };
  if (!ambiguous && decision.reason.code === 'probe_floor') {
    pair.memory.probeAt = at;
    pair.memory.probeRival = decision.reason.target?.merchantId ?? null;
    pair.memory.probeFrom = decision.reason.previousPrice;
    pair.memoryDirty = true;
  }
  if (!ambiguous && decision.reason.code === 'recover') {
    pair.memory.recoverAt = at;
    pair.memoryDirty = true;
  }
  // Going back after a probe happens once.
  if (decision.reason.code === 'probe_back') {
    pair.memory.probeFrom = null;
    pair.memoryDirty = true;
  }
  core.scheduler.schedule(pair, at + core.settings.verifyDelayMs, 'verify');
}

function planOf(pair: Pair, decision: SetDecision, at: number): JournalPlan {
  return { storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, oldPrice: decision.reason.previousPrice, newPrice: decision.price, reason: decision.reason, dryRun: false, at };
}
