import type { FloorConfidence } from './rival-scan';

/** A rival of one listing as the insight weighs it: its price now and its floor estimate there. */
export interface ListingRival {
  merchantId: string;
  name: string;
  price: number;
  floor: number;
  confidence: FloorConfidence;
  bot: boolean;
  reactionMedianMs: number | null;
}

export interface InsightInput {
  productId: number;
  /** The seller's floor (null: the rules do not resolve, no floor set). */
  sellerFloor: number | null;
  /** Every city listing: our price there and its rivals. */
  listings: { cityId: string; ourPrice: number | null; rivals: ListingRival[] }[];
  /** Sales in the last days, split by whether we were first when they were made (analytics). */
  sales: { units: number; perDayFirst: number | null; perDayNotFirst: number | null } | null;
  /** Prices the bot sent to Kaspi per day over the last week. */
  pushesPerDay: number;
}

/** Fewer sales than this say nothing about first place against second. */
export const MIN_SALES = 5;
/** Second place that sells this share of first place's units is nearly as good. */
export const NEARLY_AS_MUCH = 0.8;
/** A rival answering within this long and sure of its floor under our price turns every cut into a war. */
export const FAST_ANSWER_MS = 5 * 60_000;

/** not_watched: the bot has not looked at its storefront yet. */
export type Winnable = 'yes' | 'no' | 'no_rivals' | 'no_floor' | 'not_watched';
export type Worth = 'first' | 'second' | 'too_few_sales';
export type WarRisk = 'high' | 'medium' | 'low';

export interface ProductInsight {
  productId: number;
  winnable: Winnable;
  /** The highest floor that still takes first place: one tenge under the lowest rival floor estimate. */
  neededFloor: number | null;
  sellerFloor: number | null;
  /** The rival whose floor keeps us from first place (when not winnable), or the one to beat. */
  blocker: { merchantId: string; name: string; floor: number; confidence: FloorConfidence; cityId: string } | null;
  worth: Worth;
  units: number;
  perDayFirst: number | null;
  perDayNotFirst: number | null;
  warRisk: WarRisk;
  /** Rivals that answer our moves within FAST_ANSWER_MS. */
  fastRivals: number;
  pushesPerDay: number;
}

/**
 * Can this product be won at the seller's floor, is first place worth it, and how much of a war it
 * is: the seller's own data, each answer with the numbers behind it.
 */
export function productInsight(input: InsightInput): ProductInsight {
  let blocker: ProductInsight['blocker'] = null;
  let fastRivals = 0;
  let answering = 0;
  for (const listing of input.listings) {
    for (const r of listing.rivals) {
      // A rival's floor is never above its price now: a static seller's price is what must be beaten.
      const floor = Math.min(r.floor, r.price);
      if (!blocker || floor < blocker.floor) blocker = { merchantId: r.merchantId, name: r.name, floor, confidence: r.confidence, cityId: listing.cityId };
      if (r.reactionMedianMs !== null) {
        answering++;
        if (r.reactionMedianMs <= FAST_ANSWER_MS && r.bot) fastRivals++;
      }
    }
  }
  const neededFloor = blocker ? blocker.floor - 1 : null;
  const winnable: Winnable = input.listings.length === 0 ? 'not_watched' : !blocker ? 'no_rivals' : input.sellerFloor === null ? 'no_floor' : input.sellerFloor <= neededFloor! ? 'yes' : 'no';
  const sales = input.sales;
  let worth: Worth = 'too_few_sales';
  if (sales && sales.units >= MIN_SALES && sales.perDayFirst !== null && sales.perDayNotFirst !== null) {
    worth = sales.perDayNotFirst >= sales.perDayFirst * NEARLY_AS_MUCH ? 'second' : 'first';
  }
  const warRisk: WarRisk = fastRivals > 0 ? 'high' : answering > 0 ? 'medium' : 'low';
  return {
    productId: input.productId,
    winnable,
    neededFloor,
    sellerFloor: input.sellerFloor,
    blocker,
    worth,
    units: sales?.units ?? 0,
    perDayFirst: sales?.perDayFirst ?? null,
    perDayNotFirst: sales?.perDayNotFirst ?? null,
    warRisk,
    fastRivals,
    pushesPerDay: input.pushesPerDay,
  };
}

export type RecommendationKind = 'hold_second' | 'stop_pushing' | 'unwinnable';

export interface Recommendation {
  kind: RecommendationKind;
  productIds: number[];
}

/** Pushes a day above which a product that sells nothing wastes the account's change budget. */
export const WASTEFUL_PUSHES_PER_DAY = 20;

/**
 * A short list across the catalogue, each with the products it is about (the evidence is their
 * insights): hold second place where first means a war and second sells nearly as much; stop
 * spending pushes on products that sell nothing; products lost to a rival's floor, not to speed.
 */
export function recommendations(insights: readonly ProductInsight[], limit = 10): Recommendation[] {
  const byPushes = (a: ProductInsight, b: ProductInsight) => b.pushesPerDay - a.pushesPerDay || a.productId - b.productId;
  const holdSecond = insights.filter((i) => i.worth === 'second' && i.warRisk !== 'low').sort(byPushes).slice(0, limit);
  const stop = insights.filter((i) => i.units === 0 && i.pushesPerDay >= WASTEFUL_PUSHES_PER_DAY).sort(byPushes).slice(0, limit);
  const lost = insights.filter((i) => i.winnable === 'no' && i.blocker?.confidence !== 'low').sort(byPushes).slice(0, limit);
  const out: Recommendation[] = [];
  if (holdSecond.length > 0) out.push({ kind: 'hold_second', productIds: holdSecond.map((i) => i.productId) });
  if (stop.length > 0) out.push({ kind: 'stop_pushing', productIds: stop.map((i) => i.productId) });
  if (lost.length > 0) out.push({ kind: 'unwinnable', productIds: lost.map((i) => i.productId) });
  return out;
}
