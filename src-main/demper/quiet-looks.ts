import type { Decision } from '../../src-shared/domain/decision';
import type { DecideInput, MarketKnowledge } from '../../src-shared/pricing';
import { decide, warScore } from '../../src-shared/pricing';
import type { EngineCore } from './engine-core';
import { SPARE_SHARE } from './engine-core';
import { kzDay, kzDayStart } from '../../src-shared/domain/kazakhstan-time';
import type { Pair, PairClass, Standing } from './pair';
import { nextCheck } from './pair';
import { WATCH_MS } from './read-back';

const DAY_MS = 86_400_000;
/** Rivals not seen for this long are forgotten by observeRead. */
const FORGET_MS = DAY_MS;

/**
 * Looks a replay may skip (the backtest, src-main/backtest). Live, the engine cannot know when a
 * market moves next, so it looks on its cadence and most looks see nothing new. A replay knows
 * (`OfferSource.quietUntil`): while the market stays as it is and nothing the engine learns or
 * decides depends on time passing, every look in between would see the same offers and hold
 * again. Those looks are skipped, their bookkeeping done as they would have done it (the pair's
 * calm streak and class, its place in the kill switch's window, the end of a move's watch), and
 * the pair is next looked at where its cadence would have brought the first look after the
 * market moves — so a replay of a live period makes the decisions live made, looking less often.
 *
 * A move waiting in the queue for the account's budget is skipped the same way: live would look
 * again at the same market, make the same decision and queue it again (fresh), so the skipped
 * looks' times go with the queued push (`QueuedPush.relooks`), for the push path's freshness and
 * order, and a push dropped before it went out brings the pair's next look back to where live
 * would have made it. A move that waits for a second read, or that the kill switch counted as
 * suspect, is never skipped: its next look is not the same.
 */
export function skipQuietLooks(
  core: EngineCore,
  pair: Pair,
  input: DecideInput,
  decision: Decision,
  standing: Standing,
  next: { cls: PairClass; dueAt: number },
  now: number,
  answerAt: number | null,
  /** The kill switch weighed the decision's drop as suspect. */
  suspect: boolean,
): { cls: PairClass; dueAt: number } {
  const source = core.deps.offers;
  if (!source.quietUntil || suspect) return next;
  const stableUntil = stableDecisionUntil(core, pair, input, decision, now);
  if (stableUntil <= now) return next;
  const queued = decision.action === 'set' ? core.queue.get(pair.key) : undefined;
  if (decision.action === 'set' && (!queued || queued.decision !== decision || queued.confirm)) return next;
  const query = { storeId: pair.store.storeId, productId: pair.product.productId, masterSku: pair.product.masterSku, cityId: pair.cityId };
  const until = Math.min(source.quietUntil(query, now), timeBound(core, pair, decision, now), stableUntil);
  let { cls, dueAt } = next;
  let looked = now;
  const relooks: number[] = [];
  while (dueAt < until) {
    looked = dueAt;
    if (queued) relooks.push(looked);
    // The watch of our last move ends at the first look an hour after it, as read-back.ts ends it.
    if (pair.lastMove && looked - pair.lastMove.movedAt > WATCH_MS) pair.lastMove = null;
    ({ cls, dueAt } = nextCheck(pair, standing, decision, looked, core.settings, core.recheckInterval, answerAt));
  }
  if (queued && relooks.length > 0) queued.relooks = relooks;
  if (looked > now) {
    pair.checkedAt = looked;
    // Each skipped look was a calm decision of the store's window (the kill switch weighs suspect moves against them).
    core.stores.get(pair.store.storeId)?.recent.set(pair.key, { at: looked, suspect: null });
  }
  return { cls, dueAt };
}

/** Whether decide() read a look's budget share (replay only, see shareWatched). */
const shareReads = new WeakMap<MarketKnowledge, { read: boolean }>();

/**
 * The knowledge a look decides with. In a replay it notes whether decide() reads the budget share
 * at all: decide() is pure, so a decision that never read it is the same whatever the share, and
 * the skip check need not ask decide() again. Live gets the knowledge as it is.
 */
export function shareWatched(core: EngineCore, knowledge: MarketKnowledge): MarketKnowledge {
  if (!core.deps.offers.quietUntil) return knowledge;
  const watch = { read: false };
  const { affordEveryMs } = knowledge;
  const watched: MarketKnowledge = {
    rivalFloors: knowledge.rivalFloors,
    answerMs: knowledge.answerMs,
    holdMs: knowledge.holdMs,
    get affordEveryMs() {
      watch.read = true;
      return affordEveryMs;
    },
    probeAllowed: knowledge.probeAllowed,
    probing: knowledge.probing,
    restorePrice: knowledge.restorePrice,
    recoverAllowed: knowledge.recoverAllowed,
  };
  shareReads.set(watched, watch);
  return watched;
}

/**
 * Until when the decision can change only with a moving market or the time bounds below (now: it
 * may change sooner, no look is skipped). A suspect or probing decision is never skipped. The
 * product's budget share (`affordEveryMs`: the account's window shared by the pairs that push,
 * or what the daily cap leaves for the rest of the day, whichever is scarcer) moves with other
 * products' pushes and the time of day: decide() is asked again at the ends of the range it can
 * take (its comparisons flip at most once between them), over at most half of what is left of
 * the day under a cap. A decision that only no window share at all would change (while the
 * window has room to spare) holds until the window can have room to spare again.
 */
function stableDecisionUntil(core: EngineCore, pair: Pair, input: DecideInput, decision: Decision, now: number): number {
  const code = decision.reason.code;
  if (code === 'suspect_price' || code === 'probe_floor') return now;
  const knowledge = input.knowledge;
  const store = core.stores.get(pair.store.storeId);
  if (!knowledge || !store) return Infinity;
  const price = decision.action === 'set' ? decision.price : null;
  const same = (affordEveryMs: number) => {
    // Asked again with the decision's own share, decide() (pure) gives the decision itself.
    if (affordEveryMs === knowledge.affordEveryMs) return true;
    const other = decide({ ...input, knowledge: { ...knowledge, affordEveryMs } });
    return other.action === decision.action && other.reason.code === code && (other.action === 'set' ? other.price : null) === price;
  };
  const { pushWindowMs } = core.settings;
  const limit = store.budget.limit;
  const cap = pair.product.rules.maxChangesPerDay;
  const day = kzDay(now);
  const capLeft = cap === null ? null : cap - (pair.changesDay === day ? pair.changesOnDay : 0);
  const dayEnd = kzDayStart(day + 1);
  // Nothing left today: the share is "never" until midnight, as this decision was made with.
  if (capLeft !== null && capLeft <= 0) return dayEnd;
  /** The cap's share from now until `until` (within today), scarcest first. */
  const capShare = (until: number): [number, number] => (capLeft === null ? [0, 0] : [(dayEnd - until) / capLeft, (dayEnd - now) / capLeft]);
  const everyPair = (pushWindowMs * (core.pairs.size + 1)) / limit;

  // A decision that never read its share is the same whatever the share, at any time of day (the
  // cap's own effects, a capped day and the probe it forbids, read the share or come with a time bound).
  if (shareReads.get(knowledge)?.read === false) return Infinity;
  // Whatever the share: stable over the whole range (under a cap, for half of what is left of today).
  const far = capLeft === null ? Infinity : now + (dayEnd - now) / 2;
  const [farLow, farHigh] = capShare(far);
  if (!same(Math.max(everyPair, farHigh))) return now;
  if (same(farLow)) return far;
  // Else over a shorter horizon: the pairs that pushed since (horizon − window) stay in the window
  // until the horizon (pushes only add to them), so the window's share cannot be less than theirs;
  // none at all only once the window can have room to spare.
  const horizon = Math.min(far, now + pushWindowMs / 3);
  const [nearLow] = capShare(horizon);
  const staying = store.pushersSince(horizon - pushWindowMs);
  if (!same(Math.max((pushWindowMs * (staying + 1)) / limit, nearLow))) return now;
  return Math.min(horizon, store.budget.roomFrom(now, SPARE_SHARE));
}

/** The first moment time alone changes what a look learns or decides here (Infinity: none). */
function timeBound(core: EngineCore, pair: Pair, decision: Decision, now: number): number {
  const s = core.learning;
  const m = pair.memory;
  const at: number[] = [];
  const r = decision.reason;
  if (r.cooldownUntil !== null) at.push(r.cooldownUntil);
  // The daily cap lifts at the next Kazakhstan midnight.
  if (r.guards.includes('daily_cap')) at.push(kzDayStart(kzDay(now) + 1));
  for (const rival of Object.values(m.rivals)) {
    // observeRead learns a floor once a rival that answers us has sat undercut long enough.
    if (rival.answerMs !== null && rival.undercutSince !== null && rival.heldAt !== rival.price) at.push(rival.undercutSince + Math.max(s.heldMinMs, 2 * rival.answerMs));
    // A price-war flag lifts as its score decays under the threshold.
    const flagAt = s.threshold - 0.5;
    if (rival.war > 0 && warScore(rival, now, s) >= flagAt) at.push(rival.warAt + s.halfLifeMs * Math.log2(rival.war / flagAt) + 1);
    // A rival missing from the listing is forgotten a day after it was last seen.
    if (rival.seenAt < now) at.push(rival.seenAt + FORGET_MS + 1);
  }
  if (m.probeAt !== null) {
    // A probe stops waiting for its answer after twice the rival's answer time (knowledgeOf's `probing`), and may repeat later.
    const answerMs = (m.probeRival !== null ? m.rivals[m.probeRival]?.answerMs : null) ?? 0;
    at.push(m.probeAt + Math.min(30 * 60_000, Math.max(s.heldMinMs, 2 * answerMs)), m.probeAt + s.probeEveryMs);
  }
  if (m.recoverAt !== null) at.push(m.recoverAt + s.recoverEveryMs);
  if (m.rangeSince !== null) at.push(m.rangeSince + s.rangeMs + 1);
  // The first look after a move's answer window judges who did not answer: a war score halves
  // (nothing to judge while no rival has one).
  if (pair.lastMove && !pair.lastMove.judged && Object.values(m.rivals).some((rival) => rival.war !== 0)) at.push(pair.lastMove.movedAt + s.responseWindowMs + 1);
  let bound = Infinity;
  for (const t of at) if (t > now && t < bound) bound = t;
  return bound;
}
