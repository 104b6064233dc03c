import type { Migration } from './types';

/**
 * The initial schema. Money is INTEGER tenge with CHECKs so a float or a zero price can never be
 * stored, whatever a caller does. Products are never deleted with their history: a product gone
 * from Kaspi gets `removed_at`, a removed store gets `removed_at` too.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial schema',
  up: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    );

    CREATE TABLE kaspi_accounts (
      id INTEGER PRIMARY KEY,
      login TEXT NOT NULL UNIQUE,
      login_method TEXT NOT NULL CHECK (login_method IN ('email', 'phone')),
      password_enc TEXT,
      cookies_enc TEXT,
      session_status TEXT NOT NULL DEFAULT 'unknown'
        CHECK (session_status IN ('unknown', 'valid', 'expired', 'needs_login')),
      session_checked_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE stores (
      id INTEGER PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES kaspi_accounts(id),
      merchant_uid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      shop_token_enc TEXT,
      bot_enabled INTEGER NOT NULL DEFAULT 0 CHECK (bot_enabled IN (0, 1)),
      default_rules_json TEXT NOT NULL DEFAULT '{}',
      last_sync_at TEXT,
      created_at TEXT NOT NULL,
      removed_at TEXT
    );

    CREATE TABLE store_points (
      store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
      point_id TEXT NOT NULL,
      name TEXT NOT NULL,
      city_id TEXT,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      PRIMARY KEY (store_id, point_id)
    );

    CREATE TABLE store_cities (
      store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
      city_id TEXT NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (store_id, city_id)
    );

    CREATE TABLE products (
      id INTEGER PRIMARY KEY,
      store_id INTEGER NOT NULL REFERENCES stores(id),
      sku TEXT NOT NULL,
      master_sku TEXT,
      title TEXT NOT NULL,
      brand TEXT,
      category TEXT,
      image_url TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      preorder_days INTEGER NOT NULL DEFAULT 0 CHECK (preorder_days BETWEEN 0 AND 30),
      bot_enabled INTEGER NOT NULL DEFAULT 0 CHECK (bot_enabled IN (0, 1)),
      rules_json TEXT NOT NULL DEFAULT '{}',
      synced_at TEXT,
      removed_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (store_id, sku)
    );
    CREATE INDEX products_master_sku ON products(master_sku);

    CREATE TABLE product_city_prices (
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      city_id TEXT NOT NULL,
      price INTEGER NOT NULL CHECK (typeof(price) = 'integer' AND price >= 1),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (product_id, city_id)
    );

    CREATE TABLE product_availabilities (
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      point_id TEXT NOT NULL,
      available INTEGER NOT NULL CHECK (available IN (0, 1)),
      preorder_days INTEGER NOT NULL DEFAULT 0 CHECK (preorder_days BETWEEN 0 AND 30),
      stock_count INTEGER,
      PRIMARY KEY (product_id, point_id)
    );

    CREATE TABLE offer_snapshots (
      id INTEGER PRIMARY KEY,
      product_id INTEGER NOT NULL REFERENCES products(id),
      city_id TEXT NOT NULL,
      taken_at TEXT NOT NULL,
      our_price INTEGER CHECK (our_price IS NULL OR (typeof(our_price) = 'integer' AND our_price >= 1)),
      our_position INTEGER,
      best_rival_price INTEGER CHECK (best_rival_price IS NULL OR typeof(best_rival_price) = 'integer'),
      best_rival_merchant_id TEXT,
      offers_json TEXT NOT NULL
    );
    CREATE INDEX offer_snapshots_product_time ON offer_snapshots(product_id, city_id, taken_at);

    -- design.md §5: planned before the push, completed in the same row after it.
    CREATE TABLE price_journal (
      id INTEGER PRIMARY KEY,
      store_id INTEGER NOT NULL REFERENCES stores(id),
      product_id INTEGER NOT NULL REFERENCES products(id),
      city_id TEXT NOT NULL,
      old_price INTEGER CHECK (old_price IS NULL OR typeof(old_price) = 'integer'),
      new_price INTEGER NOT NULL CHECK (typeof(new_price) = 'integer' AND new_price >= 1),
      reason_code TEXT NOT NULL,
      reason_json TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('planned', 'pushed', 'failed', 'verified', 'mismatch', 'dry_run')),
      job_id TEXT,
      error TEXT,
      created_at TEXT NOT NULL,
      pushed_at TEXT,
      verified_at TEXT
    );
    CREATE INDEX price_journal_product ON price_journal(product_id, created_at);
    CREATE INDEX price_journal_status ON price_journal(status) WHERE status IN ('planned', 'pushed');

    CREATE TABLE orders (
      id INTEGER PRIMARY KEY,
      store_id INTEGER NOT NULL REFERENCES stores(id),
      kaspi_id TEXT,
      code TEXT NOT NULL,
      state TEXT,
      status TEXT,
      total_price INTEGER NOT NULL CHECK (typeof(total_price) = 'integer' AND total_price >= 0),
      customer_name TEXT,
      customer_phone_enc TEXT,
      delivery_mode TEXT,
      created_at_kaspi TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (store_id, code)
    );

    CREATE TABLE order_entries (
      order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      entry_no INTEGER NOT NULL,
      master_sku TEXT,
      sku TEXT,
      name TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity >= 1),
      total_price INTEGER NOT NULL CHECK (typeof(total_price) = 'integer' AND total_price >= 0),
      PRIMARY KEY (order_id, entry_no)
    );

    CREATE TABLE preorders (
      id INTEGER PRIMARY KEY,
      store_id INTEGER NOT NULL REFERENCES stores(id),
      product_id INTEGER NOT NULL REFERENCES products(id),
      preorder_days INTEGER NOT NULL CHECK (preorder_days BETWEEN 1 AND 30),
      status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'ended')),
      created_at TEXT NOT NULL,
      ends_at TEXT
    );

    CREATE TABLE whatsapp_templates (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      trigger TEXT NOT NULL,
      body TEXT NOT NULL,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      created_at TEXT NOT NULL
    );

    CREATE TABLE whatsapp_messages (
      id INTEGER PRIMARY KEY,
      template_id INTEGER REFERENCES whatsapp_templates(id),
      order_id INTEGER REFERENCES orders(id),
      phone_enc TEXT NOT NULL,
      body TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'failed')),
      error TEXT,
      created_at TEXT NOT NULL,
      sent_at TEXT
    );
  `,
};
