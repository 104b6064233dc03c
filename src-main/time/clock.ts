/**
 * The one time source of main (design.md §3): the demper, the proxy pool, orders and analytics
 * read the time and wait through it, so tests drive a virtual clock and a simulated day passes in
 * seconds. What "today" is comes from src-shared/domain/kazakhstan-time.ts.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A timer that never keeps the process alive on its own. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The system clock with its "now" fixed or shifted by a test (the rest stays real time). */
export const clockWithNow = (now: () => number): Clock => ({ ...systemClock, now });
