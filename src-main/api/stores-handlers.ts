import type { Handler } from '../../src-shared/contract/dispatcher';
import { productsRepo } from '../db/repos/products-repo';
import type { AppServices } from '../app/services';

type StoreCalls =
  | 'stores.list' | 'stores.login' | 'stores.submitCode' | 'stores.cancelLogin' | 'stores.add'
  | 'stores.relogin' | 'stores.sync' | 'stores.setShopToken' | 'stores.remove' | 'products.list';

export function storesHandlers({ db, stores }: AppServices): { [N in StoreCalls]: Handler<N> } {
  const products = productsRepo(db);
  return {
    'stores.list': () => stores.list(),
    'stores.login': ({ loginId, credentials }) => stores.login(loginId, credentials),
    'stores.submitCode': ({ loginId, code }) => { stores.submitCode(loginId, code); return {}; },
    'stores.cancelLogin': ({ loginId }) => { stores.cancelLogin(loginId); return {}; },
    'stores.add': ({ accountId, merchantUids }) => stores.add(accountId, merchantUids),
    'stores.relogin': ({ storeId, loginId, password }) => stores.relogin(storeId, loginId, password),
    'stores.sync': ({ storeId }) => stores.sync(storeId),
    'stores.setShopToken': ({ storeId, token }) => stores.setShopToken(storeId, token),
    'stores.remove': ({ storeId, deleteHistory }) => { stores.remove(storeId, deleteHistory); return {}; },
    'products.list': (query) => products.list(query),
  };
}
