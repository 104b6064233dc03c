import type { Database } from 'better-sqlite3';
import type { ProductRow } from '../../../src-shared/domain/store';

/** One offer as the cabinet lists it, already mapped to our terms. */
export interface SyncedOffer {
  sku: string;
  masterSku: string | null;
  title: string;
  brand: string | null;
  category: string | null;
  imageUrl: string | null;
  active: boolean;
  preorderDays: number;
  /** Prices in the cities the offer is listed in: some point there is on sale. */
  cityPrices: Array<{ cityId: string; price: number }>;
  /** Prices Kaspi holds for the offer's other cities (every point there off sale). */
  unlistedPrices: Array<{ cityId: string; price: number }>;
  availabilities: Array<{ pointId: string; available: boolean; preorderDays: number; stockCount: number | null }>;
}

interface Row {
  id: number;
  store_id: number;
  sku: string;
  master_sku: string | null;
  title: string;
  brand: string | null;
  category: string | null;
  image_url: string | null;
  active: number;
  removed_at: string | null;
  bot_enabled: number;
  preorder_days: number;
  synced_at: string | null;
  prices: string | null;
}

const SELECT = `SELECT p.*, (SELECT json_group_array(json_object('cityId', c.city_id, 'price', c.price))
                               FROM product_city_prices c WHERE c.product_id = p.id) AS prices
                  FROM products p`;

const toRow = (r: Row): ProductRow => ({
  id: r.id,
  storeId: r.store_id,
  sku: r.sku,
  masterSku: r.master_sku,
  title: r.title,
  brand: r.brand,
  category: r.category,
  imageUrl: r.image_url,
  active: r.active === 1,
  removed: r.removed_at !== null,
  botEnabled: r.bot_enabled === 1,
  preorderDays: r.preorder_days,
  cityPrices: r.prices ? (JSON.parse(r.prices) as ProductRow['cityPrices']) : [],
  syncedAt: r.synced_at,
});

export interface ProductQuery {
  storeId?: number;
  search?: string;
  includeRemoved?: boolean;
  limit: number;
  offset: number;
}

export function productsRepo(db: Database) {
  const upsert = db.prepare(
    `INSERT INTO products (store_id, sku, master_sku, title, brand, category, image_url, active, preorder_days, synced_at, removed_at, created_at, updated_at)
     VALUES (@storeId, @sku, @masterSku, @title, @brand, @category, @imageUrl, @active, @preorderDays, @at, NULL, @at, @at)
     ON CONFLICT(store_id, sku) DO UPDATE SET master_sku = excluded.master_sku, title = excluded.title, brand = excluded.brand,
       category = excluded.category, image_url = excluded.image_url, active = excluded.active, preorder_days = excluded.preorder_days,
       synced_at = excluded.synced_at, removed_at = NULL, updated_at = excluded.updated_at
     RETURNING id`,
  );
  const clearPrices = db.prepare('DELETE FROM product_city_prices WHERE product_id = ?');
  const addPrice = db.prepare('INSERT INTO product_city_prices (product_id, city_id, price, updated_at) VALUES (?, ?, ?, ?)');
  const clearUnlisted = db.prepare('DELETE FROM product_unlisted_prices WHERE product_id = ?');
  const addUnlisted = db.prepare('INSERT INTO product_unlisted_prices (product_id, city_id, price, updated_at) VALUES (?, ?, ?, ?)');
  const clearAvail = db.prepare('DELETE FROM product_availabilities WHERE product_id = ?');
  const addAvail = db.prepare('INSERT INTO product_availabilities (product_id, point_id, available, preorder_days, stock_count) VALUES (?, ?, ?, ?, ?)');

  return {
    /** One page of the cabinet's list in one transaction: all of it lands, or none of it. */
    savePage: db.transaction((storeId: number, offers: SyncedOffer[], at: string): void => {
      for (const offer of offers) {
        const { id } = upsert.get({ ...offer, storeId, active: offer.active ? 1 : 0, at }) as { id: number };
        clearPrices.run(id);
        for (const p of offer.cityPrices) addPrice.run(id, p.cityId, p.price, at);
        clearUnlisted.run(id);
        for (const p of offer.unlistedPrices) addUnlisted.run(id, p.cityId, p.price, at);
        clearAvail.run(id);
        for (const a of offer.availabilities) addAvail.run(id, a.pointId, a.available ? 1 : 0, a.preorderDays, a.stockCount);
      }
    }),
    /** Offers the finished sync did not see are gone from Kaspi: marked, never deleted with their history. */
    markMissingRemoved(storeId: number, syncStartedAt: string): number {
      return db
        .prepare('UPDATE products SET removed_at = ?, active = 0 WHERE store_id = ? AND removed_at IS NULL AND (synced_at IS NULL OR synced_at < ?)')
        .run(syncStartedAt, storeId, syncStartedAt).changes;
    },
    list(query: ProductQuery): { total: number; items: ProductRow[] } {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
      if (query.storeId !== undefined) { where.push('p.store_id = @storeId'); params.storeId = query.storeId; }
      if (!query.includeRemoved) where.push('p.removed_at IS NULL');
      where.push('p.store_id IN (SELECT id FROM stores WHERE removed_at IS NULL)');
      if (query.search) {
        where.push("(p.title LIKE @search ESCAPE '\\' OR p.sku LIKE @search ESCAPE '\\' OR p.master_sku LIKE @search ESCAPE '\\')");
        params.search = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM products p ${clause}`).get(params) as { n: number }).n;
      const rows = db.prepare(`${SELECT} ${clause} ORDER BY p.title LIMIT @limit OFFSET @offset`).all(params) as Row[];
      return { total, items: rows.map(toRow) };
    },
    get(id: number): ProductRow | undefined {
      const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Row | undefined;
      return row && toRow(row);
    },
    /**
     * What the demper may reprice in a store: on sale, bot on, with a catalogue id; rules as stored
     * (JSON). In id order, `limit` rows after id `afterId` (all of them by default): the engine's
     * start reads a large catalogue a page at a time.
     */
    toReprice(storeId: number, afterId = 0, limit = -1): ProductToReprice[] {
      return db
        .prepare<[number, number, number], { id: number; sku: string; master_sku: string; rules_json: string; cities: string | null }>(
          `SELECT p.id, p.sku, p.master_sku, p.rules_json,
                  (SELECT group_concat(c.city_id) FROM product_city_prices c WHERE c.product_id = p.id) AS cities
             FROM products p
            WHERE p.store_id = ? AND p.id > ? AND p.bot_enabled = 1 AND p.active = 1 AND p.removed_at IS NULL AND p.master_sku IS NOT NULL
            ORDER BY p.id LIMIT ?`,
        )
        .all(storeId, afterId, limit)
        .map((p) => ({ id: p.id, sku: p.sku, masterSku: p.master_sku, rulesJson: p.rules_json, cityIds: p.cities ? p.cities.split(',') : [] }));
    },
    /**
     * Which of these products the demper may reprice now (its store connected with the bot on, the
     * product as `toReprice` asks), with its store's defaults: an edit reloads only what it touched.
     */
    toRepriceByIds(productIds: readonly number[]): Array<ProductToReprice & { storeId: number; defaultRulesJson: string }> {
      return db
        .prepare<[string], { store_id: number; default_rules_json: string; id: number; sku: string; master_sku: string; rules_json: string; cities: string | null }>(
          `SELECT p.store_id, s.default_rules_json, p.id, p.sku, p.master_sku, p.rules_json,
                  (SELECT group_concat(c.city_id) FROM product_city_prices c WHERE c.product_id = p.id) AS cities
             FROM products p JOIN stores s ON s.id = p.store_id
            WHERE p.id IN (SELECT value FROM json_each(?)) AND s.bot_enabled = 1 AND s.removed_at IS NULL
              AND p.bot_enabled = 1 AND p.active = 1 AND p.removed_at IS NULL AND p.master_sku IS NOT NULL
            ORDER BY p.id`,
        )
        .all(JSON.stringify(productIds))
        .map((p) => ({
          storeId: p.store_id, defaultRulesJson: p.default_rules_json,
          id: p.id, sku: p.sku, masterSku: p.master_sku, rulesJson: p.rules_json, cityIds: p.cities ? p.cities.split(',') : [],
        }));
    },
    /** Our own price in a city, once Kaspi shows the one we pushed. */
    setCityPrice(productId: number, cityId: string, price: number, at: string): void {
      db.prepare('UPDATE product_city_prices SET price = ?, updated_at = ? WHERE product_id = ? AND city_id = ?').run(price, at, productId, cityId);
    },
    /** A product's own rules and its store's defaults, both as stored (JSON). */
    rulesOf(productId: number): { rulesJson: string; defaultRulesJson: string } | undefined {
      const row = db
        .prepare<[number], { rules_json: string; default_rules_json: string }>('SELECT p.rules_json, s.default_rules_json FROM products p JOIN stores s ON s.id = p.store_id WHERE p.id = ?')
        .get(productId);
      return row && { rulesJson: row.rules_json, defaultRulesJson: row.default_rules_json };
    },
    /** The rules of every product on sale in connected stores (one store's, if given), as the rules spreadsheet lists them. */
    rulesCatalogue(storeId?: number, offset = 0, limit = -1): ProductRulesEntry[] {
      return db
        .prepare(
          `SELECT p.id, p.store_id AS storeId, s.name AS storeName, s.merchant_uid AS merchantUid, p.sku, p.title, p.bot_enabled = 1 AS botEnabled, p.rules_json AS rulesJson
             FROM products p JOIN stores s ON s.id = p.store_id
            WHERE p.removed_at IS NULL AND s.removed_at IS NULL ${storeId !== undefined ? 'AND p.store_id = @storeId' : ''}
            ORDER BY s.name, p.title, p.id LIMIT @limit OFFSET @offset`,
        )
        .all({ storeId, offset, limit })
        .map((row) => ({ ...(row as ProductRulesEntry), botEnabled: Boolean((row as { botEnabled: number }).botEnabled) }));
    },
    /** A product's stored rules and bot switch, as rule checks read them; undefined for an unknown product. */
    ruleState(id: number): ProductRuleState | undefined {
      const row = db.prepare<[number], RuleStateRow>('SELECT id, store_id, sku, bot_enabled, rules_json FROM products WHERE id = ?').get(id);
      return row && toRuleState(row);
    },
    /** Many products' stored rules and bot switches in one query (a change to a whole catalogue reads 10,000), by id; unknown ids are absent. */
    ruleStates(ids: readonly number[]): Map<number, ProductRuleState> {
      const rows = db.prepare<[string], RuleStateRow>('SELECT id, store_id, sku, bot_enabled, rules_json FROM products WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids));
      return new Map(rows.map((row) => [row.id, toRuleState(row)]));
    },
    /** The products of a store the bot prices (on, not removed): what a change of the store's defaults must keep priceable. */
    botOnRuleStates(storeId: number): ProductRuleState[] {
      return db
        .prepare<[number], RuleStateRow>('SELECT id, store_id, sku, bot_enabled, rules_json FROM products WHERE store_id = ? AND bot_enabled = 1 AND removed_at IS NULL')
        .all(storeId)
        .map(toRuleState);
    },
    /** New rules for many products: all written, or none. */
    setRules: db.transaction((changes: ReadonlyArray<{ id: number; rulesJson: string }>, at: string): void => {
      const write = db.prepare('UPDATE products SET rules_json = ?, updated_at = ? WHERE id = ?');
      for (const change of changes) write.run(change.rulesJson, at, change.id);
    }),
    /** The bot on or off for many products: all written, or none. */
    setBot: db.transaction((ids: readonly number[], enabled: boolean, at: string): void => {
      const write = db.prepare('UPDATE products SET bot_enabled = ?, updated_at = ? WHERE id = ?');
      for (const id of ids) write.run(enabled ? 1 : 0, at, id);
    }),
    /** New rules and bot switches for many products: all written, or none. */
    setRulesAndBot: db.transaction((changes: ReadonlyArray<{ id: number; rulesJson: string; botEnabled: boolean }>, at: string): void => {
      const write = db.prepare('UPDATE products SET rules_json = ?, bot_enabled = ?, updated_at = ? WHERE id = ?');
      for (const change of changes) write.run(change.rulesJson, change.botEnabled ? 1 : 0, at, change.id);
    }),
  };
}

/** A product the demper reprices, before its rules are resolved. */
export interface ProductToReprice {
  id: number;
  sku: string;
  masterSku: string;
  rulesJson: string;
  cityIds: string[];
}

/** One line of the rules spreadsheet, as stored. */
export interface ProductRulesEntry {
  id: number;
  storeId: number;
  storeName: string;
  merchantUid: string;
  sku: string;
  title: string;
  botEnabled: boolean;
  rulesJson: string;
}

/** A product's rules as stored, with what a rule check needs to name it. */
export interface ProductRuleState {
  id: number;
  storeId: number;
  sku: string;
  botEnabled: boolean;
  rulesJson: string;
}

interface RuleStateRow {
  id: number;
  store_id: number;
  sku: string;
  bot_enabled: number;
  rules_json: string;
}

const toRuleState = (r: RuleStateRow): ProductRuleState => ({ id: r.id, storeId: r.store_id, sku: r.sku, botEnabled: r.bot_enabled === 1, rulesJson: r.rules_json });
