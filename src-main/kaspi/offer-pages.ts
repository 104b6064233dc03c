import { isKaspiError } from '../../src-shared/domain/kaspi-error';
import type { OfferListPage } from './offer-list';
import { isLastPage } from './paging';
import { backoffDelay, DEFAULT_READ_RETRY } from './retry';

/**
 * Every page of one of the cabinet's offer lists (`/bff/offer-view/list`, kaspi-api.md §6), as
 * U-NADO reads it: page after page until `total` is covered (a short page before the end is not
 * the end: the list's index counts entries it no longer renders), a pause of 300–500 ms between
 * pages, and a page that meets a 429 or a server hiccup asked again after a growing wait instead
 * of ending the read. `complete` is false when the list was not read to its end, or changed its
 * `total` while read (offsets shifted: an offer may have slipped between two pages): then nothing
 * may be concluded from an offer's absence.
 */
export interface OfferPagesOptions {
  /** Page size `l` (INV: 100 works). */
  pageSize?: number;
  /** Pause between two page requests, drawn from [min, max] ms. */
  pauseMs?: readonly [number, number];
  /** Tries per page, the first one included, for 429, 5xx, timeouts and dropped connections. */
  attempts?: number;
  /** First wait after a refused page; doubled each time, up to maxDelayMs. Retry-After wins. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** [0, 1); injectable so tests see fixed waits. */
  random?: () => number;
  /** Pages read at most: a list that keeps growing while read is not followed forever. */
  maxPages?: number;
  /** Pause before the first page too (another list was read just before). */
  pauseFirst?: boolean;
}

export interface OfferPagesResult {
  complete: boolean;
  /** Kaspi's last `total`, null when it never said. */
  total: number | null;
  pages: number;
}

export const OFFER_PAGES_DEFAULTS = {
  pageSize: 100,
  pauseMs: [300, 500] as const,
  attempts: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  maxPages: 1_000,
};

/** Kinds worth asking a page again for: a rate limit, a server hiccup, a timeout, a dropped line. */
const RETRY_KINDS = ['account-blocked', 'server', 'timeout', 'network'] as const;

export async function readOfferPages(
  fetchPage: (page: number, size: number) => Promise<OfferListPage>,
  onPage: (page: OfferListPage, index: number) => void | Promise<void>,
  opts: OfferPagesOptions = {},
): Promise<OfferPagesResult> {
  const o = { ...OFFER_PAGES_DEFAULTS, sleep: DEFAULT_READ_RETRY.sleep, random: Math.random, pauseFirst: false, ...opts };
  let total: number | null = null;
  // Offsets shift when the list changes while it is read: an offer can slip between two pages.
  let steady = true;
  for (let index = 0; index < o.maxPages; index++) {
    if (index > 0 || o.pauseFirst) await o.sleep(Math.round(o.pauseMs[0] + (o.pauseMs[1] - o.pauseMs[0]) * o.random()));
    const page = await withRetries(() => fetchPage(index, o.pageSize), o);
    if (index > 0 && page.total !== total) steady = false;
    total = page.total;
    await onPage(page, index);
    const received = page.offers.length + page.skipped;
    if (isLastPage(index, o.pageSize, received, total)) {
      // An empty page short of the total: Kaspi stopped early. Not the end.
      const shortOfTotal = received === 0 && total !== null && index * o.pageSize < total;
      return { complete: steady && !shortOfTotal, total, pages: index + 1 };
    }
  }
  return { complete: false, total, pages: o.maxPages };
}

async function withRetries<T>(call: () => Promise<T>, o: Required<Omit<OfferPagesOptions, 'pauseMs' | 'pauseFirst'>>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const retryable = RETRY_KINDS.some((kind) => isKaspiError(error, kind));
      if (!retryable || attempt + 1 >= o.attempts) throw error;
      await o.sleep(backoffDelay(o, attempt, isKaspiError(error) ? error.retryAfterMs : null));
    }
  }
}
