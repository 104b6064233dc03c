import { z } from 'zod';
import { call } from './define';
import { decision, dropAnomaly, rivalFloor } from '../domain/decision';
import { KASPI_ERROR_KINDS } from '../domain/kaspi-error';
import { message, messageCode } from '../i18n/message';

const kind = z.enum([...KASPI_ERROR_KINDS, 'internal']);

export const engineError = z.object({
  at: z.number(),
  scope: z.enum(['lane', 'store', 'pair']),
  id: z.string(),
  kind,
  message: z.string(),
  /**
   * What happened, for the seller in their language. Optional until the engine fills it (after
   * issue #12 lands); the overview falls back to the generic message of `kind`.
   */
  userMessage: message.optional(),
});

/** A kill-switch stop (src-shared/pricing/kill-switch.ts): why, which products and rivals; the renderer words it. */
export const killSwitchVerdict = z.object({
  trip: z.boolean(),
  cause: z.enum(['many_suspect', 'one_rival']).nullable(),
  suspect: z.number().int(),
  considered: z.number().int(),
  share: z.number(),
  byAnomaly: z.partialRecord(dropAnomaly, z.number().int()),
  rivals: z.array(z.object({ merchantId: z.string(), name: z.string().nullable(), moves: z.number().int() })),
  productIds: z.array(z.number().int()),
  moves: z.array(
    z.object({
      productId: z.number().int(),
      sku: z.string(),
      cityId: z.string(),
      at: z.number(),
      anomalies: z.array(dropAnomaly),
      rivalId: z.string().nullable(),
      rivalName: z.string().nullable(),
      rivalPrice: z.number().int().nullable(),
      oldPrice: z.number().int(),
      newPrice: z.number().int(),
    }),
  ),
});

export const storeStatus = z.object({
  storeId: z.number().int(),
  name: z.string(),
  paused: z.boolean(),
  killSwitch: killSwitchVerdict.extend({ at: z.number() }).nullable(),
  blockedUntil: z.number(),
  sessionExpired: z.boolean(),
  pushesLeftInWindow: z.number().int(),
  /** The account's changes in the window by writer: the demper's prices, pre-order and stock changes (one budget, issue #16). */
  changesInWindow: z.object({ price: z.number().int(), stock: z.number().int() }).default({ price: 0, stock: 0 }),
  queuedPushes: z.number().int(),
  lastError: engineError.nullable(),
});

/** The engine's live state: the source of its TypeScript type (src-main/demper/status.ts). */
export const engineStatus = z.object({
  state: z.enum(['stopped', 'running', 'paused', 'outside_hours']),
  dryRun: z.boolean(),
  cycle: z.object({ number: z.number().int(), startedAt: z.number(), done: z.number().int(), total: z.number().int() }),
  stores: z.array(storeStatus),
  lanes: z.array(z.object({ lane: z.string(), cooldownUntil: z.number() })),
  pairs: z.object({ total: z.number().int(), inCooldown: z.number().int(), awaitingVerify: z.number().int(), lostFirst: z.number().int() }),
  counters: z.object({
    fetches: z.number().int(),
    decisions: z.number().int(),
    pushes: z.number().int(),
    failures: z.number().int(),
    verified: z.number().int(),
    mismatches: z.number().int(),
  }),
  lastErrors: z.array(engineError),
});
export type EngineStatusView = z.infer<typeof engineStatus>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, messageCode('demper.time_format'));

/** What the seller may tune on the Demper page; the rest of the engine's numbers stay at their measured defaults. */
export const demperSettings = z.object({
  dryRun: z.boolean(),
  offersPerSecondPerIp: z.number().min(0.5, messageCode('demper.offers_rate_min')).max(12, messageCode('demper.offers_rate_max')),
  pushesPerSecond: z.number().min(0.1).max(2, messageCode('demper.pushes_rate_max')),
  pushWindowLimit: z.number().int().min(1).max(250, messageCode('demper.push_window_max')),
  workingHours: z.object({ enabled: z.boolean(), from: hhmm, to: hhmm }),
  /** Whose changes go first when both wait for the account's budget: pre-orders and stock (default), or prices (issue #16). */
  changePriority: z.enum(['stock', 'price']).default('stock'),
});
export type DemperSettings = z.infer<typeof demperSettings>;

export const DEFAULT_DEMPER_SETTINGS: DemperSettings = {
  // A new install decides and journals but pushes nothing until the seller switches to live.
  dryRun: true,
  offersPerSecondPerIp: 8,
  pushesPerSecond: 1.5,
  pushWindowLimit: 250,
  workingHours: { enabled: false, from: '09:00', to: '23:00' },
  changePriority: 'stock',
};

/** What the engine has learnt about one product in one city: what the product drawer shows. */
export const pairInsight = z.object({
  cityId: z.string(),
  /** The product is repriced in this city (its bot is on and the engine runs). */
  priced: z.boolean(),
  /** How long first place is expected to hold after a change here, and how many lost spells it is learnt from. */
  holdMs: z.number().int(),
  holdLosses: z.number().int(),
  /** What decide() takes: the drawer's preview uses it, so it shows the approach the engine would choose. */
  knowledge: z.object({
    rivalFloors: z.record(z.string(), rivalFloor),
    answerMs: z.record(z.string(), z.number()),
    holdMs: z.number(),
    affordEveryMs: z.number(),
    probeAllowed: z.boolean(),
    probing: z.boolean(),
    restorePrice: z.number().int().nullable(),
    recoverAllowed: z.boolean(),
  }),
  warRivals: z.array(z.string()),
  rivals: z.array(
    z.object({
      merchantId: z.string(),
      price: z.number().int(),
      floor: rivalFloor,
      /** Typical time it takes to answer our moves; null: it has not answered one. */
      answerMs: z.number().int().nullable(),
      war: z.boolean(),
    }),
  ),
});
export type PairInsight = z.infer<typeof pairInsight>;

export const demperCalls = {
  'demper.status': call(z.object({}), engineStatus),
  'demper.control': call(
    z.object({ action: z.enum(['start', 'stop', 'pause', 'resume']), storeId: z.number().int().positive().optional() }),
    engineStatus,
  ),
  /** Continue after a kill-switch stop: with every product, or only with those that did not trip it (the others' bot is turned off). */
  'demper.resetKillSwitch': call(z.object({ storeId: z.number().int().positive(), only: z.enum(['all', 'untripped']).default('all') }), engineStatus),
  'demper.insight': call(z.object({ productId: z.number().int().positive() }), z.object({ cities: z.array(pairInsight) })),
  'demper.settings.get': call(z.object({}), demperSettings),
  'demper.settings.update': call(demperSettings.partial(), demperSettings),
};

export const demperEvents = {
  'demper.status': engineStatus,
  'demper.decision': z.object({ at: z.number(), storeId: z.number().int(), productId: z.number().int(), cityId: z.string(), decision }),
  /** Something the seller should know now: floor reached, account blocked, login needed, kill switch. */
  'demper.alert': z.object({ at: z.number(), kind: z.enum(['kill_switch', 'account_blocked', 'login_needed', 'floor_reached']), storeId: z.number().int().nullable(), message }),
  /** The demper's settings as they now are (the dry-run switch, the form, the Proxies page's per-IP budget all change them). */
  'demper.settings': demperSettings,
};
