import { describe, expect, it } from 'vitest';
import { ALMATY, harness, MINUTE, stop } from './harness';

describe('demper engine around a sleep of the computer', () => {
  it('drops decisions made before the sleep and reads every product again before any push', async () => {
    // One change per window: the second product's undercut waits in the queue when the computer sleeps.
    const h = harness({ productsPerStore: 2, rules: { cooldownSeconds: 0 } }, { pushWindowLimit: 1, pushSafetyPercent: 0, pushBurstShare: 1, pushWindowMs: 60 * MINUTE });
    for (const p of h.products) h.market.botsOf(p.masterSku, ALMATY)[0]!.price = p.rules.ceiling! - 100;
    await h.engine.start();
    await h.clock.advance(MINUTE);
    expect(h.engine.status().stores[0]!.queuedPushes).toBe(1);
    await stop(h);
    // Asleep for two hours: the waiting rival left meanwhile.
    await h.clock.advance(2 * 60 * MINUTE);
    for (const p of h.products) h.market.botsOf(p.masterSku, ALMATY)[0]!.price = p.rules.ceiling! * 2;
    const looksBefore = h.market.counters.offerRequests;
    const pushesBefore = h.market.counters.pushes;
    h.engine.forgetDecisionsAndRecheck();
    expect(h.engine.status().stores[0]!.queuedPushes).toBe(0);
    await h.engine.start();
    await h.clock.advance(5_000);
    // Both products were read again, and nothing from before the sleep went out: only the raises the fresh market asks for.
    expect(h.market.counters.offerRequests - looksBefore).toBeGreaterThanOrEqual(2);
    for (const l of h.market.pushLog.slice(pushesBefore)) expect(l.price).toBe(h.products.find((p) => p.masterSku === l.masterSku)!.rules.ceiling);
    await stop(h);
  });
});
