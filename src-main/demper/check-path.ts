import type { Decision, DropAnomaly } from '../../src-shared/domain/decision';
import type { Offer } from '../../src-shared/domain/offer';
import type { DecideInput, DropCheck, RivalPrice, SuspectMove } from '../../src-shared/pricing';
import { checkDrop, decide, expectedAnswerAt, knowledgeOf, observeRead, selectRivals, warRivals } from '../../src-shared/pricing';
import type { LaneBudget } from './budgets';
import type { EngineCore, SetDecision } from './engine-core';
import { kzDay } from '../../src-shared/domain/kazakhstan-time';
import type { Pair, Standing } from './pair';
import { nextCheck, standing } from './pair';
import type { KaspiError } from './ports';
import { isKaspiError } from './ports';
import { pushValue } from './push-value';
import { shareWatched, skipQuietLooks } from './quiet-looks';
import { verifyPush, watchAnswers } from './read-back';
import type { StoreState } from './store-state';
import { judgeKillSwitch, storeGate } from './store-state';

/** A rival's previous price older than this says nothing about its fall now. */
const COLLAPSE_LOOKBACK_MS = 3_600_000;

/**
 * One look at a (product, city): fetch its offers on the lane's budget, settle a pending read-back,
 * learn from what moved (answers to our last move, rival floors, first-place spells), decide, weigh
 * a downward move's evidence for the kill switch, queue the push (or hold), and schedule the next
 * look.
 */
export async function checkPair(core: EngineCore, pair: Pair, lane: LaneBudget, startedAt: number): Promise<void> {
  const { clock, offers: source } = core.deps;
  core.inFlight++;
  try {
    let offers: Offer[];
    try {
      offers = await source.fetchOffers({ storeId: pair.store.storeId, productId: pair.product.productId, masterSku: pair.product.masterSku, cityId: pair.cityId }, lane.lane);
    } catch (e) {
      onFetchError(core, pair, lane, e, startedAt);
      return;
    }
    core.counters.fetches++;
    const now = clock.now();
    core.emit({ type: 'offers', at: now, storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, offers, ownMerchantIds: core.ownMerchantIds });
    // The offers were read before our own push went out: the push schedules its own read-back.
    if (!core.pairs.has(pair.key) || pair.pushing || (pair.pending && pair.pending.at > startedAt)) return;
    pair.backoffMs = 0;
    pair.checkedAt = now;
    const ourPrice = offers.find((o) => o.merchantId === pair.store.merchantId)?.price ?? null;
    const eligible = selectRivals(offers, pair.store.merchantId, core.ownMerchantIds, pair.product.rules).rivals;
    const rivals: RivalPrice[] = eligible.map((o) => ({ merchantId: o.merchantId, price: o.price }));
    const learn = (trusted: boolean) => {
      observeRead(pair.memory, { at: now, ourPrice, rivals, allPrices: offers.map((o) => o.price), trusted }, core.learning);
      pair.memoryDirty = true;
    };
    watchAnswers(core, pair, rivals, now);
    if (pair.pending && !(await verifyPush(core, pair, ourPrice, now))) return learn(true);
    const store = core.stores.get(pair.store.storeId)!;
    const gateUntil = storeGate(store, now, core.settings);
    if (gateUntil > now) {
      // The store is paused, stopped by the kill switch or blocked: verified, but nothing to decide.
      learn(true);
      core.scheduler.schedule(pair, gateUntil, pair.cls);
      return;
    }

    const standingNow = standing(pair, offers, core.ownMerchantIds, ourPrice);
    const day = kzDay(now);
    const input: DecideInput = {
      rules: pair.product.rules,
      our: { merchantId: pair.store.merchantId, price: ourPrice },
      ownMerchantIds: core.ownMerchantIds,
      offers,
      guard: { lastChangeAt: pair.lastChangeAt, changesToday: pair.changesDay === day ? pair.changesOnDay : 0, warRivals: warRivals(pair.memory, now, core.learning) },
      knowledge: shareWatched(core, knowledgeOf(pair.memory, now, core.affordEveryMs(store, pair, now), core.learning)),
      stock: pair.product.stock && { units: pair.product.stock.units, preOrder: pair.product.stock.preOrderCities.includes(pair.cityId) },
      now,
    };
    const decided = decide(input);
    // Judged on what was known before this look: its own prices must not explain themselves.
    const evidence = decided.action === 'set' ? weighDrop(core, pair, decided, eligible, now) : null;
    const suspect = evidence !== null && evidence.check.anomalies.length > 0;
    const decision = evidence?.check.hold && decided.action === 'set' ? suspectHold(decided, evidence.check.anomalies) : decided;
    learn(!suspect);
    core.counters.decisions++;
    core.emit({ type: 'decision', at: now, storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, decision });

    if (!core.settings.dryRun && countForKillSwitch(core, store, pair, decision, suspect ? evidence : null, now)) {
      core.scheduler.schedule(pair, storeGate(store, now, core.settings), pair.cls);
      return;
    }
    if (decision.action === 'set') queueChange(core, pair, decision, standingNow, rivals, evidence?.check ?? null, now);
    // The market moved since an earlier decision: the push still waiting for budget is void.
    else core.queue.delete(pair.key);
    const answerAt = pair.lastChangeAt !== null && ourPrice !== null ? expectedAnswerAt(pair.memory, ourPrice, pair.lastChangeAt) : null;
    const next = nextCheck(pair, standingNow, decision, now, core.settings, core.recheckInterval, answerAt);
    pair.lastRivalsKey = standingNow.rivalsKey;
    pair.first = standingNow.first;
    // A replay may skip the looks that would see the same market (quiet-looks.ts); live never does.
    const looked = skipQuietLooks(core, pair, input, decision, standingNow, next, now, answerAt, suspect);
    if (!pair.pending && !pair.pushing) core.scheduler.schedule(pair, looked.dueAt, looked.cls);
  } catch (e) {
    core.fail('pair', pair.key, e, pair.store.storeId);
    core.retryCheckLater(pair, clock.now());
  } finally {
    core.inFlight--;
    core.fetchSignal.fire();
  }
}

interface DropEvidence {
  check: DropCheck;
  driver: Offer | null;
}

/** The kill switch's evidence on a downward move: null for a move that does not lower the price. */
function weighDrop(core: EngineCore, pair: Pair, decision: SetDecision, eligible: readonly Offer[], now: number): DropEvidence | null {
  const r = decision.reason;
  if (r.previousPrice === null || decision.price >= r.previousPrice) return null;
  const driver = (r.target ? eligible.find((o) => o.merchantId === r.target!.merchantId) : eligible[0]) ?? null;
  // The price that explains our new one: the rival's, its floor on a floor move, ours on a move to our own floor.
  const explains = r.code === 'rival_floor' && r.rivalFloor ? r.rivalFloor.price : r.code === 'probe_floor' || r.code === 'rival_below_floor_floor' ? decision.price : (driver?.price ?? decision.price);
  const seen = driver ? pair.memory.rivals[driver.merchantId] : undefined;
  const { rangeLow, rangeHigh } = pair.memory;
  const check = checkDrop(
    {
      oldPrice: r.previousPrice,
      newPrice: decision.price,
      cost: pair.product.rules.floor.kind === 'cost' ? pair.product.rules.floor.cost : null,
      driver: driver ? { merchantId: driver.merchantId, price: driver.price, explains } : null,
      otherRivals: eligible.filter((o) => o !== driver).map((o) => o.price),
      history: rangeLow !== null && rangeHigh !== null ? { low: rangeLow, high: rangeHigh } : null,
      driverBefore: seen && now - seen.seenAt <= COLLAPSE_LOOKBACK_MS ? seen.price : null,
    },
    core.settings.killSwitch,
  );
  return { check, driver };
}

/** A sharp drop on a price that looks wrong is not made: the decision becomes a hold that says why. */
function suspectHold(decision: SetDecision, anomalies: DropAnomaly[]): Decision {
  const r = decision.reason;
  return { action: 'hold', reason: { ...r, code: 'suspect_price', price: r.previousPrice, proposedPrice: decision.price, anomalies } };
}

/**
 * Every decision counts toward the kill switch's window (holds too: they are the calm part of the
 * store); a suspect move is judged at once. Returns true when the store is stopped.
 */
function countForKillSwitch(core: EngineCore, store: StoreState, pair: Pair, decision: Decision, evidence: DropEvidence | null, now: number): boolean {
  const r = decision.reason;
  const suspect: SuspectMove | null = evidence
    ? {
        productId: pair.product.productId,
        sku: pair.product.sku,
        cityId: pair.cityId,
        at: now,
        anomalies: evidence.check.anomalies,
        rivalId: evidence.driver?.merchantId ?? null,
        rivalName: evidence.driver?.merchantName ?? null,
        rivalPrice: evidence.driver?.price ?? null,
        oldPrice: r.previousPrice ?? 0,
        newPrice: r.proposedPrice ?? r.price ?? 0,
      }
    : null;
  store.recent.set(pair.key, { at: now, suspect });
  if (store.killSwitch) return true;
  if (!suspect) return false;
  const verdict = judgeKillSwitch(store, now, core.settings);
  if (!verdict) return false;
  store.killSwitch = { ...verdict, at: now };
  core.dropQueued(store.info.storeId);
  core.deps.memory.saveStop(store.info.storeId, store.killSwitch).catch((e: unknown) => core.fail('store', String(store.info.storeId), e, store.info.storeId));
  core.emit({ type: 'kill-switch', at: now, storeId: store.info.storeId, verdict });
  return true;
}

/**
 * A set decision waits for the account's change budget (dry run journals it once instead). A sharp
 * drop that neither the product's price history nor another rival near the same price explains
 * waits for a second read before it may go out.
 */
function queueChange(core: EngineCore, pair: Pair, decision: SetDecision, standingNow: Standing, rivals: RivalPrice[], check: DropCheck | null, now: number): void {
  if (core.settings.dryRun) {
    if (pair.dryRunPrice === decision.price) return;
    pair.dryRunPrice = decision.price;
    const plan = { storeId: pair.store.storeId, productId: pair.product.productId, cityId: pair.cityId, oldPrice: decision.reason.previousPrice, newPrice: decision.price, reason: decision.reason, dryRun: true, at: now };
    void core.deps.journal.plan(plan).then(
      (entryId) => core.emit({ type: 'journal', at: now, entryId, storeId: plan.storeId, productId: plan.productId, cityId: plan.cityId, status: 'dry_run', price: decision.price }),
      (e: unknown) => core.fail('store', String(pair.store.storeId), e, pair.store.storeId),
    );
    return;
  }
  pair.dryRunPrice = null;
  if (now < pair.pushRetryAt) return;
  const needsConfirm = check !== null && check.sharp && check.explainedBy === null;
  core.queue.set(pair.key, { pair, decision, decidedAt: now, value: pushValue(decision, standingNow), rivals, confirm: needsConfirm ? { askedAt: null } : null });
  core.pushSignal.fire();
}

function onFetchError(core: EngineCore, pair: Pair, lane: LaneBudget, e: unknown, startedAt: number): void {
  const now = core.now();
  const banned = isKaspiError(e, 'ip-banned') || isKaspiError(e, 'method-blocked');
  if (banned) {
    lane.cooldownUntil = now + ((e as KaspiError).retryAfterMs ?? core.settings.ipCooldownMs);
    core.fail('lane', lane.lane, e, null);
  } else {
    core.fail('pair', pair.key, e, null);
  }
  if (pair.pushing || (pair.pending && pair.pending.at > startedAt)) return;
  // A ban is the IP's fault, not the product's: retry at once on another lane.
  if (banned) core.scheduler.schedule(pair, now, pair.cls);
  else core.retryCheckLater(pair, now);
}
