export { DemperEngine } from './engine';
export type { EngineDeps } from './engine';
export { engineSettings } from './settings';
export type { EngineSettings, EngineSettingsInput } from './settings';
export type { EngineEvent, EngineListener, EngineStatus, EngineError, StoreStatus, EngineState } from './status';
export { InMemoryJournal } from './in-memory-journal';
export { InMemoryEngineMemory } from './in-memory-engine-memory';
export { ChangeBudget } from './change-budget';
export type { ChangeLimits, ChangeTicket } from './change-budget';
export { KaspiError, isKaspiError, JOURNAL_STATUSES } from './ports';
export type {
  Clock,
  EngineMemoryStore,
  JournalEntry,
  JournalPlan,
  JournalStatus,
  JournalStore,
  KillSwitchStop,
  OfferQuery,
  OfferSource,
  PairMemoryRow,
  PricePusher,
  ProductInfo,
  ProductSource,
  PushRequest,
  SessionKeeper,
  StoreInfo,
} from './ports';
