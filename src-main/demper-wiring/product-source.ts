import type { Database } from 'better-sqlite3';
import type { ProductInfo, ProductSource, StoreInfo } from '../demper/ports';
import { productsRepo } from '../db/repos/products-repo';
import type { ProductToReprice } from '../db/repos/products-repo';
import type { StoreRuleDefaults } from '../../src-shared/domain/rules';
import { storesRepo } from '../db/repos/stores-repo';
import { parseDefaults, parseStored, resolveProduct } from '../rules/resolve';
import { stockRepo } from '../db/repos/stock-repo';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Products whose rules are resolved per turn of the event loop: about 10 ms on a shared laptop core. */
const RESOLVE_STEP = 500;
/** Products read, with their stock, and resolved per turn at the engine's start: the two reads and the rules together, some 10 ms. */
const READ_PAGE = 250;

/**
 * Each row's rules resolved, RESOLVE_STEP rows at a time with a turn of the event loop between:
 * a catalogue of 10,000 (half a second of zod) never holds the main thread at once.
 */
async function resolveInSteps<Row>(rows: readonly Row[], resolve: (row: Row) => ProductInfo | null): Promise<ProductInfo[]> {
  const out: ProductInfo[] = [];
  for (let from = 0; from < rows.length; from += RESOLVE_STEP) {
    await nextTurn();
    for (const row of rows.slice(from, from + RESOLVE_STEP)) {
      const resolved = resolve(row);
      if (resolved) out.push(resolved);
    }
  }
  return out;
}

/**
 * What the engine reprices, read from SQLite. Every connected store is listed (each one's
 * merchant id is "own" and never undercut), but only stores with the bot on give products: on
 * sale, with the bot on, a catalogue id and rules that resolve.
 */
export function createProductSource(db: Database): ProductSource {
  const stores = storesRepo(db);
  const products = productsRepo(db);
  const stock = stockRepo(db);
  /** A product as the engine reprices it, or null when its rules do not resolve (the table shows why). */
  const info = (storeId: number, storeDefaults: StoreRuleDefaults, p: ProductToReprice, stockOf: ReturnType<typeof stock.forStore>): ProductInfo | null => {
    const { rules } = resolveProduct(storeDefaults, parseStored(p.rulesJson));
    return rules && { storeId, productId: p.id, masterSku: p.masterSku, sku: p.sku, rules, cities: p.cityIds, stock: stockOf.get(p.id) };
  };
  return {
    async stores(): Promise<StoreInfo[]> {
      return stores.connected().map((s) => ({ storeId: s.id, merchantId: s.merchantUid, name: s.name }));
    },
    async products(storeId: number): Promise<ProductInfo[]> {
      const store = stores.rulesOf(storeId);
      if (!store?.botEnabled) return [];
      const storeDefaults = parseDefaults(store.defaultRulesJson);
      // The catalogue and its stock are read a page of ids at a time, a turn of the event loop
      // between pages: whole, the two reads hold main some 30 ms for 10,000 products.
      const out: ProductInfo[] = [];
      for (let afterId = 0; ;) {
        await nextTurn();
        const rows = products.toReprice(storeId, afterId, READ_PAGE);
        if (rows.length === 0) return out;
        afterId = rows[rows.length - 1]!.id;
        const stockOf = stock.forStore(storeId, rows[0]!.id, afterId);
        for (const row of rows) {
          const resolved = info(storeId, storeDefaults, row, stockOf);
          if (resolved) out.push(resolved);
        }
      }
    },
    async productsByIds(productIds: readonly number[]): Promise<ProductInfo[]> {
      const stockByStore = new Map<number, ReturnType<typeof stock.forStore>>();
      const rows = products.toRepriceByIds(productIds);
      // Stock of the ids edited (rows are in id order), not of each whole store.
      const [fromId, toId] = [rows[0]?.id ?? 0, rows[rows.length - 1]?.id ?? 0];
      return resolveInSteps(rows, (p) => {
        if (!stockByStore.has(p.storeId)) stockByStore.set(p.storeId, stock.forStore(p.storeId, fromId, toId));
        return info(p.storeId, parseDefaults(p.defaultRulesJson), p, stockByStore.get(p.storeId)!);
      });
    },
  };
}
