import type { Lookalike } from './own-lookalike';
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
  /** Sales in the last days by our place when each came in, and the time watched at each place. */
  sales: PlaceSales | null;
  /** Prices the bot sent to Kaspi per day over the last week. */
  pushesPerDay: number;
  /** How long the bot has watched this product's listings (the shortest of them; null: not known). */
  watchedDays: number | null;
}

/** What one place (first, second) brought in: units, and margin when every line had a cost. */
export interface AtPlace {
  units: number;
  /** Price − cost (unit cost, fees, commission) of the lines sold there; null when a line had no cost. */
  margin: number | null;
  /** Time our offer was watched at this place (days). */
  days: number;
}

export interface PlaceSales {
  /** Every unit sold in the period, at any place or none known. */
  units: number;
  first: AtPlace;
  second: AtPlace;
}

/** Fewer sales (at first and second place together) than this say nothing about first against second. */
export const MIN_SALES = 5;
/** Less time than this at a place gives no rate for it: one quiet hour says nothing. */
export const MIN_DAYS_AT_PLACE = 1;
/** Second place that earns this share of first place's margin (or units) a day is nearly as good. */
export const NEARLY_AS_MUCH = 0.8;
/** A rival answering within this long and sure of its floor under our price turns every cut into a war. */
export const FAST_ANSWER_MS = 5 * 60_000;

/** not_watched: the bot has not looked at its storefront yet. */
export type Winnable = 'yes' | 'no' | 'no_rivals' | 'no_floor' | 'not_watched';
export type Worth = 'first' | 'second' | 'too_few_sales';
/** What "worth" compared: margin a day when every sale there had a cost, else units a day (and it says so). */
export type WorthBasis = 'margin' | 'units';

/** One place's rates, as shown next to the verdict. */
export interface PlaceRate {
  units: number;
  days: number;
  unitsPerDay: number | null;
  marginPerDay: number | null;
}
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
  worthBasis: WorthBasis;
  units: number;
  first: PlaceRate;
  second: PlaceRate;
  warRisk: WarRisk;
  /** Rivals that answer our moves within FAST_ANSWER_MS. */
  fastRivals: number;
  pushesPerDay: number;
  watchedDays: number | null;
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
  const { worth, worthBasis, first, second } = worthOf(input.sales);
  const warRisk: WarRisk = fastRivals > 0 ? 'high' : answering > 0 ? 'medium' : 'low';
  return {
    productId: input.productId,
    winnable,
    neededFloor,
    sellerFloor: input.sellerFloor,
    blocker,
    worth,
    worthBasis,
    units: input.sales?.units ?? 0,
    first,
    second,
    warRisk,
    fastRivals,
    pushesPerDay: input.pushesPerDay,
    watchedDays: input.watchedDays === null ? null : round2(input.watchedDays),
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function rateOf(place: AtPlace | undefined): PlaceRate {
  if (!place) return { units: 0, days: 0, unitsPerDay: null, marginPerDay: null };
  const timed = place.days >= MIN_DAYS_AT_PLACE;
  return {
    units: place.units,
    days: round2(place.days),
    unitsPerDay: timed ? round2(place.units / place.days) : null,
    marginPerDay: timed && place.margin !== null ? Math.round(place.margin / place.days) : null,
  };
}

/**
 * Is first place worth its price war: the margin a day earned while first against while second
 * (price − cost of what sold at each place, over the time spent there). A lower price at first
 * place shows up as a thinner margin, so first place that only sells more units at a loss loses
 * here. Without a cost for every sale the margin is unknown: units a day are compared, and the
 * basis says so. Too few sales at the two places, or under a day at either, decide nothing.
 */
export function worthOf(sales: PlaceSales | null): { worth: Worth; worthBasis: WorthBasis; first: PlaceRate; second: PlaceRate } {
  const first = rateOf(sales?.first);
  const second = rateOf(sales?.second);
  const byMargin = first.marginPerDay !== null && second.marginPerDay !== null;
  // Margin decides only when every sale at both places had a cost (and there was a sale).
  const worthBasis: WorthBasis = sales !== null && sales.first.margin !== null && sales.second.margin !== null && sales.first.units + sales.second.units > 0 ? 'margin' : 'units';
  let worth: Worth = 'too_few_sales';
  if (sales && first.units + second.units >= MIN_SALES && first.unitsPerDay !== null && second.unitsPerDay !== null) {
    const [atFirst, atSecond] = byMargin ? [first.marginPerDay!, second.marginPerDay!] : [first.unitsPerDay, second.unitsPerDay];
    worth = atSecond >= atFirst * NEARLY_AS_MUCH ? 'second' : 'first';
  }
  return { worth, worthBasis, first, second };
}

export type RecommendationKind = 'hold_second' | 'stop_pushing' | 'unwinnable' | 'raise_floor' | 'exclude_merchant';

/** raise_floor's evidence per product: the floor now, the one first place needs, and the rival that sets it. */
export interface FloorRaise {
  productId: number;
  from: number;
  to: number;
  blocker: string;
  confidence: FloorConfidence;
  watchedDays: number | null;
}

export interface Recommendation {
  kind: RecommendationKind;
  productIds: number[];
  /** raise_floor: each product's floor now and the one to raise it to. */
  floors?: FloorRaise[];
  /** exclude_merchant: the rival that looks like the seller's own store, and why. */
  merchant?: Omit<Lookalike, 'productIds'>;
}

/** Pushes a day above which a product that sells nothing wastes the account's change budget. */
export const WASTEFUL_PUSHES_PER_DAY = 20;
/** A floor this far under what first place needs (both bounds) is worth raising. */
export const RAISE_MIN_TENGE = 100;
// 3 % of the price is several undercut steps: the depth a war reaches before the floor stops it.
export const RAISE_MIN_SHARE = 0.03;
/** A floor estimate that is only "the lowest seen" counts after this long watching the listings. */
export const RAISE_MIN_WATCHED_DAYS = 3;

/**
 * Raise the floor where first place never needed it that low: every rival's floor (as estimated)
 * is far above the seller's, so the seller's floor only sets how deep a price war can drag the
 * price. The new floor is the one first place needs: one tenge under the lowest rival floor. The
 * estimate must be sure or likely, or the listings watched for days; if a rival later goes under
 * it, the bot holds at the floor as the rules say.
 */
export function floorRaise(i: ProductInsight): FloorRaise | null {
  if (i.winnable !== 'yes' || !i.blocker || i.neededFloor === null || i.sellerFloor === null) return null;
  const gap = i.neededFloor - i.sellerFloor;
  if (gap < RAISE_MIN_TENGE || gap < i.sellerFloor * RAISE_MIN_SHARE) return null;
  if (i.blocker.confidence === 'low' && (i.watchedDays ?? 0) < RAISE_MIN_WATCHED_DAYS) return null;
  return { productId: i.productId, from: i.sellerFloor, to: i.neededFloor, blocker: i.blocker.name, confidence: i.blocker.confidence, watchedDays: i.watchedDays };
}

/**
 * A short list across the catalogue, each with the products it is about (the evidence is their
 * insights): hold second place where first means a war and second earns nearly as much; stop
 * spending pushes on products that sell nothing; raise floors that no rival comes near; exclude
 * rivals that look like the seller's own other store; products lost to a rival's floor, not to speed.
 */
export function recommendations(insights: readonly ProductInsight[], lookalikes: readonly Lookalike[] = [], limit = 10): Recommendation[] {
  const byPushes = (a: ProductInsight, b: ProductInsight) => b.pushesPerDay - a.pushesPerDay || a.productId - b.productId;
  const holdSecond = insights.filter((i) => i.worth === 'second' && i.warRisk !== 'low').sort(byPushes).slice(0, limit);
  const stop = insights.filter((i) => i.units === 0 && i.pushesPerDay >= WASTEFUL_PUSHES_PER_DAY).sort(byPushes).slice(0, limit);
  const raises = insights.flatMap((i) => floorRaise(i) ?? []).sort((a, b) => b.to - b.from - (a.to - a.from) || a.productId - b.productId).slice(0, limit);
  const lost = insights.filter((i) => i.winnable === 'no' && i.blocker?.confidence !== 'low').sort(byPushes).slice(0, limit);
  const out: Recommendation[] = [];
  if (holdSecond.length > 0) out.push({ kind: 'hold_second', productIds: holdSecond.map((i) => i.productId) });
  if (stop.length > 0) out.push({ kind: 'stop_pushing', productIds: stop.map((i) => i.productId) });
  if (raises.length > 0) out.push({ kind: 'raise_floor', productIds: raises.map((r) => r.productId), floors: raises });
  for (const { productIds, ...merchant } of lookalikes.slice(0, 3)) out.push({ kind: 'exclude_merchant', productIds, merchant });
  if (lost.length > 0) out.push({ kind: 'unwinnable', productIds: lost.map((i) => i.productId) });
  return out;
}
