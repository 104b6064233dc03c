/**
 * Simulated durations. Every Kaspi duration the simulator imitates (bot reactions, bans, blocks,
 * limit windows, push apply delay, order progress) is written in real Kaspi milliseconds and
 * multiplied by timeScale here, so a test at timeScale 0.001 sees a 30-minute block last 1.8 s.
 * Wall-clock timestamps (order dates, push times) stay real: the app reads them as real dates.
 */
const MAX_TIMEOUT = 2 ** 31 - 1;

export class SimClock {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(public timeScale: number) {
    if (!(timeScale > 0)) throw new Error(`timeScale must be > 0, got ${timeScale}`);
  }

  now(): number {
    return Date.now();
  }

  /** Real milliseconds that a Kaspi duration of `ms` lasts in this run. */
  scaled(ms: number): number {
    return ms * this.timeScale;
  }

  /** Runs fn after a Kaspi duration of `ms` (scaled). Timers never keep the process alive. */
  after(ms: number, fn: () => void): NodeJS.Timeout {
    return this.afterReal(Math.max(0, Math.round(this.scaled(ms))), fn);
  }

  /** setTimeout fires at once past ~24.8 days; a longer wait is taken in steps. */
  private afterReal(delay: number, fn: () => void): NodeJS.Timeout {
    const step = Math.min(delay, MAX_TIMEOUT);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (delay > step) this.afterReal(delay - step, fn);
      else fn();
    }, step);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
