import type { KillSwitchVerdict, SuspectMove } from '../../src-shared/pricing';
import { judgeStore } from '../../src-shared/pricing';
import type { ChangeBudget } from './change-budget';
import type { KillSwitchStop, StoreInfo } from './ports';
import type { EngineSettings } from './settings';
import type { EngineError } from './status';

/** What the engine keeps per store: controls, the account's change budget, the kill switch's memory. */
export interface StoreState {
  info: StoreInfo;
  paused: boolean;
  killSwitch: KillSwitchStop | null;
  sessionExpired: boolean;
  lastError: EngineError | null;
  /** The merchant account's change budget, shared with the pre-order and stock writer (every change Kaspi counts takes one here first). */
  budget: ChangeBudget;
  /** Latest decision per pair within the kill-switch window, with the suspect move it made, if any. */
  recent: Map<string, { at: number; suspect: SuspectMove | null }>;
  /** After the user continues, the same readings must not stop the store again at once. */
  graceUntil: number;
  /** The change window already holds the journal's pushes from before the start. */
  windowRestored: boolean;
  /** When each pair last pushed: the pairs sharing the account's budget now. */
  lastPushAt: Map<string, number>;
  /** How many pairs pushed within the last window (forgetting older ones). */
  pushersInWindow(now: number, windowMs: number): number;
  /** How many pairs last pushed after `after`. */
  pushersSince(after: number): number;
}

export const newStoreState = (info: StoreInfo, budget: ChangeBudget): StoreState => ({
  info,
  paused: false,
  killSwitch: null,
  sessionExpired: false,
  lastError: null,
  budget,
  recent: new Map(),
  graceUntil: 0,
  windowRestored: false,
  lastPushAt: new Map(),
  pushersInWindow(now, windowMs) {
    // Insertion order is push order (a pair that pushes again is moved to the end): the oldest go first.
    for (const [key, at] of this.lastPushAt) {
      if (at > now - windowMs) break;
      this.lastPushAt.delete(key);
    }
    return this.lastPushAt.size;
  },
  pushersSince(after) {
    let older = 0;
    for (const at of this.lastPushAt.values()) {
      if (at > after) break;
      older++;
    }
    return this.lastPushAt.size - older;
  },
});

/** 0 when the store may work now, else when to look at it again. */
export function storeGate(st: StoreState, now: number, settings: EngineSettings): number {
  if (st.paused || st.killSwitch || st.sessionExpired) return now + settings.intervals.calmMinMs;
  if (st.budget.blockedUntil > now) return st.budget.blockedUntil;
  return 0;
}

/**
 * The kill switch over the store's decisions of the last window (a calm catalogue has no "cycle"
 * boundary to wait for): a verdict that trips, or null. Forgets decisions older than the window.
 */
export function judgeKillSwitch(st: StoreState, now: number, settings: EngineSettings): KillSwitchVerdict | null {
  if (now < st.graceUntil) return null;
  const since = now - settings.killSwitch.windowMs;
  const suspect: SuspectMove[] = [];
  for (const [key, r] of st.recent) {
    if (r.at < since) st.recent.delete(key);
    else if (r.suspect) suspect.push(r.suspect);
  }
  if (suspect.length === 0) return null;
  const verdict = judgeStore(suspect, st.recent.size, settings.killSwitch);
  return verdict.trip ? verdict : null;
}
