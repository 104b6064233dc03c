import type { Migration } from './types';

/**
 * Orders and what analytics reads (issue 15). The orders and order_entries tables of 001 were
 * never written, so they are rebuilt in the shape the sync needs, copying any row they hold.
 *
 * - Times are epoch milliseconds; `day` is the Kazakhstan calendar day (UTC+5) the seller counts in.
 * - order_entries repeat the order's day, city, store and whether the sale counts, and carry the
 *   market when the order came in (position, our price, best rival), so analytics scan one table.
 * - order_status_history is append-only (a trigger refuses UPDATE; rows go only with their order,
 *   when a store is removed with its history): later features derive events from it.
 * - position_spans, product_change_days and store_city_days are read models of offer_snapshots
 *   and price_journal: how long the bot watched each product at which place, how many prices it
 *   changed, and the same per store and day.
 * - Indexes serve the Orders page (tab, store, date order, code, phone, product) and the analytics
 *   scans by day; see tests/bench/orders.ts for the figures they are measured by.
 */
/** The derived columns of order_entries, from the line's own columns. */
const DERIVED = `units_first = CASE WHEN position_at_sale = 1 THEN quantity ELSE 0 END,
      units_not_first = CASE WHEN position_at_sale > 1 THEN quantity ELSE 0 END,
      units_unknown = CASE WHEN position_at_sale IS NULL THEN quantity ELSE 0 END,
      revenue_first = CASE WHEN position_at_sale = 1 THEN total_price ELSE 0 END,
      covered_revenue = CASE WHEN unit_cost IS NOT NULL THEN total_price ELSE 0 END,
      cost_total = CASE WHEN unit_cost IS NOT NULL THEN quantity * (unit_cost + coalesce(fixed_fee, 0)) + total_price * coalesce(commission_bp, 0) / 10000.0 END`;

export const orders: Migration = {
  version: 6,
  name: 'orders, status history, sync state, analytics read models',
  up: `
    CREATE TABLE orders_v6 (
      id INTEGER PRIMARY KEY,
      store_id INTEGER NOT NULL REFERENCES stores(id),
      code TEXT NOT NULL,
      kaspi_id TEXT,
      source TEXT NOT NULL CHECK (source IN ('shop_api', 'cabinet')),
      state TEXT NOT NULL CHECK (state IN ('new', 'sign_required', 'pickup', 'delivery', 'kaspi_delivery', 'archive')),
      outcome TEXT CHECK (outcome IN ('completed', 'cancelled', 'returned')),
      status TEXT,
      kaspi_tab TEXT,
      created_ms INTEGER NOT NULL,
      day INTEGER NOT NULL,
      total_price INTEGER NOT NULL CHECK (typeof(total_price) = 'integer' AND total_price >= 0),
      delivery_cost INTEGER CHECK (delivery_cost IS NULL OR typeof(delivery_cost) = 'integer'),
      delivery_mode TEXT,
      kaspi_delivery INTEGER CHECK (kaspi_delivery IN (0, 1)),
      payment_mode TEXT,
      city_id TEXT,
      city_name TEXT,
      point_id TEXT,
      address TEXT,
      customer_name TEXT,
      phone_enc TEXT,
      phone_last4 TEXT,
      phone_masked INTEGER NOT NULL DEFAULT 0 CHECK (phone_masked IN (0, 1)),
      planned_delivery_ms INTEGER,
      accept_deadline_ms INTEGER,
      cancel_reason TEXT,
      entries_state TEXT NOT NULL DEFAULT 'complete' CHECK (entries_state IN ('pending', 'complete')),
      units INTEGER NOT NULL DEFAULT 0,
      first_seen_ms INTEGER NOT NULL,
      status_changed_ms INTEGER NOT NULL,
      updated_ms INTEGER NOT NULL,
      UNIQUE (store_id, code)
    );
    INSERT INTO orders_v6 (id, store_id, code, kaspi_id, source, state, status, created_ms, day, total_price, delivery_mode,
                           customer_name, phone_enc, first_seen_ms, status_changed_ms, updated_ms)
      SELECT id, store_id, code, kaspi_id, 'shop_api',
             CASE lower(coalesce(state, '')) WHEN 'new' THEN 'new' WHEN 'sign_required' THEN 'sign_required' WHEN 'pickup' THEN 'pickup'
               WHEN 'delivery' THEN 'delivery' WHEN 'kaspi_delivery' THEN 'kaspi_delivery' ELSE 'archive' END,
             status, CAST(strftime('%s', created_at_kaspi) AS INTEGER) * 1000,
             (CAST(strftime('%s', created_at_kaspi) AS INTEGER) + 18000) / 86400,
             total_price, delivery_mode, customer_name, customer_phone_enc,
             CAST(strftime('%s', updated_at) AS INTEGER) * 1000, CAST(strftime('%s', updated_at) AS INTEGER) * 1000, CAST(strftime('%s', updated_at) AS INTEGER) * 1000
        FROM orders;

    CREATE TABLE order_entries_v6 (
      order_id INTEGER NOT NULL REFERENCES orders_v6(id) ON DELETE CASCADE,
      entry_no INTEGER NOT NULL,
      store_id INTEGER NOT NULL,
      product_id INTEGER REFERENCES products(id),
      master_sku TEXT,
      sku TEXT,
      name TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity >= 1),
      total_price INTEGER NOT NULL CHECK (typeof(total_price) = 'integer' AND total_price >= 0),
      created_ms INTEGER NOT NULL,
      day INTEGER NOT NULL,
      city_id TEXT,
      counted INTEGER NOT NULL DEFAULT 1 CHECK (counted IN (0, 1)),
      position_at_sale INTEGER,
      our_price_at_sale INTEGER,
      rival_price_at_sale INTEGER,
      market_at_ms INTEGER,
      unit_cost INTEGER,
      fixed_fee INTEGER,
      commission_bp INTEGER,
      -- Derived for analytics by the triggers below (indexes cover them, so a sum reads no row).
      units_first INTEGER NOT NULL DEFAULT 0,
      units_not_first INTEGER NOT NULL DEFAULT 0,
      units_unknown INTEGER NOT NULL DEFAULT 0,
      revenue_first INTEGER NOT NULL DEFAULT 0,
      covered_revenue INTEGER NOT NULL DEFAULT 0,
      cost_total REAL,
      PRIMARY KEY (order_id, entry_no)
    );
    INSERT INTO order_entries_v6 (order_id, entry_no, store_id, master_sku, sku, name, quantity, total_price, created_ms, day)
      SELECT e.order_id, e.entry_no, o.store_id, e.master_sku, e.sku, e.name, e.quantity, e.total_price, o.created_ms, o.day
        FROM order_entries e JOIN orders_v6 o ON o.id = e.order_id;

    DROP TABLE order_entries;
    DROP TABLE orders;
    ALTER TABLE orders_v6 RENAME TO orders;
    ALTER TABLE order_entries_v6 RENAME TO order_entries;

    -- What a sale line adds to "sold in first place", "not first", "unknown", and to the margin.
    CREATE TRIGGER order_entries_derive_insert AFTER INSERT ON order_entries
      BEGIN UPDATE order_entries SET ${DERIVED} WHERE order_id = NEW.order_id AND entry_no = NEW.entry_no; END;
    CREATE TRIGGER order_entries_derive_update AFTER UPDATE OF quantity, total_price, position_at_sale, unit_cost, fixed_fee, commission_bp ON order_entries
      BEGIN UPDATE order_entries SET ${DERIVED} WHERE order_id = NEW.order_id AND entry_no = NEW.entry_no; END;
    UPDATE order_entries SET ${DERIVED};

    -- The Orders page: a tab (and how archived orders ended) in date order, for all stores or one;
    -- dates, totals and codes; the sealed phone by its last four digits.
    CREATE INDEX orders_state_created ON orders(state, created_ms);
    CREATE INDEX orders_state_outcome_created ON orders(state, outcome, created_ms);
    CREATE INDEX orders_store_state_created ON orders(store_id, state, created_ms);
    CREATE INDEX orders_store_state_outcome_created ON orders(store_id, state, outcome, created_ms);
    CREATE INDEX orders_created ON orders(created_ms);
    CREATE INDEX orders_store_created ON orders(store_id, created_ms);
    CREATE INDEX orders_total ON orders(total_price);
    CREATE INDEX orders_store_total ON orders(store_id, total_price);
    CREATE INDEX orders_code ON orders(code);
    CREATE INDEX orders_phone_last4 ON orders(phone_last4) WHERE phone_last4 IS NOT NULL;
    CREATE INDEX orders_entries_pending ON orders(created_ms, store_id) WHERE entries_state = 'pending';
    CREATE INDEX orders_waiting ON orders(accept_deadline_ms) WHERE state IN ('new', 'sign_required');
    -- Analytics: sales by day, store and city without reading the table.
    CREATE INDEX orders_day ON orders(day, store_id, city_id, outcome, total_price, units);

    CREATE INDEX order_entries_product ON order_entries(product_id, created_ms);
    CREATE INDEX order_entries_unlinked ON order_entries(store_id) WHERE product_id IS NULL;
    -- Cover the analytics scans, by day (sales over time) and by product (what each product
    -- earned, grouped without a sort): nothing of the table itself is read.
    CREATE INDEX order_entries_product_day ON order_entries(counted, product_id, day, store_id, city_id, quantity, total_price, units_first, units_not_first, units_unknown, revenue_first, covered_revenue, cost_total);
    CREATE INDEX order_entries_day ON order_entries(day, counted, store_id, city_id, product_id, quantity, total_price, covered_revenue, cost_total);

    CREATE TABLE order_status_history (
      id INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      at_ms INTEGER NOT NULL,
      observed_ms INTEGER NOT NULL,
      state TEXT NOT NULL,
      outcome TEXT,
      status TEXT,
      kaspi_tab TEXT
    );
    CREATE INDEX order_status_history_order ON order_status_history(order_id, id);
    CREATE INDEX order_status_history_observed ON order_status_history(observed_ms);
    CREATE TRIGGER order_status_history_no_update BEFORE UPDATE ON order_status_history
      BEGIN SELECT RAISE(ABORT, 'order status history is append-only'); END;

    -- An order's action (accepting it through the shop API) is journaled before the call.
    CREATE TABLE order_actions (
      id INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      action TEXT NOT NULL CHECK (action IN ('accept')),
      status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'failed')),
      error TEXT,
      created_ms INTEGER NOT NULL,
      done_ms INTEGER
    );
    CREATE UNIQUE INDEX order_actions_open ON order_actions(order_id, action) WHERE status = 'planned';

    CREATE TABLE order_sync_state (
      store_id INTEGER PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE,
      source TEXT CHECK (source IN ('shop_api', 'cabinet')),
      backfill_from_ms INTEGER,
      backfill_cursor_ms INTEGER,
      backfill_done INTEGER NOT NULL DEFAULT 0 CHECK (backfill_done IN (0, 1)),
      recent_synced_ms INTEGER,
      full_synced_ms INTEGER,
      failures INTEGER NOT NULL DEFAULT 0,
      error_code TEXT,
      error_message TEXT,
      error_ms INTEGER,
      next_attempt_ms INTEGER,
      alert_new_order INTEGER NOT NULL DEFAULT 1 CHECK (alert_new_order IN (0, 1)),
      alert_deadline INTEGER NOT NULL DEFAULT 1 CHECK (alert_deadline IN (0, 1)),
      updated_ms INTEGER
    );

    -- Spans of time the bot watched a product in a city at one place; cum_* run from the pair's
    -- first span to this one's end, so the watched time of any range is two lookups per city.
    CREATE TABLE position_spans (
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      city_id TEXT NOT NULL,
      from_ms INTEGER NOT NULL,
      to_ms INTEGER NOT NULL,
      position INTEGER,
      cum_tracked_ms INTEGER NOT NULL,
      cum_first_ms INTEGER NOT NULL,
      PRIMARY KEY (product_id, city_id, from_ms)
    ) WITHOUT ROWID;

    -- Where each product stands in each city, the span it is in, and up to when it is counted.
    CREATE TABLE position_cursor (
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      city_id TEXT NOT NULL,
      position INTEGER,
      counted_to_ms INTEGER NOT NULL,
      span_from_ms INTEGER,
      span_to_ms INTEGER,
      span_position INTEGER,
      cum_tracked_ms INTEGER NOT NULL DEFAULT 0,
      cum_first_ms INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (product_id, city_id)
    ) WITHOUT ROWID;

    -- Prices the bot pushed, per product, city and day, with running totals.
    CREATE TABLE product_change_days (
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      city_id TEXT NOT NULL,
      day INTEGER NOT NULL,
      changes INTEGER NOT NULL,
      cum_changes INTEGER NOT NULL,
      PRIMARY KEY (product_id, city_id, day)
    ) WITHOUT ROWID;

    -- Watched time, first-place time and changes per store, city and day: the catalogue's share.
    CREATE TABLE store_city_days (
      store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
      city_id TEXT NOT NULL,
      day INTEGER NOT NULL,
      tracked_ms INTEGER NOT NULL DEFAULT 0,
      first_ms INTEGER NOT NULL DEFAULT 0,
      changes INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, store_id, city_id)
    ) WITHOUT ROWID;
  `,
};
