/** How eagerly a rival's answers to our moves count as a price war. */
export interface PriceWarSettings {
  /** A rival that undercuts or matches our new price within this time "answered" the move. */
  responseWindowMs: number;
  /** Answers within the lookback that flag a rival. */
  threshold: number;
  lookbackMs: number;
  /** How long a flag lasts; the rival is re-judged afterwards. */
  flagMs: number;
}

export const DEFAULT_PRICE_WAR_SETTINGS: PriceWarSettings = {
  responseWindowMs: 90_000,
  threshold: 3,
  lookbackMs: 6 * 3_600_000,
  flagMs: 24 * 3_600_000,
};

/** Per (product, city): when each rival answered us, and until when it is flagged. */
export interface PriceWarState {
  answers: Readonly<Record<string, readonly number[]>>;
  flaggedUntil: Readonly<Record<string, number>>;
}

export const EMPTY_PRICE_WAR_STATE: PriceWarState = { answers: {}, flaggedUntil: {} };

export interface RivalPrice {
  merchantId: string;
  price: number;
}

/** One of our price moves and the next look at the market after it. */
export interface MoveObservation {
  movedAt: number;
  ourPrice: number;
  rivalsBefore: readonly RivalPrice[];
  observedAt: number;
  rivalsAfter: readonly RivalPrice[];
}

/**
 * Records which rivals answered our move. An answer is a rival that was above our new price and,
 * by the time we looked again (within the window), dropped to it or under it. Only a quick look can
 * prove a quick answer, so observations made after the window prove nothing either way.
 */
export function recordMove(state: PriceWarState, obs: MoveObservation, s: PriceWarSettings = DEFAULT_PRICE_WAR_SETTINGS): PriceWarState {
  if (obs.observedAt - obs.movedAt > s.responseWindowMs) return state;
  const before = new Map(obs.rivalsBefore.map((r) => [r.merchantId, r.price]));
  const answers: Record<string, readonly number[]> = {};
  const flaggedUntil: Record<string, number> = {};
  const since = obs.observedAt - s.lookbackMs;
  for (const [id, until] of Object.entries(state.flaggedUntil)) if (until > obs.observedAt) flaggedUntil[id] = until;
  for (const [id, times] of Object.entries(state.answers)) {
    const kept = times.filter((t) => t > since);
    if (kept.length > 0) answers[id] = kept;
  }
  for (const r of obs.rivalsAfter) {
    const was = before.get(r.merchantId);
    if (was === undefined || was <= obs.ourPrice || r.price > obs.ourPrice) continue;
    const times = [...(answers[r.merchantId] ?? []), obs.observedAt];
    answers[r.merchantId] = times;
    if (times.length >= s.threshold) flaggedUntil[r.merchantId] = obs.observedAt + s.flagMs;
  }
  return { answers, flaggedUntil };
}

/** Rivals flagged at `now`: decisions hold rather than undercut them. */
export function warRivals(state: PriceWarState, now: number): string[] {
  return Object.entries(state.flaggedUntil)
    .filter(([, until]) => until > now)
    .map(([id]) => id);
}
