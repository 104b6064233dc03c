import { z } from 'zod';
import type { Dispatcher } from 'undici';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import type { Offer } from '../../src-shared/domain/offer';
import { readAnswer } from './answer-reader';
import type { AnswerDecoder } from './decode-pool';
import { joinUrl, type KaspiEndpoints } from './endpoints';
import { storefrontHeaders } from './headers';
import { offersPageOf, type OffersPage } from './offers-page';
import { isLastPage } from './paging';
import type { RetryPolicy } from './retry';
import { kaspiRequest } from './transport';
import { msg } from '../../src-shared/i18n/message';
import { KZ_OFFSET_MS } from '../../src-shared/domain/kazakhstan-time';

export { mapOffer, toDuration } from './offers-page';

/**
 * Public storefront (no auth): competitor offers (kaspi-api.md §4) and the reviews summary (§8).
 * Both are reads, but a 403 (per-IP ban) or 405 is an answer, not a hiccup: it is never
 * retried here; the proxy pool decides whether to switch IPs.
 */
export interface StorefrontQuery {
  endpoints: KaspiEndpoints;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  /** Decodes offer answers off the main thread (decode-pool.ts); in this thread without one. */
  decoder?: AnswerDecoder;
}

/** Pages a product can have at most; a storefront that keeps paging past this is misbehaving. */
const MAX_PAGES = 20;

/**
 * All offers for one product in one city, the merchant's own included (§4 "Is the merchant's
 * own offer included?"). Offers without a usable price are dropped; a merchant seen twice
 * (pages shifting while read) is kept once.
 */
export async function fetchOffers(q: StorefrontQuery & { masterSku: string; cityId: string; limit?: number }): Promise<Offer[]> {
  const limit = q.limit ?? 50;
  const byMerchant = new Map<string, Offer>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await kaspiRequest({
      surface: 'storefront',
      method: 'POST',
      url: joinUrl(q.endpoints.storefrontUrl, `/yml/offer-view/offers/${encodeURIComponent(q.masterSku)}`),
      headers: storefrontHeaders(q.masterSku, q.cityId, { json: true }),
      // §4 "Body fields seen": the union most working tools send.
      body: { cityId: q.cityId, id: q.masterSku, merchantUID: [], limit, page, sortOption: 'PRICE', highRating: null, searchText: null, zoneId: [], installationId: '-1' },
      dispatcher: q.dispatcher,
      timeoutMs: q.timeoutMs,
      signal: q.signal,
      retry: q.retry ?? {},
      // The body becomes a page of offers where it is decoded: in a worker when the caller has a pool.
      read: q.decoder ? (raw) => q.decoder!.read(raw, 'offers-page') : (raw) => readAnswer(raw, offersPageOf),
    });
    const found = res.json as OffersPage;
    for (const offer of found.offers) if (!byMerchant.has(offer.merchantId)) byMerchant.set(offer.merchantId, offer);
    if (isLastPage(page, limit, found.sent, found.total)) break;
  }
  return [...byMerchant.values()];
}

export interface ReviewsSummary {
  /** Average rating, 0 when there are no ratings. */
  rating: number;
  reviewsCount: number;
  ratingCount: number;
  /** Count per star, 5 down to 1; stars Kaspi does not list count as 0. */
  statistic: { rate: number; count: number }[];
}

const summaryWire = z.object({
  summary: z
    .object({
      global: z.number().nullish().catch(null),
      reviewsCount: z.number().nullish().catch(null),
      ratingCount: z.number().nullish().catch(null),
      statistic: z.array(z.object({ rate: z.number(), count: z.number() }).nullable().catch(null)).nullish().catch(null),
    })
    .nullish()
    .catch(null),
  groupSummary: z.array(z.object({ id: z.string(), total: z.number() }).nullable().catch(null)).nullish().catch(null),
});

/** §8: one request to review-view, with the aggregates; the merchant's reviews only when `merchantId` is given. */
async function reviewsRequest(
  q: StorefrontQuery & { productId: string; cityId: string; merchantId?: string },
  page: { sort: 'POPULARITY' | 'DATE'; limit: number; page: number },
): Promise<unknown> {
  const qs = new URLSearchParams({ filter: 'ALL', sort: page.sort, limit: String(page.limit), page: String(page.page), withAgg: 'true' });
  if (q.merchantId) qs.set('merchantCodes', q.merchantId);
  const res = await kaspiRequest({
    surface: 'storefront',
    method: 'GET',
    url: `${joinUrl(q.endpoints.storefrontUrl, `/yml/review-view/api/v1/reviews/product/${encodeURIComponent(q.productId)}`)}?${qs}`,
    headers: storefrontHeaders(q.productId, q.cityId),
    dispatcher: q.dispatcher,
    timeoutMs: q.timeoutMs,
    signal: q.signal,
    retry: q.retry ?? {},
  });
  return res.json;
}

/** §8: the aggregates of a product's reviews (`withAgg=true`), one review asked for. */
export async function fetchReviewsSummary(q: StorefrontQuery & { productId: string; cityId: string; merchantId?: string }): Promise<ReviewsSummary> {
  const parsed = summaryWire.safeParse(await reviewsRequest(q, { sort: 'POPULARITY', limit: 1, page: 0 }));
  if (!parsed.success) throw new KaspiError('not-json', msg('kaspi.unexpected_format', { what: msg('kaspi.what.reviews') }));
  return summaryOf(parsed.data);
}

function summaryOf(data: z.infer<typeof summaryWire>): ReviewsSummary {
  const s = data.summary;
  const groups = data.groupSummary ?? [];
  const stats = new Map((s?.statistic ?? []).flatMap((x) => (x ? [[Math.round(x.rate), Math.round(x.count)] as const] : [])));
  const ratingCount = s?.ratingCount ?? groups.find((g) => g?.id === 'ALL')?.total ?? [...stats.values()].reduce((a, b) => a + b, 0);
  return {
    rating: s?.global ?? 0,
    reviewsCount: s?.reviewsCount ?? groups.find((g) => g?.id === 'COMMENT')?.total ?? 0,
    ratingCount,
    statistic: [5, 4, 3, 2, 1].map((rate) => ({ rate, count: stats.get(rate) ?? 0 })),
  };
}

/** One review as the storefront lists it (§8 "Response"); fields Kaspi leaves out are null. */
export interface StorefrontReview {
  id: string;
  author: string | null;
  rating: number;
  /** The review's day (§8: ISO or dd.mm.yyyy, [uncertain]) as the start of that Kazakhstan day; null when unreadable. */
  reviewedMs: number | null;
  text: string | null;
  plus: string | null;
  minus: string | null;
  merchantCode: string | null;
  orderCode: string | null;
}

const reviewWire = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  author: z.string().nullish().catch(null),
  date: z.union([z.string(), z.number()]).nullish().catch(null),
  rating: z.number(),
  comment: z.object({ text: z.string().nullish(), plus: z.string().nullish(), minus: z.string().nullish() }).nullish().catch(null),
  merchant: z.object({ code: z.union([z.string(), z.number()]).transform(String).nullish() }).nullish().catch(null),
  orderNumber: z.union([z.string(), z.number()]).transform(String).nullish().catch(null),
});
const reviewsPageWire = summaryWire.extend({ data: z.array(z.unknown()).catch([]) });

/** §8: the date format is not pinned down; ISO dates and dd.mm.yyyy (a Kazakhstan day, UTC+5) are both read, epoch ms too. */
export function reviewDayMs(date: string | number | null | undefined): number | null {
  if (typeof date === 'number') return Number.isFinite(date) ? date : null;
  if (!date) return null;
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})/.exec(date.trim());
  if (dotted) return Date.UTC(Number(dotted[3]), Number(dotted[2]) - 1, Number(dotted[1])) - KZ_OFFSET_MS;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (iso) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) - KZ_OFFSET_MS;
  const parsed = Date.parse(date);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * §8: one page of a product's reviews, newest first (`sort=DATE`), the merchant's only when
 * `merchantId` is given, with the aggregates. Reviews without a usable rating are dropped.
 */
export async function fetchReviewsPage(q: StorefrontQuery & { productId: string; cityId: string; merchantId?: string; page: number; limit: number }): Promise<{ reviews: StorefrontReview[]; summary: ReviewsSummary }> {
  const parsed = reviewsPageWire.safeParse(await reviewsRequest(q, { sort: 'DATE', limit: q.limit, page: q.page }));
  if (!parsed.success) throw new KaspiError('not-json', msg('kaspi.unexpected_format', { what: msg('kaspi.what.reviews') }));
  const reviews = parsed.data.data.flatMap((raw): StorefrontReview[] => {
    const r = reviewWire.safeParse(raw);
    if (!r.success || r.data.id === '') return [];
    const rating = Math.round(r.data.rating);
    if (rating < 1 || rating > 5) return [];
    const blank = (text: string | null | undefined) => (text && text.trim() ? text.trim() : null);
    return [{
      id: r.data.id,
      author: blank(r.data.author),
      rating,
      reviewedMs: reviewDayMs(r.data.date),
      text: blank(r.data.comment?.text),
      plus: blank(r.data.comment?.plus),
      minus: blank(r.data.comment?.minus),
      merchantCode: r.data.merchant?.code ?? null,
      orderCode: blank(r.data.orderNumber),
    }];
  });
  return { reviews, summary: summaryOf(parsed.data) };
}
