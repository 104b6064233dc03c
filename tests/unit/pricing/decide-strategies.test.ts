import { describe, expect, it } from 'vitest';
import { decide } from '../../../src-shared/pricing';
import type { DecideInput } from '../../../src-shared/pricing';
import type { Decision } from '../../../src-shared/domain/decision';
import { offer, rules, US } from './fixtures';

const run = (over: Partial<DecideInput> & { price?: number }): Decision =>
  decide({
    rules: rules(),
    our: { merchantId: US, price: over.price ?? 1500 },
    ownMerchantIds: [],
    offers: [],
    now: 0,
    ...over,
  });

const priceOf = (d: Decision) => (d.action === 'set' ? d.price : null);

describe('decide: strategies', () => {
  it.each([
    ['undercuts the cheapest rival by a tenge step', { strategy: 'undercut' as const }, 1400, 1399, 'undercut'],
    ['undercuts by a percent step, rounded up', { step: { unit: 'percent' as const, value: 1.5 } }, 1400, 1379, 'undercut'],
    ['matches the cheapest rival', { strategy: 'match' as const }, 1400, 1400, 'match'],
    ['sits one step under the N-th rival for top_n', { strategy: 'top_n' as const, targetPosition: 2 }, 1400, 1449, 'top_n'],
  ])('%s', (_name, o, cheapest, expected, code) => {
    const d = run({ rules: rules(o), offers: [offer('a', cheapest), offer('b', 1450), offer('c', 1600)] });
    expect(priceOf(d)).toBe(expected);
    expect(d.reason.code).toBe(code);
    expect(d.reason.target?.merchantId).toBe(code === 'top_n' ? 'b' : 'a');
  });

  it('holds the N-th place without reaching the rival ahead of it when the two are closer than a step', () => {
    const second = rules({ strategy: 'top_n', targetPosition: 2, step: { unit: 'tenge', value: 10 } });
    // A step under the second rival (1440) would pass the first (1445): one tenge above the first is second place.
    const d = run({ rules: second, offers: [offer('a', 1445), offer('b', 1450), offer('c', 1600)] });
    expect(d).toMatchObject({ action: 'set', price: 1446, reason: { code: 'top_n', step: 4, target: { merchantId: 'b', place: 2 } } });
    // No price between them: the second rival's own price, never the first's.
    const tied = run({ rules: second, offers: [offer('a', 1449), offer('b', 1450), offer('c', 1600)] });
    expect(tied).toMatchObject({ action: 'set', price: 1450, reason: { code: 'top_n', step: 0 } });
    // Where the gap is wider than the step, the step is kept.
    expect(priceOf(run({ rules: second, offers: [offer('a', 1300), offer('b', 1450)] }))).toBe(1440);
  });

  it('only watches under the monitor strategy', () => {
    const d = run({ rules: rules({ strategy: 'monitor' }), offers: [offer('a', 1100)] });
    expect(d.action).toBe('hold');
    expect(d.reason.code).toBe('monitor');
    expect(d.reason.target?.merchantId).toBe('a');
  });

  it('holds when already one step under the rival', () => {
    const d = run({ price: 1399, offers: [offer('a', 1400)] });
    expect(d).toMatchObject({ action: 'hold', reason: { code: 'at_target' } });
  });

  it('raises to the ceiling when alone', () => {
    const d = run({ price: 1200, offers: [] });
    expect(d).toMatchObject({ action: 'set', price: 2000, reason: { code: 'raise_alone' } });
  });

  it('does not raise without a ceiling when alone', () => {
    const d = run({ rules: rules({ ceiling: null }), price: 1200, offers: [] });
    expect(d).toMatchObject({ action: 'hold', reason: { code: 'no_ceiling_alone' } });
  });

  it('raises to one step under the next rival when far below it', () => {
    const d = run({ price: 1200, offers: [offer('a', 1800)] });
    expect(d).toMatchObject({ action: 'set', price: 1799, reason: { code: 'raise_gap', target: { merchantId: 'a' } } });
  });

  it('raises no higher than the ceiling even under a far rival', () => {
    const d = run({ price: 1200, offers: [offer('a', 5000)] });
    expect(d).toMatchObject({ action: 'set', price: 2000, reason: { guards: ['ceiling'] } });
  });

  it('does not spend a push on a raise smaller than the step', () => {
    const d = run({ rules: rules({ step: { unit: 'tenge', value: 50 } }), price: 1330, offers: [offer('a', 1400)] });
    expect(d.action).toBe('hold');
  });

  it('brings a too-high price down even when the strategy wants nothing', () => {
    const d = run({ rules: rules({ strategy: 'monitor' }), price: 2500 });
    expect(d.action).toBe('hold');
    const d2 = run({ price: 2500, offers: [] });
    expect(d2).toMatchObject({ action: 'set', price: 2000 });
  });

  it('holds when our offer is not listed', () => {
    const d = decide({ rules: rules(), our: { merchantId: US, price: null }, ownMerchantIds: [], offers: [offer('a', 1400)], now: 0 });
    expect(d).toMatchObject({ action: 'hold', reason: { code: 'not_listed' } });
  });
});

describe('decide: rival below the floor', () => {
  const offers = [offer('cheap', 900), offer('b', 1300), offer('c', 1700)];
  it('holds by default', () => {
    expect(run({ offers })).toMatchObject({ action: 'hold', reason: { code: 'rival_below_floor_hold', target: { merchantId: 'cheap' } } });
  });
  it('goes to the floor when told so', () => {
    expect(run({ rules: rules({ belowFloor: 'floor' }), offers })).toMatchObject({ action: 'set', price: 1000, reason: { code: 'rival_below_floor_floor' } });
  });
  it('competes for the next place when told so', () => {
    expect(run({ rules: rules({ belowFloor: 'next_place' }), offers })).toMatchObject({
      action: 'set',
      price: 1299,
      reason: { code: 'rival_below_floor_next', target: { merchantId: 'b', place: 2 } },
    });
  });
  it('treats a rival exactly one step above the floor as beatable', () => {
    expect(run({ offers: [offer('a', 1001)] })).toMatchObject({ action: 'set', price: 1000 });
  });
  it('raises toward the ceiling when every rival is below the floor and next place is chosen', () => {
    expect(run({ rules: rules({ belowFloor: 'next_place' }), offers: [offer('a', 500), offer('b', 700)] })).toMatchObject({
      action: 'set',
      price: 2000,
    });
  });
  it('climbs back to the floor when the price sits below it', () => {
    expect(run({ price: 950, offers: [offer('a', 900)] })).toMatchObject({ action: 'set', price: 1000, reason: { guards: ['floor'] } });
  });
});

describe('decide: whom we compete with', () => {
  it('never targets our other stores', () => {
    const d = run({ ownMerchantIds: ['sister'], offers: [offer('sister', 1100), offer('a', 1400)] });
    expect(d).toMatchObject({ action: 'set', price: 1399, reason: { target: { merchantId: 'a' }, ignored: { own: 1 } } });
  });
  it('skips excluded merchants', () => {
    const d = run({ rules: rules({ excludedMerchantIds: ['x'] }), offers: [offer('x', 1100), offer('a', 1400)] });
    expect(d).toMatchObject({ price: 1399, reason: { target: { merchantId: 'a' }, ignored: { excluded: 1 } } });
  });
  it('ignores rivals slower than the delivery filter and keeps those without a known speed', () => {
    const d = run({
      rules: rules({ deliveryFilter: 'TOMORROW' }),
      offers: [offer('slow', 1100, { deliveryDuration: 'TILL_5_DAYS' }), offer('unknown', 1450), offer('fast', 1500, { deliveryDuration: 'TODAY' })],
    });
    expect(d).toMatchObject({ price: 1449, reason: { target: { merchantId: 'unknown' }, ignored: { slower: 1 } } });
  });
  it('ignores our own offer in the list', () => {
    const d = run({ price: 1500, offers: [offer(US, 1500), offer('a', 1600)] });
    expect(d).toMatchObject({ action: 'set', price: 1599 });
  });
  const war = { lastChangeAt: null, changesToday: 0, warRivals: ['bot'] };
  it('holds instead of undercutting a rival flagged for price war', () => {
    const d = run({ price: 1509, offers: [offer('bot', 1400), offer('calm', 1510)], guard: war });
    expect(d).toMatchObject({ action: 'hold', reason: { code: 'price_war_hold', warRivals: ['bot'] } });
  });
  it('in a price war, earns more on the next place instead of lowering', () => {
    const d = run({ price: 1450, offers: [offer('bot', 1400), offer('calm', 1600)], guard: war });
    expect(d).toMatchObject({ action: 'set', price: 1599, reason: { code: 'price_war_next', target: { merchantId: 'calm', place: 2 }, warRivals: ['bot'] } });
  });
  it('in a price war with nobody behind, raises toward the ceiling', () => {
    const d = run({ price: 1450, offers: [offer('bot', 1400)], guard: war });
    expect(d).toMatchObject({ action: 'set', price: 2000, reason: { code: 'price_war_next' } });
  });
  it('in a price war, still pulls a price above the ceiling back down', () => {
    const d = run({ price: 2600, offers: [offer('bot', 1400)], guard: war });
    expect(d).toMatchObject({ action: 'set', price: 2000, reason: { code: 'price_war_hold', guards: ['ceiling'] } });
  });
  it('still raises above a rival flagged for price war', () => {
    const d = run({ price: 1200, offers: [offer('bot', 1400)], guard: war });
    expect(d).toMatchObject({ action: 'set', price: 1399 });
  });
});
