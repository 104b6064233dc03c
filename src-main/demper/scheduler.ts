import { Heap } from './heap';
import type { Pair, PairClass } from './pair';
import { classRank } from './pair';

interface Slot {
  pair: Pair;
  seq: number;
  dueAt: number;
  rank: number;
}

/**
 * Due (product, city) pairs. Pairs wait in a heap by due time; once due they move to a heap by
 * urgency, so a lost first place jumps ahead of a calm product that has waited longer. Rescheduling
 * bumps the pair's sequence number; slots with an old number are skipped (lazy deletion).
 */
export class Scheduler {
  private readonly waiting = new Heap<Slot>((a, b) => a.dueAt < b.dueAt);
  private readonly ready = new Heap<Slot>((a, b) => a.rank > b.rank || (a.rank === b.rank && a.dueAt < b.dueAt));

  schedule(pair: Pair, dueAt: number, cls: PairClass): void {
    pair.seq++;
    pair.cls = cls;
    pair.dueAt = dueAt;
    this.waiting.push({ pair, seq: pair.seq, dueAt, rank: classRank(cls) });
  }

  /** Takes the pair out of the schedule (while it is being fetched or pushed, or removed). */
  unschedule(pair: Pair): void {
    pair.seq++;
  }

  private live = (s: Slot): boolean => s.seq === s.pair.seq;

  promote(now: number): void {
    for (let s = this.waiting.peek(); s && s.dueAt <= now; s = this.waiting.peek()) {
      this.waiting.pop();
      if (this.live(s)) this.ready.push(s);
    }
  }

  peekReady(): Pair | null {
    for (let s = this.ready.peek(); s; s = this.ready.peek()) {
      if (this.live(s)) return s.pair;
      this.ready.pop();
    }
    return null;
  }

  popReady(): Pair | null {
    const p = this.peekReady();
    if (p) {
      this.ready.pop();
      this.unschedule(p);
    }
    return p;
  }

  /** When the next waiting pair falls due (Infinity when none). */
  nextDueAt(): number {
    for (let s = this.waiting.peek(); s; s = this.waiting.peek()) {
      if (this.live(s)) return s.dueAt;
      this.waiting.pop();
    }
    return Infinity;
  }

  /** Upper bound of ready pairs (stale slots included until they surface). */
  get readyCount(): number {
    return this.ready.size;
  }
}
