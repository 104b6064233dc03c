import type { Database } from 'better-sqlite3';
import { FALLBACK_LANGUAGE, msg, renderMessage } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';
import { AppError } from '../../src-shared/contract';
import type { OrderDetail, OrdersFilter, OrdersSort, OrderSyncStatus } from '../../src-shared/contract/orders';
import { isKaspiError, KaspiError } from '../../src-shared/domain/kaspi-error';
import type { StoreSummary } from '../../src-shared/domain/store';
import type { EventBus } from '../app/event-bus';
import { orderSyncRepo } from '../db/repos/order-sync-repo';
import type { OrderSyncState } from '../db/repos/order-sync-repo';
import { ordersRepo } from '../db/repos/orders-repo';
import type { AddedOrder, CostBasis, OrderRowDb } from '../db/repos/orders-repo';
import type { KaspiEndpoints } from '../kaspi/endpoints';
import { RequestPacer } from '../kaspi/pacer';
import { createShopApiClient } from '../kaspi/shop-api';
import type { Logger } from '../logging/logger';
import type { Redactor } from '../logging/redact';
import type { SecretBox } from '../secrets/secret-box';
import type { SessionManager } from '../stores/session-manager';
import type { DispatcherFor } from '../stores/ports';
import { DEFAULT_ORDERS_SYNC, fetchPendingEntries, runOrdersPass } from './order-sync';
import type { OrdersSyncSettings, StoreSyncDeps } from './order-sync';
import type { PlaceLookup } from './order-mapping';
import type { Clock } from '../time/clock';
import { ordersCsv } from './orders-csv';

const DAY_MS = 86_400_000;
/** A new order is worth a notification only when it is this fresh (a backfill never rings). */
const ALERT_FRESH_MS = 60 * 60_000;
/** At most this many new-order notifications per pass; the rest are in the list. */
const ALERTS_PER_PASS = 5;
/** Warn about an order waiting for acceptance this long before its deadline. */
const DEADLINE_WARNING_MS = 30 * 60_000;
const ENTRIES_BATCH = 50;

export interface OrdersServiceDeps {
  db: Database;
  secrets: SecretBox;
  redactor: Redactor;
  events: EventBus;
  logger: Logger;
  sessions: SessionManager;
  endpoints: () => KaspiEndpoints;
  dispatcherFor: DispatcherFor;
  stores: { list(): StoreSummary[]; shopToken(storeId: number): string | null };
  costOf(productId: number): CostBasis | null;
  clock: Clock;
  settings?: Partial<OrdersSyncSettings>;
}

interface Runner {
  store: StoreSummary;
  pacer: RequestPacer;
  abort: AbortController;
  timer: unknown;
  pass: Promise<void> | null;
  /** Another pass was asked for while one ran. */
  again: boolean;
  entries: Promise<void> | null;
  nextAt: number | null;
  alertedDeadlines: Set<number>;
  pending: { added: number; changed: number; timer: unknown };
}

/**
 * Text kept as a plain string (a sync problem's fallback, an action's error in the database): the
 * renderer words the code in the seller's language; this is what shows when it has no words.
 */
const fallbackText = (message: Message): string => renderMessage(message, FALLBACK_LANGUAGE);

/** What a failed pass shows on the store: a code the renderer words, and main's own words as a fallback. */
function problemOf(error: unknown): { code: string; message: string; retryInMs: number } {
  if (isKaspiError(error)) {
    switch (error.kind) {
      case 'wrong-credentials': return { code: 'orders.token_rejected', message: error.message, retryInMs: 30 * 60_000 };
      case 'session-expired': return { code: 'orders.login_needed', message: error.message, retryInMs: 15 * 60_000 };
      case 'account-blocked': return { code: 'orders.rate_limited', message: fallbackText(msg('orders.sync_rate_limited')), retryInMs: Math.max(60_000, error.retryAfterMs ?? 0) };
      case 'timeout':
      case 'network': return { code: 'orders.unreachable', message: error.message, retryInMs: 0 };
      case 'server':
      case 'not-json':
      case 'ip-banned':
      case 'method-blocked':
      case 'captcha': return { code: 'orders.kaspi_unavailable', message: error.message, retryInMs: 0 };
      default: return { code: 'orders.refused', message: error.message, retryInMs: 0 };
    }
  }
  return { code: 'orders.failed', message: fallbackText(msg('orders.sync_failed')), retryInMs: 0 };
}

/** 1, 2, 5, 15, 15… minutes after failures in a row. */
const backoffMs = (failures: number): number => [60_000, 120_000, 300_000][failures - 1] ?? 15 * 60_000;

/**
 * Every store's orders on this machine: a runner per store reads Kaspi every few minutes (the
 * shop API with a token, the cabinet without), keeps the list and history in SQLite, rings for a
 * new order and for one close to its acceptance deadline, and answers the Orders page.
 */
export function createOrdersService(deps: OrdersServiceDeps) {
  const settings: OrdersSyncSettings = { ...DEFAULT_ORDERS_SYNC, ...deps.settings };
  const log = deps.logger.child('orders');
  const { clock } = deps;
  const now = () => clock.now();
  const repo = ordersRepo(deps.db, {
    encrypt: (plain) => deps.secrets.encrypt(plain),
    decrypt: (sealed) => deps.secrets.decrypt(sealed),
    costOf: deps.costOf,
  });
  const syncRepo = orderSyncRepo(deps.db);
  const runners = new Map<number, Runner>();
  let started = false;

  const placesOf = (store: StoreSummary): PlaceLookup => {
    const byName = new Map(store.cities.map((c) => [c.name.trim().toLowerCase(), c]));
    const cityName = new Map(store.cities.map((c) => [c.id, c.name]));
    const points = new Map(store.points.map((p) => [p.id, p.cityId]));
    return {
      cityOfPoint: (pointId) => {
        const id = pointId ? points.get(pointId) : null;
        return id ? { id, name: cityName.get(id) ?? id } : null;
      },
      cityByName: (name) => (name ? (byName.get(name.trim().toLowerCase()) ?? null) : null),
    };
  };

  const status = (store: StoreSummary, runner?: Runner): OrderSyncStatus => {
    const state = syncRepo.get(store.id);
    const source = store.hasShopToken ? 'shop_api' : 'cabinet';
    return {
      storeId: store.id,
      storeName: store.name,
      source,
      limits: source === 'cabinet' ? ['phone_masked', 'no_accept', 'page_size_10', 'six_per_second'] : ['window_14_days', 'six_per_second'],
      backfill: { from: state.backfillFromMs ?? now() - settings.backfillDays * DAY_MS, reachedBack: state.backfillCursorMs, done: state.backfillDone && state.source === source },
      lastSyncAt: state.recentSyncedMs,
      nextSyncAt: runner?.nextAt ?? state.nextAttemptMs,
      running: Boolean(runner?.pass),
      orders: repo.countOrders(store.id),
      entriesPending: repo.countPending(store.id),
      problem: state.errorCode ? { code: state.errorCode, message: state.errorMessage ?? '', at: state.errorMs ?? 0, retryAt: state.nextAttemptMs } : null,
      alerts: { newOrder: state.alertNewOrder, deadline: state.alertDeadline },
    };
  };
  const emitStatus = (runner: Runner): void => deps.events.emit('orders.syncStatus', status(runner.store, runner));

  /** Page writes come fast during a backfill: the renderer hears of them at most once a second. */
  const noteWritten = (runner: Runner, added: number, changed: number): void => {
    runner.pending.added += added;
    runner.pending.changed += changed;
    runner.pending.timer ??= clock.setTimeout(() => {
      const { added: a, changed: c } = runner.pending;
      runner.pending = { added: 0, changed: 0, timer: null };
      if (a || c) deps.events.emit('orders.changed', { storeId: runner.store.id, added: a, changed: c });
    }, 1_000);
  };

  const alertNew = (runner: Runner, added: AddedOrder[], state: OrderSyncState, budget: { left: number }): void => {
    if (!state.alertNewOrder) return;
    for (const order of added) {
      if (budget.left <= 0) return;
      if ((order.state !== 'new' && order.state !== 'sign_required') || order.createdMs < now() - ALERT_FRESH_MS) continue;
      budget.left--;
      log.info('new order', { storeId: runner.store.id, orderId: order.id, code: order.code });
      deps.events.emit('orders.alert', { at: now(), kind: 'new_order', storeId: runner.store.id, storeName: runner.store.name, orderId: order.id, code: order.code, totalPrice: order.totalPrice, firstItem: order.firstItem, deadline: order.acceptDeadlineMs });
    }
  };

  const alertDeadlines = (runner: Runner): void => {
    if (!syncRepo.get(runner.store.id).alertDeadline) return;
    for (const order of repo.waitingUntil(runner.store.id, now() + DEADLINE_WARNING_MS)) {
      if (runner.alertedDeadlines.has(order.id) || order.accept_deadline_ms < now()) continue;
      runner.alertedDeadlines.add(order.id);
      log.info('order waits for acceptance near its deadline', { storeId: runner.store.id, orderId: order.id, code: order.code, deadline: order.accept_deadline_ms });
      deps.events.emit('orders.alert', { at: now(), kind: 'accept_deadline', storeId: runner.store.id, storeName: runner.store.name, orderId: order.id, code: order.code, totalPrice: order.total_price, firstItem: null, deadline: order.accept_deadline_ms });
    }
  };

  const syncDeps = (runner: Runner): Omit<StoreSyncDeps, 'onWritten'> => ({
    store: runner.store,
    token: runner.store.hasShopToken ? deps.stores.shopToken(runner.store.id) : null,
    sessions: deps.sessions,
    endpoints: deps.endpoints,
    dispatcher: deps.dispatcherFor(runner.store.id),
    pacer: runner.pacer,
    orders: repo,
    syncState: syncRepo,
    settings,
    places: placesOf(runner.store),
    clock,
    signal: runner.abort.signal,
  });

  const schedule = (runner: Runner, inMs: number): void => {
    if (runner.timer) clock.clearTimeout(runner.timer);
    runner.nextAt = now() + inMs;
    runner.timer = clock.setTimeout(() => void runPass(runner), inMs);
  };

  /** One pass; a failure is recorded on the store, logged, and the pass retried after a pause. */
  function runPass(runner: Runner): Promise<void> {
    if (runner.pass) {
      // Asked for while one runs (a token saved, a timer): one more pass follows it.
      runner.again = true;
      return runner.pass;
    }
    if (runner.timer) clock.clearTimeout(runner.timer);
    runner.timer = null;
    runner.nextAt = null;
    const storeId = runner.store.id;
    runner.pass = (async () => {
      emitStatus(runner);
      const before = syncRepo.get(storeId);
      const budget = { left: ALERTS_PER_PASS };
      try {
        const token = runner.store.hasShopToken ? deps.stores.shopToken(storeId) : null;
        if (token) deps.redactor.register(token);
        const result = await runOrdersPass({
          ...syncDeps(runner),
          token,
          onWritten: ({ added, changed }) => {
            alertNew(runner, added, before, budget);
            noteWritten(runner, added.length, changed);
          },
        });
        repo.linkEntries(storeId);
        alertDeadlines(runner);
        syncRepo.update(storeId, { failures: 0, errorCode: null, errorMessage: null, errorMs: null, nextAttemptMs: null }, now());
        if (result.added || result.changed) log.info('orders synced', { storeId, added: result.added, changed: result.changed, full: result.full });
        if (!runner.abort.signal.aborted) schedule(runner, settings.pollIntervalMs);
      } catch (error) {
        if (runner.abort.signal.aborted) return;
        const problem = problemOf(error);
        const failures = before.failures + 1;
        const retryIn = Math.max(problem.retryInMs, backoffMs(failures));
        syncRepo.update(storeId, { failures, errorCode: problem.code, errorMessage: problem.message, errorMs: now(), nextAttemptMs: now() + retryIn }, now());
        log.warn('orders sync failed; retrying later', { storeId, code: problem.code, retryInMs: retryIn, error });
        schedule(runner, retryIn);
      } finally {
        runner.pass = null;
        emitStatus(runner);
        drainEntries(runner);
        if (runner.again && !runner.abort.signal.aborted) {
          runner.again = false;
          schedule(runner, 0);
        }
      }
    })();
    return runner.pass;
  }

  /** A pass that starts after this call (the one running, if any, first ends). */
  async function freshPass(runner: Runner): Promise<void> {
    while (runner.pass) await runner.pass.catch(() => undefined);
    runner.again = false;
    await runPass(runner);
  }

  /** Entries the shop API lists separately are read next to the passes, sharing the store's pace. */
  function drainEntries(runner: Runner): void {
    if (runner.entries || runner.abort.signal.aborted || !runner.store.hasShopToken || repo.countPending(runner.store.id) === 0) return;
    runner.entries = (async () => {
      try {
        const token = deps.stores.shopToken(runner.store.id);
        for (;;) {
          const read = await fetchPendingEntries({ ...syncDeps(runner), token, onEntries: (n) => noteWritten(runner, 0, n) }, ENTRIES_BATCH);
          if (read === 0 || runner.abort.signal.aborted) break;
        }
      } catch (error) {
        if (!runner.abort.signal.aborted) log.warn('order entries not read; the next pass tries again', { storeId: runner.store.id, code: problemOf(error).code, error });
      } finally {
        runner.entries = null;
        if (!runner.abort.signal.aborted) emitStatus(runner);
      }
    })();
  }

  const runnerFor = (store: StoreSummary): Runner => {
    let runner = runners.get(store.id);
    if (!runner) {
      runner = { store, pacer: new RequestPacer(settings.requestIntervalMs, clock), abort: new AbortController(), timer: null, pass: null, again: false, entries: null, nextAt: null, alertedDeadlines: new Set(), pending: { added: 0, changed: 0, timer: null } };
      runners.set(store.id, runner);
    }
    runner.store = store;
    return runner;
  };

  const stopRunner = async (runner: Runner): Promise<void> => {
    runner.abort.abort();
    if (runner.timer) clock.clearTimeout(runner.timer);
    if (runner.pending.timer) clock.clearTimeout(runner.pending.timer);
    await Promise.allSettled([runner.pass, runner.entries]);
  };

  /** Stores come and go, get a token or lose one: runners follow. */
  const reconcile = async (): Promise<void> => {
    const stores = deps.stores.list();
    const ids = new Set(stores.map((s) => s.id));
    for (const [id, runner] of runners) {
      if (!ids.has(id)) {
        runners.delete(id);
        await stopRunner(runner);
      }
    }
    stores.forEach((store, i) => {
      const known = runners.get(store.id);
      const tokenChanged = known !== undefined && known.store.hasShopToken !== store.hasShopToken;
      const runner = runnerFor(store);
      if (!started) return;
      if (!known || tokenChanged) schedule(runner, i * 2_000);
    });
  };

  const storeOrThrow = (storeId: number): StoreSummary => {
    const store = deps.stores.list().find((s) => s.id === storeId);
    if (!store) throw new AppError('not_found', msg('stores.not_found'));
    return store;
  };

  const canAccept = (r: OrderRowDb): boolean =>
    r.source === 'shop_api' && r.kaspi_id !== null && (r.state === 'new' || r.state === 'sign_required') && Boolean(deps.stores.list().find((s) => s.id === r.store_id)?.hasShopToken);

  // A crash between journaling an acceptance and hearing back: what Kaspi did shows in the order.
  for (const open of repo.openActions()) {
    const order = repo.get(open.order_id);
    const accepted = order && order.state !== 'new' && order.state !== 'sign_required';
    repo.settleAction(open.id, accepted ? 'done' : 'failed', accepted ? null : fallbackText(msg('orders.no_kaspi_answer')), now());
  }

  return {
    /** Starts every store's runner, staggered; later stores start when added. */
    start(): void {
      if (started) return;
      started = true;
      deps.stores.list().forEach((store, i) => schedule(runnerFor(store), i * 2_000));
    },
    async stop(): Promise<void> {
      started = false;
      await Promise.all([...runners.values()].map(stopRunner));
      runners.clear();
    },
    reconcile,

    async syncNow(storeId?: number): Promise<OrderSyncStatus[]> {
      const stores = storeId === undefined ? deps.stores.list() : [storeOrThrow(storeId)];
      await Promise.all(stores.map((s) => freshPass(runnerFor(s))));
      return stores.map((s) => status(s, runners.get(s.id)));
    },

    /** Waits for entries being read in the background (tests, benchmark). */
    async settled(storeId: number): Promise<void> {
      const runner = runners.get(storeId);
      while (runner && (runner.pass || runner.entries)) await Promise.allSettled([runner.pass, runner.entries]);
    },

    statuses: (): OrderSyncStatus[] => deps.stores.list().map((s) => status(s, runners.get(s.id))),

    updateAlerts(storeId: number, patch: { newOrder?: boolean; deadline?: boolean }): OrderSyncStatus {
      const store = storeOrThrow(storeId);
      syncRepo.update(storeId, { ...(patch.newOrder !== undefined ? { alertNewOrder: patch.newOrder } : {}), ...(patch.deadline !== undefined ? { alertDeadline: patch.deadline } : {}) }, now());
      return status(store, runners.get(storeId));
    },

    list: (filter: OrdersFilter, sort: OrdersSort, offset: number, limit: number) => repo.list(filter, sort, offset, limit),
    counts: (filter: OrdersFilter) => repo.counts(filter),

    detail(orderId: number): OrderDetail {
      const detail = repo.detail(orderId, canAccept);
      if (!detail) throw new AppError('not_found', msg('orders.not_found'));
      return detail;
    },

    exportCsv(filter: OrdersFilter, sort: OrdersSort, language: 'ru' | 'kk' | 'en') {
      const names = new Map(deps.stores.list().map((s) => [s.id, s.name]));
      return ordersCsv(repo.iterate(filter, sort), { language, storeName: (id) => names.get(id) ?? String(id), now: now() });
    },

    /** Accepts a new order through the shop API: journaled before the call, settled after it. */
    async accept(orderId: number): Promise<OrderDetail> {
      const order = repo.get(orderId);
      if (!order) throw new AppError('not_found', msg('orders.not_found'));
      if (!canAccept(order)) throw new AppError('conflict', msg('orders.cannot_accept'));
      const token = deps.stores.shopToken(order.store_id);
      if (!token) throw new AppError('conflict', msg('orders.token_needed'));
      let actionId: number;
      try {
        actionId = repo.planAction(orderId, now());
      } catch {
        throw new AppError('conflict', msg('orders.accept_in_progress'));
      }
      const runner = runners.get(order.store_id);
      try {
        const client = createShopApiClient({ endpoints: deps.endpoints(), token, dispatcher: deps.dispatcherFor(order.store_id), pacer: runner?.pacer, timeoutMs: 30_000 });
        await client.accept(order.kaspi_id!, order.code);
        repo.settleAction(actionId, 'done', null, now());
        log.info('order accepted', { storeId: order.store_id, orderId, code: order.code });
      } catch (error) {
        const message = error instanceof KaspiError ? error.userMessage : msg('orders.kaspi_silent');
        repo.settleAction(actionId, 'failed', fallbackText(message), now());
        log.warn('order not accepted', { storeId: order.store_id, orderId, code: order.code, error });
        throw isKaspiError(error) ? error : new AppError('unavailable', message);
      }
      // Kaspi is the truth: read the store again so the order shows its new state.
      const store = deps.stores.list().find((s) => s.id === order.store_id);
      if (store) await freshPass(runnerFor(store)).catch(() => undefined);
      return this.detail(orderId);
    },

    relink(storeId?: number): void {
      for (const store of deps.stores.list()) if (storeId === undefined || store.id === storeId) repo.linkEntries(store.id);
    },
    restampCosts: (productIds: readonly number[] | null) => repo.restampCosts(productIds),
    repo,
  };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
