import type { Database } from 'better-sqlite3';
import type { ProductInfo, ProductSource, StoreInfo } from '../demper/ports';
import { productsRepo } from '../db/repos/products-repo';
import { storesRepo } from '../db/repos/stores-repo';
import { parseDefaults, parseStored, resolveProduct } from '../rules/resolve';
import { stockRepo } from '../db/repos/stock-repo';

/**
 * What the engine reprices, read from SQLite. Every connected store is listed (each one's
 * merchant id is "own" and never undercut), but only stores with the bot on give products: on
 * sale, with the bot on, a catalogue id and rules that resolve.
 */
export function createProductSource(db: Database): ProductSource {
  const stores = storesRepo(db);
  const products = productsRepo(db);
  const stock = stockRepo(db);
  return {
    async stores(): Promise<StoreInfo[]> {
      return stores.connected().map((s) => ({ storeId: s.id, merchantId: s.merchantUid, name: s.name }));
    },
    async products(storeId: number): Promise<ProductInfo[]> {
      const store = stores.rulesOf(storeId);
      if (!store?.botEnabled) return [];
      const storeDefaults = parseDefaults(store.defaultRulesJson);
      const out: ProductInfo[] = [];
      const stockOf = stock.forStore(storeId);
      for (const p of products.toReprice(storeId)) {
        const { rules } = resolveProduct(storeDefaults, parseStored(p.rulesJson));
        if (!rules) continue;
        out.push({ storeId, productId: p.id, masterSku: p.masterSku, sku: p.sku, rules, cities: p.cityIds, stock: stockOf.get(p.id) });
      }
      return out;
    },
  };
}
