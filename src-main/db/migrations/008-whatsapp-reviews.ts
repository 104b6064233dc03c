import type { Migration } from './types';

/**
 * WhatsApp messages to buyers through WAHA, and product reviews (issue 17).
 *
 * - The whatsapp_templates / whatsapp_messages placeholders of 001 were never written; they stay
 *   (a migration keeps every table it finds) and nothing reads them.
 * - whatsapp_connection: WAHA's address and its key (sealed), with the address the key was entered
 *   for: a key is used only there. Also the webhook's path token and the key that makes phone
 *   lookups (sealed), and how far the trigger scan has read the order status history.
 * - whatsapp_outbox: one row per (order, trigger) ever, by its idempotency key, written before any
 *   call to WAHA; every state change is a time column in the same row.
 * - whatsapp_contacts: per buyer's number (keyed by an HMAC, numbers themselves are sealed):
 *   whether it is on WhatsApp, its chat id, and an opt-out that is never undone by the app.
 * - reviews: the store's buyers' reviews as Kaspi lists them, first-seen time and the review
 *   request that came before; review_ratings: each product's rating per Kazakhstan day.
 */
export const whatsappReviews: Migration = {
  version: 8,
  name: 'whatsapp outbox, templates, contacts; reviews',
  up: `
    CREATE TABLE whatsapp_connection (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      url TEXT,
      api_key_enc TEXT,
      key_url TEXT,
      webhook_via TEXT NOT NULL DEFAULT 'docker' CHECK (webhook_via IN ('docker', 'local')),
      webhook_token_enc TEXT,
      lookup_key_enc TEXT,
      trigger_cursor INTEGER NOT NULL DEFAULT 0,
      auto_restart_ms INTEGER,
      updated_ms INTEGER NOT NULL
    );

    CREATE TABLE whatsapp_triggers (
      store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
      trigger TEXT NOT NULL CHECK (trigger IN ('accepted', 'handed_over', 'delivered', 'cancelled')),
      enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
      enabled_ms INTEGER,
      language TEXT NOT NULL DEFAULT 'ru' CHECK (language IN ('ru', 'kk', 'ru_kk')),
      body_ru TEXT NOT NULL,
      body_kk TEXT NOT NULL,
      delay_minutes INTEGER NOT NULL DEFAULT 0 CHECK (delay_minutes BETWEEN 0 AND 10080),
      quiet_from TEXT NOT NULL DEFAULT '21:00',
      quiet_to TEXT NOT NULL DEFAULT '09:00',
      updated_ms INTEGER NOT NULL,
      PRIMARY KEY (store_id, trigger)
    ) WITHOUT ROWID;

    CREATE TABLE whatsapp_stores (
      store_id INTEGER PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE,
      daily_cap INTEGER NOT NULL DEFAULT 30 CHECK (daily_cap BETWEEN 0 AND 500)
    );

    CREATE TABLE whatsapp_contacts (
      phone_key TEXT PRIMARY KEY,
      chat_id TEXT,
      on_whatsapp INTEGER CHECK (on_whatsapp IN (0, 1)),
      checked_ms INTEGER,
      opted_out_ms INTEGER
    ) WITHOUT ROWID;
    CREATE INDEX whatsapp_contacts_chat ON whatsapp_contacts(chat_id) WHERE chat_id IS NOT NULL;

    CREATE TABLE whatsapp_outbox (
      id INTEGER PRIMARY KEY,
      idem_key TEXT NOT NULL UNIQUE,
      store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
      order_id INTEGER REFERENCES orders(id) ON DELETE CASCADE,
      trigger TEXT NOT NULL CHECK (trigger IN ('accepted', 'handed_over', 'delivered', 'cancelled', 'test')),
      phone_key TEXT,
      phone_enc TEXT,
      phone_last4 TEXT,
      chat_id TEXT,
      body TEXT,
      state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'skipped')),
      reason TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      due_ms INTEGER NOT NULL,
      created_ms INTEGER NOT NULL,
      sending_ms INTEGER,
      sent_ms INTEGER,
      delivered_ms INTEGER,
      read_ms INTEGER,
      updated_ms INTEGER NOT NULL,
      waha_id TEXT,
      polled_ms INTEGER
    );
    CREATE INDEX whatsapp_outbox_work ON whatsapp_outbox(state, due_ms) WHERE state IN ('queued', 'sending');
    CREATE UNIQUE INDEX whatsapp_outbox_waha ON whatsapp_outbox(waha_id) WHERE waha_id IS NOT NULL;
    CREATE INDEX whatsapp_outbox_store ON whatsapp_outbox(store_id, created_ms);
    CREATE INDEX whatsapp_outbox_sent ON whatsapp_outbox(store_id, sent_ms) WHERE sent_ms IS NOT NULL;
    CREATE INDEX whatsapp_outbox_order ON whatsapp_outbox(order_id) WHERE order_id IS NOT NULL;
    CREATE INDEX whatsapp_outbox_phone ON whatsapp_outbox(phone_key, state);

    CREATE TABLE reviews (
      id INTEGER PRIMARY KEY,
      store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
      product_id INTEGER REFERENCES products(id) ON DELETE SET NULL,
      master_sku TEXT NOT NULL,
      kaspi_id TEXT NOT NULL,
      author TEXT,
      rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
      text TEXT,
      plus TEXT,
      minus TEXT,
      order_code TEXT,
      review_ms INTEGER,
      first_seen_ms INTEGER NOT NULL,
      asked_outbox_id INTEGER REFERENCES whatsapp_outbox(id) ON DELETE SET NULL,
      UNIQUE (store_id, kaspi_id)
    );
    CREATE INDEX reviews_store_day ON reviews(store_id, review_ms);
    CREATE INDEX reviews_seen ON reviews(first_seen_ms);
    CREATE INDEX reviews_product ON reviews(product_id, review_ms);

    CREATE TABLE review_ratings (
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      day INTEGER NOT NULL,
      rating REAL NOT NULL,
      rating_count INTEGER NOT NULL,
      reviews_count INTEGER NOT NULL,
      PRIMARY KEY (product_id, day)
    ) WITHOUT ROWID;

    -- When each product's reviews were last read, so a pass goes on from where it stopped.
    CREATE TABLE review_products (
      product_id INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
      read_ms INTEGER NOT NULL
    );

    CREATE TABLE review_sync_state (
      store_id INTEGER PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE,
      first_pass_done INTEGER NOT NULL DEFAULT 0 CHECK (first_pass_done IN (0, 1)),
      last_pass_ms INTEGER,
      failures INTEGER NOT NULL DEFAULT 0,
      error_code TEXT,
      error_ms INTEGER
    );
  `,
};
