import { z } from 'zod';
import type { Dispatcher } from 'undici';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { joinUrl, type KaspiEndpoints } from './endpoints';
import { shopApiHeaders } from './headers';
import type { RetryPolicy } from './retry';
import { kaspiRequest } from './transport';

/**
 * The official Kaspi Shop API (kaspi-api.md §7b): JSON:API over `X-Auth-Token`. Paging is
 * required, at most 100 per page, and a creationDate window may span at most 14 days, so longer
 * ranges are split. A rejected token is `wrong-credentials` with a message about the token.
 */
export const MAX_PAGE_SIZE = 100;
export const MAX_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

export interface ShopApiOptions {
  endpoints: KaspiEndpoints;
  token: string;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface ShopOrderFilter {
  state?: string;
  status?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  to?: number;
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
  }),
  relationships: z.object({ user: z.object({ data: z.object({ id: z.string() }).nullish().catch(null) }).nullish().catch(null) }).nullish().catch(null),
});

const ordersPageWire = z.object({
  data: z.array(z.unknown()).catch([]),
  included: z.array(z.object({ type: z.string(), id: z.string(), attributes: customerAttrs.nullish().catch(null) }).nullable().catch(null)).nullish().catch(null),
  meta: z.object({ pageCount: num, totalPages: num, totalCount: num }).nullish().catch(null),
});

const entriesPage = z.object({
  data: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      attributes: z.object({ quantity: num, totalPrice: num, basePrice: num, title: text, entryNumber: num, category: z.object({ code: text, title: text }).nullish().catch(null) }).catch({}),
    }),
  ).catch([]),
});

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
  customer: ShopCustomer | null;
}

export interface ShopOrderEntry {
  id: string;
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
  listOrders(filter: ShopOrderFilter): Promise<ShopOrder[]>;
  entries(orderId: string): Promise<ShopOrderEntry[]>;
}

const unexpected = (): KaspiError => new KaspiError('not-json', 'API магазина Kaspi ответило в неожиданном формате. Попробуйте позже.');

export function createShopApiClient(opts: ShopApiOptions): ShopApiClient {
  const base = joinUrl(opts.endpoints.storefrontUrl, '/shop/api/v2');
  const get = async (path: string, qs?: URLSearchParams): Promise<unknown> =>
    (await kaspiRequest({
      surface: 'shop-api',
      method: 'GET',
      url: `${base}${path}${qs && qs.size ? `?${qs}` : ''}`,
      headers: shopApiHeaders(opts.token),
      dispatcher: opts.dispatcher,
      timeoutMs: opts.timeoutMs,
      retry: opts.retry ?? {},
    })).json;

  const ordersPage: ShopApiClient['ordersPage'] = async (f) => {
    const size = f.size ?? MAX_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new KaspiError('bad-request', `Размер страницы заказов должен быть от 1 до ${MAX_PAGE_SIZE}.`);
    if (f.from !== undefined && f.to !== undefined && f.to - f.from > MAX_WINDOW_MS) throw new KaspiError('bad-request', 'Период заказов в одном запросе — не больше 14 дней.');
    const qs = new URLSearchParams({ 'page[number]': String(f.page), 'page[size]': String(size) });
    if (f.state) qs.set('filter[orders][state]', f.state);
    if (f.status) qs.set('filter[orders][status]', f.status);
    if (f.from !== undefined) qs.set('filter[orders][creationDate][$ge]', String(Math.floor(f.from)));
    if (f.to !== undefined) qs.set('filter[orders][creationDate][$le]', String(Math.floor(f.to)));
    if (f.code) qs.set('filter[orders][code]', f.code);
    if (f.deliveryType) qs.set('filter[orders][deliveryType]', f.deliveryType);
    if (f.signatureRequired !== undefined) qs.set('filter[orders][signatureRequired]', String(f.signatureRequired));
    if (f.withCustomers) qs.set('include[orders]', 'user');
    const parsed = ordersPageWire.safeParse(await get('/orders', qs));
    if (!parsed.success) throw unexpected();
    const customers = new Map((parsed.data.included ?? []).flatMap((i) => (i && i.type === 'customers' ? [[i.id, i.attributes] as const] : [])));
    const orders = parsed.data.data.flatMap((raw) => {
      const o = orderResource.safeParse(raw);
      return o.success ? [mapShopOrder(o.data, customers)] : [];
    });
    const meta = parsed.data.meta;
    return { orders, pageCount: meta?.pageCount ?? meta?.totalPages ?? 0, totalCount: meta?.totalCount ?? orders.length };
  };

  return {
    ordersPage,
    async listOrders(filter) {
      const out = new Map<string, ShopOrder>();
      for (const window of dateWindows(filter.from, filter.to)) {
        for (let page = 0; ; page++) {
          const res = await ordersPage({ ...filter, ...window, page, size: MAX_PAGE_SIZE });
          for (const o of res.orders) out.set(o.id, o);
          if (res.orders.length < MAX_PAGE_SIZE || page + 1 >= res.pageCount) break;
        }
      }
      return [...out.values()];
    },
    async entries(orderId) {
      const parsed = entriesPage.safeParse(await get(`/orders/${encodeURIComponent(orderId)}/entries`));
      if (!parsed.success) throw unexpected();
      return parsed.data.data.map((e) => ({
        id: e.id,
        title: e.attributes.title ?? null,
        quantity: e.attributes.quantity ?? null,
        basePrice: e.attributes.basePrice ?? null,
        totalPrice: e.attributes.totalPrice ?? null,
        category: e.attributes.category?.title ?? e.attributes.category?.code ?? null,
      }));
    },
  };
}

/** Inclusive windows of at most 14 days covering [from, to]; one open window without bounds. */
export function dateWindows(from: number | undefined, to: number | undefined): { from?: number; to?: number }[] {
  if (from === undefined || to === undefined) return [{ from, to }];
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
    customer: c ? { id: customerId, firstName: c.firstName ?? null, lastName: c.lastName ?? null, phone: c.cellPhone ?? null } : null,
  };
}
