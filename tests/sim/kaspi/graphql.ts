import { GraphQLError, execute, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { cabinetSchema } from './cabinet-schema';
import { json, type Ctx } from './http';
import { CITIES } from './names';
import type { Merchant, Order, OrderTab } from './model';
import { ORDER_TABS } from './model';
import type { McSession } from './sessions';
import type { SimState } from './sim-state';

/**
 * `POST /mc/facade/graphql?opName=…` (kaspi-api.md §3), a GraphQL server over the schema file the
 * app's client is checked against (src-main/kaspi/cabinet-schema.graphql): every query is parsed,
 * validated (unknown fields, wrong variable types, unused variables…) and executed, so the answer
 * holds exactly the fields asked for. A document that does not validate, or variables that do not
 * fit their declared types, get `errors[]` and no data, like graphql-java behind Kaspi's cabinet
 * (`extensions.classification`); a refused merchant or a page size over the limit get `errors[]`
 * next to the data that could be read.
 */
interface GqlBody {
  operationName?: string;
  variables?: Record<string, unknown>;
  query?: string;
}

/** The cabinet UI asks for 10 orders a page (§7a); no larger page is known to work, so none is served. */
export const MAX_ORDERS_PAGE_SIZE = 10;

const parsed = new Map<string, DocumentNode | readonly GraphQLError[]>();

/** Parsed and validated once per distinct query text (a client sends the same few documents). */
function documentOf(query: string): DocumentNode | readonly GraphQLError[] {
  let hit = parsed.get(query);
  if (hit) return hit;
  try {
    const doc = parse(query);
    const errors = validate(cabinetSchema(), doc);
    hit = errors.length > 0 ? errors : doc;
  } catch (error) {
    hit = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  if (parsed.size > 500) parsed.clear();
  parsed.set(query, hit);
  return hit;
}

function formatErrors(errors: readonly GraphQLError[], classification: string): unknown[] {
  return errors.map((e) => ({ message: e.message, locations: e.locations, path: e.path, extensions: { classification: (e.extensions['classification'] as string | undefined) ?? classification } }));
}

export async function graphql(sim: SimState, ctx: Ctx, session: McSession): Promise<void> {
  let body: GqlBody;
  try {
    body = JSON.parse(await ctx.body()) as GqlBody;
  } catch {
    return json(ctx.res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { classification: 'InvalidSyntax' } }] });
  }
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    return json(ctx.res, 200, { errors: [{ message: 'Query must not be empty', extensions: { classification: 'InvalidSyntax' } }] });
  }
  const doc = documentOf(body.query);
  if (!('kind' in doc)) return json(ctx.res, 200, { errors: formatErrors(doc, 'ValidationError') });
  const result = (await execute({
    schema: cabinetSchema(),
    document: doc,
    rootValue: root(sim, session),
    variableValues: body.variables ?? {},
    operationName: body.operationName ?? ctx.query.get('opName') ?? undefined,
  })) as ExecutionResult;
  const out: Record<string, unknown> = {};
  if (result.errors?.length) out['errors'] = formatErrors(result.errors, result.data === undefined ? 'ValidationError' : 'DataFetchingException');
  if (result.data !== undefined) out['data'] = result.data;
  json(ctx.res, 200, out);
}

/** The Query and Mutation fields; nested fields with arguments are methods of the objects. */
function root(sim: SimState, session: McSession): Record<string, unknown> {
  const merchantFor = (id: string): Merchant => {
    const merchant = sim.world.merchants.get(id);
    if (!merchant || !session.merchantUids.includes(id)) throw new GraphQLError(`Access denied to merchant ${id}`, { extensions: { classification: 'DataFetchingException' } });
    return merchant;
  };
  return {
    session: () => ({ user: { id: session.accountId } }),
    cities: () => CITIES,
    merchant: ({ id }: { id: string }) => merchantView(sim, merchantFor(id)),
    tokenGenerate: ({ merchantId }: { merchantId: string }) => merchantFor(merchantId).apiToken ?? null,
  };
}

interface OrdersArgs {
  input: { presetFilter: string; orderCode?: string | null; cityId?: string | null; archivedOrderStatusFilter?: string[] | null; fromDate?: string | null; toDate?: string | null };
  page: number;
  size?: number | null;
}

function merchantView(sim: SimState, merchant: Merchant): Record<string, unknown> {
  const orders = (): readonly Order[] => sim.orders.forMerchant(merchant.uid);
  const page = (all: Order[], args: { page: number; size?: number | null }) => {
    const size = args.size ?? MAX_ORDERS_PAGE_SIZE;
    if (size < 1 || size > MAX_ORDERS_PAGE_SIZE) throw new GraphQLError(`size must be between 1 and ${MAX_ORDERS_PAGE_SIZE}`, { extensions: { classification: 'ValidationError' } });
    if (args.page < 0) throw new GraphQLError('page must not be negative', { extensions: { classification: 'ValidationError' } });
    return { total: all.length, orders: all.slice(args.page * size, args.page * size + size).map((o) => gqlOrder(sim, o)) };
  };
  return {
    id: merchant.uid,
    name: merchant.name,
    logo: { url: `${sim.urls.storefront}/img/merchant/${merchant.uid}.png` },
    integration: { token: merchant.apiToken ?? null },
    points: merchant.points.map((p) => pointView(sim, p.id)),
    orders: {
      orders: ({ input, ...paging }: OrdersArgs) => {
        const tab = input.presetFilter as OrderTab;
        if (!(ORDER_TABS as readonly string[]).includes(tab)) throw new GraphQLError(`Unknown presetFilter ${input.presetFilter}`, { extensions: { classification: 'ValidationError' } });
        const from = input.fromDate ? Date.parse(input.fromDate) : -Infinity;
        const to = input.toDate ? Date.parse(input.toDate) : Infinity;
        const statuses = input.archivedOrderStatusFilter ?? null;
        const all = orders().filter((o) =>
          (input.orderCode ? o.code === input.orderCode : o.tab === tab)
          && (!input.cityId || o.cityId === input.cityId)
          && (tab !== 'ARCHIVED' || (o.creationDate >= from && o.creationDate <= to && (!statuses || statuses.length === 0 || statuses.includes(o.status)))));
        return page(all, paging);
      },
      advancedOrders: ({ input, ...paging }: { input: { orderCode?: string | null; phoneNumber?: string | null; productCode?: string | null }; page: number; size?: number | null }) => {
        const phone = (input.phoneNumber ?? '').replace(/\D/g, '').slice(-10);
        const all = orders().filter((o) =>
          (!input.orderCode || o.code === input.orderCode)
          && (!phone || o.customer.cellPhone.endsWith(phone))
          && (!input.productCode || o.entries.some((e) => e.productId === input.productCode || e.merchantSku === input.productCode)));
        return page(all, paging);
      },
      counts: () => ORDER_TABS.filter((t) => t !== 'ARCHIVED').map((tab) => ({ tab, count: orders().filter((o) => o.tab === tab).length })),
    },
    orderDetail: ({ code }: { code: string }) => {
      const order = sim.orders.byCode(merchant.uid, code);
      if (!order) throw new GraphQLError(`Order ${code} not found`, { extensions: { classification: 'DataFetchingException' } });
      // §3: the cabinet masks the customer's phone.
      return { ...gqlOrder(sim, order), customer: { phoneNumber: '+0(000)-000-00-00', firstName: order.customer.firstName, lastName: order.customer.lastName } };
    },
  };
}

function pointView(sim: SimState, pointId: string): Record<string, unknown> {
  const p = sim.world.points.get(pointId);
  const city = sim.world.cities.find((c) => c.id === p?.cityId);
  return {
    __typename: 'Point',
    id: pointId, name: p?.name ?? null, enabled: p?.enabled ?? true, virtual: p?.virtual ?? false, type: 'WAREHOUSE',
    city: { id: p?.cityId ?? '', name: city?.name ?? '' },
    address: { streetName: 'Абая', streetNumber: '10', building: null, phone: null, name: p?.name ?? null },
    schedule: { weekDays: [] },
    kaspiDelivery: { dailyMaxPickupTimeEnabled: false, pickupType: 'COURIER' },
  };
}

/** The order fragment of §7a "Order fragment fields". */
export function gqlOrder(sim: SimState, o: Order): Record<string, unknown> {
  const city = { id: o.cityId, name: sim.world.cities.find((c) => c.id === o.cityId)?.name ?? '' };
  const iso = (ms: number) => new Date(ms).toISOString();
  const waiting = o.tab === 'NEW' || o.tab === 'SIGN_REQUIRED';
  return {
    code: o.code,
    customer: { firstName: o.customer.firstName, lastName: o.customer.lastName, phoneNumber: null },
    totalPrice: o.totalPrice,
    creationTime: iso(o.creationDate),
    modificationTime: iso(o.modificationDate),
    status: o.status,
    state: o.tab,
    entries: o.entries.map((e) => ({
      isImeiRequired: false,
      product: { code: e.productId, name: e.name, images: { baseUrl: 'https://resources.cdn-kaspi.kz/img/m/p/', paths: sim.world.products.get(e.productId)?.images ?? [] } },
      merchantProduct: { code: e.merchantSku, name: e.name, barcode: null },
      totalPrice: e.totalPrice,
      quantity: e.quantity,
    })),
    destination: o.deliveryMode.endsWith('PICKUP')
      ? pointView(sim, o.pickupPointId)
      : { __typename: 'OrderAddress', streetName: o.address.streetName, streetNumber: o.address.streetNumber, building: null, city },
    warehouse: pointView(sim, o.pickupPointId),
    markers: o.history.map((h) => ({ creationTime: iso(h.at), marker: h.status, userName: null, user: null })),
    steps: waiting ? [{ status: 'ACTIVE', step: 'ACCEPTANCE', timeoutTime: iso(o.acceptBy), plannedTime: null, additionalDays: 0 }] : [],
    payments: [{ __typename: o.paymentMode === 'PAY_WITH_CREDIT' ? 'OrderLoan' : 'OrderAccount', amount: o.totalPrice, signRequired: o.signatureRequired }],
    cargoSpace: null,
    kaspiDelivery: o.isKaspiDelivery,
    deliveryMethod: o.deliveryMode,
    deliveryZone: null,
    deliveryCost: o.deliveryCost,
    preOrder: o.preOrder,
    delivery: { plannedDeliveryDate: iso(o.plannedDeliveryDate), actualDeliveryDate: o.status === 'COMPLETED' ? iso(o.modificationDate) : null, isExpress: false, isOrderArrived: o.status === 'COMPLETED', assembleDate: null, mode: o.deliveryMode },
    cancelReason: o.status === 'CANCELLED' ? 'BUYER_CANCELLATION_BY_MERCHANT' : null,
    cancelSubReason: null,
    consignments: [],
  };
}
