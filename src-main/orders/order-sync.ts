import type { Dispatcher } from 'undici';
import { isKaspiError } from '../../src-shared/domain/kaspi-error';
import { kzDate, kzDay } from '../../src-shared/domain/kazakhstan-time';
import type { OrderState } from '../../src-shared/domain/order';
import type { StoreSummary } from '../../src-shared/domain/store';
import type { AddedOrder, OrdersRepo, SyncedOrder } from '../db/repos/orders-repo';
import type { OrderSyncRepo } from '../db/repos/order-sync-repo';
import { CABINET_ORDERS_PAGE_SIZE, type CabinetClient } from '../kaspi/cabinet';
import type { KaspiEndpoints } from '../kaspi/endpoints';
import type { RequestPacer } from '../kaspi/pacer';
import { createShopApiClient, MAX_WINDOW_MS, SHOP_ORDER_STATES, type ShopApiClient, type ShopOrderEntry, type ShopOrderState } from '../kaspi/shop-api';
import type { SessionManager } from '../stores/session-manager';
import type { Clock } from '../time/clock';
import { fromCabinetOrder, fromShopEntry, fromShopOrder, type PlaceLookup } from './order-mapping';

const DAY_MS = 86_400_000;

/** How often and how far the sync reads; tests and the benchmark shrink the waits. */
export interface OrdersSyncSettings {
  /** Every store is read again this often while the app runs. */
  pollIntervalMs: number;
  /** A quick pass reads orders created in these last days (new ones, and what changed lately). */
  recentDays: number;
  /** A full pass reads every active order and the archive of these last days… */
  activeLookbackDays: number;
  /** …this often. */
  fullEveryMs: number;
  /** The first sync reads back this far (Kaspi does not document a limit; a year is cheap). */
  backfillDays: number;
  /** Spacing of a store's requests: 200 ms keeps under the documented 6 a second (§10). */
  requestIntervalMs: number;
  /** A 429 with a Retry-After up to this long is waited out within the pass. */
  maxInlineWaitMs: number;
}

export const DEFAULT_ORDERS_SYNC: OrdersSyncSettings = {
  pollIntervalMs: 5 * 60_000,
  recentDays: 3,
  activeLookbackDays: 30,
  fullEveryMs: 60 * 60_000,
  backfillDays: 365,
  requestIntervalMs: 200,
  maxInlineWaitMs: 60_000,
};

/** The cabinet's tabs of orders still under way (§7a); ARCHIVED is read by days. */
export const CABINET_ACTIVE_TABS = [
  'NEW', 'SIGN_REQUIRED', 'PICKUP', 'DELIVERY', 'KASPI_DELIVERY_WAIT_FOR_POINT_DELIVERY', 'KASPI_DELIVERY_CARGO_ASSEMBLY',
  'KASPI_DELIVERY_WAIT_FOR_COURIER', 'KASPI_DELIVERY_TRANSMITTED', 'KASPI_DELIVERY_RETURN_REQUEST',
] as const;
/** The final statuses the cabinet's archive filter takes, as its own UI sends them. */
const ARCHIVE_STATUSES = ['RETURNING', 'COMPLETED', 'CANCELLED', 'CANCELLED_BY_MERCHANT', 'RETURNED'];

const SHOP_STATE: Record<ShopOrderState, OrderState> = {
  NEW: 'new', SIGN_REQUIRED: 'sign_required', PICKUP: 'pickup', DELIVERY: 'delivery', KASPI_DELIVERY: 'kaspi_delivery', ARCHIVE: 'archive',
};

export interface StoreSyncDeps {
  store: StoreSummary;
  /** The store's shop API token: with it the shop API is the source, without it the cabinet. */
  token: string | null;
  sessions: SessionManager;
  endpoints: () => KaspiEndpoints;
  dispatcher: Dispatcher | undefined;
  pacer: RequestPacer;
  orders: OrdersRepo;
  syncState: OrderSyncRepo;
  settings: OrdersSyncSettings;
  places: PlaceLookup;
  clock: Clock;
  /** A page was written: alerts and events. */
  onWritten(result: { added: AddedOrder[]; changed: number }): void;
  signal: AbortSignal;
}

export interface PassResult {
  added: number;
  changed: number;
  full: boolean;
}

/**
 * One pass over a store's orders: the recent days, every active order once an hour, and the
 * backfill — newest window first, its cursor saved after each window, so a pass cut short (a
 * crash, the app closed, Kaspi failing) goes on from there and nothing is read twice into the
 * table (upserts by code). Throws the Kaspi error that stopped it; what was written stays.
 */
export async function runOrdersPass(deps: StoreSyncDeps): Promise<PassResult> {
  const { store, settings, syncState } = deps;
  const started = deps.clock.now();
  const source = deps.token ? 'shop_api' : 'cabinet';
  let state = syncState.get(store.id);
  if (state.source !== source) {
    // Another source reads the history again: the shop API gives what the cabinet hides.
    state = syncState.update(store.id, { source, backfillFromMs: started - settings.backfillDays * DAY_MS, backfillCursorMs: null, backfillDone: false, fullSyncedMs: null }, started);
  }
  const totals = { added: 0, changed: 0 };
  const write = async (orders: (SyncedOrder | null)[]): Promise<void> => {
    const page = orders.filter((o): o is SyncedOrder => o !== null);
    if (page.length === 0) return;
    // Alerts and events only once the whole page is durable, as when it was one transaction.
    const result = await deps.orders.upsertInSteps(store.id, page, deps.clock.now());
    totals.added += result.added.length;
    totals.changed += result.changed;
    deps.onWritten(result);
  };
  const reader = source === 'shop_api' ? shopReader(deps, write) : cabinetReader(deps, write);

  await reader.range(started - settings.recentDays * DAY_MS, started);
  syncState.update(store.id, { recentSyncedMs: started }, deps.clock.now());

  // Until the backfill is done it reads every day the full pass would: the full pass waits.
  const full = state.backfillDone && (state.fullSyncedMs === null || started - state.fullSyncedMs >= settings.fullEveryMs);
  if (full) {
    const oldestActive = deps.orders.oldestActive(store.id);
    const from = Math.min(started - settings.activeLookbackDays * DAY_MS, oldestActive ?? started);
    await reader.range(Math.max(from, started - settings.backfillDays * DAY_MS), started);
    syncState.update(store.id, { fullSyncedMs: started }, deps.clock.now());
  }

  if (!state.backfillDone) {
    const horizon = state.backfillFromMs ?? started - settings.backfillDays * DAY_MS;
    let cursor = state.backfillCursorMs ?? started;
    syncState.update(store.id, { backfillFromMs: horizon, backfillCursorMs: cursor }, deps.clock.now());
    while (cursor > horizon) {
      if (deps.signal.aborted) return { ...totals, full };
      const from = Math.max(horizon, cursor - MAX_WINDOW_MS);
      await reader.window(from, cursor);
      cursor = from;
      syncState.update(store.id, { backfillCursorMs: cursor }, deps.clock.now());
    }
    syncState.update(store.id, { backfillDone: true, fullSyncedMs: started }, deps.clock.now());
  }
  return { ...totals, full };
}

interface Reader {
  /** Orders created in [from, to], in windows Kaspi accepts (and, from the cabinet, every active one). */
  range(from: number, to: number): Promise<void>;
  /** One backfill window. */
  window(from: number, to: number): Promise<void>;
}

function shopReader(deps: StoreSyncDeps, write: (orders: (SyncedOrder | null)[]) => Promise<void>): Reader {
  const client: ShopApiClient = createShopApiClient({ endpoints: deps.endpoints(), token: deps.token!, dispatcher: deps.dispatcher, pacer: deps.pacer, timeoutMs: 30_000 });
  const read = async (from: number, to: number): Promise<void> => {
    for (const state of SHOP_ORDER_STATES) {
      if (deps.signal.aborted) return;
      await waitingOutRateLimits(deps, () => client.listOrders({ state, from, to }, (page) => write(page.map((o) => fromShopOrder(o, SHOP_STATE[state], null, deps.places)))));
    }
  };
  return { range: read, window: read };
}

function cabinetReader(deps: StoreSyncDeps, write: (orders: (SyncedOrder | null)[]) => Promise<void>): Reader {
  const { store } = deps;
  const tab = async (cabinet: CabinetClient, name: string, archive?: { fromDate: string; toDate: string; statuses: string[] }): Promise<void> => {
    for (let page = 0; ; page++) {
      if (deps.signal.aborted) return;
      await deps.pacer.turn();
      const res = await waitingOutRateLimits(deps, () => cabinet.orders({ merchantUid: store.merchantUid, tab: name, page, archive }));
      await write(res.orders.map((o) => fromCabinetOrder(o, name, deps.places)));
      // `total` says where the end is: a short page before it is not the end.
      if ((page + 1) * CABINET_ORDERS_PAGE_SIZE >= res.total || (res.orders.length === 0 && page > 0)) return;
    }
  };
  /** The archive by Kazakhstan days, as the cabinet's own filter takes it. */
  const archive = (cabinet: CabinetClient, from: number, to: number) =>
    tab(cabinet, 'ARCHIVED', { fromDate: `${kzDate(kzDay(from))}T00:00:00+05:00`, toDate: `${kzDate(kzDay(to))}T23:59:59+05:00`, statuses: ARCHIVE_STATUSES });
  const withCabinet = (run: (cabinet: CabinetClient) => Promise<void>) => deps.sessions.withCabinet(store.accountId, store.id, run);
  return {
    // Active tabs hold every order under way whatever its age: they are read whole each pass.
    range: (from, to) => withCabinet(async (cabinet) => {
      for (const name of CABINET_ACTIVE_TABS) await tab(cabinet, name);
      for (let start = from; start <= to; start += MAX_WINDOW_MS + 1) await archive(cabinet, start, Math.min(to, start + MAX_WINDOW_MS));
    }),
    window: (from, to) => withCabinet((cabinet) => archive(cabinet, from, to)),
  };
}

/** A 429 that says how long to wait, briefly, is waited out; anything else goes up. */
async function waitingOutRateLimits<T>(deps: Pick<StoreSyncDeps, 'clock' | 'settings' | 'signal'>, run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const wait = isKaspiError(error, 'account-blocked') ? (error.retryAfterMs ?? 1_000) : null;
      if (wait === null || wait > deps.settings.maxInlineWaitMs || attempt >= 3 || deps.signal.aborted) throw error;
      await deps.clock.sleep(wait * (attempt + 1));
    }
  }
}

/** The entries of orders the shop API listed without them, newest first. Returns how many were read. */
export async function fetchPendingEntries(deps: Omit<StoreSyncDeps, 'onWritten'> & { onEntries(count: number): void }, batch: number): Promise<number> {
  if (!deps.token) return 0;
  const client = createShopApiClient({ endpoints: deps.endpoints(), token: deps.token, dispatcher: deps.dispatcher, pacer: deps.pacer, timeoutMs: 30_000 });
  let done = 0;
  for (const order of deps.orders.pendingEntries.all(deps.store.id, batch)) {
    if (deps.signal.aborted || !order.kaspi_id) break;
    let entries: ShopOrderEntry[];
    try {
      entries = await waitingOutRateLimits(deps, () => client.entries(order.kaspi_id!));
    } catch (error) {
      // Kaspi refuses this one order's entries (gone, say): it must not hold up the others.
      if (!isKaspiError(error, 'bad-request')) throw error;
      entries = [];
    }
    deps.orders.saveEntries(order.id, deps.store.id, { createdMs: order.created_ms, cityId: order.city_id, outcome: order.outcome }, entries.map(fromShopEntry));
    done++;
    if (done % 10 === 0) deps.onEntries(10);
  }
  if (done % 10) deps.onEntries(done % 10);
  return done;
}
