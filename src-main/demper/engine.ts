import { checkPair } from './check-path';
import { changeLimits, LaneBudget, laneBurst, pickLane } from './budgets';
import type { ChangeBudgets } from './change-budget';
import { EngineCore } from './engine-core';
import type { EngineDeps } from './engine-core';
import { msUntilWorkingHours } from './local-time';
import { citiesOf, newPair, pairKey } from './pair';
import type { Pair } from './pair';
import type { KillSwitchStop, ProductInfo, StoreInfo } from './ports';
import { pushChange, takeNextPush } from './push-path';
import { resumeFromJournal } from './resume';
import type { Signal } from './signal';
import type { EngineSettings, EngineSettingsInput } from './settings';
import { engineSettings } from './settings';
import type { EngineListener, EngineStatus } from './status';
import { newStoreState, storeGate } from './store-state';
import type { PairInsight } from '../../src-shared/contract/demper';
import { acceptSuspectPrices, knowledgeOf, warRivals } from '../../src-shared/pricing';

export type { EngineDeps } from './engine-core';

const IDLE_MS = 60_000;
/** How long a stop waits for requests in flight (Kaspi's own timeouts are shorter). */
export const STOP_WAIT_MS = 30_000;
/** Products a reload takes in per turn of the event loop, so a large catalogue never holds the main process at once. */
export const FOLLOW_STEP = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The demper loop (design.md §6) on ports: a fetch loop that checks due (product, city) pairs within
 * the per-IP offers budget (check-path.ts: look, read back, learn, decide, weigh the evidence); a
 * push loop that spends each account's change budget on the most valuable decisions, journalling
 * before and after every push (push-path.ts); read-backs that verify a push and show who answered
 * it (read-back.ts). What it learns is kept through the memory port. No HTTP, Electron or SQLite here.
 */
export class DemperEngine {
  private settingsInput: EngineSettingsInput;
  private readonly core: EngineCore;
  private readonly tasks = new Set<Promise<void>>();
  private running = false;
  private paused = false;
  private loops: Promise<void>[] = [];
  private stopped: () => void = () => {};
  private stopSignal: Promise<void> = Promise.resolve();
  private memoryLoaded = false;
  private cycle = { number: 0, startedAt: 0, done: 0, total: 0, active: false };

  /** Every account's change budget: the pre-order sender takes from the same ones (issue #16). */
  get budgets(): ChangeBudgets {
    return this.core.budgets;
  }

  constructor(deps: EngineDeps, settings: EngineSettingsInput = {}) {
    this.settingsInput = settings;
    this.core = new EngineCore(deps, engineSettings.parse(settings));
  }

  private get settings(): EngineSettings {
    return this.core.settings;
  }

  onEvent(listener: EngineListener): () => void {
    return this.core.onEvent(listener);
  }

  /** Loads stores, products and what was learnt before, reconciles the journal, and starts the loops. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopSignal = new Promise((resolve) => (this.stopped = resolve));
    await this.reload();
    if (!this.memoryLoaded) await this.loadMemory();
    const { core } = this;
    await resumeFromJournal(core.deps.journal, core.pairs, core.stores, core.scheduler, this.settings, core.now());
    this.loops = [this.fetchLoop(), this.pushLoop(), this.statusLoop()];
    this.emitStatus();
  }

  /** Stops taking new work, waits for requests in flight to finish and be journalled, and saves what was learnt. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopped();
    this.wake();
    // A request that never settles (a proxy that drops a CONNECT without an answer) must not keep
    // the app from quitting; what was cut off is in the journal and is read back at the next start.
    const settled = (async () => {
      await Promise.all(this.loops);
      await Promise.all([...this.tasks]);
    })();
    await Promise.race([settled, this.core.deps.clock.sleep(STOP_WAIT_MS)]);
    await this.saveMemory();
    this.emitStatus();
  }

  pause(): void {
    this.paused = true;
    this.changed();
  }

  resume(): void {
    this.paused = false;
    this.changed();
  }

  pauseStore(storeId: number): void {
    const store = this.core.stores.get(storeId);
    if (!store) return;
    store.paused = true;
    this.core.dropQueued(storeId);
    this.changed();
  }

  /** Resumes a store paused by the user or stopped by an expired session the user has renewed. */
  resumeStore(storeId: number): void {
    const store = this.core.stores.get(storeId);
    if (!store) return;
    store.paused = false;
    store.sessionExpired = false;
    this.checkStoreNow(storeId);
  }

  /**
   * The seller continues after a kill-switch stop: the prices it held as suspect are taken as the
   * market now (they join each product's range), and the store is not judged again for a window.
   * To continue only with the products that did not trip it, take the others out of the catalogue
   * first (the demper service turns their bot off) and reload.
   */
  resetKillSwitch(storeId: number): void {
    const store = this.core.stores.get(storeId);
    if (!store) return;
    store.killSwitch = null;
    store.recent.clear();
    store.graceUntil = this.core.now() + this.settings.killSwitch.windowMs;
    for (const pair of this.core.pairs.values()) if (pair.store.storeId === storeId && acceptSuspectPrices(pair.memory)) pair.memoryDirty = true;
    this.core.deps.memory.saveStop(storeId, null).catch((e: unknown) => this.core.fail('store', String(storeId), e, storeId));
    this.checkStoreNow(storeId);
  }

  /**
   * After the computer slept (the desktop shell stops the engine on sleep and calls this before it
   * starts again): drops every decision not yet pushed (it was made on prices from before the
   * sleep) and puts every (product, city) up for a fresh read, most urgent class first, so nothing
   * is pushed before it is read again. A push awaiting read-back keeps its slot (a read-back is the
   * fresh read).
   */
  forgetDecisionsAndRecheck(): void {
    const { core } = this;
    const now = core.now();
    core.queue.clear();
    for (const pair of core.pairs.values()) if (!pair.pending && !pair.pushing) core.scheduler.schedule(pair, now, pair.cls);
    this.changed();
  }

  setDryRun(dryRun: boolean): void {
    this.updateSettings({ dryRun });
    if (dryRun) this.core.queue.clear();
  }

  updateSettings(patch: EngineSettingsInput): void {
    this.settingsInput = { ...this.settingsInput, ...patch };
    const settings = engineSettings.parse(this.settingsInput);
    const { core } = this;
    core.settings = settings;
    core.scheduler.reconfigure(settings.intervals.freshShare);
    const now = core.now();
    core.budgets.reconfigure(changeLimits(settings));
    for (const lane of core.lanes.values()) lane.bucket.reconfigure(settings.offersPerSecondPerLane, laneBurst(settings), now);
    this.changed();
  }

  /** Re-reads stores, products and rules (after the user edits them); new pairs are checked at once. */
  async reload(): Promise<void> {
    const { core } = this;
    const now = core.now();
    const stores = await core.deps.products.stores();
    core.ownMerchantIds = stores.map((s) => s.merchantId);
    const seen = new Set<string>();
    for (const info of stores) {
      let store = core.stores.get(info.storeId);
      if (!store) {
        store = newStoreState(info, core.budgets.for(info.merchantId));
        core.stores.set(info.storeId, store);
      }
      store.info = info;
      const products = await core.deps.products.products(info.storeId);
      for (let i = 0; i < products.length; i++) {
        // 10,000 products (new pairs scheduled, or rules compared) would hold main some 20 ms at once.
        if (i > 0 && i % FOLLOW_STEP === 0) await nextTurn();
        this.follow(info, products[i]!, now, seen);
      }
    }
    const storeIds = new Set(stores.map((s) => s.storeId));
    for (const id of core.stores.keys()) if (!storeIds.has(id)) core.stores.delete(id);
    this.forgetPairs((pair, key) => !seen.has(key));
    const lanes = new Set(core.deps.offers.lanes());
    for (const lane of lanes) if (!core.lanes.has(lane)) core.lanes.set(lane, new LaneBudget(lane, this.settings, now));
    for (const lane of core.lanes.keys()) if (!lanes.has(lane)) core.lanes.delete(lane);
    this.changed();
  }

  /**
   * Re-reads only the given products (after an edit of their rules or bot): the other pairs, and
   * their rules, are not touched. A source that cannot read products by id reloads everything.
   */
  async reloadProducts(productIds: readonly number[]): Promise<void> {
    const { core } = this;
    const byIds = core.deps.products.productsByIds;
    if (!byIds) return this.reload();
    const now = core.now();
    const seen = new Set<string>();
    for (const product of await byIds.call(core.deps.products, productIds)) {
      const store = core.stores.get(product.storeId);
      // A store the engine does not know yet (just turned on) comes with a full reload.
      if (store) this.follow(store.info, product, now, seen);
    }
    const ids = new Set(productIds);
    this.forgetPairs((pair, key) => ids.has(pair.product.productId) && !seen.has(key));
    this.changed();
  }

  /** Takes a product's current rules into its pairs (new cities are checked at once), noting their keys in `seen`. */
  private follow(info: StoreInfo, product: ProductInfo, now: number, seen: Set<string>): void {
    const { core } = this;
    for (const cityId of citiesOf(product)) {
      const key = pairKey(product.productId, cityId);
      seen.add(key);
      const existing = core.pairs.get(key);
      if (existing) {
        const rulesChanged = JSON.stringify(existing.product.rules) !== JSON.stringify(product.rules);
        existing.product = product;
        existing.store = info;
        if (rulesChanged) {
          // A push decided under the old rules (an old floor) must never go out; decide again now.
          core.queue.delete(key);
          if (!existing.pending && !existing.pushing) core.scheduler.schedule(existing, now, existing.cls);
        }
      } else {
        const pair = newPair(key, info, product, cityId);
        core.pairs.set(key, pair);
        core.scheduler.schedule(pair, now, 'contested');
      }
    }
  }

  /** Stops repricing the pairs `gone` picks: unscheduled, their queued pushes dropped. */
  private forgetPairs(gone: (pair: Pair, key: string) => boolean): void {
    const { core } = this;
    for (const [key, pair] of core.pairs) {
      if (!gone(pair, key)) continue;
      core.scheduler.unschedule(pair);
      core.queue.delete(key);
      core.pairs.delete(key);
    }
  }

  status(): EngineStatus {
    const { core } = this;
    const now = core.now();
    let inCooldown = 0;
    let awaitingVerify = 0;
    let lostFirst = 0;
    for (const p of core.pairs.values()) {
      const cooldownMs = p.product.rules.cooldownSeconds * 1000;
      if (p.lastChangeAt !== null && now - p.lastChangeAt < cooldownMs) inCooldown++;
      if (p.pending) awaitingVerify++;
      if (p.cls === 'lost_first') lostFirst++;
    }
    const queued = new Map<number, number>();
    for (const q of core.queue.values()) queued.set(q.pair.store.storeId, (queued.get(q.pair.store.storeId) ?? 0) + 1);
    return {
      state: !this.running ? 'stopped' : this.paused ? 'paused' : this.outsideHoursMs(now) > 0 ? 'outside_hours' : 'running',
      dryRun: this.settings.dryRun,
      cycle: { number: this.cycle.number, startedAt: this.cycle.startedAt, done: this.cycle.done, total: this.cycle.total },
      stores: [...core.stores.values()].map((store) => ({
        storeId: store.info.storeId,
        name: store.info.name,
        paused: store.paused,
        killSwitch: store.killSwitch,
        blockedUntil: store.budget.blockedUntil > now ? store.budget.blockedUntil : 0,
        sessionExpired: store.sessionExpired,
        pushesLeftInWindow: store.budget.left(now),
        changesInWindow: store.budget.used(now),
        queuedPushes: queued.get(store.info.storeId) ?? 0,
        lastError: store.lastError,
      })),
      lanes: [...core.lanes.values()].map((l) => ({ lane: l.lane, cooldownUntil: l.cooldownUntil > now ? l.cooldownUntil : 0 })),
      pairs: { total: core.pairs.size, inCooldown, awaitingVerify, lostFirst },
      counters: { ...core.counters },
      lastErrors: [...core.lastErrors],
    };
  }

  // ── loops ────────────────────────────────────────────────────────────────────────────────────

  private async fetchLoop(): Promise<void> {
    const { core } = this;
    while (this.running) {
      const now = core.now();
      const closed = this.paused ? IDLE_MS : this.outsideHoursMs(now);
      if (closed > 0) {
        await this.idle(core.fetchSignal, closed);
        continue;
      }
      if (core.inFlight >= this.settings.maxConcurrentFetches) {
        await this.idle(core.fetchSignal, IDLE_MS);
        continue;
      }
      core.scheduler.promote(now, now - this.settings.intervals.staleMs);
      const pair = core.scheduler.peekReady();
      if (!pair) {
        // Nothing due: the cycle (progress shown to the user) is over.
        this.cycle.active = false;
        const next = core.scheduler.nextDueAt();
        await this.idle(core.fetchSignal, next === Infinity ? IDLE_MS : Math.max(1, next - now));
        continue;
      }
      // A read-back of a push already made is never held back: the journal row must be settled.
      const gateUntil = pair.pending ? 0 : storeGate(core.stores.get(pair.store.storeId)!, now, this.settings);
      if (gateUntil > now) {
        core.scheduler.popReady();
        core.scheduler.schedule(pair, gateUntil, pair.cls);
        continue;
      }
      const { lane, readyAt } = pickLane([...core.lanes.values()], now);
      if (!lane) {
        await this.idle(core.fetchSignal, readyAt === Infinity ? IDLE_MS : Math.max(1, readyAt - now));
        continue;
      }
      core.scheduler.popReady();
      if (!this.cycle.active) this.cycle = { number: this.cycle.number + 1, startedAt: now, done: 0, total: core.scheduler.readyCount + 1, active: true };
      this.cycle.done++;
      lane.bucket.tryTake(now);
      this.track(checkPair(core, pair, lane, now));
      if (this.cycle.done >= this.settings.cycleMaxPairs) this.cycle.active = false;
    }
  }

  private async pushLoop(): Promise<void> {
    const { core } = this;
    while (this.running) {
      const now = core.now();
      const closed = this.paused ? IDLE_MS : this.outsideHoursMs(now);
      if (closed > 0) {
        await this.idle(core.pushSignal, closed);
        continue;
      }
      const { next, wakeAt } = takeNextPush(core, now);
      if (!next) {
        await this.idle(core.pushSignal, wakeAt === Infinity ? IDLE_MS : Math.max(1, wakeAt - now));
        continue;
      }
      this.track(
        pushChange(core, next.queued, next.store, next.ticket).finally(() => {
          // The push scheduled a read-back the fetch loop may be sleeping past.
          core.fetchSignal.fire();
          core.pushSignal.fire();
        }),
      );
    }
  }

  /** Status for the UI every `statusIntervalMs`; what was learnt saved every `memoryFlushMs`. */
  private async statusLoop(): Promise<void> {
    let savedAt = this.core.now();
    while (this.running) {
      await Promise.race([this.core.deps.clock.sleep(this.settings.statusIntervalMs), this.stopSignal]);
      if (!this.running) return;
      this.emitStatus();
      if (this.core.now() - savedAt >= this.settings.memoryFlushMs) {
        savedAt = this.core.now();
        await this.saveMemory();
      }
    }
  }

  // ── memory ───────────────────────────────────────────────────────────────────────────────────

  /** What the engine learnt before the restart: pair memory, 429 blocks, kill-switch stops. */
  private async loadMemory(): Promise<void> {
    const { core } = this;
    const saved = await core.deps.memory.load();
    for (const row of saved.pairs) {
      const pair = core.pairs.get(pairKey(row.productId, row.cityId));
      if (pair) pair.memory = row.memory;
    }
    for (const block of saved.blocks) {
      for (const store of core.stores.values()) if (store.info.merchantId === block.merchantId) store.budget.blockedUntil = Math.max(store.budget.blockedUntil, block.until);
    }
    for (const { storeId, stop } of saved.stops) {
      const store = core.stores.get(storeId);
      if (store) store.killSwitch = stop;
    }
    this.memoryLoaded = true;
  }

  private async saveMemory(): Promise<void> {
    const { core } = this;
    const rows = [];
    for (const pair of core.pairs.values()) {
      if (!pair.memoryDirty) continue;
      pair.memoryDirty = false;
      rows.push({ productId: pair.product.productId, cityId: pair.cityId, memory: pair.memory });
    }
    if (rows.length === 0) return;
    try {
      await core.deps.memory.savePairs(rows);
    } catch (e) {
      for (const row of rows) {
        const pair = core.pairs.get(pairKey(row.productId, row.cityId));
        if (pair) pair.memoryDirty = true;
      }
      core.fail('store', 'memory', e, null);
    }
  }

  /** What the engine has learnt about one product, per city it prices it in (the product drawer). */
  insight(productId: number): PairInsight[] {
    const { core } = this;
    const now = core.now();
    const out: PairInsight[] = [];
    for (const pair of core.pairs.values()) {
      if (pair.product.productId !== productId) continue;
      const store = core.stores.get(pair.store.storeId)!;
      const knowledge = knowledgeOf(pair.memory, now, Math.min(Number.MAX_SAFE_INTEGER, core.affordEveryMs(store, pair, now)), core.learning);
      const war = warRivals(pair.memory, now, core.learning);
      out.push({
        cityId: pair.cityId,
        priced: true,
        holdMs: knowledge.holdMs,
        holdLosses: pair.memory.losses,
        knowledge: { ...knowledge, rivalFloors: { ...knowledge.rivalFloors }, answerMs: { ...knowledge.answerMs } },
        warRivals: war,
        rivals: Object.entries(pair.memory.rivals)
          .map(([merchantId, m]) => ({ merchantId, price: m.price, floor: knowledge.rivalFloors[merchantId]!, answerMs: m.answerMs, war: war.includes(merchantId) }))
          .sort((a, b) => a.price - b.price),
      });
    }
    return out;
  }

  /** The stop of a store's kill switch, if it is stopped. */
  killSwitchOf(storeId: number): KillSwitchStop | null {
    return this.core.stores.get(storeId)?.killSwitch ?? null;
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  private outsideHoursMs(now: number): number {
    return msUntilWorkingHours(now, this.settings.workingHours);
  }

  private checkStoreNow(storeId: number): void {
    const { core } = this;
    const now = core.now();
    for (const p of core.pairs.values()) {
      if (p.store.storeId === storeId && !p.pending && !p.pushing) core.scheduler.schedule(p, now, p.cls);
    }
    this.changed();
  }

  private track(task: Promise<void>): void {
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  private wake(): void {
    this.core.fetchSignal.fire();
    this.core.pushSignal.fire();
  }

  private changed(): void {
    this.wake();
    this.emitStatus();
  }

  private idle(signal: Signal, ms: number): Promise<void> {
    return Promise.race([this.core.deps.clock.sleep(ms), signal.next]);
  }

  private emitStatus(): void {
    if (this.core.hasListeners) this.core.emit({ type: 'status', status: this.status() });
  }
}
