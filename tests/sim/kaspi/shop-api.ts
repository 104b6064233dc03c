import { send, type Ctx, type Router } from './http';
import type { Merchant, Order } from './model';
import { officialState } from './orders';
import { Prng } from './prng';
import type { SimState } from './sim-state';

/**
 * The official Kaspi Shop API on the storefront host (kaspi-api.md §7b): JSON:API with
 * `X-Auth-Token` (401 without a valid one) and the JSON:API media type in Accept or Content-Type
 * (406 otherwise). The orders list is as strict as the research allows Kaspi to be: page[number]
 * and page[size] (≤ 100), filter[orders][state], and both creationDate bounds spanning at most
 * 14 days are required; deliveryType only goes with a state that does not already say how the
 * order travels; anything else is 400 with a JSON:API error. More than limits.shopApi requests per
 * token in a window is 429 with Retry-After.
 */
const JSONAPI = 'application/vnd.api+json';
const MAX_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;
const STATES = ['NEW', 'SIGN_REQUIRED', 'PICKUP', 'DELIVERY', 'KASPI_DELIVERY', 'ARCHIVE'];
const STATES_WITHOUT_DELIVERY_TYPE = ['PICKUP', 'DELIVERY', 'KASPI_DELIVERY'];

function reply(ctx: Ctx, status: number, body: unknown): void {
  send(ctx.res, status, JSONAPI, JSON.stringify(body));
}

function error(ctx: Ctx, status: number, title: string, detail?: string): void {
  reply(ctx, status, { errors: [{ status: String(status), title, ...(detail ? { detail } : {}) }] });
}

export function shopApiRoutes(r: Router, sim: SimState): void {
  const auth = (ctx: Ctx): Merchant | null => {
    const t = ctx.header('x-auth-token');
    const merchant = t ? [...sim.world.merchants.values()].find((m) => m.apiToken === t) : undefined;
    if (!merchant) {
      error(ctx, 401, 'Unauthorized', 'Invalid or missing X-Auth-Token');
      return null;
    }
    if (![ctx.header('accept'), ctx.header('content-type')].some((h) => h?.includes(JSONAPI))) {
      error(ctx, 406, 'Not Acceptable', `Accept or Content-Type must be ${JSONAPI}`);
      return null;
    }
    const lim = sim.limits.shopApi;
    if (sim.shopApiHits.hit(merchant.uid, sim.clock.now(), lim.maxPerWindow, sim.clock.scaled(lim.windowMs))) {
      sim.shopApiRefused++;
      ctx.res.setHeader('retry-after', String(Math.max(1, Math.ceil(sim.clock.scaled(lim.windowMs) / 1000))));
      error(ctx, 429, 'Too Many Requests', 'request rate limit exceeded');
      return null;
    }
    return merchant;
  };
  const base = (): string => `${sim.urls.storefront}/shop/api/v2`;

  const orderJson = (o: Order): Record<string, unknown> => ({
    type: 'orders',
    id: o.id,
    attributes: {
      code: o.code,
      totalPrice: o.totalPrice,
      paymentMode: o.paymentMode,
      plannedDeliveryDate: o.plannedDeliveryDate,
      creationDate: o.creationDate,
      deliveryCostForSeller: 0,
      isKaspiDelivery: o.isKaspiDelivery,
      deliveryMode: o.deliveryMode,
      deliveryAddress: { streetName: o.address.streetName, streetNumber: o.address.streetNumber, town: o.address.town, district: null, building: null, apartment: null, formattedAddress: `${o.address.town}, ${o.address.streetName}, ${o.address.streetNumber}`, latitude: o.address.latitude, longitude: o.address.longitude },
      signatureRequired: o.signatureRequired,
      creditTerm: o.creditTerm,
      preOrder: o.preOrder,
      pickupPointId: o.pickupPointId,
      state: officialState(o.tab),
      approvedByBankDate: o.approvedByBankDate,
      status: o.status,
      // §7b: the official API shows the real phone; customer.id is Base64 of its digits.
      customer: { id: o.customer.id, name: null, cellPhone: o.customer.cellPhone, firstName: o.customer.firstName, lastName: o.customer.lastName },
      deliveryCost: o.deliveryCost,
      isImeiRequired: false,
      // Kaspi Delivery's parcel: the date the courier took it, once the order reached that tab.
      kaspiDelivery: o.isKaspiDelivery ? { waybill: null, courierTransmissionDate: o.history.find((h) => h.tab === 'KASPI_DELIVERY_TRANSMITTED')?.at ?? null, courierTransmissionPlanningDate: null, waybillNumber: null, express: false, returnedToWarehouse: false, firstMileCourier: null } : null,
    },
    relationships: {
      user: { links: { self: `${base()}/orders/${o.id}/relationships/user`, related: `${base()}/orders/${o.id}/user` }, data: { type: 'customers', id: o.customer.id } },
      entries: { links: { self: `${base()}/orders/${o.id}/relationships/entries`, related: `${base()}/orders/${o.id}/entries` } },
    },
    links: { self: `${base()}/orders/${o.id}` },
  });
  const customerJson = (o: Order): Record<string, unknown> => ({ type: 'customers', id: o.customer.id, attributes: { firstName: o.customer.firstName, lastName: o.customer.lastName, cellPhone: o.customer.cellPhone } });

  r.on('GET', '/shop/api/v2/orders', (ctx) => {
    const merchant = auth(ctx);
    if (!merchant) return;
    const q = ctx.query;
    const num = q.get('page[number]');
    const size = q.get('page[size]');
    if (num === null || size === null) return error(ctx, 400, 'Bad Request', 'page[number] and page[size] are required');
    const page = Number(num);
    const pageSize = Number(size);
    if (!Number.isInteger(page) || page < 0 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return error(ctx, 400, 'Bad Request', 'page[size] must be 1..100 and page[number] ≥ 0');
    const ge = q.get('filter[orders][creationDate][$ge]');
    const le = q.get('filter[orders][creationDate][$le]');
    if (ge === null || le === null) return error(ctx, 400, 'Bad Request', 'filter[orders][creationDate][$ge] and [$le] are required');
    if (!/^\d+$/.test(ge) || !/^\d+$/.test(le)) return error(ctx, 400, 'Bad Request', 'creationDate bounds are epoch milliseconds');
    if (Number(le) < Number(ge)) return error(ctx, 400, 'Bad Request', 'creationDate $le is before $ge');
    if (Number(le) - Number(ge) > MAX_WINDOW_MS) return error(ctx, 400, 'Bad Request', 'creationDate window is at most 14 days');
    const state = q.get('filter[orders][state]');
    if (state === null) return error(ctx, 400, 'Bad Request', 'filter[orders][state] is required');
    if (!STATES.includes(state)) return error(ctx, 400, 'Bad Request', `unknown state ${state}`);
    const status = q.get('filter[orders][status]');
    const deliveryType = q.get('filter[orders][deliveryType]');
    if (deliveryType !== null && (STATES_WITHOUT_DELIVERY_TYPE.includes(state) || !['PICKUP', 'DELIVERY'].includes(deliveryType))) {
      return error(ctx, 400, 'Bad Request', `deliveryType ${deliveryType} does not apply to state ${state}`);
    }
    const signature = q.get('filter[orders][signatureRequired]');
    const code = q.get('filter[orders][code]');
    const all = sim.orders.createdBetween(merchant.uid, Number(ge), Number(le)).filter((o) =>
      officialState(o.tab) === state
      && (!status || o.status === status)
      && (!deliveryType || (deliveryType === 'PICKUP') === o.deliveryMode.endsWith('PICKUP'))
      && (signature === null || String(o.signatureRequired) === signature)
      && (!code || o.code === code));
    const slice = all.slice(page * pageSize, page * pageSize + pageSize);
    const pageCount = Math.ceil(all.length / pageSize);
    const body: Record<string, unknown> = { data: slice.map(orderJson), meta: { pageCount, totalPages: pageCount, totalCount: all.length } };
    if (q.get('include[orders]') === 'user') body['included'] = slice.map(customerJson);
    reply(ctx, 200, body);
  });

  const ownOrder = (ctx: Ctx, merchant: Merchant): Order | null => {
    const order = sim.orders.byId(decodeURIComponent(ctx.params[0] ?? ''));
    if (!order || order.merchantUid !== merchant.uid) {
      error(ctx, 404, 'Not Found', 'order not found');
      return null;
    }
    return order;
  };

  r.on('GET', /^\/shop\/api\/v2\/orders\/([^/]+)$/, (ctx) => {
    const merchant = auth(ctx);
    const order = merchant && ownOrder(ctx, merchant);
    if (order) reply(ctx, 200, { data: orderJson(order) });
  });

  r.on('GET', /^\/shop\/api\/v2\/orders\/([^/]+)\/user$/, (ctx) => {
    const merchant = auth(ctx);
    const order = merchant && ownOrder(ctx, merchant);
    if (order) reply(ctx, 200, { data: customerJson(order) });
  });

  r.on('GET', /^\/shop\/api\/v2\/orders\/([^/]+)\/entries$/, (ctx) => {
    const merchant = auth(ctx);
    const order = merchant && ownOrder(ctx, merchant);
    if (!order) return;
    // JSON:API include of the entry's products, the way a working tool asks for them
    // (include[orderentries]=product,merchantProduct); without it only links are given.
    const include = (q: string | null): string[] => (q ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    const wanted = include(ctx.query.get('include[orderentries]'));
    const unknown = wanted.filter((w) => w !== 'product' && w !== 'merchantProduct');
    if (unknown.length > 0) return error(ctx, 400, 'Bad Request', `cannot include ${unknown.join(',')}`);
    const included: Record<string, unknown>[] = [];
    reply(ctx, 200, {
      data: order.entries.map((e, i) => {
        const relationships: Record<string, unknown> = { product: { links: { related: `${base()}/orderentries/${e.id}/product` } } };
        if (wanted.includes('product')) {
          relationships['product'] = { ...(relationships['product'] as object), data: { type: 'masterproducts', id: e.productId } };
          if (!included.some((x) => x['type'] === 'masterproducts' && x['id'] === e.productId)) included.push({ type: 'masterproducts', id: e.productId, attributes: { code: e.productId, name: e.name } });
        }
        if (wanted.includes('merchantProduct')) {
          relationships['merchantProduct'] = { data: { type: 'merchantproducts', id: e.merchantSku } };
          if (!included.some((x) => x['type'] === 'merchantproducts' && x['id'] === e.merchantSku)) included.push({ type: 'merchantproducts', id: e.merchantSku, attributes: { code: e.merchantSku, name: e.name } });
        }
        return {
          type: 'orderentries',
          id: e.id,
          attributes: { quantity: e.quantity, totalPrice: e.totalPrice, basePrice: e.basePrice, category: { code: e.category, title: e.category }, unitType: 'PIECE', weight: 1, entryNumber: i, title: e.name, deliveryCost: 0, isImeiRequired: false },
          relationships,
        };
      }),
      ...(wanted.length > 0 ? { included } : {}),
    });
  });

  r.on('GET', /^\/shop\/api\/v2\/orderentries\/([^/]+)\/product$/, (ctx) => {
    const merchant = auth(ctx);
    if (!merchant) return;
    const id = decodeURIComponent(ctx.params[0] ?? '');
    const entry = sim.orders.forMerchant(merchant.uid).flatMap((o) => o.entries).find((e) => e.id === id);
    if (!entry) return error(ctx, 404, 'Not Found', 'entry not found');
    reply(ctx, 200, { data: { type: 'masterproducts', id: entry.productId, attributes: { code: entry.productId, name: entry.name, manufacturer: sim.world.products.get(entry.productId)?.brand ?? '' } } });
  });

  // §7b "Change status": accept, cancel, or complete with the buyer's code (X-Send-Code first).
  r.on('POST', '/shop/api/v2/orders', async (ctx) => {
    const merchant = auth(ctx);
    if (!merchant) return;
    let body: { data?: { type?: string; id?: string; attributes?: { code?: string; status?: string; cancellationReason?: string } } };
    try {
      body = JSON.parse(await ctx.body()) as typeof body;
    } catch {
      return error(ctx, 400, 'Bad Request', 'body is not JSON');
    }
    const order = body.data?.id ? sim.orders.byId(body.data.id) : undefined;
    if (!order || order.merchantUid !== merchant.uid) return error(ctx, 404, 'Not Found', 'order not found');
    const target = body.data?.attributes?.status;
    if (target === 'ACCEPTED_BY_MERCHANT' && (order.tab === 'NEW' || order.tab === 'SIGN_REQUIRED')) {
      sim.orders.move(order, order.isKaspiDelivery ? 'KASPI_DELIVERY_CARGO_ASSEMBLY' : order.deliveryMode.endsWith('PICKUP') ? 'PICKUP' : 'DELIVERY');
    } else if (target === 'CANCELLED') {
      if (!body.data?.attributes?.cancellationReason) return error(ctx, 400, 'Bad Request', 'cancellationReason is required');
      sim.orders.move(order, 'ARCHIVED', 'CANCELLED');
    } else if (target === 'COMPLETED') {
      if (ctx.header('x-send-code') === 'true') {
        sim.orders.securityCodes.set(order.id, Prng.derive(sim.seed, `security:${order.id}`).digits(6));
        return reply(ctx, 200, { data: orderJson(order) });
      }
      const expected = sim.orders.securityCodes.get(order.id);
      if (!expected || ctx.header('x-security-code') !== expected) return error(ctx, 400, 'Bad Request', 'invalid security code');
      sim.orders.move(order, 'ARCHIVED', 'COMPLETED');
    } else if (target !== 'ARRIVED' && target !== 'ASSEMBLE') {
      return error(ctx, 400, 'Bad Request', `cannot move order to ${target ?? '(none)'}`);
    }
    reply(ctx, 200, { data: orderJson(order) });
  });
}
