import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';

type OrderCalls = 'orders.list' | 'orders.counts' | 'orders.detail' | 'orders.exportCsv' | 'orders.syncStatus' | 'orders.syncNow' | 'orders.alerts.update' | 'orders.accept';
type AnalyticsCalls = 'analytics.overview' | 'analytics.products' | 'analytics.product' | 'analytics.exportCsv';

export function ordersHandlers({ orders }: AppServices): { [N in OrderCalls]: Handler<N> } {
  return {
    'orders.list': ({ filter, sort, offset, limit }) => orders.list(filter, sort, offset, limit),
    'orders.counts': ({ filter }) => orders.counts(filter),
    'orders.detail': ({ orderId }) => orders.detail(orderId),
    'orders.exportCsv': ({ filter, sort, language }) => orders.exportCsv(filter, sort, language),
    'orders.syncStatus': () => orders.statuses(),
    'orders.syncNow': ({ storeId }) => orders.syncNow(storeId),
    'orders.alerts.update': ({ storeId, newOrder, deadline }) => orders.updateAlerts(storeId, { newOrder, deadline }),
    'orders.accept': ({ orderId }) => orders.accept(orderId),
  };
}

export function analyticsHandlers({ analytics }: AppServices): { [N in AnalyticsCalls]: Handler<N> } {
  return {
    'analytics.overview': ({ scope, granularity }) => analytics.overview(scope, granularity),
    'analytics.products': ({ scope, limit }) => analytics.products(scope, limit),
    'analytics.product': ({ scope }) => analytics.product(scope),
    'analytics.exportCsv': ({ table, scope, granularity, language }) => analytics.exportCsv(table, scope, granularity, language),
  };
}
