import type { Database } from 'better-sqlite3';

/** One point of sale of an offer (structurally the push's PointAvailability). */
export interface StoredAvailability {
  /** `{merchantUid}_PPn`. */
  storeId: string;
  available: boolean;
  /** Pre-order days, 0 when none. */
  preOrder: number;
  /** Units at that point; null when the seller keeps no stock figure there. */
  stockCount: number | null;
}

/** A pricefeed body as logged: the parts the next push builds on are typed, the rest kept as sent. */
export interface SentBody {
  cityPrices: Array<{ cityId: string; value: number }>;
  availabilities: Array<{ storeId: string; available: 'yes' | 'no'; stockCount: number | null; preOrder?: number }>;
  [field: string]: unknown;
}

/** What the app holds of one offer on Kaspi: the state a pricefeed push sends back whole (§5). */
export interface OfferState {
  productId: number;
  storeId: number;
  accountId: number;
  merchantUid: string;
  sku: string;
  title: string;
  syncedAt: string | null;
  /** Cities the offer is listed in (some point there on sale), with its price there. */
  listedPrices: Array<{ cityId: string; price: number }>;
  /** The prices Kaspi holds for the offer's other cities. */
  unlistedPrices: Array<{ cityId: string; price: number }>;
  /** Every point of sale of the offer, long store ids (`{uid}_PPn`). */
  availabilities: StoredAvailability[];
  /** Cities where the store has a point of sale: the only cities a push may price. */
  storeCities: string[];
}

export const OFFER_PUSH_STATUSES = ['sending', 'accepted', 'refused', 'unknown'] as const;
export type OfferPushStatus = (typeof OFFER_PUSH_STATUSES)[number];

export interface OfferPushEntry {
  id: number;
  storeId: number;
  productId: number;
  sku: string;
  body: SentBody;
  status: OfferPushStatus;
  jobId: string | null;
  error: string | null;
  createdAt: string;
  answeredAt: string | null;
}

interface PushRow {
  id: number;
  store_id: number;
  product_id: number;
  sku: string;
  body_json: string;
  status: OfferPushStatus;
  job_id: string | null;
  error: string | null;
  created_at: string;
  answered_at: string | null;
}

const toEntry = (r: PushRow): OfferPushEntry => ({
  id: r.id,
  storeId: r.store_id,
  productId: r.product_id,
  sku: r.sku,
  body: JSON.parse(r.body_json) as SentBody,
  status: r.status,
  jobId: r.job_id,
  error: r.error,
  createdAt: r.created_at,
  answeredAt: r.answered_at,
});

/** Offers as a push needs them, and the log of every pricefeed body sent (offer_pushes). */
export function offerStateRepo(db: Database) {
  const product = db.prepare<[number], { id: number; store_id: number; account_id: number; merchant_uid: string; sku: string; title: string; synced_at: string | null }>(
    `SELECT p.id, p.store_id, s.account_id, s.merchant_uid, p.sku, p.title, p.synced_at
       FROM products p JOIN stores s ON s.id = p.store_id WHERE p.id = ?`,
  );
  const listed = db.prepare<[number], { city_id: string; price: number }>('SELECT city_id, price FROM product_city_prices WHERE product_id = ? ORDER BY city_id');
  const unlisted = db.prepare<[number], { city_id: string; price: number }>('SELECT city_id, price FROM product_unlisted_prices WHERE product_id = ? ORDER BY city_id');
  const points = db.prepare<[number], { point_id: string; available: number; preorder_days: number; stock_count: number | null }>(
    'SELECT point_id, available, preorder_days, stock_count FROM product_availabilities WHERE product_id = ? ORDER BY point_id',
  );
  const storeCities = db.prepare<[number], { city_id: string }>('SELECT DISTINCT city_id FROM store_points WHERE store_id = ? AND city_id IS NOT NULL ORDER BY city_id');
  // A push whose answer was lost may have landed: only a refused one certainly did not.
  const lastSent = db.prepare<[number, string], PushRow>(
    "SELECT * FROM offer_pushes WHERE product_id = ? AND status != 'refused' AND created_at >= ? ORDER BY id DESC LIMIT 1",
  );
  const insert = db.prepare(
    "INSERT INTO offer_pushes (store_id, product_id, sku, body_json, status, created_at) VALUES (@storeId, @productId, @sku, @body, 'sending', @at)",
  );
  const answer = db.prepare('UPDATE offer_pushes SET status = @status, job_id = @jobId, error = @error, answered_at = @at WHERE id = @id');
  const prune = db.prepare('DELETE FROM offer_pushes WHERE created_at < ?');
  const clearPoints = db.prepare('DELETE FROM product_availabilities WHERE product_id = ?');
  const addPoint = db.prepare('INSERT INTO product_availabilities (product_id, point_id, available, preorder_days, stock_count) VALUES (?, ?, ?, ?, ?)');
  const preorderOf = db.prepare('UPDATE products SET preorder_days = ? WHERE id = ?');

  return {
    state(productId: number): OfferState | undefined {
      const p = product.get(productId);
      if (!p) return undefined;
      return {
        productId: p.id,
        storeId: p.store_id,
        accountId: p.account_id,
        merchantUid: p.merchant_uid,
        sku: p.sku,
        title: p.title,
        syncedAt: p.synced_at,
        listedPrices: listed.all(productId).map((r) => ({ cityId: r.city_id, price: r.price })),
        unlistedPrices: unlisted.all(productId).map((r) => ({ cityId: r.city_id, price: r.price })),
        availabilities: points.all(productId).map((r) => ({ storeId: r.point_id, available: r.available === 1, preOrder: r.preorder_days, stockCount: r.stock_count })),
        storeCities: storeCities.all(p.store_id).map((r) => r.city_id),
      };
    },

    /** The newest body sent for the offer since `since` (its last sync) that Kaspi did not refuse. */
    lastSentSince(productId: number, since: string | null): OfferPushEntry | undefined {
      const row = lastSent.get(productId, since ?? '');
      return row && toEntry(row);
    },

    /** Written before the call (design.md §5); durable when it returns. */
    recordSending(p: { storeId: number; productId: number; sku: string; body: SentBody; at: string }): number {
      return Number(insert.run({ ...p, body: JSON.stringify(p.body) }).lastInsertRowid);
    },

    answered(id: number, a: { status: Exclude<OfferPushStatus, 'sending'>; jobId?: string; error?: string; at: string }): void {
      answer.run({ id, status: a.status, jobId: a.jobId ?? null, error: a.error ?? null, at: a.at });
    },

    /** Drops bodies sent before `before`; returns how many. */
    pruneBefore(before: string): number {
      return prune.run(before).changes;
    },

    /** The offer's points as the seller set them, once Kaspi took them (pre-orders, stock). */
    setAvailabilities: db.transaction((productId: number, rows: readonly StoredAvailability[]): void => {
      clearPoints.run(productId);
      for (const a of rows) addPoint.run(productId, a.storeId, a.available ? 1 : 0, a.preOrder, a.stockCount);
      preorderOf.run(Math.max(0, ...rows.map((a) => a.preOrder)), productId);
    }),

    list(q: { productId?: number; storeId?: number; limit: number }): OfferPushEntry[] {
      const where = [q.productId !== undefined ? 'product_id = @productId' : null, q.storeId !== undefined ? 'store_id = @storeId' : null].filter(Boolean);
      const sql = `SELECT * FROM offer_pushes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
      return (db.prepare(sql).all({ productId: q.productId, storeId: q.storeId, limit: q.limit }) as PushRow[]).map(toEntry);
    },
  };
}
export type OfferStateRepo = ReturnType<typeof offerStateRepo>;
