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
 * Rivals that answered our move: they were above our new price and, when we looked again within
 * the window, sat at it or under it. Only a quick look can prove a quick answer, so a look after
 * the window proves nothing either way.
 */
export function answeredBy(obs: MoveObservation, s: PriceWarSettings = DEFAULT_PRICE_WAR_SETTINGS): string[] {
  if (obs.observedAt - obs.movedAt > s.responseWindowMs) return [];
  const before = new Map(obs.rivalsBefore.map((r) => [r.merchantId, r.price]));
  return obs.rivalsAfter
    .filter((r) => {
      const was = before.get(r.merchantId);
      return was !== undefined && was > obs.ourPrice && r.price <= obs.ourPrice;
    })
    .map((r) => r.merchantId);
}

/**
 * Records the answers to one move. A move may be looked at more than once within the window;
 * `counted` lists the rivals already counted for it, so one answer is never counted twice.
 */
export function recordMove(
  state: PriceWarState,
  obs: MoveObservation,
  s: PriceWarSettings = DEFAULT_PRICE_WAR_SETTINGS,
  counted: readonly string[] = [],
): PriceWarState {
  const answered = answeredBy(obs, s).filter((id) => !counted.includes(id));
  if (answered.length === 0) return state;
  const since = obs.observedAt - s.lookbackMs;
  const answers: Record<string, readonly number[]> = {};
  const flaggedUntil: Record<string, number> = {};
  for (const [id, until] of Object.entries(state.flaggedUntil)) if (until > obs.observedAt) flaggedUntil[id] = until;
  for (const [id, times] of Object.entries(state.answers)) {
    const kept = times.filter((t) => t > since);
    if (kept.length > 0) answers[id] = kept;
  }
  for (const id of answered) {
    const times = [...(answers[id] ?? []), obs.observedAt];
    answers[id] = times;
    if (times.length >= s.threshold) flaggedUntil[id] = obs.observedAt + s.flagMs;
  }
  return { answers, flaggedUntil };
}

/** Rivals flagged at `now`: decisions hold rather than undercut them. */
export function warRivals(state: PriceWarState, now: number): string[] {
  return Object.entries(state.flaggedUntil)
    .filter(([, until]) => until > now)
    .map(([id]) => id);
}
