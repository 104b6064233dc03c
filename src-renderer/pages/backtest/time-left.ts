/** Below this much of the period replayed, or this soon after the start, the pace says too little. */
const MIN_PROGRESS = 0.02;
const MIN_ELAPSED_MS = 3_000;

/**
 * How long a running backtest still needs, at the pace it has kept so far (the replay's cost per
 * recorded hour is even enough for that); null while it is too early to say.
 */
export function timeLeftMs(startedAt: number, progress: number, now: number): number | null {
  const elapsed = now - startedAt;
  if (progress < MIN_PROGRESS || progress >= 1 || elapsed < MIN_ELAPSED_MS) return null;
  return Math.round((elapsed * (1 - progress)) / progress);
}
