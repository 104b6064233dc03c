import { describe, expect, it } from 'vitest';
import { decide, NO_KNOWLEDGE } from '../../../src-shared/pricing';
import type { DecideInput, MarketKnowledge } from '../../../src-shared/pricing';
import type { Decision } from '../../../src-shared/domain/decision';
import { offer, rules, US } from './fixtures';

const MIN = 60_000;

/** Our price 1500, floor 1000, ceiling 2000; what the engine has learnt is `knowledge`. */
const run = (knowledge: Partial<MarketKnowledge>, over: Partial<DecideInput> & { price?: number } = {}): Decision =>
  decide({ rules: rules(), our: { merchantId: US, price: over.price ?? 1500 }, ownMerchantIds: [], offers: [offer('bot', 1400), offer('calm', 1900)], now: 0, knowledge: { ...NO_KNOWLEDGE, ...knowledge }, ...over });

const priceOf = (d: Decision) => (d.action === 'set' ? d.price : null);

describe('decide: the approach, chosen by the margin kept over time within what a product can spend', () => {
  it('rides just under a rival nothing is known about, expecting first place to hold as long as it has here', () => {
    const d = run({ holdMs: 40 * MIN });
    expect(priceOf(d)).toBe(1399);
    expect(d.reason).toMatchObject({ code: 'undercut', approach: 'ride', expectedHoldMs: 40 * MIN });
  });

  it('goes just under a rival’s floor when it answers fast and riding it would cost a change per answer', () => {
    const d = run({ answerMs: { bot: 2 * MIN }, rivalFloors: { bot: { price: 1300, sure: true } }, affordEveryMs: 15 * MIN });
    expect(priceOf(d)).toBe(1299);
    expect(d.reason).toMatchObject({ code: 'rival_floor', approach: 'rival_floor', rivalFloor: { price: 1300, sure: true } });
  });

  it('keeps riding a slow rival while changes are affordable: more margin than sitting under its floor', () => {
    const d = run({ answerMs: { bot: 15 * MIN }, rivalFloors: { bot: { price: 1100, sure: true } }, affordEveryMs: 15 * MIN });
    expect(priceOf(d)).toBe(1399);
    expect(d.reason.approach).toBe('ride');
  });

  it('finds the floor of a rival that answers, with one move to our own floor, when it alone answers us', () => {
    const d = run({ answerMs: { bot: 30_000 }, probeAllowed: true, affordEveryMs: 15 * MIN });
    expect(priceOf(d)).toBe(1000);
    expect(d.reason).toMatchObject({ code: 'probe_floor', approach: 'probe' });
    // Another rival that answers would follow the move down and start the war the probe avoids.
    const crowded = run({ answerMs: { bot: 30_000, calm: 5 * MIN }, probeAllowed: true, affordEveryMs: 15 * MIN });
    expect(crowded.reason.code).not.toBe('probe_floor');
  });

  it('does not cut under a rival that answers within a minute when nothing better is possible: it holds', () => {
    const d = run({ answerMs: { bot: 20_000 }, rivalFloors: { bot: { price: 900, sure: true } } });
    expect(d.action).toBe('hold');
    expect(d.reason).toMatchObject({ code: 'price_war_hold', warRivals: ['bot'] });
  });

  it('waits for a probe’s answer, and goes back once when it found the rival’s floor under ours', () => {
    expect(run({ probing: true }, { price: 1000 }).reason.code).toBe('probe_floor');
    expect(run({ probing: true }, { price: 1000 }).action).toBe('hold');
    const back = run({ restorePrice: 1500 }, { price: 1000, offers: [offer('bot', 999), offer('calm', 1900)] });
    expect(priceOf(back)).toBe(1500);
    expect(back.reason.code).toBe('probe_back');
  });

  it('goes back up under the next seller from under a rival sitting at its floor, when riding up there is worth twice as much', () => {
    const k = { answerMs: { bot: 15 * MIN }, rivalFloors: { bot: { price: 1100, sure: true } }, recoverAllowed: true, affordEveryMs: 15 * MIN };
    const d = run(k, { price: 1099, offers: [offer('bot', 1100), offer('calm', 1900)] });
    expect(priceOf(d)).toBe(1899);
    expect(d.reason.code).toBe('recover');
    // Not when the next seller is barely above: the floor margin is the better deal.
    expect(run(k, { price: 1099, offers: [offer('bot', 1100), offer('calm', 1150)] }).reason.code).not.toBe('recover');
  });

  it('never probes with the last change the daily cap leaves (it needs a second one to act on what it finds)', () => {
    const d = run({ answerMs: { bot: 30_000 }, probeAllowed: true, affordEveryMs: 15 * MIN }, { rules: rules({ maxChangesPerDay: 5 }), guard: { lastChangeAt: null, changesToday: 4, warRivals: [] } });
    expect(d.reason.code).not.toBe('probe_floor');
  });
});
