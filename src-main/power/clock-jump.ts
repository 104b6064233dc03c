import type { PowerEvent } from './sleep-guard';

/**
 * Sleep detection without an OS notification (headless mode on a server or a laptop without a
 * screen session): a timer ticks every few seconds; when the wall clock moved far more than the
 * tick between two ticks, the process was frozen — the machine slept — and the guard gets the
 * sleep (dated at the last tick) and the wake at once. A clock set backwards is ignored; a clock
 * set far forwards only costs a fresh read of every product.
 */
export interface ClockJumpOptions {
  onEvent: (event: PowerEvent) => void;
  now?: () => number;
  tickMs?: number;
  /** A gap beyond the tick longer than this counts as a sleep. */
  thresholdMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export const TICK_MS = 5_000;
export const SLEEP_THRESHOLD_MS = 60_000;

export function watchClockJumps(options: ClockJumpOptions): () => void {
  const now = options.now ?? Date.now;
  const tickMs = options.tickMs ?? TICK_MS;
  const threshold = options.thresholdMs ?? SLEEP_THRESHOLD_MS;
  let last = now();
  const tick = () => {
    const current = now();
    const gap = current - last - tickMs;
    if (gap > threshold) {
      options.onEvent({ type: 'suspend', at: last });
      options.onEvent({ type: 'resume' });
    }
    last = current;
  };
  const start = options.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms).unref());
  const clear = options.clearInterval ?? ((handle: unknown) => clearInterval(handle as NodeJS.Timeout));
  const handle = start(tick, tickMs);
  return () => clear(handle);
}
