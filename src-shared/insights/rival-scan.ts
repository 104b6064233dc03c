import { median, quantile } from './stats';

/**
 * Rival profiles learnt from the offer snapshots, one snapshot at a time (issue 18). The scan is
 * incremental: what it carries per (product, city) and per rival is plain JSON, stored between
 * refreshes (src-main/db/repos/insights-repo.ts), so each refresh reads only the new snapshots.
 *
 * Everything is measured from the looks the demper made: a rival's move is seen at the first look
 * after it, so its times are as exact as the looks were frequent (the error is one look interval).
 * Our own moves are timed by the price journal where it has them (`ScanSnapshot.ourPushedAt`).
 */

/** One look at one (product, city): every offer, ours included. */
export interface ScanSnapshot {
  productId: number;
  cityId: string;
  at: number;
  offers: readonly { merchantId: string; merchantName: string; price: number }[];
  /**
   * When Kaspi took the price of ours this look shows, by the price journal (the push of it since
   * the previous look); null or absent: not our push, or not known. Our move is timed by it, not
   * by the look that first saw it, so answer times are not a look too long, and a bot that answers
   * before our next look (seen in the same look as our move) is seen answering at all.
   */
  ourPushedAt?: number | null;
}

/** A rival's current run at one price in one listing. */
interface Run {
  price: number;
  since: number;
  /** Time someone else was cheaper while it stayed at this price. */
  undercutMs: number;
  /** Its time at the rival's lowest price is added up to here. */
  accountedTo: number;
  /** The rival moved since our last move (its answer, if any, is taken). */
  answered: boolean;
}

/** What the scan carries per (product, city) between looks. */
export interface PairScan {
  at: number;
  /** The first look the scan read here (absent in scans stored before it was kept). */
  since?: number;
  ourPrice: number | null;
  /** When our price was last seen to change (null: not since the scan began). */
  ourMovedAt: number | null;
  /** When anyone's price last changed here, and who moved: a move soon after another's is an answer. */
  lastMoveAt: number | null;
  lastMover: string | null;
  runs: Record<string, Run>;
}

/** The lowest price a rival held in one listing. */
export interface LowHold {
  /** Lowest price held at least HELD_MS in one go (null: none held yet). */
  low: number | null;
  /** Its last runs at that price: [start, time someone else was cheaper] (a demper that could follow did not). */
  undercut: [number, number][];
  /** Total time spent at that price. */
  heldMs: number;
  /** The lowest price seen at all, held or not. */
  seenLow: number;
  /** Its moves down here: a seller that never moves down has shown no floor, only its price. */
  downs: number;
}

/** What the scan accumulates per rival merchant. */
export interface RivalStats {
  name: string;
  firstSeen: number;
  lastSeen: number;
  /** Price changes seen. */
  changes: number;
  /** Of them, made within QUICK_MS of another seller's move in the same listing. */
  quick: number;
  /** Of them, made at night (00:00–06:59 local). */
  night: number;
  /** How far under the cheapest other offer its last moves under it went (₸), newest last: its undercut step. */
  steps: number[];
  /** Delays from our move to its next move in the same listing (ms), newest last. */
  answers: number[];
  /** Changes by local hour of day. */
  hours: number[];
  cities: string[];
  /** `${productId}:${cityId}` → its lowest held price there. */
  lows: Record<string, LowHold>;
  /**
   * Its price against ours in the looks where both were on sale: how many, how many at exactly
   * our price, how many under it. A seller always at our price and never under it mirrors us
   * (absent in stats stored before it was counted).
   */
  vsUs?: { looks: number; same: number; under: number };
}

export interface ScanSettings {
  ownMerchantIds: readonly string[];
  utcOffsetMinutes: number;
}

/** A price counts as held, a floor candidate, after this long. */
export const HELD_MS = 10 * 60_000;
/** A move this soon after another seller's is an answer to it (how demper bots behave). */
export const QUICK_MS = 5 * 60_000;
/** A rival's first move this long after ours is its answer to it. */
export const ANSWER_WINDOW_MS = 60 * 60_000;
/** Samples kept per rival: the newest ones, so a rival that changes its bot is seen as it is now. */
export const SAMPLES = 40;
/** A rival never seen answering us may be a slow one: a hold counts as its choice after twice this. */
export const UNKNOWN_ANSWER_MS = 15 * 60_000;

const push = (list: number[], value: number) => {
  list.push(value);
  if (list.length > SAMPLES) list.shift();
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The own merchants as a set, made once per list (a refresh passes the same list to every look). */
let ownCache: { list: readonly string[]; set: Set<string> } | null = null;
function ownSet(list: readonly string[]): Set<string> {
  if (ownCache?.list !== list) ownCache = { list, set: new Set(list) };
  return ownCache.set;
}

export function emptyRivalStats(name: string, at: number): RivalStats {
  return { name, firstSeen: at, lastSeen: at, changes: 0, quick: 0, night: 0, steps: [], answers: [], hours: new Array<number>(24).fill(0), cities: [], lows: {} };
}

/**
 * Reads one snapshot into the pair's scan and the rivals' stats. `rival(id, name)` returns the
 * stats object to update (created by the caller, so it can track what changed). Snapshots of one
 * pair must come in time order; an older one than the last is ignored.
 */
export function scanSnapshot(pair: PairScan | null, snap: ScanSnapshot, settings: ScanSettings, rival: (merchantId: string, name: string) => RivalStats): PairScan {
  const own = ownSet(settings.ownMerchantIds);
  const key = `${snap.productId}:${snap.cityId}`;
  const state: PairScan = pair ?? { at: snap.at, since: snap.at, ourPrice: null, ourMovedAt: null, lastMoveAt: null, lastMover: null, runs: {} };
  if (pair && snap.at < pair.at) return pair;
  const dt = pair ? snap.at - pair.at : 0;

  // Time since the last look counts for each rival in the state it was in then: undercut when
  // anyone else (us included) was cheaper. The two lowest prices answer that for every rival at once.
  if (dt > 0) {
    let lowest = state.ourPrice ?? Infinity;
    let lowestId: string | null = null;
    let second = Infinity;
    for (const id in state.runs) {
      const price = state.runs[id]!.price;
      if (price < lowest) [second, lowest, lowestId] = [lowest, price, id];
      else if (price < second) second = price;
    }
    for (const id in state.runs) {
      const run = state.runs[id]!;
      if ((id === lowestId ? second : lowest) < run.price) run.undercutMs += dt;
    }
  }

  const ours = snap.offers.filter((o) => own.has(o.merchantId)).map((o) => o.price);
  const ourPrice = ours.length > 0 ? Math.min(...ours) : null;
  if (pair && ourPrice !== null && state.ourPrice !== null && ourPrice !== state.ourPrice) {
    // A rival's move seen in this same look is taken as its answer: after our push, by the journal
    // (a move it made between the previous look and our push would be counted too; that gap is short).
    const pushedAt = snap.ourPushedAt ?? null;
    state.ourMovedAt = pushedAt !== null && pushedAt > state.at && pushedAt <= snap.at ? pushedAt : snap.at;
    state.lastMoveAt = state.ourMovedAt;
    state.lastMover = '';
    for (const run of Object.values(state.runs)) run.answered = false;
  }
  state.ourPrice = ourPrice;

  const hour = Math.floor((((snap.at + settings.utcOffsetMinutes * 60_000) % DAY_MS) + DAY_MS) % DAY_MS / HOUR_MS);
  const seen = new Set<string>();
  const moversNow: string[] = [];
  for (const o of snap.offers) {
    if (own.has(o.merchantId) || seen.has(o.merchantId)) continue;
    seen.add(o.merchantId);
    const stats = rival(o.merchantId, o.merchantName);
    stats.name = o.merchantName || stats.name;
    stats.lastSeen = Math.max(stats.lastSeen, snap.at);
    stats.firstSeen = Math.min(stats.firstSeen, snap.at);
    if (!stats.cities.includes(snap.cityId)) stats.cities.push(snap.cityId);
    if (ourPrice !== null) {
      const vs = (stats.vsUs ??= { looks: 0, same: 0, under: 0 });
      vs.looks++;
      if (o.price === ourPrice) vs.same++;
      else if (o.price < ourPrice) vs.under++;
    }
    const run = state.runs[o.merchantId];
    if (run) settleHold(stats, key, run, snap.at);
    if (run && run.price !== o.price) {
      stats.changes++;
      const others = cheapestExcept(snap.offers, o.merchantId);
      if (o.price < others) push(stats.steps, others - o.price);
      const lowHere = stats.lows[key];
      if (lowHere && o.price < run.price) lowHere.downs++;
      stats.hours[hour] = (stats.hours[hour] ?? 0) + 1;
      if (hour < 7) stats.night++;
      if (state.lastMoveAt !== null && state.lastMover !== o.merchantId && snap.at - state.lastMoveAt <= QUICK_MS) stats.quick++;
      if (!run.answered && state.ourMovedAt !== null && snap.at > state.ourMovedAt && snap.at - state.ourMovedAt <= ANSWER_WINDOW_MS) push(stats.answers, snap.at - state.ourMovedAt);
      state.runs[o.merchantId] = { price: o.price, since: snap.at, undercutMs: 0, accountedTo: snap.at, answered: true };
      moversNow.push(o.merchantId);
    } else if (!run) {
      state.runs[o.merchantId] = { price: o.price, since: snap.at, undercutMs: 0, accountedTo: snap.at, answered: true };
    }
    const low = stats.lows[key];
    if (!low) stats.lows[key] = { low: null, undercut: [], heldMs: 0, seenLow: o.price, downs: 0 };
    else low.seenLow = Math.min(low.seenLow, o.price);
  }
  for (const id of Object.keys(state.runs)) if (!seen.has(id)) delete state.runs[id];
  if (moversNow.length > 0) {
    state.lastMoveAt = snap.at;
    state.lastMover = moversNow.length === 1 ? moversNow[0]! : null;
  }
  state.at = snap.at;
  return state;
}

function cheapestExcept(offers: ScanSnapshot['offers'], merchantId: string): number {
  let best = Infinity;
  for (const o of offers) if (o.merchantId !== merchantId && o.price < best) best = o.price;
  return best;
}

/** A run that lasted HELD_MS is a held price: the lowest one held is the floor estimate. */
function settleHold(stats: RivalStats, key: string, run: Run, now: number): void {
  const low = stats.lows[key];
  if (!low || now - run.since < HELD_MS) return;
  if (low.low === null || run.price < low.low) {
    low.low = run.price;
    low.undercut = [];
    low.heldMs = 0;
  }
  if (run.price !== low.low) return;
  low.heldMs += now - Math.max(run.since, run.accountedTo);
  run.accountedTo = now;
  if (run.undercutMs <= 0) return;
  const entry = low.undercut.find(([since]) => since === run.since);
  if (entry) entry[1] = run.undercutMs;
  else {
    low.undercut.push([run.since, run.undercutMs]);
    if (low.undercut.length > 10) low.undercut.shift();
  }
}

export type FloorConfidence = 'high' | 'medium' | 'low';

export interface FloorEstimate {
  productId: number;
  cityId: string;
  floor: number;
  confidence: FloorConfidence;
}

export interface RivalProfile {
  merchantId: string;
  name: string;
  products: number;
  cities: string[];
  changes: number;
  changesPerDay: number;
  reactionMedianMs: number | null;
  /** Interquartile range of its answer delays (ms). */
  reactionSpreadMs: number | null;
  reactionSamples: number;
  usualStep: number | null;
  /** Local hours with at least 5% of its changes, ascending. */
  activeHours: number[];
  /** 0..1: answers within minutes, works at night, moves by a fixed step. */
  botScore: number;
  bot: boolean;
  floors: FloorEstimate[];
  firstSeenMs: number;
  lastSeenMs: number;
}

/**
 * The lowest price a rival held, and how sure that it is its floor. A rival that moves its price
 * down and stayed there while undercut for longer than it takes to answer (twice its answer time,
 * HELD_MS at least; UNKNOWN_ANSWER_MS when it never answered us) chose not to follow: twice is high,
 * once is medium; only the lowest it happened to sit at, or a seller that never moved down, is low.
 */
export function floorOf(low: LowHold, answerMs: number | null): { floor: number; confidence: FloorConfidence } {
  if (low.low === null || low.downs === 0) return { floor: low.low ?? low.seenLow, confidence: 'low' };
  const need = Math.max(HELD_MS, 2 * (answerMs ?? UNKNOWN_ANSWER_MS));
  const holds = low.undercut.filter(([, ms]) => ms >= need).length;
  return { floor: low.low, confidence: holds >= 2 ? 'high' : holds === 1 ? 'medium' : 'low' };
}

const HOUR = 3_600_000;

export function profileOf(merchantId: string, stats: RivalStats): RivalProfile {
  const spanDays = Math.max(HOUR, stats.lastSeen - stats.firstSeen) / 86_400_000;
  const q1 = quantile(stats.answers, 0.25);
  const q3 = quantile(stats.answers, 0.75);
  const usualStep = median(stats.steps);
  const regular = usualStep === null ? 0 : stats.steps.filter((s) => s === usualStep).length / stats.steps.length;
  const quickShare = stats.changes > 0 ? stats.quick / stats.changes : 0;
  // A person sleeps: night is 7 of 24 hours, so a rival as busy at night as by day scores 1.
  const nightShare = stats.changes > 0 ? Math.min(1, (stats.night / stats.changes) * (24 / 7)) : 0;
  const botScore = Math.round((0.5 * quickShare + 0.25 * nightShare + 0.25 * regular) * 100) / 100;
  const reactionMedianMs = median(stats.answers);
  const floors: FloorEstimate[] = Object.entries(stats.lows).map(([key, low]) => {
    const [productId, cityId] = key.split(':');
    return { productId: Number(productId), cityId: cityId!, ...floorOf(low, reactionMedianMs) };
  });
  const products = new Set(floors.map((f) => f.productId)).size;
  const threshold = stats.changes * 0.05;
  return {
    merchantId,
    name: stats.name,
    products,
    cities: [...stats.cities].sort(),
    changes: stats.changes,
    changesPerDay: Math.round((stats.changes / spanDays) * 10) / 10,
    reactionMedianMs,
    reactionSpreadMs: q1 !== null && q3 !== null ? q3 - q1 : null,
    reactionSamples: stats.answers.length,
    usualStep,
    activeHours: stats.hours.flatMap((n, h) => (n > 0 && n >= threshold ? [h] : [])),
    botScore,
    bot: stats.changes >= 5 && botScore >= 0.6,
    floors,
    firstSeenMs: stats.firstSeen,
    lastSeenMs: stats.lastSeen,
  };
}
