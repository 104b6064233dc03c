import type { KillSwitchVerdict, PlannedChange } from '../../src-shared/pricing';
import { evaluateKillSwitch } from '../../src-shared/pricing';
import { AccountBudget } from './budgets';
import type { StoreInfo } from './ports';
import type { EngineSettings } from './settings';
import type { EngineError, StoreStatus } from './status';

/** What the engine keeps per store: controls, the account's push budget, the kill switch's memory. */
export interface StoreState {
  info: StoreInfo;
  paused: boolean;
  killSwitch: StoreStatus['killSwitch'];
  sessionExpired: boolean;
  lastError: EngineError | null;
  account: AccountBudget;
  /** Latest decision per pair within the kill-switch window: the planned change if it was a set. */
  recent: Map<string, { at: number; change: PlannedChange | null }>;
  probedAt: number;
  /** After the user resets the switch, the same drops must not stop the store again at once. */
  graceUntil: number;
  /** The push window already holds the journal's pushes from before the start. */
  windowRestored: boolean;
}

export const newStoreState = (info: StoreInfo, settings: EngineSettings, now: number): StoreState => ({
  info,
  paused: false,
  killSwitch: null,
  sessionExpired: false,
  lastError: null,
  account: new AccountBudget(settings, now),
  recent: new Map(),
  probedAt: -Infinity,
  graceUntil: 0,
  windowRestored: false,
});

/** 0 when the store may work now, else when to look at it again. */
export function storeGate(st: StoreState, now: number, settings: EngineSettings): number {
  if (st.paused || st.killSwitch || st.sessionExpired) return now + settings.intervals.calmMinMs;
  if (st.account.blockedUntil > now) return st.account.blockedUntil;
  return 0;
}

export const isSharpDrop = (oldPrice: number, newPrice: number, settings: EngineSettings): boolean =>
  (oldPrice - newPrice) * 100 >= oldPrice * settings.killSwitch.sharpDropPercent;

/**
 * The kill switch over the store's decisions of the last window (a calm catalogue has no "cycle"
 * boundary to wait for): a verdict that trips, or null. Forgets decisions older than the window.
 */
export function judgeKillSwitch(st: StoreState, now: number, settings: EngineSettings): KillSwitchVerdict | null {
  if (now < st.graceUntil) return null;
  const since = now - settings.killSwitch.windowMs;
  const changes: PlannedChange[] = [];
  for (const [key, r] of st.recent) {
    if (r.at < since) st.recent.delete(key);
    else if (r.change) changes.push(r.change);
  }
  const verdict = evaluateKillSwitch(changes, st.recent.size, settings.killSwitch);
  return verdict.trip ? verdict : null;
}
