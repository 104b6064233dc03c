import type { Dispatcher } from 'undici';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { DEFAULT_PROXY_SETTINGS, proxySettings, type ProxyCheck, type ProxySettings, type ProxyStats, type ProxyStatus } from '../../src-shared/domain/proxy';
import { systemClock, type Clock } from '../time/clock';
import { createDispatcher, playwrightProxyOption, sameConnection, type PlaywrightProxy, type ProxyEndpoint } from './endpoint';
import { classifyLaneFailure, describeFailure, LaneBannedError, LaneTimeoutError, NoLaneError, type LaneFailure } from './errors';
import { Lane } from './lane';
import { emptyLaneStats, publicStats, recordOutcome, resetCounters } from './lane-stats';
import { DIRECT_LANE_ID, type ProxyStore } from './proxy-store';
import { isResetDue } from './reset-schedule';

/**
 * The proxy balancer. Every request to Kaspi goes through `run(storeId, task)`: it picks the next
 * lane the store may use (round-robin over proxies bound to the store, the shared pool and, if
 * allowed, the direct connection), waits for that lane's per-IP budget, gives the task an undici
 * dispatcher, and on a ban, a connection failure or a timeout retries on another lane, so the
 * request is not lost. Lane states and counters live here; the store persists them.
 */

/** What a task receives: where to send its request and how to know it should give up. */
export interface LaneHandle {
  /** The proxy id, or DIRECT_LANE_ID for the direct connection. */
  readonly id: number;
  /** `http://host:port` or `direct`; never contains credentials. */
  readonly address: string;
  readonly dispatcher: Dispatcher;
  /** Aborted when this attempt times out or the caller cancels. Pass it to undici. */
  readonly signal: AbortSignal;
  readonly attempt: number;
  /** Playwright's proxy option for this lane; undefined on the direct lane. */
  readonly playwrightProxy: PlaywrightProxy | undefined;
}

export interface RunOptions {
  /** `offers` spends the per-IP budget (storefront offers); `none` is for cabinet calls and login. */
  budget?: 'offers' | 'none';
  /** Keep a store on the lane it used last while that lane is healthy (cabinet session, login). */
  sticky?: boolean;
  maxAttempts?: number;
  maxWaitMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface LaneSnapshot {
  id: number;
  address: string;
  storeId: number | null;
  status: Exclude<ProxyStatus, 'disabled'>;
  /** When a cooling or dead lane may be tried again. */
  availableAt: number | null;
  stats: ProxyStats;
}

export interface ProxyPoolOptions {
  store: ProxyStore;
  settings?: Partial<ProxySettings>;
  clock?: Clock;
  /** How often changed counters are written; they are also written on `flush()` and `close()`. */
  statsFlushMs?: number;
}

/** A request waiting for a lane. Waiters of one kind may take the same lanes, so they queue together. */
interface Waiter {
  kind: string;
  seq: number;
  storeId: number | null;
  useBudget: boolean;
  sticky: boolean;
  tried: ReadonlySet<number>;
  deadlineTimer: unknown;
  settled: boolean;
  resolve(lane: Lane): void;
  reject(error: unknown): void;
}

export class ProxyPool {
  private settings: ProxySettings;
  private readonly store: ProxyStore;
  private readonly clock: Clock;
  private readonly statsFlushMs: number;
  private readonly lanes = new Map<number, Lane>();
  /** FIFO queues by waiter kind; a Map keeps kinds in first-arrival order. */
  private readonly queues = new Map<string, Waiter[]>();
  private waiterSeq = 0;
  private readonly kindServedAt = new Map<string, number>();
  private readonly stickyLane = new Map<number | null, number>();
  private pickSeq = 0;
  private wakeTimer: unknown = null;
  private wakeAt = Infinity;
  private flushTimer: unknown = null;
  private closed = false;

  constructor(options: ProxyPoolOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.settings = proxySettings.parse({ ...DEFAULT_PROXY_SETTINGS, ...options.settings });
    this.statsFlushMs = options.statsFlushMs ?? 5_000;
    this.reload();
  }

  /** Re-reads the proxy list; call after the user adds, edits, enables or removes proxies. */
  reload(): void {
    const now = this.clock.now();
    const wanted = new Map<number, ProxyEndpoint | null>();
    for (const endpoint of this.store.endpoints()) if (endpoint.enabled) wanted.set(endpoint.id, endpoint);
    if (this.settings.allowDirect) wanted.set(DIRECT_LANE_ID, null);

    for (const [id, lane] of this.lanes) {
      const endpoint = wanted.get(id);
      if (endpoint === undefined) {
        this.retire(lane);
      } else if (endpoint && lane.endpoint && !sameConnection(endpoint, lane.endpoint)) {
        void lane.dispatcher.close().catch(() => undefined);
        lane.dispatcher = this.dispatcherFor(endpoint);
        lane.endpoint = endpoint;
      } else if (endpoint) {
        lane.endpoint = endpoint;
      }
    }
    for (const [id, endpoint] of wanted) {
      if (this.lanes.has(id)) continue;
      const stats = this.store.loadStats(id) ?? emptyLaneStats(now);
      this.lanes.set(id, new Lane(id, endpoint, this.dispatcherFor(endpoint), stats, this.settings, now));
    }
    this.pump();
  }

  /** Applies changed settings (budget, cooldowns, direct lane, reset schedule) at once. */
  configure(settings: Partial<ProxySettings>): void {
    this.settings = proxySettings.parse({ ...this.settings, ...settings });
    const now = this.clock.now();
    for (const lane of this.lanes.values()) lane.bucket.reconfigure(this.settings.offersPerSecond, this.settings.burst, now);
    this.reload();
  }

  /**
   * Runs `task` on a lane the store may use, retrying on another lane when the target bans the
   * IP (the task throws LaneBannedError), the connection fails or the attempt times out.
   * Errors that are not the lane's fault are rethrown at once.
   */
  async run<T>(storeId: number | null, task: (lane: LaneHandle) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const maxAttempts = options.maxAttempts ?? this.settings.maxAttempts;
    const tried = new Set<number>();
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const lane = await this.acquire(storeId, options, tried);
      const result = await this.attempt(lane, task, attempt, options);
      if (result.ok) return result.value;
      if (result.failure === null) throw result.error;
      tried.add(lane.id);
      lastError = result.error;
    }
    throw lastError;
  }

  /** Live state of every lane, for the proxies page. */
  snapshot(): LaneSnapshot[] {
    const now = this.clock.now();
    return [...this.lanes.values()].map((lane) => {
      this.resetIfDue(lane, now);
      const status = lane.status(now);
      return { id: lane.id, address: lane.address, storeId: lane.storeId, status, availableAt: status === 'healthy' ? null : lane.availableAt, stats: publicStats(lane.stats) };
    });
  }

  /**
   * The dispatcher of the store's session lane, for callers that need one synchronously (the
   * cabinet's `DispatcherFor` port): the lane the store's sticky calls used last while it is
   * not cooling or dead, else the next usable one. undefined means "go direct". No budget, no
   * retry and no statistics on this path: prefer `run(storeId, task, { budget: 'none', sticky: true })`.
   * Throws NoLaneError when the store may use no lane at all.
   */
  stickyDispatcher(storeId: number | null): Dispatcher | undefined {
    const now = this.clock.now();
    const candidates = this.lanesFor(storeId);
    if (candidates.length === 0) throw new NoLaneError('none-configured', storeId);
    const usable = candidates.filter((lane) => lane.status(now) === 'healthy');
    const current = usable.find((lane) => lane.id === this.stickyLane.get(storeId));
    const lane = current ?? (usable.length > 0 ? usable.reduce((best, l) => (l.lastPickSeq < best.lastPickSeq ? l : best)) : candidates[0]!);
    if (!current) {
      lane.lastPickSeq = ++this.pickSeq;
      this.stickyLane.set(storeId, lane.id);
    }
    return lane.endpoint ? lane.dispatcher : undefined;
  }

  /** What a store can count on right now: lanes not dead, and their combined offers budget. */
  capacity(storeId: number | null): { lanes: number; healthy: number; offersPerSecond: number } {
    const now = this.clock.now();
    const lanes = this.lanesFor(storeId);
    const healthy = lanes.filter((lane) => lane.status(now) === 'healthy').length;
    return { lanes: lanes.filter((lane) => lane.health !== 'dead').length, healthy, offersPerSecond: healthy * this.settings.offersPerSecond };
  }

  /** Feeds a health check result into the lane's state: a reachable dead proxy comes back at once. */
  applyHealthCheck(laneId: number, check: ProxyCheck): void {
    const lane = this.lanes.get(laneId);
    if (!lane) return;
    const now = this.clock.now();
    if (check.ok) lane.onSuccess(now, check.at);
    else if (lane.health !== 'dead') lane.onFailure('connection', now, check.at, this.settings, null);
    this.markDirty(lane);
    this.pump();
  }

  /** Writes changed counters and statuses to the store. */
  flush(): void {
    if (this.flushTimer !== null) this.clock.clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const now = this.clock.now();
    for (const lane of this.lanes.values()) this.persist(lane, now);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const queue of this.queues.values()) {
      for (const waiter of queue) this.settle(waiter, () => waiter.reject(new NoLaneError('closed', waiter.storeId)));
    }
    this.queues.clear();
    if (this.wakeTimer !== null) this.clock.clearTimeout(this.wakeTimer);
    this.flush();
    await Promise.all([...this.lanes.values()].map((lane) => lane.dispatcher.close().catch(() => undefined)));
    this.lanes.clear();
  }

  private acquire(storeId: number | null, options: RunOptions, tried: ReadonlySet<number>): Promise<Lane> {
    if (this.closed) return Promise.reject(new NoLaneError('closed', storeId));
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Lane>((resolve, reject) => {
      const useBudget = (options.budget ?? 'offers') === 'offers';
      const sticky = options.sticky ?? false;
      // Retries (a non-empty `tried`) queue apart: they wait for other lanes than first attempts do.
      const kind = `${storeId}|${useBudget}|${sticky}|${[...tried].sort((a, b) => a - b).join(',')}`;
      const waiter: Waiter = { kind, seq: ++this.waiterSeq, storeId, useBudget, sticky, tried, deadlineTimer: null, settled: false, resolve, reject };
      if (signal) {
        const onAbort = () => this.dropWaiter(waiter, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.resolve = (lane) => (signal.removeEventListener('abort', onAbort), resolve(lane));
        waiter.reject = (error) => (signal.removeEventListener('abort', onAbort), reject(error));
      }
      const queue = this.queues.get(waiter.kind);
      if (queue) queue.push(waiter);
      else this.queues.set(waiter.kind, [waiter]);
      this.pump();
      if (!waiter.settled) {
        waiter.deadlineTimer = this.clock.setTimeout(
          () => this.dropWaiter(waiter, new NoLaneError('wait-timeout', storeId)),
          options.maxWaitMs ?? this.settings.maxWaitMs,
        );
      }
    });
  }

  private dropWaiter(waiter: Waiter, reason: unknown): void {
    const queue = this.queues.get(waiter.kind);
    const index = queue?.indexOf(waiter) ?? -1;
    if (index < 0) return;
    queue!.splice(index, 1);
    if (queue!.length === 0) {
      this.queues.delete(waiter.kind);
      this.kindServedAt.delete(waiter.kind);
    }
    this.settle(waiter, () => waiter.reject(reason));
  }

  private settle(waiter: Waiter, outcome: () => void): void {
    waiter.settled = true;
    if (waiter.deadlineTimer !== null) this.clock.clearTimeout(waiter.deadlineTimer);
    outcome();
  }

  /**
   * Hands free lanes to waiting requests, one per kind in turn (the kind served least recently first),
   * so one store's backlog cannot starve another's; then sleeps until the next lane frees up.
   * Only queue heads are looked at, so a long backlog costs nothing per pump.
   */
  private pump(): void {
    const now = this.clock.now();
    const candidatesByStore = new Map<number | null, Lane[]>();
    const candidatesFor = (storeId: number | null) => {
      let lanes = candidatesByStore.get(storeId);
      if (!lanes) candidatesByStore.set(storeId, (lanes = this.lanesFor(storeId)));
      return lanes;
    };
    const served: (() => void)[] = [];
    let active = [...this.queues.values()];
    while (active.length > 0) {
      // The kind served least recently goes first; among kinds never served, the one waiting longest.
      active.sort((a, b) => (this.kindServedAt.get(a[0]!.kind) ?? 0) - (this.kindServedAt.get(b[0]!.kind) ?? 0) || a[0]!.seq - b[0]!.seq);
      const stillServing: Waiter[][] = [];
      for (const queue of active) {
        const head = queue[0]!;
        const candidates = candidatesFor(head.storeId);
        if (candidates.length === 0) {
          for (const waiter of queue.splice(0)) served.push(() => this.settle(waiter, () => waiter.reject(new NoLaneError('none-configured', waiter.storeId))));
          continue;
        }
        const lane = this.pick(candidates, head, now);
        if (!lane) continue;
        queue.shift();
        this.kindServedAt.set(head.kind, lane.lastPickSeq);
        served.push(() => this.settle(head, () => head.resolve(lane)));
        if (queue.length > 0) stillServing.push(queue);
      }
      active = stillServing;
    }
    let nextWake = Infinity;
    for (const [kind, queue] of this.queues) {
      if (queue.length === 0) {
        this.queues.delete(kind);
        this.kindServedAt.delete(kind);
        continue;
      }
      // A lane at its concurrency cap wakes the queue itself when a request on it ends.
      const head = queue[0]!;
      for (const lane of this.eligible(candidatesFor(head.storeId), head)) {
        if (lane.inFlight < this.settings.maxConcurrentPerLane) nextWake = Math.min(nextWake, lane.openAt(now, head.useBudget));
      }
    }
    this.scheduleWake(nextWake, now);
    for (const serve of served) serve();
  }

  private scheduleWake(at: number, now: number): void {
    if (at === this.wakeAt) return;
    if (this.wakeTimer !== null) this.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.wakeAt = at;
    if (at === Infinity) return;
    this.wakeTimer = this.clock.setTimeout(() => {
      this.wakeTimer = null;
      this.wakeAt = Infinity;
      this.pump();
    }, Math.max(0, at - now));
  }

  private lanesFor(storeId: number | null): Lane[] {
    return [...this.lanes.values()].filter((lane) => lane.storeId === null || lane.storeId === storeId);
  }

  /**
   * The lanes a waiter will take: a request goes to every live lane once before it tries one
   * that already failed it again (waiting for them if need be); dead lanes are not waited for.
   */
  private eligible(candidates: Lane[], waiter: Waiter): Lane[] {
    if (waiter.tried.size === 0) return candidates;
    const fresh = candidates.filter((lane) => !waiter.tried.has(lane.id) && lane.health !== 'dead');
    return fresh.length > 0 ? fresh : candidates;
  }

  private pick(candidates: Lane[], waiter: Waiter, now: number): Lane | null {
    const maxInFlight = this.settings.maxConcurrentPerLane;
    const pool = this.eligible(candidates, waiter).filter(
      (lane) => lane.open(now) && lane.inFlight < maxInFlight && (!waiter.useBudget || lane.bucket.waitMs(now) === 0),
    );
    if (pool.length === 0) return null;
    const sticky = waiter.sticky ? pool.find((lane) => lane.id === this.stickyLane.get(waiter.storeId)) : undefined;
    const lane = sticky ?? pool.reduce((best, l) => (l.lastPickSeq < best.lastPickSeq ? l : best));
    if (waiter.useBudget) lane.bucket.tryTake(now);
    if (lane.health === 'dead') lane.probing = true;
    // Counted from the pick, not from the send: several waiters are served in one pump.
    lane.inFlight += 1;
    lane.lastPickSeq = ++this.pickSeq;
    if (waiter.sticky) this.stickyLane.set(waiter.storeId, lane.id);
    return lane;
  }

  private async attempt<T>(
    lane: Lane,
    task: (lane: LaneHandle) => Promise<T>,
    attempt: number,
    options: RunOptions,
  ): Promise<{ ok: true; value: T } | { ok: false; failure: LaneFailure | null; error: unknown }> {
    const timeoutMs = options.timeoutMs ?? this.settings.requestTimeoutMs;
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(options.signal!.reason);
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let timer: unknown = null;
    const deadline = new Promise<never>((_, reject) => {
      timer = this.clock.setTimeout(() => {
        const error = new LaneTimeoutError(timeoutMs);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    const endpoint = lane.endpoint;
    const handle: LaneHandle = {
      id: lane.id,
      address: lane.address,
      dispatcher: lane.dispatcher,
      signal: controller.signal,
      attempt,
      get playwrightProxy() {
        return endpoint ? playwrightProxyOption(endpoint) : undefined;
      },
    };
    const started = this.clock.now();
    try {
      const value = await Promise.race([task(handle), deadline]);
      this.record(lane, null, started, null);
      return { ok: true, value };
    } catch (error) {
      if (options.signal?.aborted) return { ok: false, failure: null, error };
      const failure = classifyLaneFailure(error);
      // Not the lane's fault (a parse error, a 500 from the target): the proxy did its job.
      this.record(lane, failure, started, error);
      return { ok: false, failure, error };
    } finally {
      lane.inFlight -= 1;
      lane.probing = false;
      this.clock.clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCallerAbort);
      this.pump();
    }
  }

  private record(lane: Lane, failure: LaneFailure | null, started: number, error: unknown): void {
    const now = this.clock.now();
    this.resetIfDue(lane, now);
    if (failure === null) {
      lane.onSuccess(now, started);
      recordOutcome(lane.stats, 'success', now - started, null, now);
    } else {
      lane.onFailure(failure, now, started, this.settings, error instanceof LaneBannedError || error instanceof KaspiError ? error.retryAfterMs : null);
      recordOutcome(lane.stats, failure === 'ban' ? 'ban' : 'error', null, `${failure}: ${describeFailure(error)}`, now);
    }
    this.markDirty(lane);
  }

  private resetIfDue(lane: Lane, now: number): void {
    if (!isResetDue(this.settings.resetSchedule, lane.stats.countersResetAt, now)) return;
    resetCounters(lane.stats, now);
    lane.statsDirty = true;
  }

  private markDirty(lane: Lane): void {
    lane.statsDirty = true;
    if (this.flushTimer === null && !this.closed) {
      this.flushTimer = this.clock.setTimeout(() => this.flush(), this.statsFlushMs);
    }
  }

  private persist(lane: Lane, now: number): void {
    this.resetIfDue(lane, now);
    if (lane.statsDirty) this.store.saveStats(lane.id, lane.stats);
    lane.statsDirty = false;
    const status = lane.status(now);
    if (lane.id !== DIRECT_LANE_ID && status !== lane.persistedStatus) this.store.setStatus(lane.id, status);
    lane.persistedStatus = status;
  }

  private retire(lane: Lane): void {
    this.persist(lane, this.clock.now());
    this.lanes.delete(lane.id);
    // close() lets requests already on the lane finish.
    void lane.dispatcher.close().catch(() => undefined);
  }

  private dispatcherFor(endpoint: ProxyEndpoint | null): Dispatcher {
    return createDispatcher(endpoint, { timeoutMs: this.settings.requestTimeoutMs });
  }
}
