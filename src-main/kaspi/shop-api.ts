import { z } from 'zod';
import { msg } from '../../src-shared/i18n';
import type { Dispatcher } from 'undici';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { joinUrl, type KaspiEndpoints } from './endpoints';
import { shopApiHeaders } from './headers';
import type { RetryPolicy } from './retry';
import { RequestPacer, ORDERS_REQUEST_INTERVAL_MS } from './pacer';
import { kaspiRequest } from './transport';

/**
 * The official Kaspi Shop API (kaspi-api.md §7b): JSON:API over `X-Auth-Token`. Every orders
 * request carries page[number], page[size] (at most 100), a state and both creationDate bounds
 * of a window of at most 14 days; longer ranges are split and every page of every window is read.
 * Requests are paced under the documented 6 per second (§10). A rejected token is
 * `wrong-credentials` with a message about the token.
 */
export const MAX_PAGE_SIZE = 100;
export const MAX_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

/** `filter[orders][state]` values (§7b). Sent with every list request: the tools that work all do. */
export const SHOP_ORDER_STATES = ['NEW', 'SIGN_REQUIRED', 'PICKUP', 'DELIVERY', 'KASPI_DELIVERY', 'ARCHIVE'] as const;
export type ShopOrderState = (typeof SHOP_ORDER_STATES)[number];
/** §7b: deliveryType filters only the states that do not already say how the order travels. */
const STATES_WITHOUT_DELIVERY_TYPE: readonly ShopOrderState[] = ['PICKUP', 'DELIVERY', 'KASPI_DELIVERY'];

export interface ShopApiOptions {
  endpoints: KaspiEndpoints;
  token: string;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Shared by every client of one store, so all its requests together stay under the rate. */
  pacer?: RequestPacer;
}

export interface ShopOrderFilter {
  state: ShopOrderState;
  status?: string;
  /** Epoch ms, inclusive; both are always sent. */
  from: number;
  to: number;
  code?: string;
  deliveryType?: 'PICKUP' | 'DELIVERY';
  signatureRequired?: boolean;
  /** include[orders]=user: customers merged into each order. */
  withCustomers?: boolean;
}

const num = z.number().nullish().catch(null);
const text = z.string().nullish().catch(null);

const customerAttrs = z.object({ firstName: text, lastName: text, cellPhone: text, name: text });

const orderResource = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  attributes: z.object({
    code: z.union([z.string(), z.number()]).transform(String),
    totalPrice: num,
    paymentMode: text,
    creationDate: num,
    plannedDeliveryDate: num,
    approvedByBankDate: num,
    state: text,
    status: text,
    deliveryMode: text,
    isKaspiDelivery: z.boolean().nullish().catch(null),
    signatureRequired: z.boolean().nullish().catch(null),
    preOrder: z.boolean().nullish().catch(null),
    pickupPointId: text,
    deliveryCost: num,
    deliveryAddress: z.object({ formattedAddress: text, town: text }).nullish().catch(null),
    customer: customerAttrs.extend({ id: text }).nullish().catch(null),
    /** Kaspi Delivery's parcel: courierTransmissionDate is set once Kaspi's courier took it (public integrations read it). */
    kaspiDelivery: z.object({ courierTransmissionDate: num }).nullish().catch(null),
  }),
  relationships: z.object({ user: z.object({ data: z.object({ id: z.string() }).nullish().catch(null) }).nullish().catch(null) }).nullish().catch(null),
});

const ordersPageWire = z.object({
  data: z.array(z.unknown()).catch([]),
  included: z.array(z.object({ type: z.string(), id: z.string(), attributes: customerAttrs.nullish().catch(null) }).nullable().catch(null)).nullish().catch(null),
  meta: z.object({ pageCount: num, totalPages: num, totalCount: num }).nullish().catch(null),
});

const relation = z.object({ data: z.object({ type: z.string(), id: z.union([z.string(), z.number()]).transform(String) }).nullish().catch(null) }).nullish().catch(null);
const productAttrs = z.object({ code: z.union([z.string(), z.number()]).transform(String).nullish().catch(null), name: text }).catch({});

const entriesPage = z.object({
  data: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      attributes: z.object({ quantity: num, totalPrice: num, basePrice: num, title: text, entryNumber: num, category: z.object({ code: text, title: text }).nullish().catch(null) }).catch({}),
      relationships: z.object({ product: relation, merchantProduct: relation }).nullish().catch(null),
    }),
  ).catch([]),
  included: z.array(z.object({ type: z.string(), id: z.union([z.string(), z.number()]).transform(String), attributes: productAttrs }).nullable().catch(null)).nullish().catch(null),
});

const entryProduct = z.object({ data: z.object({ id: z.union([z.string(), z.number()]).transform(String), attributes: productAttrs }) });

export interface ShopCustomer {
  id: string | null;
  firstName: string | null;
  lastName: string | null;
  /** The official API shows the real phone, unlike the cabinet (§7b). */
  phone: string | null;
}

export interface ShopOrder {
  id: string;
  code: string;
  totalPrice: number | null;
  paymentMode: string | null;
  createdAt: number | null;
  approvedByBankAt: number | null;
  plannedDeliveryAt: number | null;
  state: string | null;
  status: string | null;
  deliveryMode: string | null;
  kaspiDelivery: boolean | null;
  signatureRequired: boolean | null;
  preOrder: boolean | null;
  pickupPointId: string | null;
  deliveryCost: number | null;
  address: string | null;
  /** The buyer's town as Kaspi writes it (deliveryAddress.town). */
  town: string | null;
  customer: ShopCustomer | null;
  /** When Kaspi's courier took a Kaspi Delivery parcel; null until then. */
  courierTransmittedAt: number | null;
}

export interface ShopOrderEntry {
  id: string;
  /** The catalogue product (master SKU) and the seller's SKU, when Kaspi names them. */
  masterSku: string | null;
  sku: string | null;
  title: string | null;
  quantity: number | null;
  basePrice: number | null;
  totalPrice: number | null;
  category: string | null;
}

export interface ShopApiClient {
  /** One page; `from`/`to` must span at most 14 days. */
  ordersPage(filter: ShopOrderFilter & { page: number; size?: number }): Promise<{ orders: ShopOrder[]; pageCount: number; totalCount: number }>;
  /** Every order matching the filter: longer date ranges split into 14-day windows, every page read. */
  listOrders(filter: ShopOrderFilter, onPage?: (orders: ShopOrder[]) => void | Promise<void>): Promise<ShopOrder[]>;
  /** The order's entries with their products; a product Kaspi does not include is asked for alone. */
  entries(orderId: string): Promise<ShopOrderEntry[]>;
  /**
   * §7b "Change status": accepts a new order. Never retried: an answer lost on the way may still
   * have been applied, and the next sync shows what Kaspi did.
   */
  accept(orderId: string, code: string): Promise<{ status: string | null }>;
}

/** Orders of a page checked and mapped per turn of the event loop. */
const PARSE_STEP = 25;
const unexpected = (): KaspiError => new KaspiError('not-json', msg('orders.shop_api_unexpected'));

export function createShopApiClient(opts: ShopApiOptions): ShopApiClient {
  const base = joinUrl(opts.endpoints.storefrontUrl, '/shop/api/v2');
  const pacer = opts.pacer ?? new RequestPacer(ORDERS_REQUEST_INTERVAL_MS);
  const get = async (path: string, qs?: URLSearchParams): Promise<unknown> => {
    await pacer.turn();
    return (await kaspiRequest({
      surface: 'shop-api',
      method: 'GET',
      url: `${base}${path}${qs && qs.size ? `?${qs}` : ''}`,
      headers: shopApiHeaders(opts.token),
      dispatcher: opts.dispatcher,
      timeoutMs: opts.timeoutMs,
      retry: opts.retry ?? {},
    })).json;
  };

  const ordersPage: ShopApiClient['ordersPage'] = async (f) => {
    const size = f.size ?? MAX_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new KaspiError('bad-request', msg('orders.page_size', { max: MAX_PAGE_SIZE }));
    if (!(SHOP_ORDER_STATES as readonly string[]).includes(f.state)) throw new KaspiError('bad-request', msg('orders.unknown_state', { state: f.state }));
    if (!Number.isFinite(f.from) || !Number.isFinite(f.to) || f.to < f.from) throw new KaspiError('bad-request', msg('orders.period_needed'));
    if (f.to - f.from > MAX_WINDOW_MS) throw new KaspiError('bad-request', msg('orders.period_too_long'));
    if (f.deliveryType && STATES_WITHOUT_DELIVERY_TYPE.includes(f.state)) throw new KaspiError('bad-request', msg('orders.delivery_filter', { state: f.state }));
    const qs = new URLSearchParams({ 'page[number]': String(f.page), 'page[size]': String(size) });
    qs.set('filter[orders][state]', f.state);
    qs.set('filter[orders][creationDate][$ge]', String(Math.floor(f.from)));
    qs.set('filter[orders][creationDate][$le]', String(Math.floor(f.to)));
    if (f.status) qs.set('filter[orders][status]', f.status);
    if (f.code) qs.set('filter[orders][code]', f.code);
    if (f.deliveryType) qs.set('filter[orders][deliveryType]', f.deliveryType);
    if (f.signatureRequired !== undefined) qs.set('filter[orders][signatureRequired]', String(f.signatureRequired));
    if (f.withCustomers) qs.set('include[orders]', 'user');
    const parsed = ordersPageWire.safeParse(await get('/orders', qs));
    if (!parsed.success) throw unexpected();
    const customers = new Map((parsed.data.included ?? []).flatMap((i) => (i && i.type === 'customers' ? [[i.id, i.attributes] as const] : [])));
    const orders: ShopOrder[] = [];
    const raws = parsed.data.data;
    for (let i = 0; i < raws.length; i++) {
      // A page of 100 orders checked at once holds main some 20 ms: a turn of the event loop every PARSE_STEP.
      if (i > 0 && i % PARSE_STEP === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const o = orderResource.safeParse(raws[i]);
      if (o.success) orders.push(mapShopOrder(o.data, customers));
    }
    const meta = parsed.data.meta;
    return { orders, pageCount: meta?.pageCount ?? meta?.totalPages ?? -1, totalCount: meta?.totalCount ?? -1 };
  };

  return {
    ordersPage,
    async listOrders(filter, onPage) {
      const out = new Map<string, ShopOrder>();
      for (const window of dateWindows(filter.from, filter.to)) {
        let seen = 0;
        for (let page = 0; ; page++) {
          const res = await ordersPage({ ...filter, ...window, page, size: MAX_PAGE_SIZE });
          for (const o of res.orders) out.set(o.id, o);
          await onPage?.(res.orders);
          seen += res.orders.length;
          if (!morePages(page, res.orders.length, seen, res)) break;
        }
      }
      return [...out.values()];
    },
    async accept(orderId, code) {
      await pacer.turn();
      const res = await kaspiRequest({
        surface: 'shop-api',
        method: 'POST',
        url: `${base}/orders`,
        headers: shopApiHeaders(opts.token),
        body: { data: { type: 'orders', id: orderId, attributes: { code, status: 'ACCEPTED_BY_MERCHANT' } } },
        dispatcher: opts.dispatcher,
        timeoutMs: opts.timeoutMs,
        retry: false,
      });
      const parsed = z.object({ data: orderResource }).safeParse(res.json);
      return { status: parsed.success ? (parsed.data.data.attributes.status ?? null) : null };
    },
    async entries(orderId) {
      const qs = new URLSearchParams({ 'include[orderentries]': 'product,merchantProduct' });
      const parsed = entriesPage.safeParse(await get(`/orders/${encodeURIComponent(orderId)}/entries`, qs));
      if (!parsed.success) throw unexpected();
      const included = new Map((parsed.data.included ?? []).flatMap((i) => (i ? [[`${i.type}:${i.id}`, i.attributes] as const] : [])));
      const related = (rel: { data?: { type: string; id: string } | null } | null | undefined) => (rel?.data ? included.get(`${rel.data.type}:${rel.data.id}`) : undefined);
      const out: ShopOrderEntry[] = [];
      for (const e of parsed.data.data) {
        let product = related(e.relationships?.product);
        const merchantProduct = related(e.relationships?.merchantProduct);
        if (!product && !merchantProduct) {
          // §7b: the product of an entry has its own address when it is not included.
          const alone = entryProduct.safeParse(await get(`/orderentries/${encodeURIComponent(e.id)}/product`));
          if (alone.success) product = { code: alone.data.data.attributes.code ?? alone.data.data.id, name: alone.data.data.attributes.name };
        }
        out.push({
          id: e.id,
          masterSku: product?.code ?? null,
          sku: merchantProduct?.code ?? null,
          title: e.attributes.title ?? merchantProduct?.name ?? product?.name ?? null,
          quantity: e.attributes.quantity ?? null,
          basePrice: e.attributes.basePrice ?? null,
          totalPrice: e.attributes.totalPrice ?? null,
          category: e.attributes.category?.title ?? e.attributes.category?.code ?? null,
        });
      }
      return out;
    },
  };
}

/**
 * Whether another page follows: pageCount (or totalPages) when Kaspi sends it, else totalCount,
 * else a full page. A short page before the announced end is not the end.
 */
function morePages(page: number, got: number, seen: number, res: { pageCount: number; totalCount: number }): boolean {
  if (res.pageCount >= 0) return page + 1 < res.pageCount;
  if (res.totalCount >= 0) return seen < res.totalCount && got > 0;
  return got === MAX_PAGE_SIZE;
}

/** Inclusive windows of at most 14 days covering [from, to]. */
export function dateWindows(from: number, to: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let start = from; start <= to; start += MAX_WINDOW_MS + 1) out.push({ from: start, to: Math.min(to, start + MAX_WINDOW_MS) });
  return out;
}

function mapShopOrder(o: z.infer<typeof orderResource>, customers: Map<string, z.infer<typeof customerAttrs> | null | undefined>): ShopOrder {
  const a = o.attributes;
  const customerId = o.relationships?.user?.data?.id ?? a.customer?.id ?? null;
  const included = customerId ? customers.get(customerId) : undefined;
  const c = included ?? a.customer;
  return {
    id: o.id,
    code: a.code,
    totalPrice: a.totalPrice ?? null,
    paymentMode: a.paymentMode ?? null,
    createdAt: a.creationDate ?? null,
    approvedByBankAt: a.approvedByBankDate ?? null,
    plannedDeliveryAt: a.plannedDeliveryDate ?? null,
    state: a.state ?? null,
    status: a.status ?? null,
    deliveryMode: a.deliveryMode ?? null,
    kaspiDelivery: a.isKaspiDelivery ?? null,
    signatureRequired: a.signatureRequired ?? null,
    preOrder: a.preOrder ?? null,
    pickupPointId: a.pickupPointId ?? null,
    deliveryCost: a.deliveryCost ?? null,
    address: a.deliveryAddress?.formattedAddress ?? a.deliveryAddress?.town ?? null,
    town: a.deliveryAddress?.town ?? null,
    customer: c ? { id: customerId, firstName: c.firstName ?? null, lastName: c.lastName ?? null, phone: c.cellPhone ?? null } : null,
    courierTransmittedAt: a.kaspiDelivery?.courierTransmissionDate ?? null,
  };
}
