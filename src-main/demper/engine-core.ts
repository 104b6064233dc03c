import type { Decision } from '../../src-shared/domain/decision';
import type { MemorySettings, RivalPrice } from '../../src-shared/pricing';
import type { LaneBudget } from './budgets';
import { changeLimits } from './budgets';
import { ChangeBudgets } from './change-budget';
import { kzDay, kzDayStart } from '../../src-shared/domain/kazakhstan-time';
import type { Pair, RecheckInterval } from './pair';
import type { Clock, EngineMemoryStore, JournalStore, OfferSource, PricePusher, ProductSource, SessionKeeper } from './ports';
import { isKaspiError } from './ports';
import { nextBackoffMs } from './retry';
import { classWeight, Scheduler } from './scheduler';
import { Signal } from './signal';
import type { EngineSettings } from './settings';
import type { EngineError, EngineEvent, EngineListener } from './status';
import type { StoreState } from './store-state';

export type SetDecision = Extract<Decision, { action: 'set' }>;

export interface EngineDeps {
  offers: OfferSource;
  pusher: PricePusher;
  clock: Clock;
  journal: JournalStore;
  products: ProductSource;
  sessions: SessionKeeper;
  memory: EngineMemoryStore;
  /**
   * Every merchant account's change budget, shared with the app's other writers (pre-orders and
   * stock, issue #16); the engine makes its own when it is the only writer (tests, benchmarks).
   */
  budgets?: ChangeBudgets;
}

/** A decision waiting for the account's change budget (one per pair: a fresher decision replaces it). */
export interface QueuedPush {
  pair: Pair;
  decision: SetDecision;
  decidedAt: number;
  /** What the push is worth: margin kept while first × how long first place is expected to hold (₸·ms). */
  value: number;
  /** The rivals at the decision, to see who answers the move. */
  rivals: RivalPrice[];
  /**
   * A sharp drop nothing explains yet: before it may go out, a fresh read of the market must
   * confirm it. Set when that read was asked for.
   */
  confirm: { askedAt: number | null } | null;
  /**
   * A replay only (quiet-looks.ts): the times of the looks skipped after the decision, ascending.
   * Each would have seen the same market and made the same decision again, as live re-decides a
   * push still waiting for its budget.
   */
  relooks?: number[];
}

/**
 * The replay's skipped looks up to `now` made the queued decision again; returns the next one
 * still to come (undefined: none).
 */
export function catchUpRelooks(queued: QueuedPush, now: number): number | undefined {
  const relooks = queued.relooks;
  if (!relooks) return undefined;
  let made = 0;
  while (made < relooks.length && relooks[made]! <= now) made++;
  if (made > 0) {
    queued.decidedAt = relooks[made - 1]!;
    relooks.splice(0, made);
  }
  return relooks[0];
}

/**
 * The pushes waiting for their accounts' budgets, one per pair, counting per store those that may
 * go out now (not waiting for a second read): the demper's demand on a budget it shares.
 */
export class PushQueue extends Map<string, QueuedPush> {
  private readonly sendable = new Map<number, number>();

  override set(key: string, queued: QueuedPush): this {
    this.delete(key);
    if (!queued.confirm) this.count(queued.pair.store.storeId, 1);
    return super.set(key, queued);
  }

  override delete(key: string): boolean {
    const queued = this.get(key);
    if (queued && !queued.confirm) this.count(queued.pair.store.storeId, -1);
    return super.delete(key);
  }

  override clear(): void {
    this.sendable.clear();
    super.clear();
  }

  /** Pushes of the store that could go out as soon as its budget allows. */
  sendableFor(storeId: number): number {
    return this.sendable.get(storeId) ?? 0;
  }

  private count(storeId: number, by: number): void {
    const n = (this.sendable.get(storeId) ?? 0) + by;
    if (n > 0) this.sendable.set(storeId, n);
    else this.sendable.delete(storeId);
  }
}

const MAX_ERRORS = 20;
/** While more than this share of an account's window is left, its budget limits no pair's pushes. */
export const SPARE_SHARE = 0.2;

export const describeError = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The engine's shared state and the small services its three paths use: the check path
 * (check-path.ts), the push path (push-path.ts) and read-back (read-back.ts). The engine
 * (engine.ts) owns the lifecycle and the loops.
 */
export class EngineCore {
  settings: EngineSettings;
  readonly pairs = new Map<string, Pair>();
  readonly stores = new Map<number, StoreState>();
  readonly lanes = new Map<string, LaneBudget>();
  readonly scheduler: Scheduler;
  readonly queue = new PushQueue();
  ownMerchantIds: string[] = [];
  inFlight = 0;
  readonly counters = { fetches: 0, decisions: 0, pushes: 0, failures: 0, verified: 0, mismatches: 0 };
  readonly lastErrors: EngineError[] = [];
  /** Separate wake-ups, so a finished fetch does not make the push loop rescan its queue. */
  readonly fetchSignal = new Signal();
  readonly pushSignal = new Signal();
  /** One budget per merchant account, whoever else takes from it. */
  readonly budgets: ChangeBudgets;
  private readonly listeners = new Set<EngineListener>();

  constructor(
    readonly deps: EngineDeps,
    settings: EngineSettings,
  ) {
    this.settings = settings;
    this.scheduler = new Scheduler(settings.intervals.freshShare);
    this.budgets = deps.budgets ?? new ChangeBudgets(changeLimits(settings));
    // Another writer's change settled, or it stopped waiting: a push held for its turn may go now.
    this.budgets.onChange(() => this.pushSignal.fire());
  }

  now(): number {
    return this.deps.clock.now();
  }

  get learning(): MemorySettings {
    return this.settings.learning;
  }

  onEvent(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  emit(event: EngineEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A broken listener (a closed window) must never stop the engine.
      }
    }
  }

  fail(scope: EngineError['scope'], id: string, e: unknown, storeId: number | null, kind?: EngineError['kind']): void {
    const error: EngineError = { at: this.now(), scope, id, kind: kind ?? (isKaspiError(e) ? e.kind : 'internal'), message: describeError(e) };
    this.lastErrors.push(error);
    if (this.lastErrors.length > MAX_ERRORS) this.lastErrors.shift();
    if (storeId !== null) {
      const store = this.stores.get(storeId);
      if (store) store.lastError = error;
    }
    this.emit({ type: 'error', error });
  }

  dropQueued(storeId: number): void {
    for (const queued of this.queue.values()) if (queued.pair.store.storeId === storeId) this.dropPush(queued);
  }

  /** A queued push will not go out. */
  dropPush(queued: QueuedPush): void {
    this.queue.delete(queued.pair.key);
    // A replay skipped the pair's next looks on the strength of this push: live looks again then.
    const again = catchUpRelooks(queued, this.now());
    if (again !== undefined && !queued.pair.pending && !queued.pair.pushing) this.scheduler.schedule(queued.pair, again, queued.pair.cls);
  }

  /** A look at the pair failed: try again after the pair's backoff (the one retry rule). */
  retryCheckLater(pair: Pair, now: number): void {
    pair.backoffMs = nextBackoffMs(pair.backoffMs, this.settings);
    this.scheduler.schedule(pair, now + pair.backoffMs, pair.cls);
  }

  /**
   * How often this pair can afford a push: its share of the account's change budget (the window's
   * changes over the pairs that pushed in the last window) or what its daily cap leaves for the
   * rest of the day, whichever is scarcer.
   */
  affordEveryMs(store: StoreState, pair: Pair, now: number): number {
    const { settings } = this;
    // While the window has room to spare, the account's budget does not limit a pair; when it is
    // nearly spent, a pair gets its share among the pairs that push.
    const spare = store.budget.left(now) > store.budget.limit * SPARE_SHARE;
    const shareEvery = spare ? 0 : (settings.pushWindowMs * (store.pushersInWindow(now, settings.pushWindowMs) + 1)) / store.budget.limit;
    const cap = pair.product.rules.maxChangesPerDay;
    if (cap === null) return shareEvery;
    const day = kzDay(now);
    const left = cap - (pair.changesDay === day ? pair.changesOnDay : 0);
    const dayEndsAt = kzDayStart(day + 1);
    return Math.max(shareEvery, left <= 0 ? Infinity : (dayEndsAt - now) / left);
  }

  /** Requests per second the lanes allow together. */
  offersPerSecond(): number {
    return Math.max(1, this.lanes.size) * this.settings.offersPerSecondPerLane;
  }

  /**
   * Re-check intervals from the whole offers budget. While pairs wait for their first look the
   * scheduler serves them first (`freshShare`), so due re-checks wait a little; afterwards the
   * re-checks have the budget to themselves at once.
   */
  readonly recheckInterval: RecheckInterval = (cls, calmStreak) => this.scheduler.recheckIntervalMs(classWeight(cls, calmStreak), this.offersPerSecond());
}
