import type { Decision } from '../../src-shared/domain/decision';
import type { Offer } from '../../src-shared/domain/offer';
import { floorPrice } from '../../src-shared/domain/rules';
import type { PriceWarState, RivalPrice } from '../../src-shared/pricing';
import { EMPTY_PRICE_WAR_STATE, selectRivals } from '../../src-shared/pricing';
import type { ProductInfo, StoreInfo } from './ports';
import type { EngineSettings } from './settings';

/** Scheduling classes, most urgent first: read-back of a push, first place lost, contested, calm. */
export const PAIR_CLASSES = ['verify', 'lost_first', 'contested', 'calm'] as const;
export type PairClass = (typeof PAIR_CLASSES)[number];
export const classRank = (c: PairClass): number => PAIR_CLASSES.length - PAIR_CLASSES.indexOf(c);

/** A push we made (or may have made) and have not yet seen on Kaspi. */
export interface PendingPush {
  entryId: number;
  newPrice: number;
  at: number;
  /** The push's answer was lost (timeout, crash): only a read-back tells whether it happened. */
  ambiguous: boolean;
  attempts: number;
}

/** What the engine keeps about one (product, city). */
export interface Pair {
  key: string;
  store: StoreInfo;
  product: ProductInfo;
  cityId: string;
  cls: PairClass;
  dueAt: number;
  seq: number;
  calmStreak: number;
  backoffMs: number;
  /** After Kaspi refused this offer's push (bad request): no push before this time. */
  pushRetryAt: number;
  pushBackoffMs: number;
  lastRivalsKey: string | null;
  lastChangeAt: number | null;
  changesDay: number;
  changesOnDay: number;
  war: PriceWarState;
  pending: PendingPush | null;
  pushing: boolean;
  /** Our last move, watched for answers until the price-war window closes. */
  lastMove: { movedAt: number; ourPrice: number; rivalsBefore: RivalPrice[]; counted: string[] } | null;
  /** In dry-run the market never moves, so the same decision is journalled once, not every check. */
  dryRunPrice: number | null;
  first: boolean;
}

export const pairKey = (productId: number, cityId: string): string => `${productId}:${cityId}`;

export interface Standing {
  ourPrice: number | null;
  bestRival: number | null;
  /** We are strictly cheapest among the rivals we compete with. */
  first: boolean;
  /** The floor lets us be first: no eligible rival at or under it. */
  winnable: boolean;
  rivalsKey: string;
}

export function standing(pair: Pair, offers: readonly Offer[], ownMerchantIds: readonly string[], ourPrice: number | null): Standing {
  const { rivals } = selectRivals(offers, pair.store.merchantId, ownMerchantIds, pair.product.rules);
  const bestRival = rivals[0]?.price ?? null;
  const floor = floorPrice(pair.product.rules.floor);
  return {
    ourPrice,
    bestRival,
    first: ourPrice !== null && (bestRival === null || ourPrice < bestRival),
    winnable: bestRival === null || bestRival > floor,
    rivalsKey: rivals.map((r) => `${r.merchantId}=${r.price}`).join(','),
  };
}

/**
 * Where to check next, and how urgently: a lost first place that the floor allows back is checked
 * soonest; a market that just moved comes next; a calm one is checked less and less often. The
 * base interval stretches with the catalogue so that all checks fit the offers budget.
 */
export function nextCheck(
  pair: Pair,
  s: Standing,
  decision: Decision,
  now: number,
  settings: EngineSettings,
  baseIntervalMs: number,
): { cls: PairClass; dueAt: number } {
  const contested = pair.lastRivalsKey !== null && pair.lastRivalsKey !== s.rivalsKey;
  const monitorOnly = pair.product.rules.strategy === 'monitor';
  const warHold = decision.reason.code === 'price_war_hold' || decision.reason.code === 'price_war_next';
  let cls: PairClass = 'calm';
  if (!monitorOnly && !s.first && s.winnable && s.ourPrice !== null && !warHold) cls = 'lost_first';
  else if (contested || (pair.lastChangeAt !== null && now - pair.lastChangeAt < settings.intervals.calmMinMs)) cls = 'contested';
  pair.calmStreak = cls === 'calm' ? pair.calmStreak + 1 : 0;
  const iv = settings.intervals;
  let wait =
    cls === 'lost_first'
      ? Math.max(iv.lostFirstMs, baseIntervalMs / 4)
      : cls === 'contested'
        ? Math.max(iv.contestedMs, baseIntervalMs / 2)
        : Math.min(iv.calmMaxMs, Math.max(iv.calmMinMs, baseIntervalMs) * (1 + Math.min(pair.calmStreak, 8) / 4));
  // A cooldown that ends sooner than the next check is worth waking up for.
  const until = decision.reason.cooldownUntil;
  if (until !== null && until > now && cls === 'lost_first') wait = Math.min(wait, until - now);
  return { cls, dueAt: now + Math.round(wait) };
}

export function citiesOf(p: ProductInfo): readonly string[] {
  const wanted = p.rules.cities;
  return wanted.length === 0 ? p.cities : p.cities.filter((c) => wanted.includes(c));
}

export function newPair(key: string, store: StoreInfo, product: ProductInfo, cityId: string): Pair {
  return {
    key,
    store,
    product,
    cityId,
    cls: 'contested',
    dueAt: 0,
    seq: 0,
    calmStreak: 0,
    backoffMs: 0,
    pushRetryAt: 0,
    pushBackoffMs: 0,
    lastRivalsKey: null,
    lastChangeAt: null,
    changesDay: -1,
    changesOnDay: 0,
    war: EMPTY_PRICE_WAR_STATE,
    pending: null,
    pushing: false,
    lastMove: null,
    dryRunPrice: null,
    first: false,
  };
}
