import { z } from 'zod';
import { DEFAULT_KILL_SWITCH_SETTINGS, DEFAULT_MEMORY_SETTINGS } from '../../src-shared/pricing';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM');

/** Every number the engine runs by; defaults follow the measured Kaspi limits (kaspi-api.md §10). */
export const engineSettings = z.object({
  /** Per exit IP; ~10 req/s is safe, ~15 gets a 403. */
  offersPerSecondPerLane: z.number().positive().default(8),
  offersBurst: z.number().min(1).default(1),
  maxConcurrentFetches: z.number().int().min(1).default(8),
  /** Per merchant account; ~3 req/s gets a 30-minute 429. Spaced from the previous push's answer. */
  pushesPerSecond: z.number().positive().default(1.5),
  /** Kaspi's business limit: 250 changes per rolling 30 minutes per merchant. */
  pushWindowLimit: z.number().int().min(1).default(250),
  pushWindowMs: z.number().int().positive().default(30 * 60_000),
  /**
   * Stay this many percent under `pushWindowLimit` (250 → 240): room for what we cannot count
   * (a change made in the cabinet by hand, a request that reached Kaspi later than it answered).
   */
  pushSafetyPercent: z.number().min(0).max(50).default(4),
  /**
   * The window's changes are paced evenly across it (one every 7.5 s at 240 per 30 min), with at most
   * this share of them back to back, so losses late in a window still find a change to fix them.
   */
  pushBurstShare: z.number().positive().max(1).default(0.5),
  accountBlockMs: z.number().int().positive().default(30 * 60_000),
  ipCooldownMs: z.number().int().positive().default(15_000),
  backoffBaseMs: z.number().int().positive().default(5_000),
  backoffMaxMs: z.number().int().positive().default(5 * 60_000),
  /** Read-back after a push; Kaspi applies price changes with a delay. */
  verifyDelayMs: z.number().int().positive().default(40_000),
  verifyAttempts: z.number().int().min(1).default(3),
  /** A decision older than this is re-made on fresh offers instead of pushed. */
  maxDecisionAgeMs: z.number().int().positive().default(120_000),
  /**
   * How often pairs are checked. The offers budget (lanes × `offersPerSecondPerLane`) is shared out:
   * read-backs of our pushes first, then pairs never checked (or not for `staleMs`) get at least
   * `freshShare` of the requests while any wait, and re-checks share the rest by urgency (a lost
   * first place we can win back 8 : a market that moved 3 : calm 1), so re-checks never take more
   * than the budget whatever the catalogue. The class bounds keep a small catalogue sane.
   */
  intervals: z
    .object({
      freshShare: z.number().positive().max(1).default(0.95),
      staleMs: z.number().int().positive().default(6 * 3_600_000),
      lostFirstMs: z.number().int().positive().default(30_000),
      contestedMs: z.number().int().positive().default(60_000),
      calmMinMs: z.number().int().positive().default(60_000),
      calmMaxMs: z.number().int().positive().default(2 * 3_600_000),
    })
    .prefault({}),
  /** Pairs counted as one cycle in the progress the UI shows. */
  cycleMaxPairs: z.number().int().min(1).default(500),
  dryRun: z.boolean().default(false),
  workingHours: z
    .object({ enabled: z.boolean().default(false), from: hhmm.default('09:00'), to: hhmm.default('23:00') })
    .prefault({}),
  /** The kill switch: src-shared/pricing/kill-switch.ts says what each number means. */
  killSwitch: z
    .object({
      sharpDropPercent: z.number().positive().max(100).default(DEFAULT_KILL_SWITCH_SETTINGS.sharpDropPercent),
      maxSharpShare: z.number().positive().max(1).default(DEFAULT_KILL_SWITCH_SETTINGS.maxSharpShare),
      minSharpCount: z.number().int().min(1).default(DEFAULT_KILL_SWITCH_SETTINGS.minSharpCount),
      historyRatio: z.number().positive().max(1).default(DEFAULT_KILL_SWITCH_SETTINGS.historyRatio),
      ownPriceRatio: z.number().positive().max(1).default(DEFAULT_KILL_SWITCH_SETTINGS.ownPriceRatio),
      outlierRatio: z.number().positive().max(1).default(DEFAULT_KILL_SWITCH_SETTINGS.outlierRatio),
      overshootPercent: z.number().positive().max(100).default(DEFAULT_KILL_SWITCH_SETTINGS.overshootPercent),
      agreePercent: z.number().min(0).max(100).default(DEFAULT_KILL_SWITCH_SETTINGS.agreePercent),
      /** Suspect moves of the last this-many ms are judged together ("one cycle" of a calm catalogue). */
      windowMs: z.number().int().positive().default(10 * 60_000),
      /**
       * A sharp drop nothing explains yet (no price history, no other rival near that price) goes
       * out only after a second read at least this long after the first shows the same market.
       */
      confirmDelayMs: z.number().int().min(0).default(10_000),
    })
    .prefault({}),
  /** What the engine learns per (product, city): src-shared/pricing/market-memory.ts says what each number means. */
  learning: z
    .object({
      responseWindowMs: z.number().int().positive().default(DEFAULT_MEMORY_SETTINGS.responseWindowMs),
      threshold: z.number().positive().default(DEFAULT_MEMORY_SETTINGS.threshold),
      halfLifeMs: z.number().int().positive().default(DEFAULT_MEMORY_SETTINGS.halfLifeMs),
      holdPriorMs: z.number().int().positive().default(DEFAULT_MEMORY_SETTINGS.holdPriorMs),
      heldMinMs: z.number().int().positive().default(DEFAULT_MEMORY_SETTINGS.heldMinMs),
      maxRivals: z.number().int().min(1).default(DEFAULT_MEMORY_SETTINGS.maxRivals),
      rangeMs: z.number().int().positive().default(DEFAULT_MEMORY_SETTINGS.rangeMs),
      suspectAcceptMs: z.number().int().positive().default(DEFAULT_MEMORY_SETTINGS.suspectAcceptMs),
      probeEveryMs: z.number().int().positive().default(DEFAULT_MEMORY_SETTINGS.probeEveryMs),
      recoverEveryMs: z.number().int().positive().default(DEFAULT_MEMORY_SETTINGS.recoverEveryMs),
    })
    .prefault({}),
  /** What was learnt is saved this often (and at stop). */
  memoryFlushMs: z.number().int().positive().default(60_000),
  statusIntervalMs: z.number().int().positive().default(1_000),
});
export type EngineSettings = z.infer<typeof engineSettings>;
export type EngineSettingsInput = z.input<typeof engineSettings>;
