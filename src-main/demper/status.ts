import type { Decision } from '../../src-shared/domain/decision';
import type { Offer } from '../../src-shared/domain/offer';
import type { KillSwitchVerdict } from '../../src-shared/pricing';
import type { JournalStatus } from './ports';
import type { EngineStatusView } from '../../src-shared/contract/demper';

/** The engine's live state; its shape is the contract's (one source: src-shared/contract/demper.ts). */
export type EngineStatus = EngineStatusView;
export type EngineState = EngineStatus['state'];
export type StoreStatus = EngineStatus['stores'][number];
export type EngineError = EngineStatus['lastErrors'][number];

export type EngineEvent =
  | { type: 'status'; status: EngineStatus }
  | { type: 'decision'; at: number; storeId: number; productId: number; cityId: string; decision: Decision }
  /** Every successful look at the storefront, for the offer snapshots (price history). */
  | { type: 'offers'; at: number; storeId: number; productId: number; cityId: string; offers: Offer[]; ownMerchantIds: readonly string[] }
  | { type: 'journal'; at: number; entryId: number; storeId: number; productId: number; cityId: string; status: JournalStatus; price: number }
  | { type: 'kill-switch'; at: number; storeId: number; verdict: KillSwitchVerdict }
  | { type: 'error'; error: EngineError };

export type EngineListener = (event: EngineEvent) => void;
