import { FIRST_NAMES, REVIEW_TEXTS } from './names';
import type { Order, Review } from './model';
import { Prng } from './prng';
import type { World } from './world';

/**
 * Reviews of a product (kaspi-api.md §8). Generated from the seed and the product id on first
 * read, so they are stable for a run without being stored for every product up front.
 */
export class ReviewBook {
  private readonly cache = new Map<string, Review[]>();

  constructor(
    private readonly world: World,
    private readonly seed: number,
  ) {}

  /** A review written now (a buyer of a completed order, or a test): it shows first when sorted by date. */
  add(productId: string, review: Omit<Review, 'id' | 'date'> & { id?: string }, at: number): Review {
    const rng = Prng.derive(this.seed, `review:${productId}:${at}:${review.orderNumber}`);
    const added: Review = { ...review, id: review.id ?? String(rng.int(100_000_000, 999_999_999)), date: kzDate(at) };
    this.of(productId).push(added);
    return added;
  }

  /**
   * Some buyers of a completed order write a review a few hours later: a quarter of them, mostly
   * pleased, a few not (what a review request hopes to move). Drawn from the seed and the order.
   */
  afterCompletion(order: Order, after: (ms: number, fn: () => void) => void, now: () => number): void {
    const rng = Prng.derive(this.seed, `buyer-review:${order.code}`);
    if (!rng.chance(0.25)) return;
    const entry = order.entries[0];
    const merchant = this.world.merchants.get(order.merchantUid);
    if (!entry || !merchant) return;
    const [text, plus, minus] = rng.pick(REVIEW_TEXTS) as [string, string, string];
    const rating = text === 'Не понравилось' ? rng.int(1, 3) : rng.chance(0.85) ? 5 : 4;
    after(rng.int(1, 24) * 3_600_000, () =>
      this.add(entry.productId, { author: order.customer.firstName, rating, text, plus, minus, merchantUid: merchant.uid, merchantName: merchant.name, orderNumber: order.code }, now()),
    );
  }

  of(productId: string): Review[] {
    let list = this.cache.get(productId);
    if (list) return list;
    const rng = Prng.derive(this.seed, `reviews:${productId}`);
    const sellers = this.world.offersOf(productId).map((o) => this.world.merchants.get(o.merchantUid)).filter((m) => m !== undefined);
    list = [];
    if (this.world.products.has(productId) && sellers.length > 0) {
      const count = rng.int(0, 40);
      for (let i = 0; i < count; i++) {
        const [text, plus, minus] = rng.pick(REVIEW_TEXTS) as [string, string, string];
        const seller = rng.pick(sellers);
        const rating = text === 'Не понравилось' ? rng.int(1, 2) : rng.int(4, 5);
        list.push({
          id: String(rng.int(10_000_000, 99_999_999)),
          author: rng.pick(FIRST_NAMES),
          date: new Date(Date.UTC(2026, 0, 1) + rng.int(0, 300) * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('.'),
          rating,
          text: rng.chance(0.8) ? text : '',
          plus,
          minus,
          merchantUid: seller.uid,
          merchantName: seller.name,
          orderNumber: String(rng.int(500_000_000, 999_999_999)),
        });
      }
    }
    this.cache.set(productId, list);
    return list;
  }

  /** Body of `GET /yml/review-view/api/v1/reviews/product/{id}` (§8 "Response"). */
  response(productId: string, q: URLSearchParams): Record<string, unknown> {
    const all = this.of(productId);
    const merchant = q.get('merchantCodes');
    const filter = q.get('filter') === 'COMMENT' ? 'COMMENT' : 'ALL';
    let list = all.filter((r) => (!merchant || r.merchantUid === merchant) && (filter === 'ALL' || r.text !== ''));
    if (q.get('sort') === 'DATE') list = [...list].sort((a, b) => toMs(b.date) - toMs(a.date));
    const limit = Math.min(200, Math.max(1, Number.parseInt(q.get('limit') ?? '9', 10) || 9));
    const page = Math.max(0, Number.parseInt(q.get('page') ?? '0', 10) || 0);
    const data = list.slice(page * limit, page * limit + limit).map((r) => ({
      id: r.id,
      author: r.author,
      date: r.date,
      rating: r.rating,
      comment: { text: r.text, plus: r.plus, minus: r.minus },
      merchant: { name: r.merchantName, code: r.merchantUid },
      orderNumber: r.orderNumber,
      galleryImages: [],
      feedback: { positive: 0 },
    }));
    const out: Record<string, unknown> = { data };
    if (q.get('withAgg') === 'true') {
      out['summary'] = this.summary(productId);
      out['groupSummary'] = this.groupSummary(productId);
    }
    return out;
  }

  /** §8 `summary`, also served alone by the creview companion endpoint [uncertain]. */
  summary(productId: string): Record<string, unknown> {
    const all = this.of(productId);
    const sum = all.reduce((s, r) => s + r.rating, 0);
    return {
      global: all.length ? Math.round((sum / all.length) * 10) / 10 : 0,
      statistic: [5, 4, 3, 2, 1].map((rate) => ({ rate, count: all.filter((r) => r.rating === rate).length })),
      reviewsCount: all.filter((r) => r.text !== '').length,
      ratingCount: all.length,
      reviewImagesCount: 0,
    };
  }

  groupSummary(productId: string): { id: string; total: number }[] {
    const all = this.of(productId);
    return [{ id: 'ALL', total: all.length }, { id: 'COMMENT', total: all.filter((r) => r.text !== '').length }];
  }
}

/** dd.mm.yyyy of an instant's Kazakhstan day (UTC+5), the form §8's dates are read in. */
function kzDate(at: number): string {
  return new Date(at + 5 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('.');
}

function toMs(ddmmyyyy: string): number {
  const [d, m, y] = ddmmyyyy.split('.').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}
