import { Heap } from '../demper/heap';
import type { Clock } from '../time/clock';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * Lets every promise chain started by the last timers settle: in-memory ports never touch real I/O,
 * so their work is promise jobs only, and Node runs a next-tick callback once the promise jobs
 * queued before it have all run, including the ones they queue. A macrotask (setImmediate) would
 * do the same at the cost of an event-loop turn per instant a timer fires: some 170,000 for a
 * replayed week of 1,000 products, a quarter of the replay's time. (The engine's own yield to the
 * event loop is in reload(), which start() awaits before the clock is run.)
 */
const settle = () => new Promise<void>((resolve) => process.nextTick(resolve));

/**
 * Time that moves only when told (the backtest's replay, the engine's tests). Sleepers wake in time order; between wake-ups all
 * pending promise work runs to completion, so a simulated day takes seconds and is deterministic.
 */
export class VirtualClock implements Clock {
  private t: number;
  private seq = 0;
  private readonly timers = new Heap<Timer>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));

  constructor(start = Date.UTC(2026, 10, 2, 4, 0, 0)) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, resolve: callback };
    this.timers.push(timer);
    return timer;
  }

  /** A cleared timer stays in the heap but does nothing when its time comes. */
  clearTimeout(handle: unknown): void {
    (handle as Timer).resolve = () => undefined;
  }

  /** Runs every timer due up to `target`, then leaves the clock at `target`. */
  async runUntil(target: number): Promise<void> {
    for (;;) {
      await settle();
      const next = this.timers.peek();
      if (!next || next.at > target) break;
      this.t = Math.max(this.t, next.at);
      while (this.timers.peek()?.at === next.at) this.timers.pop()!.resolve();
    }
    this.t = Math.max(this.t, target);
    await settle();
  }

  advance(ms: number): Promise<void> {
    return this.runUntil(this.t + ms);
  }

  /** Advances until `done()` holds or `maxMs` passes; returns whether it held. */
  async until(done: () => boolean, maxMs: number, stepMs = 1_000): Promise<boolean> {
    const end = this.t + maxMs;
    while (!done() && this.t < end) await this.runUntil(Math.min(end, this.t + stepMs));
    return done();
  }
}
