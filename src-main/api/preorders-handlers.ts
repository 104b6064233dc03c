import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';

type PreorderCalls = 'preorders.list' | 'preorders.points' | 'preorders.history' | 'preorders.addFromProducts' | 'preorders.update' | 'preorders.setDays' | 'preorders.send' | 'preorders.end' | 'preorders.remove' | 'preorders.importFile' | 'preorders.exportFile' | 'preorders.budget';

export function preordersHandlers({ preorders }: AppServices): { [N in PreorderCalls]: Handler<N> } {
  return {
    'preorders.list': ({ filter }) => preorders.list(filter),
    'preorders.points': () => preorders.points(),
    'preorders.history': ({ id }) => preorders.history(id),
    'preorders.addFromProducts': ({ productIds, days, pointIds }) => preorders.addFromProducts(productIds, days, pointIds),
    'preorders.update': ({ id, price, points }) => preorders.update(id, { price, points }),
    'preorders.setDays': ({ ids, days, pointId }) => preorders.setDays(ids, days, pointId),
    'preorders.send': ({ ids }) => preorders.send(ids),
    'preorders.end': ({ ids }) => preorders.end(ids),
    'preorders.remove': ({ ids }) => preorders.remove(ids),
    'preorders.importFile': ({ storeId, format, data, apply }) => preorders.importFile({ storeId, format, data, apply }),
    'preorders.exportFile': ({ format, ids }) => preorders.exportFile(format, ids),
    'preorders.budget': () => preorders.budget(),
  };
}
