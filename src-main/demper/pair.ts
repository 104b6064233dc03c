import type { Decision } from '../../src-shared/domain/decision';
import type { Offer } from '../../src-shared/domain/offer';
import { floorPrice } from '../../src-shared/domain/rules';
import type { MoveWatch, PairMemory, RivalPrice } from '../../src-shared/pricing';
import { emptyMemory, selectRivals } from '../../src-shared/pricing';
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
  /** Its share of the re-check budget while scheduled (the scheduler's bookkeeping). */
  weight: number;
  calmStreak: number;
  /** The last successful look at its offers; null: never looked at since the start. */
  checkedAt: number | null;
  /** The wait before retrying a failed look (doubles on each failure). */
  backoffMs: number;
  /** After Kaspi refused this offer's push (bad request): no push before this time, and the last wait. */
  pushRetryAt: number;
  pushRetryMs: number;
  lastRivalsKey: string | null;
  lastChangeAt: number | null;
  changesDay: number;
  changesOnDay: number;
  /** What was learnt about this market: rivals, floors, answer times, hold times (persisted). */
  memory: PairMemory;
  /** The memory changed since it was last saved. */
  memoryDirty: boolean;
  pending: PendingPush | null;
  pushing: boolean;
  /** Our last move, watched for answers until the next one (or an hour). */
  lastMove: ({ movedAt: number; ourPrice: number; rivalsBefore: RivalPrice[] } & MoveWatch) | null;
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

/** A look this long after a rival is expected to answer finds the answer (it acts a little later than its average). */
const ANSWER_MARGIN_MS = 15_000;

/** Re-check intervals per class: at least the class minimum, at most `calmMaxMs`, else what the budget gives. */
export type RecheckInterval = (cls: Exclude<PairClass, 'verify'>, calmStreak: number) => number;

/**
 * Where to check next, and how urgently: a lost first place that a push can win back (live, the
 * floor allows it, no war) is most urgent; in dry run nothing is pushed, so a loss is not urgent.
 * A market that just moved comes next; a calm one is checked less and less often. How often each
 * class is checked comes from the offers budget (the scheduler's `recheckIntervalMs`).
 */
export function nextCheck(
  pair: Pair,
  s: Standing,
  decision: Decision,
  now: number,
  settings: EngineSettings,
  intervalFor: RecheckInterval,
  /** When a rival that answers our moves is expected to answer the last one (first place is lost then). */
  answerExpectedAt: number | null = null,
): { cls: PairClass; dueAt: number } {
  const contested = pair.lastRivalsKey !== null && pair.lastRivalsKey !== s.rivalsKey;
  const monitorOnly = pair.product.rules.strategy === 'monitor';
  const noWinBack = ['price_war_hold', 'price_war_next', 'suspect_price'].includes(decision.reason.code);
  let cls: PairClass = 'calm';
  if (!settings.dryRun && !monitorOnly && !s.first && s.winnable && s.ourPrice !== null && !noWinBack) cls = 'lost_first';
  else if (contested || (pair.lastChangeAt !== null && now - pair.lastChangeAt < settings.intervals.calmMinMs)) cls = 'contested';
  pair.calmStreak = cls === 'calm' ? pair.calmStreak + 1 : 0;
  const iv = settings.intervals;
  const least = cls === 'lost_first' ? iv.lostFirstMs : cls === 'contested' ? iv.contestedMs : iv.calmMinMs;
  let wait = Math.min(iv.calmMaxMs, Math.max(least, intervalFor(cls, pair.calmStreak)));
  // A cooldown that ends sooner than the next check is worth waking up for.
  const until = decision.reason.cooldownUntil;
  if (until !== null && until > now && cls === 'lost_first') wait = Math.min(wait, until - now);
  // First against a rival that answers: look again just after it is expected to, not a calm interval later.
  if (!settings.dryRun && s.first && answerExpectedAt !== null && answerExpectedAt > now) {
    wait = Math.min(wait, Math.max(iv.contestedMs, answerExpectedAt - now + ANSWER_MARGIN_MS));
  }
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
    weight: 0,
    calmStreak: 0,
    checkedAt: null,
    backoffMs: 0,
    pushRetryAt: 0,
    pushRetryMs: 0,
    lastRivalsKey: null,
    lastChangeAt: null,
    changesDay: -1,
    changesOnDay: 0,
    memory: emptyMemory(),
    memoryDirty: false,
    pending: null,
    pushing: false,
    lastMove: null,
    dryRunPrice: null,
    first: false,
  };
}
