import { Heap } from './heap';
import type { Pair, PairClass } from './pair';
import { classRank } from './pair';

interface Slot {
  pair: Pair;
  seq: number;
  dueAt: number;
  rank: number;
}

/** How much of the offers budget each re-check class asks for, relative to a calm pair. */
const WEIGHTS: Record<Exclude<PairClass, 'verify'>, number> = { lost_first: 8, contested: 3, calm: 1 };

/** A pair's share of the re-check budget: by class; a pair that stayed calm, less and less (down to a quarter). */
export const classWeight = (cls: Exclude<PairClass, 'verify'>, calmStreak: number): number =>
  cls === 'calm' ? 1 / (1 + Math.min(calmStreak, 12) / 4) : WEIGHTS[cls];

/**
 * Due (product, city) pairs. Pairs wait in a heap by due time; once due they are served from three
 * lanes: read-backs of our pushes (and second reads of sharp drops) first; then pairs never checked
 * or not checked for long ("fresh") and re-checks share the requests, fresh ones at least
 * `freshShare` of them while any wait; re-checks by urgency (a lost first place before a calm pair
 * that has waited longer). Rescheduling bumps the pair's sequence number; slots with an old number
 * are skipped (lazy deletion).
 *
 * Re-check intervals come from the budget: each scheduled pair has a weight (its class), and a pair
 * is due again after totalWeight / (rate × weight), so all re-checks together ask for at most the
 * rate they are given, whatever the catalogue's size or how many products are contested.
 */
export class Scheduler {
  private readonly waiting = new Heap<Slot>((a, b) => a.dueAt < b.dueAt);
  private readonly urgent = new Heap<Slot>((a, b) => a.dueAt < b.dueAt);
  private readonly fresh = new Heap<Slot>((a, b) => a.dueAt < b.dueAt);
  private readonly rechecks = new Heap<Slot>((a, b) => a.rank > b.rank || (a.rank === b.rank && a.dueAt < b.dueAt));
  /** Re-checks earned while fresh pairs wait: (1 - freshShare) per request served. */
  private recheckCredit = 0;
  private totalWeight = 0;
  private next: Heap<Slot> | null = null;

  constructor(private freshShare = 0.95) {}

  reconfigure(freshShare: number): void {
    this.freshShare = freshShare;
  }

  schedule(pair: Pair, dueAt: number, cls: PairClass): void {
    this.unweigh(pair);
    pair.seq++;
    pair.cls = cls;
    pair.dueAt = dueAt;
    // A pair never looked at is not a re-check: it is served from the fresh lane and asks nothing of the re-check budget.
    if (cls !== 'verify' && pair.checkedAt !== null) {
      pair.weight = classWeight(cls, pair.calmStreak);
      this.totalWeight += pair.weight;
    }
    this.waiting.push({ pair, seq: pair.seq, dueAt, rank: classRank(cls) });
    this.next = null;
  }

  /** Takes the pair out of the schedule (while it is being fetched or pushed, or removed). */
  unschedule(pair: Pair): void {
    this.unweigh(pair);
    pair.seq++;
    this.next = null;
  }

  private unweigh(pair: Pair): void {
    this.totalWeight = Math.max(0, this.totalWeight - pair.weight);
    pair.weight = 0;
  }

  private live = (s: Slot): boolean => s.seq === s.pair.seq;

  /** Moves what is due to its lane; a pair not checked since `staleBefore` is served as fresh. */
  promote(now: number, staleBefore: number): void {
    for (let s = this.waiting.peek(); s && s.dueAt <= now; s = this.waiting.peek()) {
      this.waiting.pop();
      if (!this.live(s)) continue;
      const lane = s.pair.cls === 'verify' ? this.urgent : s.pair.checkedAt === null || s.pair.checkedAt < staleBefore ? this.fresh : this.rechecks;
      lane.push(s);
      this.next = null;
    }
  }

  private top(heap: Heap<Slot>): Slot | undefined {
    for (let s = heap.peek(); s; s = heap.peek()) {
      if (this.live(s)) return s;
      heap.pop();
    }
    return undefined;
  }

  private choose(): Heap<Slot> | null {
    if (this.next) return this.next;
    if (this.top(this.urgent)) return (this.next = this.urgent);
    const fresh = this.top(this.fresh);
    const recheck = this.top(this.rechecks);
    if (fresh && recheck) return (this.next = this.recheckCredit >= 1 - 1e-9 ? this.rechecks : this.fresh);
    return (this.next = fresh ? this.fresh : recheck ? this.rechecks : null);
  }

  peekReady(): Pair | null {
    const heap = this.choose();
    return heap ? this.top(heap)!.pair : null;
  }

  popReady(): Pair | null {
    const heap = this.choose();
    if (!heap) return null;
    const pair = this.top(heap)!.pair;
    heap.pop();
    // Every request served while fresh pairs wait earns re-checks their share; a re-check spends one.
    if (heap !== this.urgent && this.top(this.fresh)) {
      this.recheckCredit = Math.min(2, this.recheckCredit + (1 - this.freshShare));
      if (heap === this.rechecks) this.recheckCredit -= 1;
    }
    this.unschedule(pair);
    return pair;
  }

  /** When the next waiting pair falls due (Infinity when none). */
  nextDueAt(): number {
    for (let s = this.waiting.peek(); s; s = this.waiting.peek()) {
      if (this.live(s)) return s.dueAt;
      this.waiting.pop();
    }
    return Infinity;
  }

  /**
   * The re-check interval that keeps all re-checks within `perSecond` (the requests left to them),
   * for a pair of this weight (its share of the scheduled weight).
   */
  recheckIntervalMs(weight: number, perSecond: number): number {
    return ((this.totalWeight + weight) / (Math.max(1e-9, perSecond) * weight)) * 1000;
  }

  /** Upper bound of ready pairs (stale slots included until they surface). */
  get readyCount(): number {
    return this.urgent.size + this.fresh.size + this.rechecks.size;
  }
}
