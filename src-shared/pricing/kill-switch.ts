import type { DropAnomaly } from '../domain/decision';

export interface KillSwitchSettings {
  /** A drop of at least this share of the old price counts as sharp (and so does a rival's own fall). */
  sharpDropPercent: number;
  /** Stop the store when at least this share of the products decided within the window were suspect... */
  maxSharpShare: number;
  /** ...and at least this many of them (a store with three products is not an anomaly at 1 of 3). */
  minSharpCount: number;
  /** A rival price under this share of the lowest best-rival price the product has shown is absurd. */
  historyRatio: number;
  /** With no history yet: a rival price under this share of our own price is absurd (a 1 ₸ parse, a price per gram). */
  ownPriceRatio: number;
  /** A rival under this share of the median of the other rivals is an outlier. */
  outlierRatio: number;
  /** Our new price this many percent under the price that explains it is our own rules' doing. */
  overshootPercent: number;
  /** Another rival within this many percent of the driving price confirms it. */
  agreePercent: number;
}

export const DEFAULT_KILL_SWITCH_SETTINGS: KillSwitchSettings = {
  sharpDropPercent: 20,
  maxSharpShare: 0.3,
  minSharpCount: 5,
  historyRatio: 0.5,
  ownPriceRatio: 0.35,
  outlierRatio: 0.5,
  overshootPercent: 10,
  agreePercent: 10,
};

export interface DropCheckInput {
  oldPrice: number;
  newPrice: number;
  /** The product's cost, when its floor is computed from one. */
  cost: number | null;
  /** The rival whose price drives the move, and the price that explains our new price (its price, or its floor). */
  driver: { merchantId: string; price: number; explains: number } | null;
  /** The other rivals' prices. */
  otherRivals: readonly number[];
  /** The range the best rival price has shown (trusted readings), when recorded. */
  history: { low: number; high: number } | null;
  /** The driving rival's price at our previous look, to tell its own fall. */
  driverBefore: number | null;
}

export interface DropCheck {
  /** Our drop is at least `sharpDropPercent`. */
  sharp: boolean;
  /** What looks wrong; each counts toward a stop. */
  anomalies: DropAnomaly[];
  /**
   * The move is not made: the price that drives it is absurd (whatever the size of our drop), or a
   * sharp drop comes with a rival's own collapse or our rules overshooting.
   */
  hold: boolean;
  /** What already confirms a sharp drop; null: a second read must confirm it before it goes out. */
  explainedBy: 'history' | 'rivals_agree' | null;
}

/** Readings that are wrong in themselves, not just a big move. */
const ABSURD = new Set<DropAnomaly>(['under_cost', 'far_under_history', 'far_under_our_price', 'outlier_rival']);

const isSharp = (from: number, to: number, percent: number): boolean => to < from && (from - to) * 100 >= from * percent;

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Judges one downward move by evidence, not by the size of our drop alone. A price that is absurd
 * (under cost, far under the product's history or, with no history, under a small share of our own
 * price; far under every other rival), a rival that itself just fell sharply, or a new price far
 * under what the market explains (our own rules) is an anomaly. A sharp drop without anomalies is
 * explained by the product's recorded range or by other rivals near the same price; otherwise a
 * fresh second read must confirm it.
 */
export function checkDrop(i: DropCheckInput, s: KillSwitchSettings = DEFAULT_KILL_SWITCH_SETTINGS): DropCheck {
  const sharp = isSharp(i.oldPrice, i.newPrice, s.sharpDropPercent);
  const anomalies: DropAnomaly[] = [];
  const d = i.driver;
  if (d) {
    if (i.cost !== null && d.price < i.cost) anomalies.push('under_cost');
    if (i.history && d.price < i.history.low * s.historyRatio) anomalies.push('far_under_history');
    if (!i.history && d.price < i.oldPrice * s.ownPriceRatio) anomalies.push('far_under_our_price');
    if (i.otherRivals.length >= 2 && d.price < median(i.otherRivals) * s.outlierRatio) anomalies.push('outlier_rival');
    if (i.driverBefore !== null && isSharp(i.driverBefore, d.price, s.sharpDropPercent)) anomalies.push('rival_collapse');
    if (i.newPrice * 100 < d.explains * (100 - s.overshootPercent)) anomalies.push('rule_overshoot');
  }
  let explainedBy: DropCheck['explainedBy'] = null;
  if (d && i.history && d.price * 100 >= i.history.low * (100 - s.agreePercent)) explainedBy = 'history';
  else if (d && i.otherRivals.some((p) => Math.abs(p - d.price) * 100 <= d.price * s.agreePercent)) explainedBy = 'rivals_agree';
  const hold = anomalies.some((a) => ABSURD.has(a)) || (sharp && anomalies.length > 0);
  return { sharp, anomalies, hold, explainedBy };
}

/** One suspect move the kill switch counts: which product, which rival, what looked wrong. */
export interface SuspectMove {
  productId: number;
  sku: string;
  cityId: string;
  at: number;
  anomalies: DropAnomaly[];
  rivalId: string | null;
  rivalName: string | null;
  rivalPrice: number | null;
  oldPrice: number;
  newPrice: number;
}

export interface KillSwitchVerdict {
  trip: boolean;
  /** Why: many suspect moves at once, or one rival behind many of them (a cascade). */
  cause: 'many_suspect' | 'one_rival' | null;
  suspect: number;
  considered: number;
  share: number;
  /** How many suspect moves showed each anomaly. */
  byAnomaly: Partial<Record<DropAnomaly, number>>;
  /** Rivals behind the suspect moves, most first. */
  rivals: { merchantId: string; name: string | null; moves: number }[];
  /** Every product that tripped it, so the seller can continue with the others. */
  productIds: number[];
  /** The suspect moves themselves, the first 50, to show. */
  moves: SuspectMove[];
}

const MAX_LISTED = 50;

/**
 * The store-wide verdict over the suspect moves of the last window. `considered` counts every
 * product decided in the window (holds included), so a big calm catalogue with a few odd readings
 * is not mistaken for a bad feed; one rival behind `minSharpCount` suspect moves trips it anyway.
 */
export function judgeStore(suspect: readonly SuspectMove[], considered: number, s: KillSwitchSettings = DEFAULT_KILL_SWITCH_SETTINGS): KillSwitchVerdict {
  const total = Math.max(considered, suspect.length);
  const share = total === 0 ? 0 : suspect.length / total;
  const byAnomaly: Partial<Record<DropAnomaly, number>> = {};
  const byRival = new Map<string, { merchantId: string; name: string | null; moves: number }>();
  for (const m of suspect) {
    for (const a of m.anomalies) byAnomaly[a] = (byAnomaly[a] ?? 0) + 1;
    if (m.rivalId === null) continue;
    const r = byRival.get(m.rivalId) ?? { merchantId: m.rivalId, name: m.rivalName, moves: 0 };
    r.moves++;
    byRival.set(m.rivalId, r);
  }
  const rivals = [...byRival.values()].sort((a, b) => b.moves - a.moves).slice(0, 10);
  const many = suspect.length >= s.minSharpCount && share >= s.maxSharpShare;
  const oneRival = (rivals[0]?.moves ?? 0) >= s.minSharpCount;
  return {
    trip: many || oneRival,
    cause: many ? 'many_suspect' : oneRival ? 'one_rival' : null,
    suspect: suspect.length,
    considered: total,
    share,
    byAnomaly,
    rivals,
    productIds: [...new Set(suspect.map((m) => m.productId))],
    moves: suspect.slice(0, MAX_LISTED),
  };
}
