import type { Decision } from '../../src-shared/domain/decision';
import { floorPrice } from '../../src-shared/domain/rules';
import type { RivalPrice } from '../../src-shared/pricing';
import { answeredBy, decide, recordMove, warRivals } from '../../src-shared/pricing';
import { LaneBudget, laneBurst, pickLane } from './budgets';
import { localDay, msUntilWorkingHours } from './local-time';
import type { Pair, Standing } from './pair';
import { citiesOf, newPair, nextCheck, pairKey, standing } from './pair';
import type { Clock, JournalStore, KaspiError, OfferSource, PricePusher, ProductSource, SessionKeeper } from './ports';
import { isKaspiError } from './ports';
import { pushValue } from './push-value';
import { resumeFromJournal } from './resume';
import { Scheduler } from './scheduler';
import { Signal } from './signal';
import type { EngineSettings, EngineSettingsInput } from './settings';
import { engineSettings } from './settings';
import type { EngineError, EngineEvent, EngineListener, EngineStatus } from './status';
import type { StoreState } from './store-state';
import { isSharpDrop, judgeKillSwitch, newStoreState, storeGate } from './store-state';

type SetDecision = Extract<Decision, { action: 'set' }>;

export interface EngineDeps {
  offers: OfferSource;
  pusher: PricePusher;
  clock: Clock;
  journal: JournalStore;
  products: ProductSource;
  sessions: SessionKeeper;
}

interface QueuedPush {
  pair: Pair;
  decision: SetDecision;
  decidedAt: number;
  /** Sharp drops wait for the kill switch's verdict before they may go out. */
  notBefore: number;
  sharp: boolean;
  value: number;
  rivals: RivalPrice[];
}

const MAX_ERRORS = 20;
const IDLE_MS = 60_000;

/**
 * The demper loop (design.md §6) on ports: a fetch loop that checks due (product, city) pairs
 * within the per-IP offers budget and decides; a push loop that spends each account's push budget
 * on the most valuable decisions, journalling before and after every push; read-backs that verify
 * a push and feed the price-war detector. No HTTP, Electron or SQLite in here.
 */
export class DemperEngine {
  private settingsInput: EngineSettingsInput;
  private settings: EngineSettings;
  private readonly listeners = new Set<EngineListener>();
  private readonly pairs = new Map<string, Pair>();
  private readonly stores = new Map<number, StoreState>();
  private readonly lanes = new Map<string, LaneBudget>();
  private readonly scheduler = new Scheduler();
  private readonly queue = new Map<string, QueuedPush>();
  private readonly tasks = new Set<Promise<void>>();
  private ownMerchantIds: string[] = [];
  private running = false;
  private paused = false;
  private inFlight = 0;
  private loops: Promise<void>[] = [];
  /** Separate wake-ups, so a finished fetch does not make the push loop rescan its queue. */
  private readonly fetchSignal = new Signal();
  private readonly pushSignal = new Signal();
  private stopped: () => void = () => {};
  private stopSignal: Promise<void> = Promise.resolve();
  private cycle = { number: 0, startedAt: 0, done: 0, total: 0, active: false };
  private readonly counters = { fetches: 0, decisions: 0, pushes: 0, failures: 0, verified: 0, mismatches: 0 };
  private readonly lastErrors: EngineError[] = [];

  constructor(
    private readonly deps: EngineDeps,
    settings: EngineSettingsInput = {},
  ) {
    this.settingsInput = settings;
    this.settings = engineSettings.parse(settings);
  }

  onEvent(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads stores and products, reconciles the journal, and starts the loops. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopSignal = new Promise((resolve) => (this.stopped = resolve));
    await this.reload();
    await resumeFromJournal(this.deps.journal, this.pairs, this.stores, this.scheduler, this.settings, this.deps.clock.now());
    this.loops = [this.fetchLoop(), this.pushLoop(), this.statusLoop()];
    this.emitStatus();
  }

  /** Stops taking new work and waits for requests in flight to finish and be journalled. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopped();
    this.wake();
    await Promise.all(this.loops);
    await Promise.all([...this.tasks]);
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
    const st = this.stores.get(storeId);
    if (!st) return;
    st.paused = true;
    this.dropQueued(storeId);
    this.changed();
  }

  /** Resumes a store paused by the user or stopped by an expired session the user has renewed. */
  resumeStore(storeId: number): void {
    const st = this.stores.get(storeId);
    if (!st) return;
    st.paused = false;
    st.sessionExpired = false;
    this.checkStoreNow(storeId);
  }

  resetKillSwitch(storeId: number): void {
    const st = this.stores.get(storeId);
    if (!st) return;
    st.killSwitch = null;
    st.recent.clear();
    st.graceUntil = this.deps.clock.now() + this.settings.killSwitch.windowMs;
    this.checkStoreNow(storeId);
  }

  /**
   * After the computer slept: drops every decision not yet pushed (it was made on prices from
   * before the sleep) and puts every (product, city) up for a fresh read, most urgent class first,
   * so nothing is pushed before it is read again.
   */
  forgetDecisionsAndRecheck(): void {
    const now = this.deps.clock.now();
    this.queue.clear();
    for (const pair of this.pairs.values()) {
      // A push awaiting read-back keeps its verify slot (a read-back is the fresh read).
      if (!pair.pending && !pair.pushing) this.scheduler.schedule(pair, now, pair.cls);
    }
    this.changed();
  }

  setDryRun(dryRun: boolean): void {
    this.updateSettings({ dryRun });
    if (dryRun) this.queue.clear();
  }

  updateSettings(patch: EngineSettingsInput): void {
    this.settingsInput = { ...this.settingsInput, ...patch };
    this.settings = engineSettings.parse(this.settingsInput);
    const now = this.deps.clock.now();
    for (const st of this.stores.values()) st.account.reconfigure(this.settings, now);
    for (const l of this.lanes.values()) l.bucket.reconfigure(this.settings.offersPerSecondPerLane, laneBurst(this.settings), now);
    this.changed();
  }

  /** Re-reads stores, products and rules (after the user edits them); new pairs are checked at once. */
  async reload(): Promise<void> {
    const now = this.deps.clock.now();
    const stores = await this.deps.products.stores();
    this.ownMerchantIds = stores.map((s) => s.merchantId);
    const seen = new Set<string>();
    for (const info of stores) {
      let st = this.stores.get(info.storeId);
      if (!st) {
        st = newStoreState(info, this.settings, now);
        this.stores.set(info.storeId, st);
      }
      st.info = info;
      for (const product of await this.deps.products.products(info.storeId)) {
        for (const cityId of citiesOf(product)) {
          const key = pairKey(product.productId, cityId);
          seen.add(key);
          const existing = this.pairs.get(key);
          if (existing) {
            const rulesChanged = JSON.stringify(existing.product.rules) !== JSON.stringify(product.rules);
            existing.product = product;
            existing.store = info;
            if (rulesChanged) {
              // A push decided under the old rules (an old floor) must never go out; decide again now.
              this.queue.delete(key);
              if (!existing.pending && !existing.pushing) this.scheduler.schedule(existing, now, existing.cls);
            }
          } else {
            const pair = newPair(key, info, product, cityId);
            this.pairs.set(key, pair);
            this.scheduler.schedule(pair, now, 'contested');
          }
        }
      }
    }
    const storeIds = new Set(stores.map((s) => s.storeId));
    for (const id of this.stores.keys()) if (!storeIds.has(id)) this.stores.delete(id);
    for (const [key, pair] of this.pairs) {
      if (seen.has(key)) continue;
      this.scheduler.unschedule(pair);
      this.queue.delete(key);
      this.pairs.delete(key);
    }
    const lanes = new Set(this.deps.offers.lanes());
    for (const lane of lanes) if (!this.lanes.has(lane)) this.lanes.set(lane, new LaneBudget(lane, this.settings, now));
    for (const lane of this.lanes.keys()) if (!lanes.has(lane)) this.lanes.delete(lane);
    this.changed();
  }

  status(): EngineStatus {
    const now = this.deps.clock.now();
    let inCooldown = 0;
    let awaitingVerify = 0;
    let lostFirst = 0;
    for (const p of this.pairs.values()) {
      const cd = p.product.rules.cooldownSeconds * 1000;
      if (p.lastChangeAt !== null && now - p.lastChangeAt < cd) inCooldown++;
      if (p.pending) awaitingVerify++;
      if (p.cls === 'lost_first') lostFirst++;
    }
    const queued = new Map<number, number>();
    for (const q of this.queue.values()) queued.set(q.pair.store.storeId, (queued.get(q.pair.store.storeId) ?? 0) + 1);
    return {
      state: !this.running ? 'stopped' : this.paused ? 'paused' : this.outsideHoursMs(now) > 0 ? 'outside_hours' : 'running',
      dryRun: this.settings.dryRun,
      cycle: { number: this.cycle.number, startedAt: this.cycle.startedAt, done: this.cycle.done, total: this.cycle.total },
      stores: [...this.stores.values()].map((st) => ({
        storeId: st.info.storeId,
        name: st.info.name,
        paused: st.paused,
        killSwitch: st.killSwitch,
        blockedUntil: st.account.blockedUntil > now ? st.account.blockedUntil : 0,
        sessionExpired: st.sessionExpired,
        pushesLeftInWindow: st.account.window.left(now),
        queuedPushes: queued.get(st.info.storeId) ?? 0,
        lastError: st.lastError,
      })),
      lanes: [...this.lanes.values()].map((l) => ({ lane: l.lane, cooldownUntil: l.cooldownUntil > now ? l.cooldownUntil : 0 })),
      pairs: { total: this.pairs.size, inCooldown, awaitingVerify, lostFirst },
      counters: { ...this.counters },
      lastErrors: [...this.lastErrors],
    };
  }

  // ── loops ────────────────────────────────────────────────────────────────────────────────────

  private async fetchLoop(): Promise<void> {
    const { clock } = this.deps;
    while (this.running) {
      const now = clock.now();
      const closed = this.paused ? IDLE_MS : this.outsideHoursMs(now);
      if (closed > 0) {
        await this.idle(this.fetchSignal, closed);
        continue;
      }
      if (this.inFlight >= this.settings.maxConcurrentFetches) {
        await this.idle(this.fetchSignal, IDLE_MS);
        continue;
      }
      this.scheduler.promote(now);
      const pair = this.scheduler.peekReady();
      if (!pair) {
        // Nothing due: the cycle (progress shown to the user) is over.
        this.cycle.active = false;
        const next = this.scheduler.nextDueAt();
        await this.idle(this.fetchSignal, next === Infinity ? IDLE_MS : Math.max(1, next - now));
        continue;
      }
      // A read-back of a push already made is never held back: the journal row must be settled.
      const gateUntil = pair.pending ? 0 : storeGate(this.stores.get(pair.store.storeId)!, now, this.settings);
      if (gateUntil > now) {
        this.scheduler.popReady();
        this.scheduler.schedule(pair, gateUntil, pair.cls);
        continue;
      }
      const { lane, readyAt } = pickLane([...this.lanes.values()], now);
      if (!lane) {
        await this.idle(this.fetchSignal, readyAt === Infinity ? IDLE_MS : Math.max(1, readyAt - now));
        continue;
      }
      lane.bucket.tryTake(now);
      this.scheduler.popReady();
      if (!this.cycle.active) this.cycle = { number: this.cycle.number + 1, startedAt: now, done: 0, total: this.scheduler.readyCount + 1, active: true };
      this.cycle.done++;
      this.track(this.checkPair(pair, lane, now));
      if (this.cycle.done >= this.settings.cycleMaxPairs) this.cycle.active = false;
    }
  }

  private async pushLoop(): Promise<void> {
    const { clock } = this.deps;
    while (this.running) {
      const now = clock.now();
      const closed = this.paused ? IDLE_MS : this.outsideHoursMs(now);
      if (closed > 0) {
        await this.idle(this.pushSignal, closed);
        continue;
      }
      // Most of the time no account has budget: wait for one before looking at the queue at all.
      const ready = new Set<number>();
      let soonest = Infinity;
      for (const st of this.stores.values()) {
        if (st.account.busy) continue;
        const at = st.account.readyAt(now);
        if (at <= now) ready.add(st.info.storeId);
        else soonest = Math.min(soonest, at);
      }
      let best: QueuedPush | null = null;
      if (ready.size > 0) {
        for (const q of this.queue.values()) {
          const st = this.stores.get(q.pair.store.storeId)!;
          // A stale decision is dropped, not pushed: the pair's next check decides again on fresh offers.
          if (now - q.decidedAt > this.settings.maxDecisionAgeMs || storeGate(st, now, this.settings) > now) {
            this.queue.delete(q.pair.key);
            continue;
          }
          if (!ready.has(st.info.storeId)) continue;
          if (q.notBefore > now) {
            soonest = Math.min(soonest, q.notBefore);
            continue;
          }
          if (!best || q.value > best.value || (q.value === best.value && q.decidedAt < best.decidedAt)) best = q;
        }
      }
      if (!best) {
        await this.idle(this.pushSignal, soonest === Infinity ? IDLE_MS : Math.max(1, soonest - now));
        continue;
      }
      this.queue.delete(best.pair.key);
      const st = this.stores.get(best.pair.store.storeId)!;
      st.account.busy = true;
      this.track(
        this.push(best, st).finally(() => {
          st.account.busy = false;
          // The push scheduled a read-back the fetch loop may be sleeping past.
          this.fetchSignal.fire();
          this.pushSignal.fire();
        }),
      );
    }
  }

  private async statusLoop(): Promise<void> {
    while (this.running) {
      await Promise.race([this.deps.clock.sleep(this.settings.statusIntervalMs), this.stopSignal]);
      if (this.running) this.emitStatus();
    }
  }

  // ── one check ────────────────────────────────────────────────────────────────────────────────

  private async checkPair(pair: Pair, lane: LaneBudget, startedAt: number): Promise<void> {
    const { clock, offers: source } = this.deps;
    this.inFlight++;
    try {
      let offers;
      try {
        offers = await source.fetchOffers({ storeId: pair.store.storeId, productId: pair.product.productId, masterSku: pair.product.masterSku, cityId: pair.cityId }, lane.lane);
      } catch (e) {
        this.onFetchError(pair, lane, e, startedAt);
        return;
      }
      this.counters.fetches++;
      const now = clock.now();
      this.emit({ type: 'offers', at: now, storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, offers, ownMerchantIds: this.ownMerchantIds });
      // The offers were read before our own push went out: the push schedules its own read-back.
      if (!this.pairs.has(pair.key) || pair.pushing || (pair.pending && pair.pending.at > startedAt)) return;
      pair.backoffMs = 0;
      const ourPrice = offers.find((o) => o.merchantId === pair.store.merchantId)?.price ?? null;
      const rivals = offers.filter((o) => o.merchantId !== pair.store.merchantId).map((o) => ({ merchantId: o.merchantId, price: o.price }));
      const move = pair.lastMove;
      if (move) {
        const obs = { ...move, observedAt: now, rivalsAfter: rivals };
        pair.war = recordMove(pair.war, obs, this.settings.priceWar, move.counted);
        move.counted.push(...answeredBy(obs, this.settings.priceWar).filter((id) => !move.counted.includes(id)));
        if (now - move.movedAt > this.settings.priceWar.responseWindowMs) pair.lastMove = null;
      }
      if (pair.pending && !(await this.verify(pair, ourPrice, now))) return;
      const st = this.stores.get(pair.store.storeId)!;
      const gateUntil = storeGate(st, now, this.settings);
      if (gateUntil > now) {
        // The store is paused, stopped by the kill switch or blocked: verified, but nothing to decide.
        this.scheduler.schedule(pair, gateUntil, pair.cls);
        return;
      }

      const s = standing(pair, offers, this.ownMerchantIds, ourPrice);
      const day = localDay(now, this.settings.utcOffsetMinutes);
      const d = decide({
        rules: pair.product.rules,
        our: { merchantId: pair.store.merchantId, price: ourPrice },
        ownMerchantIds: this.ownMerchantIds,
        offers,
        guard: { lastChangeAt: pair.lastChangeAt, changesToday: pair.changesDay === day ? pair.changesOnDay : 0, warRivals: warRivals(pair.war, now) },
        now,
      });
      this.counters.decisions++;
      this.emit({ type: 'decision', at: now, storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, decision: d });
      if (d.action === 'set') await this.onSet(pair, st, d, s, rivals, now);
      else {
        st.recent.set(pair.key, { at: now, change: null });
        // The market moved since an earlier decision: the push still waiting for budget is void.
        this.queue.delete(pair.key);
      }
      const next = nextCheck(pair, s, d, now, this.settings, this.baseIntervalMs());
      pair.lastRivalsKey = s.rivalsKey;
      pair.first = s.first;
      if (!pair.pending && !pair.pushing) this.scheduler.schedule(pair, next.dueAt, next.cls);
    } catch (e) {
      this.fail('pair', pair.key, e, pair.store.storeId);
      this.retryLater(pair, clock.now());
    } finally {
      this.inFlight--;
      this.fetchSignal.fire();
    }
  }

  /** Read-back of a push: true when the check may go on to decide afresh. */
  private async verify(pair: Pair, ourPrice: number | null, now: number): Promise<boolean> {
    const p = pair.pending!;
    const base = { at: now, entryId: p.entryId, storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, price: p.newPrice };
    if (ourPrice === p.newPrice) {
      await this.deps.journal.markVerified(p.entryId, now);
      pair.pending = null;
      this.counters.verified++;
      this.emit({ type: 'journal', ...base, status: 'verified' });
      return true;
    }
    if (p.attempts + 1 < this.settings.verifyAttempts) {
      p.attempts++;
      this.scheduler.schedule(pair, now + this.settings.verifyDelayMs, 'verify');
      return false;
    }
    pair.pending = null;
    this.counters.mismatches++;
    if (p.ambiguous) {
      await this.deps.journal.markFailed(p.entryId, `not applied: Kaspi shows ${ourPrice ?? 'no offer'}`, now);
      this.emit({ type: 'journal', ...base, status: 'failed' });
    } else {
      await this.deps.journal.markMismatch(p.entryId, ourPrice, now);
      this.emit({ type: 'journal', ...base, status: 'mismatch' });
    }
    return true;
  }

  private async onSet(pair: Pair, st: StoreState, d: SetDecision, s: Standing, rivals: RivalPrice[], now: number): Promise<void> {
    if (this.settings.dryRun) {
      if (pair.dryRunPrice === d.price) return;
      pair.dryRunPrice = d.price;
      const entryId = await this.deps.journal.plan(this.planOf(pair, d, true, now));
      this.emit({ type: 'journal', at: now, entryId, storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, status: 'dry_run', price: d.price });
      return;
    }
    pair.dryRunPrice = null;
    if (now < pair.pushRetryAt) return;
    const old = d.reason.previousPrice ?? d.price;
    const sharp = isSharpDrop(old, d.price, this.settings);
    st.recent.set(pair.key, { at: now, change: sharp ? { oldPrice: old, newPrice: d.price } : null });
    if (sharp && this.judgeStore(st, now)) return;
    if (sharp) this.probeStore(st, now);
    // A re-check must not restart the settle time of a drop that is already waiting.
    const waiting = this.queue.get(pair.key);
    const notBefore = !sharp ? now : waiting?.sharp ? waiting.notBefore : now + this.settings.killSwitch.settleMs;
    this.queue.set(pair.key, { pair, decision: d, decidedAt: now, notBefore, sharp, value: pushValue(d, s), rivals });
    this.pushSignal.fire();
  }

  /**
   * One sharp drop may be real; many at once mean bad data. Checking a sample of the store's other
   * products right away lets the kill switch judge before the settle time lets the drop out.
   */
  private probeStore(st: StoreState, now: number): void {
    if (st.probedAt > now - this.settings.killSwitch.settleMs) return;
    st.probedAt = now;
    let left = this.settings.killSwitch.probePairs;
    for (const p of this.pairs.values()) {
      if (left === 0) break;
      if (p.store.storeId !== st.info.storeId || p.pending || p.pushing || st.recent.get(p.key)?.at === now) continue;
      this.scheduler.schedule(p, now, 'lost_first');
      left--;
    }
  }

  /** Stops the store when the kill switch trips: its queued pushes are dropped and the user told. */
  private judgeStore(st: StoreState, now: number): boolean {
    if (st.killSwitch) return true;
    const verdict = judgeKillSwitch(st, now, this.settings);
    if (!verdict) return false;
    st.killSwitch = { ...verdict, at: now };
    this.dropQueued(st.info.storeId);
    this.emit({ type: 'kill-switch', at: now, storeId: st.info.storeId, verdict });
    this.emitStatus();
    return true;
  }

  // ── one push ─────────────────────────────────────────────────────────────────────────────────

  private async push(q: QueuedPush, st: StoreState): Promise<void> {
    const { pair, decision: d } = q;
    const { clock, journal, pusher, sessions } = this.deps;
    if (pair.pending || pair.pushing) return;
    // The last gate before Kaspi: whatever happened since the decision, the current rules' bounds hold.
    const rules = pair.product.rules;
    if (!Number.isInteger(d.price) || d.price < Math.max(1, floorPrice(rules.floor)) || (rules.ceiling !== null && d.price > rules.ceiling)) {
      this.fail('pair', pair.key, new Error(`refused to push ${d.price}: outside the current bounds`), pair.store.storeId);
      this.scheduler.schedule(pair, this.deps.clock.now(), pair.cls);
      return;
    }
    pair.pushing = true;
    this.scheduler.unschedule(pair);
    const ids = { storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, price: d.price };
    let entryId: number | null = null;
    try {
      entryId = await journal.plan(this.planOf(pair, d, false, clock.now()));
      this.emit({ type: 'journal', at: clock.now(), entryId, ...ids, status: 'planned' });
      const request = { storeId: pair.store.storeId, merchantId: pair.store.merchantId, productId: pair.product.productId, sku: pair.product.sku, cityPrices: [{ cityId: pair.cityId, price: d.price }] };
      let relogged = false;
      for (;;) {
        await this.takePushBudget(st);
        let jobId: string;
        try {
          ({ jobId } = await pusher.push(request));
        } catch (e) {
          if (isKaspiError(e, 'session-expired') && !relogged) {
            relogged = true;
            try {
              await sessions.relogin(pair.store.storeId);
              continue;
            } catch (loginError) {
              await this.onPushError(pair, st, entryId, d.price, loginError, true);
              return;
            }
          }
          await this.onPushError(pair, st, entryId, d.price, e, false);
          return;
        }
        const at = clock.now();
        st.account.backoffMs = 0;
        this.counters.pushes++;
        try {
          await journal.markPushed(entryId, jobId, at);
        } catch (e) {
          // Kaspi has the price but the row still says planned: the read-back will settle it.
          this.fail('store', String(pair.store.storeId), e, pair.store.storeId);
          this.afterPush(pair, entryId, d.price, at, true, q.rivals);
          return;
        }
        pair.pushBackoffMs = 0;
        this.afterPush(pair, entryId, d.price, at, false, q.rivals);
        this.emit({ type: 'journal', at, entryId, ...ids, status: 'pushed' });
        return;
      }
    } catch (e) {
      // The journal itself failed: nothing may be pushed without a row, so only retry later.
      this.fail('store', String(pair.store.storeId), e, pair.store.storeId);
      if (entryId !== null) await journal.markFailed(entryId, describe(e), clock.now()).catch(() => undefined);
      this.retryLater(pair, clock.now());
    } finally {
      pair.pushing = false;
    }
  }

  private async takePushBudget(st: StoreState): Promise<void> {
    const { clock } = this.deps;
    for (let now = clock.now(); !st.account.take(now); now = clock.now()) await clock.sleep(Math.max(1, st.account.readyAt(now) - now));
  }

  private async onPushError(pair: Pair, st: StoreState, entryId: number, price: number, e: unknown, loginFailed: boolean): Promise<void> {
    const { clock, journal } = this.deps;
    const at = clock.now();
    const kind = loginFailed || isKaspiError(e, 'wrong-credentials') || isKaspiError(e, 'captcha') ? 'session-expired' : isKaspiError(e) ? e.kind : 'internal';
    this.counters.failures++;
    this.fail('store', String(pair.store.storeId), e, pair.store.storeId, kind);
    const failed = async (why: string) => {
      await journal.markFailed(entryId, why, at);
      this.emit({ type: 'journal', at, entryId, storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, status: 'failed', price });
    };
    switch (kind) {
      case 'account-blocked': {
        st.account.blockedUntil = at + ((isKaspiError(e) && e.retryAfterMs) || this.settings.accountBlockMs);
        this.dropQueued(pair.store.storeId);
        await failed('account blocked by Kaspi (429)');
        this.scheduler.schedule(pair, st.account.blockedUntil, pair.cls);
        return;
      }
      case 'session-expired':
        st.sessionExpired = true;
        this.dropQueued(pair.store.storeId);
        await failed('session expired and re-login failed');
        this.scheduler.schedule(pair, at, pair.cls);
        return;
      case 'timeout':
      case 'network':
        // The push may have reached Kaspi: only a read-back can tell, so the row stays planned.
        this.afterPush(pair, entryId, price, at, true, []);
        return;
      case 'bad-request':
        // Kaspi refused this one offer (a wrong SKU, a removed product): only its pushes back off.
        pair.pushBackoffMs = Math.min(this.settings.backoffMaxMs, pair.pushBackoffMs ? pair.pushBackoffMs * 2 : this.settings.backoffBaseMs);
        pair.pushRetryAt = at + pair.pushBackoffMs;
        await failed(describe(e));
        this.scheduler.schedule(pair, pair.pushRetryAt, pair.cls);
        return;
      default:
        st.account.backoffMs = Math.min(this.settings.backoffMaxMs, st.account.backoffMs ? st.account.backoffMs * 2 : this.settings.backoffBaseMs);
        st.account.backoffUntil = at + st.account.backoffMs;
        await failed(describe(e));
        this.scheduler.schedule(pair, st.account.backoffUntil, pair.cls);
    }
  }

  private afterPush(pair: Pair, entryId: number, price: number, at: number, ambiguous: boolean, rivals: RivalPrice[]): void {
    const day = localDay(at, this.settings.utcOffsetMinutes);
    pair.changesOnDay = pair.changesDay === day ? pair.changesOnDay + 1 : 1;
    pair.changesDay = day;
    pair.lastChangeAt = at;
    pair.pending = { entryId, newPrice: price, at, ambiguous, attempts: 0 };
    pair.lastMove = ambiguous ? null : { movedAt: at, ourPrice: price, rivalsBefore: rivals, counted: [] };
    this.scheduler.schedule(pair, at + this.settings.verifyDelayMs, 'verify');
  }

  private planOf(pair: Pair, d: SetDecision, dryRun: boolean, at: number) {
    return { storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, oldPrice: d.reason.previousPrice, newPrice: d.price, reason: d.reason, dryRun, at };
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  /** The interval at which checking every pair uses the configured share of the offers budget. */
  private baseIntervalMs(): number {
    const perSecond = Math.max(1, this.lanes.size) * this.settings.offersPerSecondPerLane * this.settings.intervals.offersUtilisation;
    return (this.pairs.size / perSecond) * 1000;
  }

  private outsideHoursMs(now: number): number {
    return msUntilWorkingHours(now, this.settings.workingHours, this.settings.utcOffsetMinutes);
  }

  private checkStoreNow(storeId: number): void {
    const now = this.deps.clock.now();
    for (const p of this.pairs.values()) {
      if (p.store.storeId === storeId && !p.pending && !p.pushing) this.scheduler.schedule(p, now, p.cls);
    }
    this.changed();
  }

  private dropQueued(storeId: number): void {
    for (const [key, q] of this.queue) if (q.pair.store.storeId === storeId) this.queue.delete(key);
  }

  private onFetchError(pair: Pair, lane: LaneBudget, e: unknown, startedAt: number): void {
    const now = this.deps.clock.now();
    const banned = isKaspiError(e, 'ip-banned') || isKaspiError(e, 'method-blocked');
    if (banned) {
      lane.cooldownUntil = now + ((e as KaspiError).retryAfterMs ?? this.settings.ipCooldownMs);
      this.fail('lane', lane.lane, e, null);
    } else {
      this.fail('pair', pair.key, e, null);
    }
    if (pair.pushing || (pair.pending && pair.pending.at > startedAt)) return;
    // A ban is the IP's fault, not the product's: retry at once on another lane.
    if (banned) this.scheduler.schedule(pair, now, pair.cls);
    else this.retryLater(pair, now);
  }

  private retryLater(pair: Pair, now: number): void {
    pair.backoffMs = Math.min(this.settings.backoffMaxMs, pair.backoffMs ? pair.backoffMs * 2 : this.settings.backoffBaseMs);
    this.scheduler.schedule(pair, now + pair.backoffMs, pair.cls);
  }

  private fail(scope: EngineError['scope'], id: string, e: unknown, storeId: number | null, kind?: EngineError['kind']): void {
    const error: EngineError = { at: this.deps.clock.now(), scope, id, kind: kind ?? (isKaspiError(e) ? e.kind : 'internal'), message: describe(e) };
    this.lastErrors.push(error);
    if (this.lastErrors.length > MAX_ERRORS) this.lastErrors.shift();
    if (storeId !== null) {
      const st = this.stores.get(storeId);
      if (st) st.lastError = error;
    }
    this.emit({ type: 'error', error });
  }

  private track(task: Promise<void>): void {
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  private wake(): void {
    this.fetchSignal.fire();
    this.pushSignal.fire();
  }

  private changed(): void {
    this.wake();
    this.emitStatus();
  }

  private idle(signal: Signal, ms: number): Promise<void> {
    return Promise.race([this.deps.clock.sleep(ms), signal.next]);
  }

  private emitStatus(): void {
    if (this.listeners.size > 0) this.emit({ type: 'status', status: this.status() });
  }

  private emit(event: EngineEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A broken listener (a closed window) must never stop the engine.
      }
    }
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
