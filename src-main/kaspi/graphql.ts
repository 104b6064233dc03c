import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { msg } from '../../src-shared/i18n';
import type { Dispatcher } from 'undici';
import { joinUrl, type KaspiEndpoints } from './endpoints';
import { mcHeaders, type CookieLike } from './headers';
import type { RetryPolicy } from './retry';
import { kaspiRequest } from './transport';
import { graphqlEnvelope } from './types';

/**
 * `POST /mc/facade/graphql?opName=…` (kaspi-api.md §3). All operations used here are queries,
 * so they may be retried. Errors arrive in a top-level `errors[]` with HTTP 200.
 */
export interface McContext {
  endpoints: KaspiEndpoints;
  cookies: readonly CookieLike[];
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export async function mcGraphql(ctx: McContext, operationName: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await kaspiRequest({
    surface: 'cabinet',
    method: 'POST',
    url: `${joinUrl(ctx.endpoints.mcUrl, '/mc/facade/graphql')}?opName=${encodeURIComponent(operationName)}`,
    headers: mcHeaders(ctx.cookies, { json: true }),
    body: { operationName, variables, query },
    dispatcher: ctx.dispatcher,
    timeoutMs: ctx.timeoutMs,
    retry: ctx.retry ?? {},
  });
  const env = graphqlEnvelope.safeParse(res.json);
  if (!env.success) throw new KaspiError('not-json', msg('orders.cabinet_unexpected'));
  const messages = (env.data.errors ?? []).map((e) => e.message).filter(Boolean);
  if (!env.data.data || messages.length > 0) {
    // Kaspi's own error words are data: they go in as they came.
    throw new KaspiError('bad-request', msg('orders.cabinet_refused', { operation: operationName, details: messages.length ? `: ${messages.join('; ')}` : '' }), null, res.status);
  }
  return env.data.data;
}

// Documents as the cabinet SPA sends them (§3 "Operations seen", §7a). Each one validates against
// cabinet-schema.graphql (tests/unit/kaspi/graphql-documents.test.ts): declared variables are all
// used, their types and nullability are the live ones.
export const GET_MERCHANT = `query getMerchant($id: String!) {
  merchant(id: $id) { id name logo { url } points { id name enabled virtual type city { id name } } }
}`;

export const GET_CITIES = `query getCities { cities { id name } }`;

/**
 * What the app reads of an order in both cabinet queries. Union members share only fields of the
 * same type (a Point's address is an object, a Postomat's a string), so addresses stay out.
 */
const ORDER_FIELDS = `fragment OrderFields on Order {
  code status totalPrice creationTime modificationTime kaspiDelivery deliveryMethod
  customer { firstName lastName }
  entries { quantity totalPrice product { code name } merchantProduct { code name } }
  destination {
    __typename
    ... on Point { id name city { id name } }
    ... on OrderAddress { streetName streetNumber building city { id name } }
    ... on Postomat { id city { id name } }
  }
  warehouse { __typename ... on Point { id name city { id name } } }
  steps { status step timeoutTime plannedTime }
  delivery { plannedDeliveryDate actualDeliveryDate }
  cancelReason
}`;

/** The live getOrders shape (INV 2026-08-13): one tab page, or the advanced search when asked. */
export const GET_ORDERS = `query getOrders($merchantUid: String!, $input: MerchantOrderInput!, $advancedInput: MerchantOrderAdvancedInput!, $withAdvancedOrders: Boolean!, $page: Int!, $size: Int, $sort: [String!]) {
  merchant(id: $merchantUid) { id orders {
    orders(input: $input, page: $page, size: $size, sort: $sort) @skip(if: $withAdvancedOrders) { total orders { ...OrderFields } }
    advancedOrders(input: $advancedInput, page: $page, size: $size, sort: $sort) @include(if: $withAdvancedOrders) { total orders { ...OrderFields } }
  } }
}
${ORDER_FIELDS}`;

export const GET_ORDER_COUNTERS = `query getOrderCounters($merchantUid: String!) {
  merchant(id: $merchantUid) { id orders { counts { tab count } } }
}`;

export const GET_ORDER_DETAILS = `query getOrderDetails($merchantUid: String!, $orderCode: String!) {
  merchant(id: $merchantUid) { id orderDetail(code: $orderCode) {
    ...OrderFields
    customer { phoneNumber }
    preOrder deliveryCost
  } }
}
${ORDER_FIELDS}`;

/** Every document the client sends, by operation name: the schema test walks this list. */
export const CABINET_DOCUMENTS: Readonly<Record<string, string>> = {
  getMerchant: GET_MERCHANT,
  getCities: GET_CITIES,
  getOrders: GET_ORDERS,
  getOrderCounters: GET_ORDER_COUNTERS,
  getOrderDetails: GET_ORDER_DETAILS,
};
