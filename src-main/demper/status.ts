import type { Decision } from '../../src-shared/domain/decision';
import type { Offer } from '../../src-shared/domain/offer';
import type { KillSwitchVerdict } from '../../src-shared/pricing';
import type { JournalStatus, KaspiErrorKind } from './ports';

export type EngineState = 'stopped' | 'running' | 'paused' | 'outside_hours';

export interface StoreStatus {
  storeId: number;
  name: string;
  paused: boolean;
  /** Set when the kill switch paused the store; cleared only by the user. */
  killSwitch: (KillSwitchVerdict & { at: number }) | null;
  /** Until when a 429 blocks pushes (0 when not blocked). */
  blockedUntil: number;
  sessionExpired: boolean;
  pushesLeftInWindow: number;
  queuedPushes: number;
  lastError: EngineError | null;
}

export interface EngineError {
  at: number;
  scope: 'lane' | 'store' | 'pair';
  id: string;
  kind: KaspiErrorKind | 'internal';
  message: string;
}

export interface EngineStatus {
  state: EngineState;
  dryRun: boolean;
  cycle: { number: number; startedAt: number; done: number; total: number };
  stores: StoreStatus[];
  lanes: { lane: string; cooldownUntil: number }[];
  pairs: { total: number; inCooldown: number; awaitingVerify: number; lostFirst: number };
  counters: { fetches: number; decisions: number; pushes: number; failures: number; verified: number; mismatches: number };
  lastErrors: EngineError[];
}

export type EngineEvent =
  | { type: 'status'; status: EngineStatus }
  | { type: 'decision'; at: number; storeId: number; productId: number; cityId: string; decision: Decision }
  /** Every successful look at the storefront, for the offer snapshots (price history). */
  | { type: 'offers'; at: number; storeId: number; productId: number; cityId: string; offers: Offer[]; ownMerchantIds: readonly string[] }
  | { type: 'journal'; at: number; entryId: number; storeId: number; productId: number; cityId: string; status: JournalStatus; price: number }
  | { type: 'kill-switch'; at: number; storeId: number; verdict: KillSwitchVerdict }
  | { type: 'error'; error: EngineError };

export type EngineListener = (event: EngineEvent) => void;
