import type { Guard } from '../domain/decision';
import type { PricingRules } from '../domain/rules';
import { amountOf } from '../domain/rules';

/** What the engine remembers about past changes of one (product, city). */
export interface GuardState {
  /** When we last changed this price (ms since epoch), null if never. */
  lastChangeAt: number | null;
  /** Changes already made today (the engine resets it at local midnight). */
  changesToday: number;
  /** Rivals the price-war detector flagged for this product. */
  warRivals: readonly string[];
}

export const NO_GUARD_STATE: GuardState = { lastChangeAt: null, changesToday: 0, warRivals: [] };

export type GuardOutcome =
  | { action: 'set'; price: number; guards: Guard[] }
  | { action: 'hold'; guards: Guard[]; cooldownUntil: number | null };

/**
 * The one place every price passes before it leaves decide(): whatever a strategy proposes, the
 * result is a whole number of tenge, at least 1, within [floor, ceiling], and moves no faster than
 * the cooldown, the daily cap and the max drop allow. Pulling a price back inside its bounds is a
 * safety move, so cooldown and daily cap do not delay it.
 */
export function applyGuards(
  current: number,
  proposed: number,
  floor: number,
  rules: Pick<PricingRules, 'ceiling' | 'cooldownSeconds' | 'maxChangesPerDay' | 'maxDropPerChange'>,
  state: GuardState,
  now: number,
): GuardOutcome {
  const guards: Guard[] = [];
  let p = Number.isFinite(proposed) ? Math.ceil(proposed) : current;
  if (rules.maxDropPerChange !== null && p < current) {
    const limit = current - amountOf(rules.maxDropPerChange, current);
    if (p < limit) {
      p = limit;
      guards.push('max_drop');
    }
  }
  if (p < floor) {
    p = floor;
    guards.push('floor');
  }
  if (rules.ceiling !== null && p > rules.ceiling) {
    p = rules.ceiling;
    guards.push('ceiling');
  }
  if (p < 1) {
    p = 1;
    guards.push('min_price');
  }
  if (p === current) return { action: 'hold', guards, cooldownUntil: null };

  const outOfBounds = current < floor || (rules.ceiling !== null && current > rules.ceiling);
  if (!outOfBounds) {
    if (state.lastChangeAt !== null && rules.cooldownSeconds > 0) {
      const until = state.lastChangeAt + rules.cooldownSeconds * 1000;
      if (now < until) return { action: 'hold', guards: [...guards, 'cooldown'], cooldownUntil: until };
    }
    if (rules.maxChangesPerDay !== null && state.changesToday >= rules.maxChangesPerDay) {
      return { action: 'hold', guards: [...guards, 'daily_cap'], cooldownUntil: null };
    }
  }
  return { action: 'set', price: p, guards };
}
