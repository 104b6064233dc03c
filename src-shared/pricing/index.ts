export { decide, NO_KNOWLEDGE, FLOOR_HOLD_MS } from './decide';
export type { DecideInput } from './decide';
export { applyGuards, NO_GUARD_STATE } from './guards';
export type { GuardState, GuardOutcome } from './guards';
export { selectRivals } from './eligible-rivals';
export {
  acceptSuspectPrices,
  answeredBy,
  ANSWER_SAMPLES,
  DEFAULT_MEMORY_SETTINGS,
  emptyMemory,
  expectedAnswerAt,
  holdEstimateMs,
  knowledgeOf,
  observeAnswers,
  observeRead,
  warRivals,
  warScore,
} from './market-memory';
export type { MarketKnowledge, MarketRead, MemorySettings, MoveObservation, MoveWatch, PairMemory, RivalMemory, RivalPrice } from './market-memory';
export { checkDrop, judgeStore, DEFAULT_KILL_SWITCH_SETTINGS } from './kill-switch';
export type { DropCheck, DropCheckInput, KillSwitchSettings, KillSwitchVerdict, SuspectMove } from './kill-switch';
export { reasonMessage } from './reason-message';
export { formatTenge } from './format-tenge';
