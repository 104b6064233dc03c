import type { RivalFloor } from '../domain/decision';

/** What the engine has learnt about one rival of one (product, city). Persisted across restarts. */
export interface RivalMemory {
  /** Last price seen, and when. */
  price: number;
  seenAt: number;
  /** Lowest price seen: its floor is at most this. */
  low: number;
  /** It sat at this price while someone was cheaper for longer than it takes to answer: its floor. */
  heldAt: number | null;
  /** When we first saw it at its current price. */
  movedAt: number;
  /** Since when it has sat at `price` with a cheaper offer below it (null: nobody is under it). */
  undercutSince: number | null;
  /** Quick answers to our moves, decaying with time (the price-war score), and when it was last updated. */
  war: number;
  warAt: number;
  /** Typical delay of its answers to our moves (ms), once it has answered one. */
  answerMs: number | null;
}

/** What the engine has learnt about one (product, city): its rivals, its price range, how long first place holds. */
export interface PairMemory {
  rivals: Record<string, RivalMemory>;
  /** The range the lowest price of the listing (ours or a rival's) has shown, in readings the kill switch trusted. */
  rangeLow: number | null;
  rangeHigh: number | null;
  rangeSince: number | null;
  /** Since when the readings have been suspect without a break: a price that persists is the market's, not a glitch. */
  suspectSince: number | null;
  /** First-place time summed over finished and running spells, and the spells that ended in a loss. */
  firstMs: number;
  losses: number;
  firstSince: number | null;
  /** Our last move to find a rival's floor, the rival it tested, and the price we had before it. */
  probeAt: number | null;
  probeRival: string | null;
  probeFrom: number | null;
  /** Our last move back up from under a rival's floor. */
  recoverAt: number | null;
}

export interface MemorySettings {
  /** An answer within this time of our move counts toward a price war. */
  responseWindowMs: number;
  /** A decaying score at or above this flags the rival. */
  threshold: number;
  /** The score halves every this-many ms without a new answer. */
  halfLifeMs: number;
  /** First place is expected to hold this long before anything is learnt (one pseudo-spell). */
  holdPriorMs: number;
  /** A rival that sits this long (at least) under-cut without answering has found its floor. */
  heldMinMs: number;
  /** Rivals remembered per (product, city): the cheapest ones, the ones we compete with. */
  maxRivals: number;
  /** The price range recorded is forgotten after this long. */
  rangeMs: number;
  /** A suspect price seen without a break for this long joins the range (it is the market now). */
  suspectAcceptMs: number;
  /** A rival's floor is looked for at most this often per (product, city). */
  probeEveryMs: number;
  /** We go back up from under a rival's floor at most this often per (product, city). */
  recoverEveryMs: number;
}

export const DEFAULT_MEMORY_SETTINGS: MemorySettings = {
  responseWindowMs: 90_000,
  threshold: 3,
  halfLifeMs: 6 * 3_600_000,
  holdPriorMs: 30 * 60_000,
  heldMinMs: 90_000,
  maxRivals: 4,
  rangeMs: 30 * 86_400_000,
  suspectAcceptMs: 3_600_000,
  probeEveryMs: 12 * 3_600_000,
  recoverEveryMs: 2 * 3_600_000,
};

export interface RivalPrice {
  merchantId: string;
  price: number;
}

export const emptyMemory = (): PairMemory => ({
  rivals: {},
  rangeLow: null,
  rangeHigh: null,
  rangeSince: null,
  suspectSince: null,
  firstMs: 0,
  losses: 0,
  firstSince: null,
  probeAt: null,
  probeRival: null,
  probeFrom: null,
  recoverAt: null,
});

/** The war score now: it halves every half-life. */
export const warScore = (r: RivalMemory, now: number, s: MemorySettings): number =>
  r.war === 0 ? 0 : r.war * 0.5 ** (Math.max(0, now - r.warAt) / s.halfLifeMs);

/** A rival that has shown it answers our moves (at any speed). */
const reactive = (r: RivalMemory): boolean => r.answerMs !== null;

export interface MarketRead {
  at: number;
  ourPrice: number | null;
  /** The rivals we compete with, cheapest first. */
  rivals: readonly RivalPrice[];
  /** Every price on the listing (ours, own stores, excluded rivals): what a rival's bot sees under it. */
  allPrices: readonly number[];
  /** Whether the kill switch trusted this reading (a suspect price must not widen the range). */
  trusted: boolean;
}

/**
 * Learns from one look at the market: each rival's lowest price and the price where it stopped
 * following (a reactive rival that sits undercut for longer than it takes to answer), the range of
 * the best rival price, and first-place spells (how long first place holds).
 */
export function observeRead(memory: PairMemory, read: MarketRead, s: MemorySettings = DEFAULT_MEMORY_SETTINGS): void {
  const { at } = read;
  const keep = new Set(read.rivals.slice(0, s.maxRivals).map((r) => r.merchantId));
  for (const r of read.rivals) {
    let m = memory.rivals[r.merchantId];
    if (!m) {
      if (!keep.has(r.merchantId)) continue;
      m = memory.rivals[r.merchantId] = { price: r.price, seenAt: at, movedAt: at, low: r.price, heldAt: null, undercutSince: null, war: 0, warAt: at, answerMs: null };
    }
    const cheaperBelow = read.allPrices.some((p) => p < r.price);
    // A rival that answers moves and just came down, but not under the cheapest offer, stopped at its floor.
    if (reactive(m) && r.price < m.price && cheaperBelow) m.heldAt = r.price;
    else if (r.price !== m.price || !cheaperBelow) m.undercutSince = cheaperBelow ? at : null;
    else if (m.undercutSince === null) m.undercutSince = at;
    else if (reactive(m) && at - m.undercutSince >= Math.max(s.heldMinMs, 2 * (m.answerMs ?? 0))) m.heldAt = r.price;
    // Below the price it held, it was not at its floor after all (a new floor, or it came back lower).
    if (m.heldAt !== null && r.price < m.heldAt) m.heldAt = null;
    if (r.price !== m.price) m.movedAt = at;
    m.price = r.price;
    m.seenAt = at;
    m.low = Math.min(m.low, r.price);
  }
  // Rivals gone for good are forgotten: a day without being seen.
  for (const [id, m] of Object.entries(memory.rivals)) if (at - m.seenAt > 86_400_000 && !keep.has(id)) delete memory.rivals[id];

  const best = read.rivals[0]?.price ?? null;
  if (read.trusted) memory.suspectSince = null;
  else memory.suspectSince ??= at;
  const trusted = read.trusted || at - memory.suspectSince! >= s.suspectAcceptMs;
  // The product's range: the lowest price on the listing, ours included (we sell at it too).
  const low = best === null ? read.ourPrice : read.ourPrice === null ? best : Math.min(best, read.ourPrice);
  if (low !== null && trusted) {
    if (memory.rangeSince === null || at - memory.rangeSince > s.rangeMs) {
      memory.rangeLow = low;
      memory.rangeHigh = low;
      memory.rangeSince = at;
    } else {
      memory.rangeLow = Math.min(memory.rangeLow ?? low, low);
      memory.rangeHigh = Math.max(memory.rangeHigh ?? low, low);
    }
  }

  const first = read.ourPrice !== null && (best === null || read.ourPrice < best);
  if (first && memory.firstSince === null) memory.firstSince = at;
  if (!first && memory.firstSince !== null) {
    memory.firstMs += at - memory.firstSince;
    memory.losses++;
    memory.firstSince = null;
  }
}

/**
 * The seller says the prices held as suspect are the market: the lowest price each rival now shows
 * joins the range, so the next look does not hold them again. Returns whether anything changed.
 */
export function acceptSuspectPrices(memory: PairMemory): boolean {
  if (memory.suspectSince === null) return false;
  memory.suspectSince = null;
  const prices = Object.values(memory.rivals).map((r) => r.price);
  if (prices.length > 0 && memory.rangeLow !== null) memory.rangeLow = Math.min(memory.rangeLow, ...prices);
  return true;
}

/** One of our price moves and a later look at the market. */
export interface MoveObservation {
  movedAt: number;
  ourPrice: number;
  rivalsBefore: readonly RivalPrice[];
  observedAt: number;
  rivalsAfter: readonly RivalPrice[];
}

/**
 * Rivals that answered our move: above our new price before it, and now at it or just under it —
 * aimed at us, not a move of their own that happens to pass us (a drift or a sale lands anywhere).
 */
export function answeredBy(obs: MoveObservation): RivalPrice[] {
  const before = new Map(obs.rivalsBefore.map((r) => [r.merchantId, r.price]));
  const reach = Math.max(10, Math.ceil(obs.ourPrice * 0.005));
  return obs.rivalsAfter.filter((r) => {
    const was = before.get(r.merchantId);
    return was !== undefined && was > obs.ourPrice && r.price <= obs.ourPrice && r.price >= obs.ourPrice - reach;
  });
}

/** What has been counted of one move already: answers per rival, and whether its window was judged. */
export interface MoveWatch {
  counted: string[];
  judged: boolean;
}

/**
 * Records the answers to our move seen in one look (each rival once per move). An answer within the
 * response window adds one to the rival's decaying war score; any answer teaches how fast it
 * answers. At the first look after the window, a rival still above our new price did not answer:
 * its score halves, so a flag lifts once a rival stops answering.
 */
export function observeAnswers(memory: PairMemory, obs: MoveObservation, watch: MoveWatch, s: MemorySettings = DEFAULT_MEMORY_SETTINGS): void {
  const delay = obs.observedAt - obs.movedAt;
  for (const r of answeredBy(obs)) {
    if (watch.counted.includes(r.merchantId)) continue;
    watch.counted.push(r.merchantId);
    const m = memory.rivals[r.merchantId];
    if (!m) continue;
    m.answerMs = m.answerMs === null ? delay : Math.round(m.answerMs * 0.7 + delay * 0.3);
    if (delay <= s.responseWindowMs) {
      m.war = warScore(m, obs.observedAt, s) + 1;
      m.warAt = obs.observedAt;
    }
  }
  if (delay <= s.responseWindowMs || watch.judged) return;
  watch.judged = true;
  for (const before of obs.rivalsBefore) {
    const m = memory.rivals[before.merchantId];
    if (!m || m.war === 0 || watch.counted.includes(before.merchantId) || before.price <= obs.ourPrice) continue;
    const after = obs.rivalsAfter.find((r) => r.merchantId === before.merchantId);
    if (!after || after.price <= obs.ourPrice) continue;
    m.war = warScore(m, obs.observedAt, s) / 2;
    m.warAt = obs.observedAt;
  }
}

/**
 * When the first rival that answers our moves is expected to answer the move we made at `movedAt`
 * to `ourPrice` (a rival whose floor is known to be above that price cannot); null when none would.
 */
export function expectedAnswerAt(memory: PairMemory, ourPrice: number, movedAt: number): number | null {
  let at: number | null = null;
  for (const m of Object.values(memory.rivals)) {
    if (m.answerMs === null || (m.heldAt !== null && m.heldAt > ourPrice)) continue;
    at = Math.min(at ?? Infinity, movedAt + m.answerMs);
  }
  return at;
}

/** Rivals flagged now: decisions do not feed their war. */
export function warRivals(memory: PairMemory, now: number, s: MemorySettings = DEFAULT_MEMORY_SETTINGS): string[] {
  return Object.entries(memory.rivals)
    .filter(([, m]) => warScore(m, now, s) >= s.threshold - 0.5)
    .map(([id]) => id);
}

/** How long first place holds here (ms): first-place time over the spells that ended, with one prior spell. */
export function holdEstimateMs(memory: PairMemory, now: number, s: MemorySettings = DEFAULT_MEMORY_SETTINGS): number {
  const running = memory.firstSince === null ? 0 : now - memory.firstSince;
  return Math.round((memory.firstMs + running + s.holdPriorMs) / (memory.losses + 1));
}

/** What decide() may use of the memory: the rivals' floors and answer times, the hold estimate, whether a probe is allowed. */
export interface MarketKnowledge {
  rivalFloors: Readonly<Record<string, RivalFloor>>;
  answerMs: Readonly<Record<string, number>>;
  holdMs: number;
  /** How often this (product, city) can afford a push: its share of the account's change budget, its daily cap. */
  affordEveryMs: number;
  probeAllowed: boolean;
  /** A probe is out and the rival has not answered it yet: wait, whatever the rival's price says now. */
  probing: boolean;
  /** After a probe that found the rival's floor under ours: the price to go back to. */
  restorePrice: number | null;
  /** Going back up from under a rival's floor is allowed now (not done within the last while). */
  recoverAllowed: boolean;
}

export function knowledgeOf(memory: PairMemory, now: number, affordEveryMs: number, s: MemorySettings = DEFAULT_MEMORY_SETTINGS): MarketKnowledge {
  const rivalFloors: Record<string, RivalFloor> = {};
  const answerMs: Record<string, number> = {};
  for (const [id, m] of Object.entries(memory.rivals)) {
    rivalFloors[id] = m.heldAt !== null ? { price: m.heldAt, sure: true } : { price: m.low, sure: false };
    if (m.answerMs !== null) answerMs[id] = m.answerMs;
  }
  const probed = memory.probeAt !== null && now - memory.probeAt < s.probeEveryMs;
  return { rivalFloors, answerMs, holdMs: holdEstimateMs(memory, now, s), affordEveryMs, probeAllowed: !probed, probing: probing(memory, now, s), restorePrice: probed ? memory.probeFrom : null, recoverAllowed: memory.recoverAt === null || now - memory.recoverAt >= s.recoverEveryMs };
}

/**
 * A probe waits for its answer: until the tested rival has moved since it (to its floor, or under
 * us), at most twice its usual answer time (and no more than half an hour).
 */
function probing(memory: PairMemory, now: number, s: MemorySettings): boolean {
  if (memory.probeAt === null || memory.probeRival === null) return false;
  const rival = memory.rivals[memory.probeRival];
  if (!rival || rival.seenAt <= memory.probeAt || rival.movedAt > memory.probeAt) return false;
  return now - memory.probeAt < Math.min(30 * 60_000, Math.max(s.heldMinMs, 2 * (rival.answerMs ?? 0)));
}
