import type { Migration } from './types';

/**
 * Competition insights (issue 18): read models over the offer snapshots, refreshed incrementally.
 *
 * - insight_cursor: the last offer snapshot the rival scan has read (one row).
 * - insight_pairs: what the scan carries from one refresh to the next per (product, city): the
 *   offers it saw last and our last move there.
 * - rival_stats: each rival merchant's activity seen in the snapshots (how often it changes, its
 *   steps, its hours, its answers to our moves, the lowest price it held per product, its cities).
 * - rule_changes: rules the seller changed from a recommendation: when, which, on what products,
 *   written in the same transaction as the change itself.
 */
export const insights: Migration = {
  version: 9,
  name: 'competition insights and the rule changes made from them',
  up: `
    CREATE TABLE insight_cursor (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      snapshot_id INTEGER NOT NULL
    );

    CREATE TABLE insight_pairs (
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      city_id TEXT NOT NULL,
      state_json TEXT NOT NULL,
      PRIMARY KEY (product_id, city_id)
    ) WITHOUT ROWID;

    CREATE TABLE rival_stats (
      merchant_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      stats_json TEXT NOT NULL,
      last_seen_ms INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE rule_changes (
      id INTEGER PRIMARY KEY,
      at_ms INTEGER NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('recommendation', 'backtest')),
      kind TEXT NOT NULL,
      change_json TEXT NOT NULL,
      products_json TEXT NOT NULL
    );
  `,
};
