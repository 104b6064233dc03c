import { z } from 'zod';
import { call } from './define';
import { isoDay } from './orders';

const id = z.number().int().positive();

export const reviewsFilter = z.object({
  storeId: id.optional(),
  productId: id.optional(),
  /** Stars to show; all when absent. */
  ratings: z.array(z.number().int().min(1).max(5)).max(5).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  /** Only reviews first seen since the seller's last visit of the page. */
  onlyNew: z.boolean().optional(),
  /** Only reviews that came after our WhatsApp review request. */
  onlyAsked: z.boolean().optional(),
});
export type ReviewsFilter = z.input<typeof reviewsFilter>;

export const reviewRow = z.object({
  id,
  storeId: id,
  productId: z.number().int().nullable(),
  productTitle: z.string().nullable(),
  masterSku: z.string(),
  author: z.string().nullable(),
  rating: z.number().int().min(1).max(5),
  text: z.string().nullable(),
  plus: z.string().nullable(),
  minus: z.string().nullable(),
  orderCode: z.string().nullable(),
  /** Kaspi's date of the review (a day), as the start of that Kazakhstan day. */
  reviewedAt: z.number().nullable(),
  firstSeenAt: z.number(),
  isNew: z.boolean(),
  /** Our review request that came before it: the buyer was asked, then wrote. */
  asked: z.object({ sentAt: z.number(), orderCode: z.string().nullable() }).nullable(),
});
export type ReviewRow = z.infer<typeof reviewRow>;

export const reviewSyncStatus = z.object({
  storeId: id,
  storeName: z.string(),
  lastPassAt: z.number().nullable(),
  nextPassAt: z.number().nullable(),
  running: z.boolean(),
  productsRead: z.number().int(),
  products: z.number().int(),
  problem: z.object({ code: z.string(), at: z.number() }).nullable(),
});
export type ReviewSyncStatus = z.infer<typeof reviewSyncStatus>;

export const reviewsCalls = {
  'reviews.list': call(
    z.object({ filter: reviewsFilter.default({}), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ total: z.number().int(), rows: z.array(reviewRow) }),
  ),
  /**
   * The store's rating over time (every review of its buyers, by day), each product's rating as
   * Kaspi shows it, and whether asking works: reviews after a request against requests sent.
   */
  'reviews.summary': call(
    z.object({ storeId: id.optional(), productId: id.optional(), from: isoDay.optional(), to: isoDay.optional() }),
    z.object({
      rating: z.number().nullable(),
      count: z.number().int(),
      newCount: z.number().int(),
      lowCount: z.number().int(),
      series: z.array(z.object({ day: isoDay, rating: z.number().nullable(), count: z.number().int(), productRating: z.number().nullable() })),
      products: z.array(z.object({ productId: id, title: z.string(), rating: z.number().nullable(), ratingCount: z.number().int(), ours: z.number().int(), oursRating: z.number().nullable() })),
      asking: z.object({ requests: z.number().int(), reviewsAfter: z.number().int() }),
    }),
  ),
  /** The seller saw the page: reviews until now are no longer new. */
  'reviews.markSeen': call(z.object({}), z.object({ seenAt: z.number() })),
  'reviews.syncStatus': call(z.object({}), z.array(reviewSyncStatus)),
  'reviews.syncNow': call(z.object({ storeId: id.optional() }), z.array(reviewSyncStatus)),
};

export const reviewsEvents = {
  'reviews.changed': z.object({ storeId: id, added: z.number().int() }),
  /** A new review of few stars, worth a desktop notification when the seller's setting says so. */
  'reviews.alert': z.object({ storeId: id, storeName: z.string(), reviewId: id, productTitle: z.string().nullable(), rating: z.number().int(), author: z.string().nullable(), text: z.string().nullable() }),
};
