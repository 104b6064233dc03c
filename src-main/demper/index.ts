export { DemperEngine } from './engine';
export type { EngineDeps } from './engine';
export { engineSettings } from './settings';
export type { EngineSettings, EngineSettingsInput } from './settings';
export type { EngineEvent, EngineListener, EngineStatus, EngineError, StoreStatus, EngineState } from './status';
export { InMemoryJournal } from './in-memory-journal';
export { KaspiError, isKaspiError, JOURNAL_STATUSES } from './ports';
export type {
  Clock,
  JournalEntry,
  JournalPlan,
  JournalStatus,
  JournalStore,
  OfferQuery,
  OfferSource,
  PricePusher,
  ProductInfo,
  ProductSource,
  PushRequest,
  SessionKeeper,
  StoreInfo,
} from './ports';
