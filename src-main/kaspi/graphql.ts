import { KaspiError } from '../../src-shared/domain/kaspi-error';
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
  if (!env.success) throw new KaspiError('not-json', 'Kaspi ответил на запрос кабинета в неожиданном формате. Попробуйте позже.');
  const messages = (env.data.errors ?? []).map((e) => e.message).filter(Boolean);
  if (!env.data.data || messages.length > 0) {
    throw new KaspiError('bad-request', `Кабинет Kaspi отклонил запрос ${operationName}${messages.length ? `: ${messages.join('; ')}` : ''}.`, null, res.status);
  }
  return env.data.data;
}

// Queries as the cabinet SPA sends them (§3 "Operations seen", §7a).
export const GET_MERCHANT = `query getMerchant($id: String!) {
  merchant(id: $id) { id name logo { url } points { id name enabled virtual type city { id name } } }
}`;

export const GET_CITIES = `query getCities { cities { id name } }`;

export const GET_ORDERS = `query getOrders($merchantUid: String!, $input: OrdersInput, $advancedInput: AdvancedOrdersInput, $page: Int, $size: Int, $withAdvancedOrders: Boolean) {
  merchant(id: $merchantUid) { id orders { orders(input: $input, page: $page, size: $size) { total orders {
    code status totalPrice creationTime modificationTime kaspiDelivery deliveryMethod
    customer { firstName lastName }
    destination { ... on Point { city { id name } } ... on OrderAddress { city { id name } } }
    entries { quantity totalPrice product { code name } merchantProduct { code name } }
  } } } }
}`;

export const GET_ORDER_COUNTERS = `query getOrderCounters($merchantUid: String!) {
  merchant(id: $merchantUid) { id orders { counts { tab count } } }
}`;

export const GET_ORDER_DETAILS = `query getOrderDetails($merchantUid: String!, $orderCode: String!) {
  merchant(id: $merchantUid) { id orderDetail(code: $orderCode) {
    code status creationTime modificationTime totalPrice kaspiDelivery deliveryMethod
    customer { phoneNumber firstName lastName }
    destination { ... on Point { city { id name } } ... on OrderAddress { city { id name } } }
    entries { quantity totalPrice product { code name } merchantProduct { code name } }
  } }
}`;
