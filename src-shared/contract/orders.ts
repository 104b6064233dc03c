import { z } from 'zod';
import { call } from './define';
import { messageCode } from '../i18n';
import { orderEntryView, orderOutcome, orderSource, orderState, orderStatusChange } from '../domain/order';

const id = z.number().int().positive();
/** A Kazakhstan calendar day as YYYY-MM-DD. */
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, messageCode('validation.iso_day'));

/** The Orders page's tabs: the cabinet's, with the archive split by how orders ended. */
export const ORDER_TABS = ['new', 'sign_required', 'pickup', 'delivery', 'kaspi_delivery', 'archive', 'all'] as const;
export const orderTab = z.enum(ORDER_TABS);
export type OrderTab = z.infer<typeof orderTab>;

export const ordersFilter = z.object({
  tab: orderTab.default('all'),
  /** Archive only: how the orders ended. */
  outcome: orderOutcome.optional(),
  storeId: id.optional(),
  cityId: z.string().max(20).optional(),
  productId: id.optional(),
  /** Kaspi's status word, as the drawer shows it. */
  status: z.string().max(60).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  /** An order code (or its start) or a phone number (at least its last 4 digits). */
  search: z.string().max(40).optional(),
});
export type OrdersFilter = z.input<typeof ordersFilter>;

export const ORDER_SORT_KEYS = ['created', 'total', 'code'] as const;
export const ordersSort = z.object({ key: z.enum(ORDER_SORT_KEYS).default('created'), dir: z.enum(['asc', 'desc']).default('desc') });
export type OrdersSort = z.infer<typeof ordersSort>;

/** One line of the orders list: what the seller scans 100,000 of, a window at a time. */
export const orderRow = z.object({
  id,
  storeId: id,
  code: z.string(),
  source: orderSource,
  state: orderState,
  outcome: orderOutcome.nullable(),
  status: z.string().nullable(),
  createdAt: z.number(),
  totalPrice: z.number().int(),
  units: z.number().int(),
  /** The first entry's name; the count of the others comes with it. */
  firstItem: z.string().nullable(),
  moreItems: z.number().int(),
  cityName: z.string().nullable(),
  customerName: z.string().nullable(),
  /** Last four digits of the buyer's phone when Kaspi gave it; null when masked or absent. */
  phoneTail: z.string().nullable(),
  phoneMasked: z.boolean(),
  deliveryMode: z.string().nullable(),
  kaspiDelivery: z.boolean().nullable(),
  acceptDeadline: z.number().nullable(),
  entriesPending: z.boolean(),
});
export type OrderRow = z.infer<typeof orderRow>;

export const orderDetail = orderRow.extend({
  kaspiId: z.string().nullable(),
  kaspiTab: z.string().nullable(),
  cityId: z.string().nullable(),
  pointId: z.string().nullable(),
  address: z.string().nullable(),
  /** The full number, only from the shop API (the cabinet masks it); never logged. */
  phone: z.string().nullable(),
  paymentMode: z.string().nullable(),
  deliveryCost: z.number().int().nullable(),
  plannedDelivery: z.number().nullable(),
  cancelReason: z.string().nullable(),
  firstSeenAt: z.number(),
  entries: z.array(orderEntryView),
  history: z.array(orderStatusChange),
  /** Accepting through the shop API: possible now, and the journal of earlier attempts. */
  canAccept: z.boolean(),
  actions: z.array(z.object({ action: z.literal('accept'), status: z.enum(['planned', 'done', 'failed']), error: z.string().nullable(), at: z.number() })),
});
export type OrderDetail = z.infer<typeof orderDetail>;

/** A problem main words itself as a code with parameters; the renderer has the texts. */
export const syncProblem = z.object({ code: z.string(), message: z.string(), at: z.number(), retryAt: z.number().nullable() });

/** Where a store's orders come from, what that source cannot give, and how far the sync got. */
export const orderSyncStatus = z.object({
  storeId: id,
  storeName: z.string(),
  source: orderSource,
  /** What the source cannot do (the cabinet masks phones and shows no real-time acceptance). */
  limits: z.array(z.enum(['phone_masked', 'no_accept', 'page_size_10', 'six_per_second', 'window_14_days'])),
  backfill: z.object({ from: z.number(), reachedBack: z.number().nullable(), done: z.boolean() }),
  lastSyncAt: z.number().nullable(),
  nextSyncAt: z.number().nullable(),
  running: z.boolean(),
  orders: z.number().int(),
  entriesPending: z.number().int(),
  problem: syncProblem.nullable(),
  alerts: z.object({ newOrder: z.boolean(), deadline: z.boolean() }),
});
export type OrderSyncStatus = z.infer<typeof orderSyncStatus>;

export const tabCounts = z.record(z.enum([...ORDER_TABS, 'completed', 'cancelled', 'returned']), z.number().int());

export const ordersCalls = {
  /** A window of the filtered, sorted list and the count of everything the filter matches. */
  'orders.list': call(
    z.object({ filter: ordersFilter.default({ tab: 'all' }), sort: ordersSort.default({ key: 'created', dir: 'desc' }), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ total: z.number().int(), rows: z.array(orderRow) }),
  ),
  /** How many orders each tab holds under the rest of the filter. */
  'orders.counts': call(z.object({ filter: ordersFilter.default({ tab: 'all' }) }), tabCounts),
  'orders.detail': call(z.object({ orderId: id }), orderDetail),
  'orders.exportCsv': call(
    z.object({ filter: ordersFilter.default({ tab: 'all' }), sort: ordersSort.default({ key: 'created', dir: 'desc' }), language: z.enum(['ru', 'kk', 'en']).default('ru') }),
    z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
  ),
  'orders.syncStatus': call(z.object({}), z.array(orderSyncStatus)),
  /** Runs a store's (or every store's) sync now instead of at its next turn. */
  'orders.syncNow': call(z.object({ storeId: id.optional() }), z.array(orderSyncStatus)),
  'orders.alerts.update': call(z.object({ storeId: id, newOrder: z.boolean().optional(), deadline: z.boolean().optional() }), orderSyncStatus),
  /** Accepts a new order through the shop API: journaled first, then sent; asked to confirm in the UI. */
  'orders.accept': call(z.object({ orderId: id }), orderDetail),
};

export const ordersEvents = {
  /** Orders of a store were added or changed: lists and analytics re-read. */
  'orders.changed': z.object({ storeId: id, added: z.number().int(), changed: z.number().int() }),
  'orders.syncStatus': orderSyncStatus,
  /** A desktop notification's worth: a new order, or one waiting for acceptance near its deadline. */
  'orders.alert': z.object({
    at: z.number(),
    kind: z.enum(['new_order', 'accept_deadline']),
    storeId: id,
    storeName: z.string(),
    orderId: id,
    code: z.string(),
    totalPrice: z.number().int(),
    firstItem: z.string().nullable(),
    deadline: z.number().nullable(),
  }),
};
