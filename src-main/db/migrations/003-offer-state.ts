import type { Migration } from './types';

/**
 * What a faithful price push needs beyond the synced offer (kaspi-api.md §5, issue 11):
 *  - `product_city_prices` keeps only the cities an offer is listed in (some point there on sale);
 *    the prices Kaspi holds for its other cities live in `product_unlisted_prices`: neither the bot
 *    nor the UI treats them as places it sells, and a change of points alone (a point back on
 *    sale, a pre-order) carries them back unchanged;
 *  - `offer_pushes`: every pricefeed body sent, written before the call and completed after it
 *    (design.md §5), so what went to Kaspi can be read back and the next push builds on it.
 * Per-point availabilities (available, pre-order days, stock count or none) are already in
 * `product_availabilities`.
 */
export const offerState: Migration = {
  version: 3,
  name: 'offer state for faithful pushes',
  up: `
    CREATE TABLE product_unlisted_prices (
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      city_id TEXT NOT NULL,
      price INTEGER NOT NULL CHECK (typeof(price) = 'integer' AND price >= 1),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (product_id, city_id)
    );

    CREATE TABLE offer_pushes (
      id INTEGER PRIMARY KEY,
      store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      sku TEXT NOT NULL,
      body_json TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('sending', 'accepted', 'refused', 'unknown')),
      job_id TEXT,
      error TEXT,
      created_at TEXT NOT NULL,
      answered_at TEXT
    );
    CREATE INDEX offer_pushes_product ON offer_pushes(product_id, id);
  `,
};
