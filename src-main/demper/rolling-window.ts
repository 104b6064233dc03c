/**
 * At most `limit` events in any window of `windowMs` (Kaspi's 250 changes per rolling 30 min).
 * An event at t counts until t + windowMs, exclusive.
 */
export class RollingWindow {
  private readonly times: number[] = [];

  constructor(
    private limit: number,
    private windowMs: number,
  ) {}

  reconfigure(limit: number, windowMs: number): void {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.times.length && this.times[drop]! + this.windowMs <= now) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }

  left(now: number): number {
    this.prune(now);
    return Math.max(0, this.limit - this.times.length);
  }

  /** When the next event may happen (now if there is room). */
  freeAt(now: number): number {
    this.prune(now);
    if (this.times.length < this.limit) return now;
    return this.times[this.times.length - this.limit]! + this.windowMs;
  }

  record(now: number): void {
    this.times.push(now);
  }
}
