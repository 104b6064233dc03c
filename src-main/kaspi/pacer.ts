import { systemClock } from '../time/clock';
import type { Clock } from '../time/clock';

/**
 * Spaces request starts at least `minIntervalMs` apart, in call order, so a client stays under a
 * documented request rate however many callers share it (kaspi-api.md §10: 6 requests/s for the
 * cabinet's GraphQL orders and the shop API orders). One pacer per store and API.
 */
export class RequestPacer {
  private next = 0;

  constructor(
    readonly minIntervalMs: number,
    private readonly clock: Pick<Clock, 'now' | 'sleep'> = systemClock,
  ) {}

  /** Resolves when the caller may send its request. */
  async turn(): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.next);
    this.next = at + this.minIntervalMs;
    if (at > now) await this.clock.sleep(at - now);
  }
}

/** kaspi-api.md §10: what CDF keeps the orders APIs under; the app stays below it. */
export const ORDERS_DOCUMENTED_RPS = 6;
/** 5 a second, evenly spaced: never 6 inside any one second, bursts included. */
export const ORDERS_REQUEST_INTERVAL_MS = 200;
