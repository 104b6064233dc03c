import type { Database } from 'better-sqlite3';
import { AppError } from '../../src-shared/contract';
import type { ReviewsFilter, ReviewSyncStatus } from '../../src-shared/contract/reviews';
import { dayOfDate, kzDay, kzDayStart } from '../../src-shared/domain/kazakhstan-time';
import { isKaspiError } from '../../src-shared/domain/kaspi-error';
import type { StoreSummary } from '../../src-shared/domain/store';
import { msg } from '../../src-shared/i18n/message';
import type { EventBus } from '../app/event-bus';
import { readStored, writeStored } from '../db/repos/settings-repo';
import { reviewsRepo } from '../db/repos/reviews-repo';
import type { NewReview } from '../db/repos/reviews-repo';
import type { KaspiEndpoints } from '../kaspi/endpoints';
import { RequestPacer } from '../kaspi/pacer';
import { fetchReviewsPage } from '../kaspi/storefront';
import type { Logger } from '../logging/logger';
import type { ProxyPool } from '../proxies/pool';

export interface ReviewsSettings {
  /** §8: tools pause 150–300 ms between review calls; the app keeps 300 per store. */
  requestIntervalMs: number;
  /** How often the stores' due products are read. */
  passEveryMs: number;
  /** Products sold in the last 30 days are read this often, the rest this often. */
  soldEveryMs: number;
  restEveryMs: number;
  /** Products per pass and store, and pages per product (50 reviews a page, newest first). */
  productsPerPass: number;
  pagesPerProduct: number;
}

export const DEFAULT_REVIEWS_SETTINGS: ReviewsSettings = {
  requestIntervalMs: 300,
  passEveryMs: 15 * 60_000,
  soldEveryMs: 3 * 3_600_000,
  restEveryMs: 24 * 3_600_000,
  productsPerPass: 200,
  pagesPerProduct: 4,
};

export interface ReviewsServiceDeps {
  db: Database;
  events: EventBus;
  logger: Logger;
  now: () => Date;
  pool: ProxyPool;
  endpoints: () => KaspiEndpoints;
  stores: { list(): StoreSummary[] };
  reviewRequestsSince(storeId: number | null, sinceMs: number): number;
  settings?: Partial<ReviewsSettings>;
}

const SEEN_KEY = 'reviews.seenAt';
const PAGE_SIZE = 50;
/** A review of this many stars or fewer rings (the seller's setting decides whether it shows). */
const LOW_RATING = 3;
/** Only reviews written this recently ring: an old one found late is not news. */
const ALERT_FRESH_MS = 3 * 86_400_000;

/**
 * Reviews of the stores' products from Kaspi's storefront (kaspi-api.md §8) through the proxy pool
 * with the storefront's browser headers and budget, at most one call per 300 ms per store: each
 * product's rating is kept by day, and the reviews of the store's buyers once each, newest first
 * until a known one. A new review of 3 stars or fewer raises `reviews.alert`.
 */
export function createReviewsService(deps: ReviewsServiceDeps) {
  const settings: ReviewsSettings = { ...DEFAULT_REVIEWS_SETTINGS, ...deps.settings };
  const log = deps.logger.child('reviews');
  const now = () => deps.now().getTime();
  const repo = reviewsRepo(deps.db);
  const pacers = new Map<number, RequestPacer>();
  const running = new Map<number, Promise<void>>();
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let started = false;

  const pacerOf = (storeId: number) => {
    let pacer = pacers.get(storeId);
    if (!pacer) pacers.set(storeId, (pacer = new RequestPacer(settings.requestIntervalMs)));
    return pacer;
  };

  async function readProduct(store: StoreSummary, product: { id: number; masterSku: string }, firstPass: boolean): Promise<number> {
    const cityId = store.cities[0]?.id ?? '750000000';
    let added = 0;
    for (let page = 0; page < settings.pagesPerProduct; page++) {
      await pacerOf(store.id).turn();
      const { reviews, summary } = await deps.pool.run(store.id, (lane) =>
        fetchReviewsPage({ endpoints: deps.endpoints(), productId: product.masterSku, cityId, merchantId: store.merchantUid, page, limit: PAGE_SIZE, dispatcher: lane.dispatcher, signal: lane.signal, retry: { attempts: 1 } }),
      { signal: abort.signal });
      if (page === 0) repo.recordRating(product.id, now(), summary.rating, summary.ratingCount, summary.reviewsCount);
      // Kaspi filters by merchant; a review of another seller is not this store's, whatever it says.
      const ours = reviews.filter((r) => r.merchantCode === null || r.merchantCode === store.merchantUid);
      const fresh: NewReview[] = ours.filter((r) => !repo.knows(store.id, r.id)).map((r) => ({ kaspiId: r.id, author: r.author, rating: r.rating, reviewedMs: r.reviewedMs, text: r.text, plus: r.plus, minus: r.minus, orderCode: r.orderCode }));
      const stored = repo.add(store.id, product.id, product.masterSku, fresh, now());
      added += stored.length;
      if (!firstPass) {
        for (const review of stored) {
          if (review.rating > LOW_RATING || (review.reviewedMs ?? now()) < now() - ALERT_FRESH_MS) continue;
          log.info('new low review', { storeId: store.id, productId: product.id, rating: review.rating });
          deps.events.emit('reviews.alert', { storeId: store.id, storeName: store.name, reviewId: review.id, productTitle: repo.productTitle(product.id), rating: review.rating, author: review.author, text: review.text });
        }
      }
      // Newest first: a page with a known review, or a short one, is the end of what is new.
      if (fresh.length < ours.length || reviews.length < PAGE_SIZE) break;
    }
    repo.markRead(product.id, now());
    return added;
  }

  /** One pass over a store's due products; a failure ends the pass and shows on the page. */
  function pass(store: StoreSummary): Promise<void> {
    const existing = running.get(store.id);
    if (existing) return existing;
    const run = (async () => {
      const state = repo.syncState(store.id);
      let added = 0;
      try {
        const due = repo.due(store.id, now(), settings.soldEveryMs, settings.restEveryMs, settings.productsPerPass);
        for (const product of due) {
          if (abort.signal.aborted) return;
          added += await readProduct(store, product, !state.firstPassDone);
        }
        // The first pass ends once every product was read: from then on a new review is news.
        const progress = repo.progress(store.id);
        repo.updateSyncState(store.id, { firstPassDone: state.firstPassDone || progress.read >= progress.products, lastPassMs: now(), failures: 0, errorCode: null, errorMs: null });
      } catch (error) {
        if (abort.signal.aborted) return;
        const code = isKaspiError(error) ? `kaspi.${error.kind}` : 'failed';
        repo.updateSyncState(store.id, { ...state, failures: state.failures + 1, errorCode: code, errorMs: now() });
        log.warn('reviews not read; trying again later', { storeId: store.id, code, error });
      } finally {
        running.delete(store.id);
        if (added > 0) deps.events.emit('reviews.changed', { storeId: store.id, added });
      }
    })();
    running.set(store.id, run);
    return run;
  }

  const status = (store: StoreSummary): ReviewSyncStatus => {
    const state = repo.syncState(store.id);
    const progress = repo.progress(store.id);
    return {
      storeId: store.id,
      storeName: store.name,
      lastPassAt: state.lastPassMs,
      nextPassAt: state.lastPassMs === null ? null : state.lastPassMs + settings.passEveryMs,
      running: running.has(store.id),
      productsRead: progress.read,
      products: progress.products,
      problem: state.errorCode ? { code: state.errorCode, at: state.errorMs ?? 0 } : null,
    };
  };

  const schedule = (ms: number) => {
    if (!started) return;
    timer = setTimeout(() => {
      void Promise.all(deps.stores.list().map((s) => pass(s))).finally(() => schedule(settings.passEveryMs));
    }, ms);
    timer.unref?.();
  };
  const seenAt = (): number => readStored<number>(deps.db, SEEN_KEY) ?? 0;
  const range = (from?: string, to?: string) => {
    const toDay = to ? dayOfDate(to) : kzDay(now());
    const fromDay = from ? dayOfDate(from) : toDay - 89;
    return { fromDay, toDay, fromMs: kzDayStart(fromDay), toMs: kzDayStart(toDay + 1) };
  };

  return {
    start(): void {
      if (started) return;
      started = true;
      schedule(5_000);
    },
    async stop(): Promise<void> {
      started = false;
      abort.abort();
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...running.values()]);
    },
    async syncNow(storeId?: number): Promise<ReviewSyncStatus[]> {
      const stores = deps.stores.list().filter((s) => storeId === undefined || s.id === storeId);
      if (storeId !== undefined && stores.length === 0) throw new AppError('not_found', msg('whatsapp.store_not_found'));
      await Promise.all(stores.map((s) => pass(s)));
      return stores.map(status);
    },
    statuses: (): ReviewSyncStatus[] => deps.stores.list().map(status),
    list: (filter: ReviewsFilter, offset: number, limit: number) => repo.list(filter, offset, limit, seenAt()),
    markSeen(): { seenAt: number } {
      const at = now();
      writeStored(deps.db, SEEN_KEY, at);
      return { seenAt: at };
    },
    summary(input: { storeId?: number; productId?: number; from?: string; to?: string }) {
      const { fromDay, toDay, fromMs, toMs } = range(input.from, input.to);
      const scope = { storeId: input.storeId, productId: input.productId };
      const totals = repo.totals(scope, fromMs, toMs, seenAt());
      return {
        rating: totals.rating,
        count: totals.count,
        newCount: totals.newCount,
        lowCount: totals.lowCount,
        series: repo.series(scope, fromDay, toDay),
        products: repo.products(input.storeId, 50),
        asking: { requests: deps.reviewRequestsSince(input.storeId ?? null, fromMs), reviewsAfter: totals.asked },
      };
    },
  };
}
export type ReviewsService = ReturnType<typeof createReviewsService>;
