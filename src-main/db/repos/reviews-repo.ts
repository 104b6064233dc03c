import type { Database } from 'better-sqlite3';
import type { ReviewRow, ReviewsFilter } from '../../../src-shared/contract/reviews';
import { dayOfDate, kzDate, kzDay, kzDayStart } from '../../../src-shared/domain/kazakhstan-time';

export interface NewReview {
  kaspiId: string;
  author: string | null;
  rating: number;
  reviewedMs: number | null;
  text: string | null;
  plus: string | null;
  minus: string | null;
  orderCode: string | null;
}

export interface AddedReview extends NewReview {
  id: number;
}

interface ReviewDb {
  id: number;
  store_id: number;
  product_id: number | null;
  title: string | null;
  master_sku: string;
  author: string | null;
  rating: number;
  text: string | null;
  plus: string | null;
  minus: string | null;
  order_code: string | null;
  review_ms: number | null;
  first_seen_ms: number;
  asked_sent_ms: number | null;
  asked_code: string | null;
}

export interface ReviewSyncState {
  firstPassDone: boolean;
  lastPassMs: number | null;
  failures: number;
  errorCode: string | null;
  errorMs: number | null;
}

const DAY_MS = 86_400_000;
/** A review request counts for a review of the same product only this long (no order code to match). */
const ASKED_WINDOW_MS = 30 * DAY_MS;

/**
 * Reviews of the store's buyers and the products' ratings (migration 8). A review is stored once,
 * with when the app first saw it and the review request (our WhatsApp message after delivery) that
 * came before it: the same order when Kaspi names it, else the same product within 30 days.
 */
export function reviewsRepo(db: Database) {
  const insert = db.prepare(`INSERT OR IGNORE INTO reviews (store_id, product_id, master_sku, kaspi_id, author, rating, text, plus, minus, order_code, review_ms, first_seen_ms, asked_outbox_id)
    VALUES (@storeId, @productId, @masterSku, @kaspiId, @author, @rating, @text, @plus, @minus, @orderCode, @reviewedMs, @now, @askedId) RETURNING id`);
  // The request sent before the review appeared (and not after the day it was written).
  const askedFor = db.prepare<{ storeId: number; orderCode: string | null; masterSku: string; now: number; dayEnd: number; windowStart: number }, { id: number }>(`
    SELECT w.id FROM whatsapp_outbox w JOIN orders o ON o.id = w.order_id
     WHERE w.store_id = @storeId AND w.trigger = 'delivered' AND w.state IN ('sent', 'delivered', 'read') AND w.sent_ms <= @now AND w.sent_ms <= @dayEnd
       AND (CASE WHEN @orderCode IS NOT NULL THEN o.code = @orderCode
                 ELSE w.sent_ms >= @windowStart AND EXISTS (SELECT 1 FROM order_entries e WHERE e.order_id = o.id AND e.master_sku = @masterSku) END)
     ORDER BY w.sent_ms DESC LIMIT 1`);

  const filterSql = (filter: ReviewsFilter, seenMs: number) => {
    const clauses: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.storeId !== undefined) { clauses.push('r.store_id = @storeId'); params['storeId'] = filter.storeId; }
    if (filter.productId !== undefined) { clauses.push('r.product_id = @productId'); params['productId'] = filter.productId; }
    if (filter.ratings && filter.ratings.length > 0) clauses.push(`r.rating IN (${filter.ratings.map((n) => Number(n)).join(', ')})`);
    if (filter.from) { clauses.push('coalesce(r.review_ms, r.first_seen_ms) >= @fromMs'); params['fromMs'] = kzDayStart(dayOfDate(filter.from)); }
    if (filter.to) { clauses.push('coalesce(r.review_ms, r.first_seen_ms) < @toMs'); params['toMs'] = kzDayStart(dayOfDate(filter.to) + 1); }
    if (filter.onlyNew) { clauses.push('r.first_seen_ms > @seenMs'); params['seenMs'] = seenMs; }
    if (filter.onlyAsked) clauses.push('r.asked_outbox_id IS NOT NULL');
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  };

  return {
    /** A product's reviews as read now; only new ones are stored and returned. */
    add: db.transaction((storeId: number, productId: number | null, masterSku: string, reviews: readonly NewReview[], now: number): AddedReview[] => {
      const added: AddedReview[] = [];
      for (const r of reviews) {
        const day = r.reviewedMs ?? now;
        const asked = askedFor.get({ storeId, orderCode: r.orderCode, masterSku, now, dayEnd: kzDayStart(kzDay(day) + 1), windowStart: day - ASKED_WINDOW_MS });
        const row = insert.get({ ...r, storeId, productId, masterSku, now, askedId: asked?.id ?? null }) as { id: number } | undefined;
        if (row) added.push({ ...r, id: row.id });
      }
      return added;
    }),
    knows(storeId: number, kaspiId: string): boolean {
      return db.prepare('SELECT 1 FROM reviews WHERE store_id = ? AND kaspi_id = ?').get(storeId, kaspiId) !== undefined;
    },
    /** The product's rating as Kaspi shows it today (one row a day: the last read wins). */
    recordRating(productId: number, now: number, rating: number, ratingCount: number, reviewsCount: number): void {
      db.prepare(`INSERT INTO review_ratings (product_id, day, rating, rating_count, reviews_count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(product_id, day) DO UPDATE SET rating = excluded.rating, rating_count = excluded.rating_count, reviews_count = excluded.reviews_count`).run(productId, kzDay(now), rating, ratingCount, reviewsCount);
    },
    markRead(productId: number, now: number): void {
      db.prepare('INSERT INTO review_products (product_id, read_ms) VALUES (?, ?) ON CONFLICT(product_id) DO UPDATE SET read_ms = excluded.read_ms').run(productId, now);
    },
    /**
     * Products whose reviews are due: never read first, then the least recently read; a product
     * sold in the last 30 days every `soldEveryMs` (reviews follow sales), the rest every `restEveryMs`.
     */
    due(storeId: number, now: number, soldEveryMs: number, restEveryMs: number, limit: number): { id: number; masterSku: string }[] {
      return (db.prepare(`
        SELECT p.id, p.master_sku FROM products p LEFT JOIN review_products rp ON rp.product_id = p.id
         WHERE p.store_id = @storeId AND p.removed_at IS NULL AND p.master_sku IS NOT NULL AND p.master_sku != ''
           AND (rp.read_ms IS NULL OR rp.read_ms < CASE
                 WHEN EXISTS (SELECT 1 FROM order_entries e WHERE e.product_id = p.id AND e.created_ms >= @soldSince) THEN @now - @soldEvery
                 ELSE @now - @restEvery END)
         ORDER BY rp.read_ms IS NOT NULL, rp.read_ms, p.id LIMIT @limit`).all({ storeId, now, soldSince: now - 30 * DAY_MS, soldEvery: soldEveryMs, restEvery: restEveryMs, limit }) as { id: number; master_sku: string }[])
        .map((r) => ({ id: r.id, masterSku: r.master_sku }));
    },
    productTitle(productId: number): string | null {
      return (db.prepare<[number], { title: string }>('SELECT title FROM products WHERE id = ?').get(productId))?.title ?? null;
    },
    progress(storeId: number): { products: number; read: number } {
      return db.prepare(`SELECT count(*) AS products, count(rp.product_id) AS read FROM products p LEFT JOIN review_products rp ON rp.product_id = p.id
        WHERE p.store_id = ? AND p.removed_at IS NULL AND p.master_sku IS NOT NULL AND p.master_sku != ''`).get(storeId) as { products: number; read: number };
    },

    syncState(storeId: number): ReviewSyncState {
      const r = db.prepare<[number], { first_pass_done: number; last_pass_ms: number | null; failures: number; error_code: string | null; error_ms: number | null }>('SELECT * FROM review_sync_state WHERE store_id = ?').get(storeId);
      return { firstPassDone: r?.first_pass_done === 1, lastPassMs: r?.last_pass_ms ?? null, failures: r?.failures ?? 0, errorCode: r?.error_code ?? null, errorMs: r?.error_ms ?? null };
    },
    updateSyncState(storeId: number, state: ReviewSyncState): void {
      db.prepare(`INSERT INTO review_sync_state (store_id, first_pass_done, last_pass_ms, failures, error_code, error_ms) VALUES (@storeId, @first, @last, @failures, @code, @errorMs)
        ON CONFLICT(store_id) DO UPDATE SET first_pass_done = excluded.first_pass_done, last_pass_ms = excluded.last_pass_ms, failures = excluded.failures, error_code = excluded.error_code, error_ms = excluded.error_ms`)
        .run({ storeId, first: state.firstPassDone ? 1 : 0, last: state.lastPassMs, failures: state.failures, code: state.errorCode, errorMs: state.errorMs });
    },

    list(filter: ReviewsFilter, offset: number, limit: number, seenMs: number): { total: number; rows: ReviewRow[] } {
      const { where, params } = filterSql(filter, seenMs);
      const total = (db.prepare(`SELECT count(*) AS n FROM reviews r ${where}`).get(params) as { n: number }).n;
      const rows = db.prepare(`
        SELECT r.*, p.title, w.sent_ms AS asked_sent_ms, o.code AS asked_code FROM reviews r
          LEFT JOIN products p ON p.id = r.product_id
          LEFT JOIN whatsapp_outbox w ON w.id = r.asked_outbox_id
          LEFT JOIN orders o ON o.id = w.order_id
        ${where} ORDER BY coalesce(r.review_ms, r.first_seen_ms) DESC, r.id DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as ReviewDb[];
      return {
        total,
        rows: rows.map((r) => ({
          id: r.id, storeId: r.store_id, productId: r.product_id, productTitle: r.title, masterSku: r.master_sku, author: r.author, rating: r.rating,
          text: r.text, plus: r.plus, minus: r.minus, orderCode: r.order_code, reviewedAt: r.review_ms, firstSeenAt: r.first_seen_ms, isNew: r.first_seen_ms > seenMs,
          asked: r.asked_sent_ms === null ? null : { sentAt: r.asked_sent_ms, orderCode: r.asked_code },
        })),
      };
    },

    /** The store's rating by day over [fromDay, toDay] (a running average of every review up to that day), and the product's Kaspi rating. */
    series(filter: { storeId?: number; productId?: number }, fromDay: number, toDay: number): { day: string; rating: number | null; count: number; productRating: number | null }[] {
      const days = db.prepare(`SELECT (coalesce(review_ms, first_seen_ms) + 18000000) / 86400000 AS day, sum(rating) AS total, count(*) AS n FROM reviews
        WHERE (@storeId IS NULL OR store_id = @storeId) AND (@productId IS NULL OR product_id = @productId) GROUP BY day ORDER BY day`)
        .all({ storeId: filter.storeId ?? null, productId: filter.productId ?? null }) as { day: number; total: number; n: number }[];
      const product = filter.productId === undefined ? new Map<number, number>() : new Map((db.prepare('SELECT day, rating FROM review_ratings WHERE product_id = ?').all(filter.productId) as { day: number; rating: number }[]).map((r) => [r.day, r.rating]));
      let sum = 0;
      let count = 0;
      let i = 0;
      let productRating: number | null = null;
      const out: { day: string; rating: number | null; count: number; productRating: number | null }[] = [];
      for (; i < days.length && days[i]!.day < fromDay; i++) {
        sum += days[i]!.total;
        count += days[i]!.n;
      }
      for (const [day, rating] of product) if (day < fromDay) productRating = rating;
      for (let day = fromDay; day <= toDay; day++) {
        let that = 0;
        if (days[i]?.day === day) {
          sum += days[i]!.total;
          count += days[i]!.n;
          that = days[i]!.n;
          i++;
        }
        productRating = product.get(day) ?? productRating;
        out.push({ day: kzDate(day), rating: count ? Math.round((sum / count) * 100) / 100 : null, count: that, productRating });
      }
      return out;
    },

    totals(filter: { storeId?: number; productId?: number }, fromMs: number, toMs: number, seenMs: number): { rating: number | null; count: number; newCount: number; lowCount: number; asked: number } {
      const r = db.prepare(`SELECT avg(rating) AS rating, count(*) AS n, sum(first_seen_ms > @seenMs) AS fresh, sum(rating <= 3) AS low, sum(asked_outbox_id IS NOT NULL) AS asked FROM reviews
        WHERE (@storeId IS NULL OR store_id = @storeId) AND (@productId IS NULL OR product_id = @productId) AND coalesce(review_ms, first_seen_ms) >= @fromMs AND coalesce(review_ms, first_seen_ms) < @toMs`)
        .get({ storeId: filter.storeId ?? null, productId: filter.productId ?? null, fromMs, toMs, seenMs }) as { rating: number | null; n: number; fresh: number | null; low: number | null; asked: number | null };
      return { rating: r.rating === null ? null : Math.round(r.rating * 100) / 100, count: r.n, newCount: r.fresh ?? 0, lowCount: r.low ?? 0, asked: r.asked ?? 0 };
    },

    /** Products with ratings or reviews: Kaspi's latest rating and count, and this store's buyers' reviews. */
    products(storeId: number | undefined, limit: number): { productId: number; title: string; rating: number | null; ratingCount: number; ours: number; oursRating: number | null }[] {
      return (db.prepare(`
        SELECT p.id, p.title,
               (SELECT rating FROM review_ratings rr WHERE rr.product_id = p.id ORDER BY day DESC LIMIT 1) AS rating,
               (SELECT rating_count FROM review_ratings rr WHERE rr.product_id = p.id ORDER BY day DESC LIMIT 1) AS rating_count,
               (SELECT count(*) FROM reviews r WHERE r.product_id = p.id) AS ours,
               (SELECT avg(rating) FROM reviews r WHERE r.product_id = p.id) AS ours_rating
          FROM products p
         WHERE (@storeId IS NULL OR p.store_id = @storeId) AND p.removed_at IS NULL
           AND (EXISTS (SELECT 1 FROM reviews r WHERE r.product_id = p.id) OR EXISTS (SELECT 1 FROM review_ratings rr WHERE rr.product_id = p.id AND rr.rating_count > 0))
         ORDER BY ours DESC, rating_count DESC LIMIT @limit`).all({ storeId: storeId ?? null, limit }) as { id: number; title: string; rating: number | null; rating_count: number | null; ours: number; ours_rating: number | null }[])
        .map((r) => ({ productId: r.id, title: r.title, rating: r.rating, ratingCount: r.rating_count ?? 0, ours: r.ours, oursRating: r.ours_rating === null ? null : Math.round(r.ours_rating * 100) / 100 }));
    },
  };
}
export type ReviewsRepo = ReturnType<typeof reviewsRepo>;
