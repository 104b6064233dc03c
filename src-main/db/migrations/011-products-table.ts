import type { Migration } from './types';

/** Price-journal statuses that mean a price really went to Kaspi (the table's "last change"). */
const CHANGED = "('pushed', 'verified', 'mismatch')";
/** What the overview counts per day: changes made, and the ones a dry run would have made. */
const COUNTED = "('pushed', 'verified', 'mismatch', 'dry_run')";
/*
 * Trigger bodies. No OR IGNORE and no upsert in them: SQLite applies the conflict policy of the
 * statement that fired the trigger (an upsert of the writer's, say) instead of the trigger's own.
 */
/** Marks a product's row out of date. */
const markDirty = (productId: string) =>
  `INSERT INTO product_table_dirty (product_id) SELECT ${productId} WHERE NOT EXISTS (SELECT 1 FROM product_table_dirty WHERE product_id = ${productId});`;
/** Adds (or takes back) a journal row in its day's counts. */
const count = (row: 'NEW' | 'OLD', sign: '+' | '-') => `
      INSERT INTO price_journal_days (day, changes, dry_run)
      SELECT date(${row}.created_at, '+5 hours'), 0, 0 WHERE NOT EXISTS (SELECT 1 FROM price_journal_days WHERE day = date(${row}.created_at, '+5 hours'));
      UPDATE price_journal_days SET changes = changes ${sign} (${row}.status <> 'dry_run'), dry_run = dry_run ${sign} (${row}.status = 'dry_run')
       WHERE day = date(${row}.created_at, '+5 hours');`;

/**
 * The products table served from SQLite a window at a time (issue #14):
 *  - `offer_latest`: the latest look at the storefront per offer (product, city), written with the
 *    snapshot, so nothing searches the price history for it;
 *  - `product_table_rows`: one row per product with what the table shows, sorts and filters by —
 *    market of its shown city, resolved rules, last pushed change — indexed for every sort;
 *  - `product_table_dirty`: which rows are out of date. Triggers mark them on every write to a
 *    source (whoever writes), and the products-table service rewrites them (rules are resolved in
 *    TypeScript), pushing the changed rows to open pages. Every existing product starts dirty.
 *  - `price_journal_days`: the overview's changes per day, kept by triggers.
 * Numeric sorts put empty values last in both directions: ascending walks the `(x IS NULL), x`
 * index, descending walks `x` backwards (SQLite sorts NULL lowest).
 */
export const productsTable: Migration = {
  version: 11,
  name: 'products table read model, latest snapshot per offer',
  up: `
    CREATE TABLE offer_latest (
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      city_id TEXT NOT NULL,
      snapshot_id INTEGER NOT NULL,
      taken_at TEXT NOT NULL,
      our_price INTEGER,
      our_position INTEGER,
      best_rival_price INTEGER,
      best_rival_merchant_id TEXT,
      best_rival_name TEXT,
      rivals_count INTEGER NOT NULL,
      PRIMARY KEY (product_id, city_id)
    ) WITHOUT ROWID;

    INSERT INTO offer_latest (product_id, city_id, snapshot_id, taken_at, our_price, our_position, best_rival_price, best_rival_merchant_id, best_rival_name, rivals_count)
    SELECT s.product_id, s.city_id, s.id, s.taken_at, s.our_price, s.our_position, s.best_rival_price, s.best_rival_merchant_id,
           (SELECT json_extract(o.value, '$.merchantName') FROM json_each(s.offers_json) o
             WHERE json_extract(o.value, '$.merchantId') = s.best_rival_merchant_id LIMIT 1),
           (SELECT count(*) FROM json_each(s.offers_json) o
             WHERE json_extract(o.value, '$.merchantId') NOT IN (SELECT merchant_uid FROM stores))
      FROM offer_snapshots s
      JOIN (SELECT max(id) AS id FROM offer_snapshots GROUP BY product_id, city_id) latest ON latest.id = s.id
     WHERE s.product_id IN (SELECT id FROM products);

    CREATE TABLE product_table_rows (
      product_id INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
      store_id INTEGER NOT NULL,
      listed INTEGER NOT NULL CHECK (listed IN (0, 1)),
      title TEXT NOT NULL,
      sku TEXT NOT NULL,
      master_sku TEXT,
      title_key TEXT NOT NULL,
      sku_key TEXT NOT NULL,
      search_text TEXT NOT NULL,
      bot_enabled INTEGER NOT NULL,
      active INTEGER NOT NULL,
      city_id TEXT,
      city_price INTEGER,
      our_price INTEGER,
      best_rival_price INTEGER,
      best_rival_name TEXT,
      position INTEGER,
      rivals_count INTEGER NOT NULL,
      market_at TEXT,
      floor INTEGER,
      ceiling INTEGER,
      strategy TEXT,
      rules_error_json TEXT,
      -- The store defaults and product rules (JSON) the rule columns were resolved from: a row whose
      -- price changed keeps them without resolving again.
      resolved_from TEXT NOT NULL,
      last_change_at TEXT
    );
    CREATE INDEX product_table_title ON product_table_rows(title_key, product_id);
    CREATE INDEX product_table_sku ON product_table_rows(sku_key, product_id);
    CREATE INDEX product_table_strategy ON product_table_rows(strategy, product_id);
    CREATE INDEX product_table_bot ON product_table_rows(bot_enabled, product_id);
    CREATE INDEX product_table_store ON product_table_rows(store_id);
    CREATE INDEX product_table_our_price_asc ON product_table_rows((our_price IS NULL), our_price, product_id);
    CREATE INDEX product_table_our_price ON product_table_rows(our_price, product_id);
    CREATE INDEX product_table_rival_asc ON product_table_rows((best_rival_price IS NULL), best_rival_price, product_id);
    CREATE INDEX product_table_rival ON product_table_rows(best_rival_price, product_id);
    CREATE INDEX product_table_position_asc ON product_table_rows((position IS NULL), position, product_id);
    CREATE INDEX product_table_position ON product_table_rows(position, product_id);
    CREATE INDEX product_table_floor_asc ON product_table_rows((floor IS NULL), floor, product_id);
    CREATE INDEX product_table_floor ON product_table_rows(floor, product_id);
    CREATE INDEX product_table_ceiling_asc ON product_table_rows((ceiling IS NULL), ceiling, product_id);
    CREATE INDEX product_table_ceiling ON product_table_rows(ceiling, product_id);
    CREATE INDEX product_table_change_asc ON product_table_rows((last_change_at IS NULL), last_change_at, product_id);
    CREATE INDEX product_table_change ON product_table_rows(last_change_at, product_id);

    CREATE TABLE product_table_dirty (product_id INTEGER PRIMARY KEY);
    INSERT INTO product_table_dirty SELECT id FROM products;

    -- The table's "last change": the newest pushed change of a product, found without reading its dry runs.
    CREATE INDEX price_journal_last_change ON price_journal(product_id, coalesce(pushed_at, created_at)) WHERE status IN ${CHANGED};
    -- The store list's product counts, read from the index alone.
    CREATE INDEX products_store_listing ON products(store_id, removed_at, active);

    -- The overview's changes per Kazakhstan day (UTC+5), counted as journal rows come and change.
    CREATE TABLE price_journal_days (
      day TEXT PRIMARY KEY,
      changes INTEGER NOT NULL,
      dry_run INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO price_journal_days (day, changes, dry_run)
    SELECT date(created_at, '+5 hours'), sum(status <> 'dry_run'), sum(status = 'dry_run')
      FROM price_journal WHERE status IN ${COUNTED} GROUP BY 1;
    CREATE TRIGGER price_journal_days_added AFTER INSERT ON price_journal WHEN NEW.status IN ${COUNTED}
    BEGIN ${count('NEW', '+')} END;
    CREATE TRIGGER price_journal_days_removed AFTER DELETE ON price_journal WHEN OLD.status IN ${COUNTED}
    BEGIN ${count('OLD', '-')} END;
    CREATE TRIGGER price_journal_days_left AFTER UPDATE OF status, created_at ON price_journal WHEN OLD.status IN ${COUNTED}
    BEGIN ${count('OLD', '-')} END;
    CREATE TRIGGER price_journal_days_entered AFTER UPDATE OF status, created_at ON price_journal WHEN NEW.status IN ${COUNTED}
    BEGIN ${count('NEW', '+')} END;

    CREATE TRIGGER product_table_product_added AFTER INSERT ON products
    BEGIN ${markDirty('NEW.id')} END;
    CREATE TRIGGER product_table_product_changed AFTER UPDATE OF store_id, sku, master_sku, title, active, bot_enabled, rules_json, removed_at ON products
    WHEN OLD.store_id IS NOT NEW.store_id OR OLD.sku IS NOT NEW.sku OR OLD.master_sku IS NOT NEW.master_sku OR OLD.title IS NOT NEW.title
      OR OLD.active IS NOT NEW.active OR OLD.bot_enabled IS NOT NEW.bot_enabled OR OLD.rules_json IS NOT NEW.rules_json OR OLD.removed_at IS NOT NEW.removed_at
    BEGIN ${markDirty('NEW.id')} END;
    CREATE TRIGGER product_table_store_changed AFTER UPDATE OF default_rules_json, removed_at ON stores
    WHEN OLD.default_rules_json IS NOT NEW.default_rules_json OR OLD.removed_at IS NOT NEW.removed_at
    BEGIN
      INSERT INTO product_table_dirty (product_id)
      SELECT id FROM products WHERE store_id = NEW.id AND id NOT IN (SELECT product_id FROM product_table_dirty);
    END;
    CREATE TRIGGER product_table_price_added AFTER INSERT ON product_city_prices
    BEGIN ${markDirty('NEW.product_id')} END;
    CREATE TRIGGER product_table_price_changed AFTER UPDATE OF price ON product_city_prices WHEN OLD.price IS NOT NEW.price
    BEGIN ${markDirty('NEW.product_id')} END;
    CREATE TRIGGER product_table_price_removed AFTER DELETE ON product_city_prices
    BEGIN ${markDirty('OLD.product_id')} END;
    CREATE TRIGGER product_table_market_added AFTER INSERT ON offer_latest
    BEGIN ${markDirty('NEW.product_id')} END;
    CREATE TRIGGER product_table_market_changed AFTER UPDATE ON offer_latest
    BEGIN ${markDirty('NEW.product_id')} END;
    CREATE TRIGGER product_table_change_planned AFTER INSERT ON price_journal WHEN NEW.status IN ${CHANGED}
    BEGIN ${markDirty('NEW.product_id')} END;
    CREATE TRIGGER product_table_change_pushed AFTER UPDATE OF status, pushed_at ON price_journal
    WHEN NEW.status IN ${CHANGED} AND (OLD.status NOT IN ${CHANGED} OR OLD.pushed_at IS NOT NEW.pushed_at)
    BEGIN ${markDirty('NEW.product_id')} END;
  `,
};
