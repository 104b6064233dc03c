import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';
import { createRulesService } from '../rules/rules-service';
import { createRulesCsv } from '../rules/rules-csv';

type ProductCalls =
  | 'products.table' | 'products.detail' | 'rules.update' | 'products.setBot' | 'rules.storeDefaults.get'
  | 'rules.storeDefaults.update' | 'rules.exportCsv' | 'rules.importCsv' | 'journal.list';

export function productsHandlers({ db, events, now }: AppServices): { [N in ProductCalls]: Handler<N> } {
  const onChanged = (productIds: number[] | null) => events.emit('products.changed', { productIds: productIds && productIds.length <= 1000 ? productIds : null });
  const rules = createRulesService({ db, now, onChanged });
  const csv = createRulesCsv({ db, rules, now, onChanged });
  return {
    'products.table': ({ storeId }) => rules.table(storeId),
    'products.detail': ({ productId, historyDays }) => rules.detail(productId, historyDays),
    'rules.update': ({ productIds, set, unset }) => rules.update(productIds, { set, unset }),
    'products.setBot': ({ productIds, enabled }) => rules.setBot(productIds, enabled),
    'rules.storeDefaults.get': ({ storeId }) => rules.storeDefaults(storeId),
    'rules.storeDefaults.update': ({ storeId, defaults }) => rules.updateStoreDefaults(storeId, defaults),
    'rules.exportCsv': ({ storeId, language }) => csv.exportCsv(storeId, language),
    'rules.importCsv': ({ csv: text, apply }) => csv.importCsv(text, apply),
    'journal.list': (query) => rules.journal(query),
  };
}
