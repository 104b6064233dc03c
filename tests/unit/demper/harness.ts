import { DemperEngine } from '../../../src-main/demper/engine';
import type { EngineDeps } from '../../../src-main/demper/engine';
import { InMemoryEngineMemory } from '../../../src-main/demper/in-memory-engine-memory';
import { InMemoryJournal } from '../../../src-main/demper/in-memory-journal';
import type { EngineSettingsInput } from '../../../src-main/demper/settings';
import type { EngineEvent } from '../../../src-main/demper/status';
import type { ScenarioOptions } from '../../sim/market/scenario';
import { ALMATY, buildScenario } from '../../sim/market/scenario';

export const MINUTE = 60_000;
export { ALMATY };

/** The change window exactly as given: no safety margin, no pacing (tests of the window's own arithmetic). */
export const EXACT_WINDOW: EngineSettingsInput = { pushSafetyPercent: 0, pushBurstShare: 1 };

/** A seeded market, an engine on it, its journal, and every event it emitted. */
export function harness(scenario: ScenarioOptions = {}, settings: EngineSettingsInput = {}) {
  const sc = buildScenario({ botsPerProduct: [1, 1], botMix: { static: 1, undercut: 0, slow: 0, random_walk: 0, leave_return: 0 }, ...scenario });
  const journal = new InMemoryJournal();
  const memory = new InMemoryEngineMemory();
  const deps: EngineDeps = { offers: sc.offers, pusher: sc.pusher, clock: sc.clock, journal, products: sc.catalog, sessions: sc.pusher, memory };
  const events: EngineEvent[] = [];
  const makeEngine = (d: EngineDeps = deps) => {
    const e = new DemperEngine(d, { statusIntervalMs: 10 * MINUTE, ...settings });
    e.onEvent((ev) => events.push(ev));
    return e;
  };
  const engine = makeEngine();
  const ourPrice = (productIndex: number) => {
    const p = sc.products[productIndex]!;
    return sc.market.standing(p.masterSku, ALMATY, `m${p.storeId}`)!.ourPrice;
  };
  const statuses = () => {
    const out: Record<string, number> = {};
    for (const e of journal.entries.values()) out[e.status] = (out[e.status] ?? 0) + 1;
    return out;
  };
  return { ...sc, journal, memory, deps, engine, events, makeEngine, ourPrice, statuses };
}
export type Harness = ReturnType<typeof harness>;

/**
 * One product whose only rival is a bot that answers every move within 5 s, with its own floor
 * 2,000 ₸ under ours (we can never keep first place from it); we start 1,000 ₸ over our floor.
 */
export function fastBotUnderOurFloor(h: Harness) {
  const p = h.products[0]!;
  const floor = p.rules.floor.kind === 'fixed' ? p.rules.floor.price : 0;
  h.market.setOurOffer(p.masterSku, ALMATY, { merchantId: 'm1', merchantName: 'Store 1', price: floor + 1000, floor });
  const bot = h.market.botsOf(p.masterSku, ALMATY)[0]!;
  Object.assign(bot, { kind: 'undercut', reactionMs: 5_000, step: 1, floor: floor - 2000, ceiling: p.rules.ceiling! * 2, price: floor + 900, nextActAt: Infinity });
  return { p, floor, bot };
}

/** Stops the engine while the virtual clock keeps running, so sleeping work can finish. */
export async function stop(h: Harness, engine = h.engine): Promise<void> {
  let done = false;
  const stopping = engine.stop().then(() => (done = true));
  await h.clock.until(() => done, 10 * MINUTE);
  await stopping;
}

const never = () => new Promise<never>(() => {});

/**
 * The process dies: from the moment `kill()` is called every port call of that engine hangs forever,
 * so nothing it had in flight completes, as after a crash. Its timers never fire again either.
 */
export function killable(deps: EngineDeps) {
  let dead = false;
  const guard = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => (...a: A): Promise<R> => (dead ? never() : fn(...a));
  const wrapped: EngineDeps = {
    clock: {
      now: () => deps.clock.now(),
      sleep: (ms) => (dead ? never() : deps.clock.sleep(ms).then(() => (dead ? never() : undefined))),
      setTimeout: (callback, ms) => deps.clock.setTimeout(() => dead || callback(), ms),
      clearTimeout: (handle) => deps.clock.clearTimeout(handle),
    },
    offers: { lanes: () => deps.offers.lanes(), fetchOffers: guard((q, l) => deps.offers.fetchOffers(q, l)) },
    pusher: { push: guard((r) => deps.pusher.push(r)) },
    journal: {
      plan: guard((e) => deps.journal.plan(e)),
      markPushed: guard((...a) => deps.journal.markPushed(...a)),
      markFailed: guard((...a) => deps.journal.markFailed(...a)),
      markVerified: guard((...a) => deps.journal.markVerified(...a)),
      markMismatch: guard((...a) => deps.journal.markMismatch(...a)),
      listUnfinished: guard(() => deps.journal.listUnfinished()),
      changesSince: guard((s) => deps.journal.changesSince(s)),
    },
    products: deps.products,
    sessions: deps.sessions,
    memory: {
      load: guard(() => deps.memory.load()),
      savePairs: guard((r) => deps.memory.savePairs(r)),
      saveBlock: guard((...a) => deps.memory.saveBlock(...a)),
      saveStop: guard((...a) => deps.memory.saveStop(...a)),
    },
  };
  return { deps: wrapped, kill: () => (dead = true) };
}
