import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM');

/** Every number the engine runs by; defaults follow the measured Kaspi limits (kaspi-api.md §10). */
export const engineSettings = z.object({
  /** Per exit IP; ~10 req/s is safe, ~15 gets a 403. */
  offersPerSecondPerLane: z.number().positive().default(8),
  offersBurst: z.number().min(1).default(1),
  maxConcurrentFetches: z.number().int().min(1).default(8),
  /** Per merchant account; ~3 req/s gets a 30-minute 429. */
  pushesPerSecond: z.number().positive().default(1.5),
  pushBurst: z.number().min(1).default(1),
  /** Kaspi's business limit: 250 changes per rolling 30 minutes per merchant. */
  pushWindowLimit: z.number().int().min(1).default(250),
  pushWindowMs: z.number().int().positive().default(30 * 60_000),
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
   * How often pairs are checked. The base interval is what checking every pair would take at
   * `offersUtilisation` of the offers budget; the class bounds below keep it sane at both ends.
   */
  intervals: z
    .object({
      offersUtilisation: z.number().positive().max(1).default(0.5),
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
  /** Kazakhstan is UTC+5; daily caps and working hours count local days. */
  utcOffsetMinutes: z.number().int().min(-720).max(840).default(300),
  killSwitch: z
    .object({
      sharpDropPercent: z.number().positive().max(100).default(20),
      maxSharpShare: z.number().positive().max(1).default(0.3),
      minSharpCount: z.number().int().min(1).default(5),
      /** Decisions of the last this-many ms are judged together ("one cycle" of a calm catalogue). */
      windowMs: z.number().int().positive().default(10 * 60_000),
      /** A sharp drop waits this long before it may be pushed, so the switch can still stop it. */
      settleMs: z.number().int().min(0).default(60_000),
      /** On a first sharp drop, this many other products of the store are checked at once for a verdict. */
      probePairs: z.number().int().min(0).default(20),
    })
    .prefault({}),
  priceWar: z
    .object({
      responseWindowMs: z.number().int().positive().default(90_000),
      threshold: z.number().int().min(1).default(3),
      lookbackMs: z.number().int().positive().default(6 * 3_600_000),
      flagMs: z.number().int().positive().default(24 * 3_600_000),
    })
    .prefault({}),
  statusIntervalMs: z.number().int().positive().default(1_000),
});
export type EngineSettings = z.infer<typeof engineSettings>;
export type EngineSettingsInput = z.input<typeof engineSettings>;
