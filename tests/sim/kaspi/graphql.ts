import { json, type Ctx } from './http';
import { CITIES } from './names';
import type { Order, OrderTab } from './model';
import { ORDER_TABS } from './model';
import type { McSession } from './sessions';
import type { SimState } from './sim-state';

/**
 * `POST /mc/facade/graphql?opName=…` (kaspi-api.md §3). Operations are told apart by
 * operationName (or ?opName, or the name in the query text); the query's selection set is not
 * interpreted: each operation answers with every field the doc lists for it. Errors go in a
 * top-level `errors[]` with `.message` (§3 "Errors").
 */
interface GqlBody {
  operationName?: string;
  variables?: Record<string, unknown>;
  query?: string;
}

export async function graphql(sim: SimState, ctx: Ctx, session: McSession): Promise<void> {
  let body: GqlBody;
  try {
    body = JSON.parse(await ctx.body()) as GqlBody;
  } catch {
    return json(ctx.res, 400, { errors: [{ message: 'Request body is not valid JSON' }] });
  }
  const op = body.operationName ?? ctx.query.get('opName') ?? /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1];
  const v = body.variables ?? {};
  const ok = (data: unknown): void => json(ctx.res, 200, { data });
  const fail = (message: string): void => json(ctx.res, 200, { errors: [{ message, extensions: { classification: 'DataFetchingException' } }], data: null });
  const merchantId = String(v['merchantUid'] ?? v['id'] ?? v['merchantId'] ?? '');
  const merchant = sim.world.merchants.get(merchantId);
  const needMerchant = (): boolean => {
    if (merchant && session.merchantUids.includes(merchantId)) return true;
    fail(`Access denied to merchant ${merchantId}`);
    return false;
  };

  switch (op) {
    case 'checkSession':
      return ok({ session: { user: { id: session.accountId } } });
    case 'getCities':
      return ok({ cities: CITIES.map((c) => ({ id: c.id, name: c.name })) });
    case 'getMerchant':
    case 'getPointList':
      if (!needMerchant() || !merchant) return;
      return ok({
        merchant: {
          id: merchant.uid,
          name: merchant.name,
          logo: { url: `${sim.urls.storefront}/img/merchant/${merchant.uid}.png` },
          points: merchant.points.map((p) => {
            const city = sim.world.cities.find((c) => c.id === p.cityId);
            return {
              id: p.id, name: p.name, enabled: p.enabled, virtual: p.virtual, type: 'WAREHOUSE',
              city: { id: p.cityId, name: city?.name ?? '' },
              address: { streetName: 'Абая', streetNumber: '10', building: null, phone: null, name: p.name },
            };
          }),
        },
      });
    case 'getTokenApi':
      if (!needMerchant() || !merchant) return;
      return ok({ merchant: { id: merchant.uid, integration: { token: merchant.apiToken ?? null } } });
    case 'tokenGenerate':
      if (!needMerchant() || !merchant) return;
      return ok({ tokenGenerate: merchant.apiToken ?? null });
    case 'getOrders': {
      if (!needMerchant() || !merchant) return;
      const input = (v['input'] ?? {}) as Record<string, string>;
      const adv = (v['advancedInput'] ?? {}) as Record<string, string>;
      const tab = (input['presetFilter'] || 'NEW') as OrderTab;
      const code = input['orderCode'] || adv['orderCode'] || '';
      const product = adv['productCode'] || '';
      const cityId = input['cityId'] || '';
      const size = Math.max(1, Number(v['size'] ?? 10) || 10);
      const page = Math.max(0, Number(v['page'] ?? 0) || 0);
      // withAdvancedOrders switches to the advancedOrders(advancedInput) field (INV's query, §7a).
      const advanced = v['withAdvancedOrders'] === true;
      const phone = (adv['phoneNumber'] ?? '').replace(/\D/g, '');
      const all = sim.orders.forMerchant(merchant.uid).filter((o) => (code ? o.code === code : advanced || o.tab === tab) && (!cityId || o.cityId === cityId) && (!product || o.entries.some((e) => e.productId === product || e.merchantSku === product)) && (!advanced || !phone || o.customer.cellPhone.endsWith(phone.slice(-10))));
      const page_ = { total: all.length, orders: all.slice(page * size, page * size + size).map((o) => gqlOrder(sim, o)) };
      return ok({ merchant: { id: merchant.uid, orders: advanced ? { advancedOrders: page_ } : { orders: page_ } } });
    }
    case 'getOrderCounters': {
      if (!needMerchant() || !merchant) return;
      const orders = sim.orders.forMerchant(merchant.uid);
      const counts = ORDER_TABS.filter((t) => t !== 'ARCHIVED').map((tab) => ({ tab, count: orders.filter((o) => o.tab === tab).length }));
      return ok({ merchant: { id: merchant.uid, orders: { counts } } });
    }
    case 'getOrderDetails': {
      if (!needMerchant() || !merchant) return;
      const order = sim.orders.byCode(merchant.uid, String(v['orderCode'] ?? v['code'] ?? ''));
      if (!order) return fail(`Order ${String(v['orderCode'] ?? '')} not found`);
      // §3: the cabinet masks the customer's phone.
      const detail = { ...gqlOrder(sim, order), customer: { phoneNumber: '+0(000)-000-00-00', firstName: order.customer.firstName, lastName: order.customer.lastName } };
      return ok({ merchant: { id: merchant.uid, orderDetail: detail } });
    }
    default:
      return fail(`Unknown operation ${op ?? '(none)'}`);
  }
}

/** The order fragment of §7a "Order fragment fields". */
export function gqlOrder(sim: SimState, o: Order): Record<string, unknown> {
  const city = sim.world.cities.find((c) => c.id === o.cityId);
  const point = sim.world.points.get(o.pickupPointId);
  return {
    code: o.code,
    customer: { firstName: o.customer.firstName, lastName: o.customer.lastName },
    totalPrice: o.totalPrice,
    creationTime: new Date(o.creationDate).toISOString(),
    modificationTime: new Date(o.modificationDate).toISOString(),
    status: o.status,
    entries: o.entries.map((e) => {
      const product = sim.world.products.get(e.productId);
      return {
        isImeiRequired: false,
        product: { code: e.productId, name: e.name, images: { baseUrl: 'https://resources.cdn-kaspi.kz/img/m/p/', paths: product?.images ?? [] } },
        merchantProduct: { code: e.merchantSku, name: e.name, barcode: null },
        totalPrice: e.totalPrice,
        quantity: e.quantity,
      };
    }),
    destination: o.deliveryMode === 'DELIVERY_PICKUP'
      ? { __typename: 'Point', id: o.pickupPointId, city: { id: o.cityId, name: city?.name ?? '' } }
      : { __typename: 'OrderAddress', streetName: o.address.streetName, streetNumber: o.address.streetNumber, city: { id: o.cityId, name: city?.name ?? '' } },
    warehouse: { id: o.pickupPointId, name: point?.name ?? '' },
    markers: [],
    steps: [],
    payments: [{ __typename: o.paymentMode === 'PAY_WITH_CREDIT' ? 'OrderLoan' : 'OrderAccount', amount: o.totalPrice, signRequired: o.signatureRequired }],
    cargoSpace: null,
    kaspiDelivery: o.isKaspiDelivery,
    deliveryMethod: o.deliveryMode,
    deliveryZone: null,
    delivery: { plannedDeliveryDate: new Date(o.plannedDeliveryDate).toISOString(), isExpress: false, assembleDate: null },
    cancelReason: o.status === 'CANCELLED' ? 'BUYER_CANCELLATION_BY_MERCHANT' : null,
    consignments: [],
  };
}
