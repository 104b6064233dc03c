import type { Database } from 'better-sqlite3';
import type { ProductInfo, ProductSource, StoreInfo } from '../demper/ports';
import { parseDefaults, parseStored, resolveProduct } from '../rules/resolve';
import { stockRepo } from '../db/repos/stock-repo';

/**
 * What the engine reprices, read from SQLite. Every connected store is listed (each one's
 * merchant id is "own" and never undercut), but only stores with the bot on give products: on
 * sale, with the bot on, a catalogue id and rules that resolve.
 */
export function createProductSource(db: Database): ProductSource {
  const stores = db.prepare<[], { id: number; merchant_uid: string; name: string }>(
    'SELECT id, merchant_uid, name FROM stores WHERE removed_at IS NULL ORDER BY id',
  );
  const store = db.prepare<[number], { default_rules_json: string; bot_enabled: number }>('SELECT default_rules_json, bot_enabled FROM stores WHERE id = ?');
  const products = db.prepare<[number], { id: number; sku: string; master_sku: string; rules_json: string; cities: string | null }>(
    `SELECT p.id, p.sku, p.master_sku, p.rules_json,
            (SELECT group_concat(c.city_id) FROM product_city_prices c WHERE c.product_id = p.id) AS cities
       FROM products p
      WHERE p.store_id = ? AND p.bot_enabled = 1 AND p.active = 1 AND p.removed_at IS NULL AND p.master_sku IS NOT NULL
      ORDER BY p.id`,
  );
  const stock = stockRepo(db);
  return {
    async stores(): Promise<StoreInfo[]> {
      return stores.all().map((s) => ({ storeId: s.id, merchantId: s.merchant_uid, name: s.name }));
    },
    async products(storeId: number): Promise<ProductInfo[]> {
      const row = store.get(storeId);
      if (!row || row.bot_enabled !== 1) return [];
      const storeDefaults = parseDefaults(row.default_rules_json);
      const out: ProductInfo[] = [];
      const stockOf = stock.forStore(storeId);
      for (const p of products.all(storeId)) {
        const { rules } = resolveProduct(storeDefaults, parseStored(p.rules_json));
        if (!rules) continue;
        out.push({ storeId, productId: p.id, masterSku: p.master_sku, sku: p.sku, rules, cities: p.cities ? p.cities.split(',') : [], stock: stockOf.get(p.id) });
      }
      return out;
    },
  };
}
