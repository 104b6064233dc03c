import type { Migration } from './types';

/**
 * Pre-orders and stock (issue 16). The `preorders` table of 001 was never written; it is rebuilt in
 * the shape the seed's system kept (article, name, brand, price, points, delivery days, status),
 * copying any row it holds:
 *  - `preorders`: one entry per offer of a store, by SKU; `product_id` is null for a new article
 *    listed from a file until a sync finds it. Status draft → processing → active, or failed with
 *    Kaspi's reason (`error_json`, a catalogue message); `ended` once switched back to regular sale.
 *  - `preorder_points`: the points of sale the seller set, with the days until delivery (1–30; 0 =
 *    sold from stock there) and, optionally, the stock count to send with them.
 *  - `preorder_sends`: the journal (design.md §5): a row is written before each change leaves and
 *    completed after it, then checked by reading the offer back; one per entry and attempt.
 *  - `preorder_uploads`: each price-list file sent, written before the upload.
 *  - `preorder_history`: what happened to an entry, in order.
 */
export const preorders: Migration = {
  version: 7,
  name: 'pre-orders, their points, send journal, uploads and history',
  up: `
    CREATE TABLE preorders_v7 (
      id INTEGER PRIMARY KEY,
      store_id INTEGER NOT NULL REFERENCES stores(id),
      product_id INTEGER REFERENCES products(id),
      sku TEXT NOT NULL,
      name TEXT NOT NULL,
      brand TEXT,
      price INTEGER NOT NULL CHECK (typeof(price) = 'integer' AND price >= 1),
      status TEXT NOT NULL CHECK (status IN ('draft', 'processing', 'active', 'failed', 'ended')),
      error_json TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (store_id, sku)
    );
    INSERT INTO preorders_v7 (id, store_id, product_id, sku, name, brand, price, status, created_at, updated_at)
      SELECT o.id, o.store_id, o.product_id, p.sku, p.title, p.brand,
             coalesce((SELECT min(price) FROM product_city_prices c WHERE c.product_id = p.id), 1),
             CASE o.status WHEN 'active' THEN 'active' WHEN 'ended' THEN 'ended' ELSE 'draft' END, o.created_at, o.created_at
        FROM preorders o JOIN products p ON p.id = o.product_id;

    CREATE TABLE preorder_points (
      preorder_id INTEGER NOT NULL REFERENCES preorders_v7(id) ON DELETE CASCADE,
      point_id TEXT NOT NULL,
      days INTEGER NOT NULL CHECK (days BETWEEN 0 AND 30),
      stock_count INTEGER CHECK (stock_count IS NULL OR (typeof(stock_count) = 'integer' AND stock_count >= 0)),
      PRIMARY KEY (preorder_id, point_id)
    );
    INSERT INTO preorder_points (preorder_id, point_id, days)
      SELECT o.id, a.point_id, o.preorder_days FROM preorders o JOIN product_availabilities a ON a.product_id = o.product_id AND a.available = 1;

    DROP TABLE preorders;
    ALTER TABLE preorders_v7 RENAME TO preorders;
    CREATE INDEX preorders_status ON preorders(store_id, status);

    CREATE TABLE preorder_uploads (
      id INTEGER PRIMARY KEY,
      store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
      file_name TEXT NOT NULL,
      row_count INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('planned', 'accepted', 'refused', 'unknown')),
      job_id TEXT,
      error_json TEXT,
      created_at TEXT NOT NULL,
      answered_at TEXT
    );

    CREATE TABLE preorder_sends (
      id INTEGER PRIMARY KEY,
      preorder_id INTEGER NOT NULL REFERENCES preorders(id) ON DELETE CASCADE,
      store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
      via TEXT NOT NULL CHECK (via IN ('push', 'file')),
      upload_id INTEGER REFERENCES preorder_uploads(id) ON DELETE CASCADE,
      points_json TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('planned', 'sent', 'unknown', 'refused', 'blocked', 'verified', 'mismatch')),
      job_id TEXT,
      error_json TEXT,
      created_at TEXT NOT NULL,
      answered_at TEXT,
      checked_at TEXT,
      checks INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX preorder_sends_open ON preorder_sends(state) WHERE state IN ('planned', 'sent', 'unknown');
    CREATE INDEX preorder_sends_entry ON preorder_sends(preorder_id, id);

    CREATE TABLE preorder_history (
      id INTEGER PRIMARY KEY,
      preorder_id INTEGER NOT NULL REFERENCES preorders(id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      event TEXT NOT NULL,
      status TEXT NOT NULL,
      detail_json TEXT
    );
    CREATE INDEX preorder_history_entry ON preorder_history(preorder_id, id);
  `,
};
