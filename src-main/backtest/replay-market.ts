import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { floorPrice } from '../../src-shared/domain/rules';
import type { Offer } from '../../src-shared/domain/offer';
import type { Clock, OfferQuery, OfferSource, PricePusher, PushRequest } from '../demper/ports';
import type { RecordedPeriod } from './recorded-period';
import { listingKey } from './recorded-period';
import type { ListingOutcome } from './replay-listing';
import { ourPriceIn, ReplayListing } from './replay-listing';
import { median } from '../../src-shared/insights/stats';

/** Kaspi's limits on one merchant account's price changes (kaspi-api.md §10): crossing one blocks the account. */
const KASPI_PUSH_LIMITS = { perSecond: 2, perWindow: 250, windowMs: 30 * 60_000, blockMs: 30 * 60_000 };
/** When live never showed a push we can match: how long Kaspi takes to show one. */
const DEFAULT_SHOW_LAG_MS = 15_000;
const DEFAULT_PUSH_LATENCY_MS = 300;
/** A push shows within this long of its answer, or it is not the push that showed. */
const SHOW_WINDOW_MS = 10 * 60_000;

/**
 * The recorded market of a period as Kaspi for the replayed engine: the storefront (each listing
 * replayed, replay-listing.ts) and the cabinet's price push, with Kaspi's delays as live saw them
 * and its limits on changes.
 */
export class ReplayMarket {
  private readonly listings = new Map<string, ReplayListing>();
  private readonly latencyOf = new Map<string, number>();
  private readonly medianLatencyMs: number;
  private readonly pushTimes = new Map<string, { second: number[]; window: number[]; blockedUntil: number }>();
  blockedMs = 0;
  looks = 0;
  readonly offerSource: OfferSource;
  readonly pusher: PricePusher;

  constructor(
    period: RecordedPeriod,
    private readonly clock: Clock,
    skipQuietLooks: boolean,
  ) {
    const merchantOf = new Map(period.stores.map((s) => [s.storeId, s.merchantId]));
    const productOf = new Map(period.products.map((p) => [p.productId, p]));
    const ownIds = period.stores.map((s) => s.merchantId);
    const lags: number[] = [];
    const latencies: number[] = [];
    const rowsOf = new Map(period.listings.map((l) => [listingKey(l.productId, l.cityId), l.rows]));
    for (const push of period.pushes) {
      if (push.answeredAt === null) continue;
      latencies.push(push.answeredAt - push.plannedAt);
      this.latencyOf.set(`${listingKey(push.productId, push.cityId)}@${push.plannedAt}`, push.answeredAt - push.plannedAt);
      const rows = rowsOf.get(listingKey(push.productId, push.cityId)) ?? [];
      const merchantId = merchantOf.get(productOf.get(push.productId)?.storeId ?? -1);
      const shown = merchantId ? rows.find((r) => r.at >= push.answeredAt! && ourPriceIn(r, merchantId) === push.price) : undefined;
      if (shown && shown.at - push.answeredAt <= SHOW_WINDOW_MS) lags.push(shown.at - push.answeredAt);
    }
    const typicalLagMs = median(lags) ?? DEFAULT_SHOW_LAG_MS;
    this.medianLatencyMs = median(latencies) ?? DEFAULT_PUSH_LATENCY_MS;
    for (const l of period.listings) {
      const product = productOf.get(l.productId);
      const merchantId = product ? merchantOf.get(product.storeId) : undefined;
      if (!product || !merchantId) continue;
      const referenceFloor = product.liveRules ? floorPrice(product.liveRules.floor) : null;
      const reactions = period.reactions[listingKey(l.productId, l.cityId)] ?? {};
      this.listings.set(listingKey(l.productId, l.cityId), new ReplayListing(l.rows, merchantId, ownIds, reactions, period.fromMs, referenceFloor, typicalLagMs));
    }

    this.offerSource = {
      lanes: () => ['replay'],
      fetchOffers: async (q: OfferQuery): Promise<Offer[]> => {
        this.looks++;
        return this.listings.get(listingKey(q.productId, q.cityId))?.offers(clock.now()) ?? [];
      },
      ...(skipQuietLooks ? { quietUntil: (q: OfferQuery, now: number) => this.listings.get(listingKey(q.productId, q.cityId))?.quietUntil(now) ?? Infinity } : {}),
    };
    this.pusher = { push: (r) => this.push(r) };
  }

  has(productId: number, cityId: string): boolean {
    return this.listings.has(listingKey(productId, cityId));
  }

  /** Half the round trip to reach Kaspi, counted and shown there, half back: live's own latency for the same push. */
  private async push(r: PushRequest): Promise<{ jobId: string }> {
    const planned = this.clock.now();
    const city = r.cityPrices[0]?.cityId ?? '';
    const latency = this.latencyOf.get(`${listingKey(r.productId, city)}@${planned}`) ?? this.medianLatencyMs;
    const there = Math.floor(latency / 2);
    if (there > 0) await this.clock.sleep(there);
    const now = this.clock.now();
    this.countChange(r.merchantId, now);
    for (const c of r.cityPrices) this.listings.get(listingKey(r.productId, c.cityId))?.push(c.price, now);
    if (latency - there > 0) await this.clock.sleep(latency - there);
    return { jobId: `replay-${planned}` };
  }

  /** Kaspi's count of an account's changes: over the rate or the window, the account is blocked (and this one refused). */
  private countChange(merchantId: string, now: number): void {
    let t = this.pushTimes.get(merchantId);
    if (!t) this.pushTimes.set(merchantId, (t = { second: [], window: [], blockedUntil: 0 }));
    t.second.push(now);
    t.window.push(now);
    while (t.second[0]! <= now - 1000) t.second.shift();
    while (t.window[0]! <= now - KASPI_PUSH_LIMITS.windowMs) t.window.shift();
    if (t.blockedUntil > now || t.second.length > KASPI_PUSH_LIMITS.perSecond || t.window.length > KASPI_PUSH_LIMITS.perWindow) {
      const until = Math.max(t.blockedUntil, now + KASPI_PUSH_LIMITS.blockMs);
      this.blockedMs += until - Math.max(t.blockedUntil, now);
      t.blockedUntil = until;
      throw new KaspiError('account-blocked', undefined, until - now, 429);
    }
  }

  /** Every listing's outcome up to the period's end. */
  finish(toMs: number): Map<string, ListingOutcome> {
    const out = new Map<string, ListingOutcome>();
    for (const [key, listing] of this.listings) out.set(key, listing.finish(toMs));
    return out;
  }
}
