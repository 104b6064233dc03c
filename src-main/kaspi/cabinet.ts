import { z } from 'zod';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import type { Dispatcher } from 'undici';
import { joinUrl, type KaspiEndpoints } from './endpoints';
import { GET_CITIES, GET_MERCHANT, GET_ORDERS, GET_ORDER_COUNTERS, GET_ORDER_DETAILS, mcGraphql, type McContext } from './graphql';
import { mcHeaders, type CookieLike } from './headers';
import { parseOfferListPage, type OfferListPage } from './offer-list';
import { mapOrder, mapOrderTabs, mapOrders } from './orders-parse';
import { buildPushBody, type PushPriceInput } from './push-body';
import type { RetryPolicy } from './retry';
import { kaspiRequest } from './transport';
import {
  citiesWire, merchantWire, merchantsWire, orderTabCount, orderWire,
  type ActiveOrderTab, type CabinetOrder, type City, type MerchantInfo, type OrderTabCount,
} from './types';
import { msg } from '../../src-shared/i18n/message';

/** What Kaspi returned, named in the message that says its format was unexpected. */
type UnexpectedWhat = 'merchants' | 'merchant' | 'cities' | 'price_answer' | 'orders' | 'order_counts' | 'order' | 'order_tabs' | 'offer_details';

export interface CabinetClientOptions {
  endpoints: KaspiEndpoints;
  /** The MC session cookies from the login (mc-session, mc-sid, and whatever came with them). */
  cookies: readonly CookieLike[];
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  /** Read retries (server/timeout/network); never applied to the price push. */
  retry?: Partial<RetryPolicy>;
}

export interface CabinetClient {
  /** `/s/m` (§2): the merchant uids this session manages. 401 → session-expired. */
  merchants(): Promise<string[]>;
  merchant(uid: string): Promise<MerchantInfo>;
  cities(): Promise<City[]>;
  /** One page of `/bff/offer-view/list` (§6); offer-pages.ts reads them all. */
  listOffers(q: { merchantUid: string; page: number; size: number; active: boolean }): Promise<OfferListPage>;
  /** §5: sends the offer's whole state; returns Kaspi's async job id. Never retried: a lost answer may still have been applied. */
  pushPrice(input: PushPriceInput): Promise<{ jobId: string }>;
  /** One page of a cabinet order tab (§7a); at most CABINET_ORDERS_PAGE_SIZE orders. */
  /**
   * §5 "File upload": a price-list file (.xlsx, multipart field `file`); returns Kaspi's job id.
   * Never retried: a lost answer may still have been taken.
   */
  uploadPriceList(q: { merchantUid: string; file: Uint8Array; fileName: string }): Promise<{ jobId: string }>;
  /**
   * How Kaspi processed an uploaded file, row by row [uncertain: no capture of this endpoint; the
   * simulator serves it]. Null when Kaspi does not answer it: read the offers back instead.
   */
  uploadStatus(q: { merchantUid: string; jobId: string }): Promise<UploadStatus | null>;
  /** §5 "Offer details": each SKU's points as Kaspi holds them now (availability and pre-order days), for read-back. */
  offerDetails(q: { merchantUid: string; skus: readonly string[] }): Promise<OfferDetails[]>;
  orders(q: CabinetOrdersQuery): Promise<{ total: number; orders: CabinetOrder[] }>;
  orderCounters(merchantUid: string): Promise<OrderTabCount[]>;
  orderDetails(merchantUid: string, orderCode: string): Promise<CabinetOrder>;
  activeOrderTabs(q: { merchantUid: string; tabs?: readonly string[]; count?: number; startIndex?: number }): Promise<ActiveOrderTab[]>;
}

/** One offer as `/offers/api/v1/offer/details` shows it: its points, on sale or not, with pre-order days. */
export interface OfferDetails {
  sku: string;
  availabilities: Array<{ storeId: string; available: boolean; preOrder: number }>;
}

export interface UploadStatus {
  done: boolean;
  /** Rows Kaspi refused, with its reason. */
  refused: Array<{ sku: string; reason: string }>;
}

const detailsWire = z.array(
  z.object({
    sku: z.string(),
    availabilities: z
      .array(z.object({ storeId: z.string(), available: z.union([z.enum(['yes', 'no']), z.boolean()]).catch('no'), preOrder: z.number().nullable().optional() }).passthrough())
      .nullable()
      .optional(),
  }).passthrough(),
);

const uploadStatusWire = z.object({
  status: z.string(),
  rows: z.array(z.object({ sku: z.string().catch(''), status: z.string(), message: z.string().nullable().optional() }).passthrough()).catch([]),
}).passthrough();

/** The page size the cabinet's own UI sends (INV live capture, §7a); nothing larger is known to work. */
export const CABINET_ORDERS_PAGE_SIZE = 10;

export interface CabinetOrdersQuery {
  merchantUid: string;
  /** A tab code of §7a (`presetFilter`): NEW, SIGN_REQUIRED, …, ARCHIVED. */
  tab: string;
  page: number;
  size?: number;
  orderCode?: string;
  cityId?: string;
  /** ARCHIVED only: the days of creation to list, as the cabinet's archive filter takes them. */
  archive?: { fromDate: string; toDate: string; statuses: readonly string[] };
}

const unexpected = (what: UnexpectedWhat): KaspiError => new KaspiError('not-json', msg('kaspi.unexpected_format', { what: msg(`kaspi.what.${what}`) }));

export function createCabinetClient(opts: CabinetClientOptions): CabinetClient {
  const ctx: McContext = opts;
  const get = async (path: string, query: Record<string, string | readonly string[]>): Promise<unknown> => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) for (const one of typeof v === 'string' ? [v] : v) qs.append(k, one);
    const res = await kaspiRequest({
      surface: 'cabinet',
      method: 'GET',
      url: `${joinUrl(opts.endpoints.mcUrl, path)}${qs.size ? `?${qs}` : ''}`,
      headers: mcHeaders(opts.cookies),
      dispatcher: opts.dispatcher,
      timeoutMs: opts.timeoutMs,
      retry: opts.retry ?? {},
    });
    return res.json;
  };

  return {
    async merchants() {
      const parsed = merchantsWire.safeParse(await get('/s/m', {}));
      if (!parsed.success) throw unexpected('merchants');
      return parsed.data.merchants.map((m) => m.uid);
    },

    async merchant(uid) {
      const data = await mcGraphql(ctx, 'getMerchant', GET_MERCHANT, { id: uid });
      const m = merchantWire.safeParse(data['merchant']);
      if (!m.success) throw unexpected('merchant');
      return {
        uid: m.data.id,
        name: m.data.name ?? m.data.id,
        logoUrl: m.data.logo?.url ?? null,
        points: (m.data.points ?? []).map((p) => {
          const code = p.id.includes('_') ? p.id.slice(p.id.lastIndexOf('_') + 1) : (p.name ?? p.id);
          return {
            storeId: p.id.includes('_') ? p.id : `${m.data.id}_${p.id}`,
            code,
            name: p.address?.name ?? p.name ?? code,
            enabled: p.enabled ?? true,
            virtual: p.virtual ?? false,
            cityId: p.city?.id ?? null,
            cityName: p.city?.name ?? null,
          };
        }),
      };
    },

    async cities() {
      const data = await mcGraphql(ctx, 'getCities', GET_CITIES, {});
      const c = citiesWire.safeParse(data['cities']);
      if (!c.success) throw unexpected('cities');
      return c.data;
    },

    async listOffers({ merchantUid, page, size, active }) {
      // §6 "Query parameters": m, p (0-based), l, a; the empty filters the SPA always sends.
      const json = await get('/bff/offer-view/list', { m: merchantUid, p: String(page), l: String(size), a: String(active), t: '', c: '', lowStock: 'false', notSpecifiedStock: 'false' });
      return parseOfferListPage(json);
    },

    async pushPrice(input) {
      const res = await kaspiRequest({
        surface: 'pricefeed',
        method: 'POST',
        url: joinUrl(opts.endpoints.mcUrl, '/pricefeed/upload/merchant/process'),
        headers: mcHeaders(opts.cookies, { json: true }),
        body: buildPushBody(input),
        dispatcher: opts.dispatcher,
        timeoutMs: opts.timeoutMs,
        retry: false,
      });
      const parsed = z.object({ id: z.union([z.string(), z.number()]).transform(String) }).safeParse(res.json);
      if (!parsed.success) throw unexpected('price_answer');
      return { jobId: parsed.data.id };
    },

    async uploadPriceList({ merchantUid, file, fileName }) {
      const boundary = `----KaspiDemper${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
      const bytes = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from(file), Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
      const res = await kaspiRequest({
        surface: 'pricefeed',
        method: 'POST',
        url: `${joinUrl(opts.endpoints.mcUrl, '/pricefeed/upload/merchant/upload')}?${new URLSearchParams({ merchantUid })}`,
        headers: mcHeaders(opts.cookies),
        rawBody: { bytes, contentType: `multipart/form-data; boundary=${boundary}` },
        dispatcher: opts.dispatcher,
        timeoutMs: opts.timeoutMs,
        retry: false,
      });
      const parsed = z.object({ id: z.union([z.string(), z.number()]).transform(String) }).safeParse(res.json);
      if (!parsed.success) throw unexpected('price_answer');
      return { jobId: parsed.data.id };
    },

    async uploadStatus({ merchantUid, jobId }) {
      let json: unknown;
      try {
        json = await get(`/pricefeed/upload/merchant/upload/${encodeURIComponent(jobId)}`, { merchantUid });
      } catch (error) {
        // Not known to exist on Kaspi: a refusal or an odd answer means "no report", not a failure.
        if (error instanceof KaspiError && (error.kind === 'bad-request' || error.kind === 'not-json')) return null;
        throw error;
      }
      const parsed = uploadStatusWire.safeParse(json);
      if (!parsed.success) return null;
      const done = !/process|pending|queue/i.test(parsed.data.status);
      return { done, refused: parsed.data.rows.filter((r) => !/^(ok|success|done)$/i.test(r.status)).map((r) => ({ sku: r.sku, reason: r.message ?? r.status })) };
    },

    async offerDetails({ merchantUid, skus }) {
      const res = await kaspiRequest({
        surface: 'cabinet',
        method: 'POST',
        url: `${joinUrl(opts.endpoints.mcUrl, '/offers/api/v1/offer/details')}?${new URLSearchParams({ m: merchantUid })}`,
        headers: mcHeaders(opts.cookies, { json: true }),
        body: { sku: [...skus] },
        dispatcher: opts.dispatcher,
        timeoutMs: opts.timeoutMs,
        // A read: safe to ask again.
        retry: opts.retry ?? {},
      });
      const parsed = detailsWire.safeParse(res.json);
      if (!parsed.success) throw unexpected('offer_details');
      return parsed.data.map((o) => ({
        sku: o.sku,
        availabilities: (o.availabilities ?? []).map((a) => ({ storeId: a.storeId, available: a.available === true || a.available === 'yes', preOrder: Math.max(0, Math.round(a.preOrder ?? 0)) })),
      }));
    },

    async orders({ merchantUid, tab, page, size = CABINET_ORDERS_PAGE_SIZE, orderCode = '', cityId = '', archive }) {
      if (!Number.isInteger(size) || size < 1 || size > CABINET_ORDERS_PAGE_SIZE) throw new KaspiError('bad-request', msg('kaspi.orders_page_size', { max: CABINET_ORDERS_PAGE_SIZE }));
      // §7a "Variables": the shape the cabinet UI sends; the archive filter as the SPA sends it for ARCHIVED.
      const input: Record<string, unknown> = { presetFilter: tab, orderCode, cityId };
      if (archive) Object.assign(input, { archivedOrderStatusFilter: [...archive.statuses], fromDate: archive.fromDate, toDate: archive.toDate });
      const data = await mcGraphql(ctx, 'getOrders', GET_ORDERS, {
        merchantUid, page, size, input,
        advancedInput: { orderCode: '', phoneNumber: '', productCode: '' },
        withAdvancedOrders: false,
      });
      const parsed = z.object({ merchant: z.object({ orders: z.object({ orders: z.object({ total: z.number().catch(0), orders: z.array(z.unknown()).catch([]) }) }) }) }).safeParse(data);
      if (!parsed.success) throw unexpected('orders');
      const { total, orders } = parsed.data.merchant.orders.orders;
      return { total, orders: mapOrders(orders) };
    },

    async orderCounters(merchantUid) {
      const data = await mcGraphql(ctx, 'getOrderCounters', GET_ORDER_COUNTERS, { merchantUid });
      const parsed = z.object({ merchant: z.object({ orders: z.object({ counts: z.array(z.unknown()).catch([]) }) }) }).safeParse(data);
      if (!parsed.success) throw unexpected('order_counts');
      return parsed.data.merchant.orders.counts.flatMap((c) => {
        const one = orderTabCount.safeParse(c);
        return one.success ? [one.data] : [];
      });
    },

    async orderDetails(merchantUid, orderCode) {
      const data = await mcGraphql(ctx, 'getOrderDetails', GET_ORDER_DETAILS, { merchantUid, orderCode });
      const parsed = z.object({ merchant: z.object({ orderDetail: orderWire }) }).safeParse(data);
      if (!parsed.success) throw unexpected('order');
      return mapOrder(parsed.data.merchant.orderDetail);
    },

    async activeOrderTabs({ merchantUid, tabs = [], count = 100, startIndex = 0 }) {
      // §7a REST (older): selectedTabs may repeat.
      const json = await get('/mc/api/orderTabs/active', { count: String(count), selectedTabs: tabs, startIndex: String(startIndex), loadPoints: 'false', _m: merchantUid });
      if (!Array.isArray(json)) throw unexpected('order_tabs');
      return mapOrderTabs(json);
    },
  };
}
