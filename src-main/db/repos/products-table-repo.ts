import type { Database } from 'better-sqlite3';
import type { ProductFlag, ProductSortKey, ProductTableRow, ProductsSort } from '../../../src-shared/contract/products';
import type { Strategy } from '../../../src-shared/domain/rules';
import type { Message } from '../../../src-shared/i18n';
import { relaxedCommit } from '../relaxed-commit';

/** What a table row is computed from: the product, its store, its shown city's price and market, its last pushed change. */
export interface TableSource {
  id: number;
  store_id: number;
  listed: number;
  title: string;
  sku: string;
  master_sku: string | null;
  bot_enabled: number;
  active: number;
  rules_json: string;
  default_rules_json: string;
  price_city_id: string | null;
  city_price: number | null;
  /** When the cabinet price of the shown city was last written (a sync, a verified push). */
  city_price_at: string | null;
  market_city_id: string | null;
  taken_at: string | null;
  our_price: number | null;
  our_position: number | null;
  best_rival_price: number | null;
  best_rival_name: string | null;
  rivals_count: number | null;
  last_change_at: string | null;
  /** The newest change that went to Kaspi in the shown city (pushed or verified): its price and when. */
  pushed_price: number | null;
  pushed_at: string | null;
}

/** A stored row of `product_table_rows`. */
export interface TableRecord {
  product_id: number;
  store_id: number;
  listed: number;
  title: string;
  sku: string;
  master_sku: string | null;
  title_key: string;
  sku_key: string;
  search_text: string;
  bot_enabled: number;
  active: number;
  city_id: string | null;
  city_price: number | null;
  our_price: number | null;
  best_rival_price: number | null;
  best_rival_name: string | null;
  position: number | null;
  rivals_count: number;
  market_at: string | null;
  floor: number | null;
  ceiling: number | null;
  strategy: string | null;
  rules_error_json: string | null;
  resolved_from: string;
  last_change_at: string | null;
}

export const RECORD_COLUMNS = [
  'product_id', 'store_id', 'listed', 'title', 'sku', 'master_sku', 'title_key', 'sku_key', 'search_text', 'bot_enabled', 'active', 'city_id',
  'city_price', 'our_price', 'best_rival_price', 'best_rival_name', 'position', 'rivals_count', 'market_at', 'floor', 'ceiling', 'strategy',
  'rules_error_json', 'resolved_from', 'last_change_at',
] as const satisfies ReadonlyArray<keyof TableRecord>;

export interface TableFilter {
  storeId?: number;
  search: string;
  bot: 'all' | 'on' | 'off';
  flags: readonly ProductFlag[];
}

/** The quick filters as SQL over a row `r`. */
const FLAG_SQL: Record<ProductFlag, string> = {
  // We are on sale and someone is cheaper (a tie lost counts too).
  firstLost: 'r.position > 1',
  atFloor: 'r.our_price <= r.floor',
  noRivals: 'r.market_at IS NOT NULL AND r.rivals_count = 0',
  // The bot cannot price it: rules that do not resolve, or the bot is on without a floor.
  attention: '(r.rules_error_json IS NOT NULL OR (r.bot_enabled = 1 AND r.floor IS NULL))',
};

const COLUMN: Record<ProductSortKey, { column: string; nullable: boolean }> = {
  title: { column: 'title_key', nullable: false },
  sku: { column: 'sku_key', nullable: false },
  ourPrice: { column: 'our_price', nullable: true },
  bestRivalPrice: { column: 'best_rival_price', nullable: true },
  position: { column: 'position', nullable: true },
  floor: { column: 'floor', nullable: true },
  ceiling: { column: 'ceiling', nullable: true },
  strategy: { column: 'strategy', nullable: false },
  botEnabled: { column: 'bot_enabled', nullable: false },
  lastChangeAt: { column: 'last_change_at', nullable: true },
};

/**
 * The ORDER BY of a sort, written so SQLite walks one of the migration's indexes: empty values
 * last in both directions (ascending on `(x IS NULL), x`, descending on `x` backwards, where NULL
 * sorts lowest), ties by product id.
 */
function orderBy({ key, dir }: ProductsSort): string {
  const { column, nullable } = COLUMN[key];
  if (dir === 'desc') return `r.${column} DESC, r.product_id DESC`;
  return nullable ? `(r.${column} IS NULL), r.${column}, r.product_id` : `r.${column}, r.product_id`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(filter: TableFilter): { sql: string; params: Record<string, unknown> } {
  const where = ['r.listed = 1'];
  const params: Record<string, unknown> = {};
  if (filter.storeId !== undefined) {
    where.push('r.store_id = @storeId');
    params.storeId = filter.storeId;
  }
  if (filter.bot !== 'all') where.push(`r.bot_enabled = ${filter.bot === 'on' ? 1 : 0}`);
  const needle = filter.search.trim().toLowerCase();
  if (needle) {
    where.push("r.search_text LIKE @search ESCAPE '\\'");
    params.search = `%${escapeLike(needle)}%`;
  }
  for (const flag of new Set(filter.flags)) where.push(FLAG_SQL[flag]);
  return { sql: `WHERE ${where.join(' AND ')}`, params };
}

type RecordWithStore = TableRecord & { store_name: string };

/** A stored row as the table shows it. */
export const toTableRow = (r: RecordWithStore): ProductTableRow => ({
  id: r.product_id,
  storeId: r.store_id,
  storeName: r.store_name,
  title: r.title,
  sku: r.sku,
  masterSku: r.master_sku,
  cityId: r.city_id,
  ourPrice: r.our_price,
  bestRivalPrice: r.best_rival_price,
  bestRivalName: r.best_rival_name,
  position: r.position,
  rivalsCount: r.rivals_count,
  marketAt: r.market_at,
  floor: r.floor,
  ceiling: r.ceiling,
  strategy: r.strategy as Strategy | null,
  botEnabled: r.bot_enabled === 1,
  active: r.active === 1,
  lastChangeAt: r.last_change_at,
  rulesError: r.rules_error_json === null ? null : (JSON.parse(r.rules_error_json) as Message),
});

export interface TableSummary {
  total: number;
  botOn: number;
  seen: number;
  firstPlace: number;
  atFloor: number;
  noRivals: number;
  rulesErrors: number;
  /** Among seen products with a place: how many stand 1st, 2nd, 3rd, 4th, 5th or further. */
  positions: [number, number, number, number, number];
}

/**
 * The products table's read model (`product_table_rows`, migration 11): windows of it sorted and
 * filtered on its indexes, the overview's counts as aggregates, and the writes that keep it current
 * — which rows are out of date, what they are computed from, and the computed rows.
 */
export function productsTableRepo(db: Database) {
  const dirty = db.prepare<[number], number>('SELECT product_id FROM product_table_dirty LIMIT ?').pluck();
  const hasDirty = db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM product_table_dirty)').pluck();
  const clean = db.prepare('DELETE FROM product_table_dirty WHERE product_id = ?');
  const sources = db.prepare<[string], TableSource>(
    `SELECT p.id, p.store_id, (p.removed_at IS NULL AND s.removed_at IS NULL) AS listed, p.title, p.sku, p.master_sku, p.bot_enabled, p.active,
            p.rules_json, s.default_rules_json, c.city_id AS price_city_id, c.price AS city_price, c.updated_at AS city_price_at,
            o.city_id AS market_city_id, o.taken_at, o.our_price, o.our_position, o.best_rival_price, o.best_rival_name, o.rivals_count,
            (SELECT coalesce(j.pushed_at, j.created_at) FROM price_journal j
              WHERE j.product_id = p.id AND j.status IN ('pushed', 'verified', 'mismatch')
              ORDER BY coalesce(j.pushed_at, j.created_at) DESC LIMIT 1) AS last_change_at,
            pushed.new_price AS pushed_price, coalesce(pushed.pushed_at, pushed.created_at) AS pushed_at
       FROM products p
       JOIN stores s ON s.id = p.store_id
       -- The city a row shows: the offer's first priced city; its market there, else in any city looked at.
       LEFT JOIN product_city_prices c ON c.rowid = (SELECT c2.rowid FROM product_city_prices c2 WHERE c2.product_id = p.id ORDER BY c2.rowid LIMIT 1)
       LEFT JOIN offer_latest o ON o.product_id = p.id
        AND o.city_id = (SELECT o2.city_id FROM offer_latest o2 WHERE o2.product_id = p.id ORDER BY o2.city_id IS NOT c.city_id, o2.city_id LIMIT 1)
       LEFT JOIN price_journal pushed ON pushed.id = (SELECT j.id FROM price_journal j
              WHERE j.product_id = p.id AND j.status IN ('pushed', 'verified', 'mismatch') AND j.city_id = coalesce(o.city_id, c.city_id)
              ORDER BY coalesce(j.pushed_at, j.created_at) DESC LIMIT 1)
        AND pushed.status IN ('pushed', 'verified')
      WHERE p.id IN (SELECT value FROM json_each(?))`,
  );
  const stored = db.prepare<[string], TableRecord>('SELECT * FROM product_table_rows WHERE product_id IN (SELECT value FROM json_each(?))');
  const write = db.prepare(
    `INSERT INTO product_table_rows (${RECORD_COLUMNS.join(', ')}) VALUES (${RECORD_COLUMNS.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (product_id) DO UPDATE SET ${RECORD_COLUMNS.filter((c) => c !== 'product_id').map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  const remove = db.prepare('DELETE FROM product_table_rows WHERE product_id = ?');
  const withStore = `SELECT r.*, s.name AS store_name FROM product_table_rows r JOIN stores s ON s.id = r.store_id`;
  const byIds = db.prepare<[string], RecordWithStore>(`${withStore} WHERE r.listed = 1 AND r.product_id IN (SELECT value FROM json_each(?))`);
  const titles = db.prepare<[string], { id: number; title: string; sku: string }>(
    'SELECT product_id AS id, title, sku FROM product_table_rows WHERE product_id IN (SELECT value FROM json_each(?))',
  );
  const summary = db.prepare<[], Record<string, number | null>>(
    `SELECT count(*) AS total, sum(bot_enabled) AS bot_on, sum(seen) AS seen, sum(seen AND position = 1) AS first_place,
            sum(seen AND our_price = floor) AS at_floor, sum(seen AND rivals_count = 0) AS no_rivals,
            sum(bot_enabled = 1 AND rules_error_json IS NOT NULL) AS rules_errors,
            sum(seen AND position = 2) AS p2, sum(seen AND position = 3) AS p3, sum(seen AND position = 4) AS p4, sum(seen AND position >= 5) AS p5
       FROM (SELECT *, (market_at IS NOT NULL AND our_price IS NOT NULL) AS seen FROM product_table_rows WHERE listed = 1)`,
  );
  // Windows and counts are built per filter; the statements are kept, a seller uses a handful.
  const statements = new Map<string, ReturnType<Database['prepare']>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size > 200) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  return {
    /** Rows out of date, at most `limit`. */
    dirtyIds: (limit: number): number[] => dirty.all(limit),
    hasDirty: (): boolean => hasDirty.get() === 1,
    sources: (ids: readonly number[]): TableSource[] => sources.all(JSON.stringify(ids)),
    stored: (ids: readonly number[]): TableRecord[] => stored.all(JSON.stringify(ids)),
    /**
     * Writes computed rows (null: the product is gone) and marks the ids clean, in one transaction
     * that does not wait for the disk: the rows are derived, and a commit a power cut loses leaves
     * them marked out of date, to be rewritten.
     */
    save: relaxedCommit(db, (records: readonly TableRecord[], gone: readonly number[], cleaned: readonly number[]) => {
      for (const record of records) write.run(record);
      for (const id of gone) remove.run(id);
      for (const id of cleaned) clean.run(id);
    }),
    window(filter: TableFilter, sort: ProductsSort, offset: number, limit: number): { total: number; rows: ProductTableRow[] } {
      const { sql, params } = whereOf(filter);
      const total = (prepared(`SELECT count(*) AS n FROM product_table_rows r ${sql}`).get(params) as { n: number }).n;
      const rows = prepared(`${withStore} ${sql} ORDER BY ${orderBy(sort)} LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as RecordWithStore[];
      return { total, rows: rows.map(toTableRow) };
    },
    ids(filter: TableFilter, sort: ProductsSort): number[] {
      const { sql, params } = whereOf(filter);
      return prepared(`SELECT r.product_id FROM product_table_rows r ${sql} ORDER BY ${orderBy(sort)}`).pluck().all(params) as number[];
    },
    /** The listed rows among `ids`, as the table shows them. */
    rows: (ids: readonly number[]): ProductTableRow[] => byIds.all(JSON.stringify(ids)).map(toTableRow),
    titles: (ids: readonly number[]) => titles.all(JSON.stringify(ids)),
    summary(): TableSummary {
      const r = summary.get()!;
      const n = (key: string) => r[key] ?? 0;
      return {
        total: n('total'), botOn: n('bot_on'), seen: n('seen'), firstPlace: n('first_place'), atFloor: n('at_floor'), noRivals: n('no_rivals'),
        rulesErrors: n('rules_errors'), positions: [n('first_place'), n('p2'), n('p3'), n('p4'), n('p5')],
      };
    },
  };
}

export type ProductsTableRepo = ReturnType<typeof productsTableRepo>;
