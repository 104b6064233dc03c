import type { Migration } from './types';

/**
 * What the demper learns and must keep across restarts (issue #12): per (product, city) its market
 * memory (rival floors, price-war scores, first-place hold times, the price range it has seen);
 * per merchant account a Kaspi 429 block of its change budget; per store a kill-switch stop.
 */
export const demperMemory: Migration = {
  version: 4,
  name: 'demper memory, change-budget blocks, kill-switch stops',
  up: `
    CREATE TABLE demper_pair_memory (
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      city_id TEXT NOT NULL,
      memory_json TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (product_id, city_id)
    );
    CREATE TABLE change_budget_blocks (
      merchant_uid TEXT PRIMARY KEY,
      blocked_until TEXT NOT NULL
    );
    CREATE TABLE demper_store_stops (
      store_id INTEGER PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE,
      stop_json TEXT NOT NULL,
      stopped_at TEXT NOT NULL
    );
  `,
};
