import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDrop, judgeStore } from '../../../src-shared/pricing';
import type { DropCheckInput, SuspectMove } from '../../../src-shared/pricing';

const drop = (patch: Partial<DropCheckInput>): DropCheckInput => ({
  oldPrice: 10_000,
  newPrice: 7_999,
  cost: null,
  driver: { merchantId: 'r1', price: 8_000, explains: 8_000 },
  otherRivals: [],
  history: null,
  driverBefore: null,
  ...patch,
});

const suspect = (i: number, rivalId = `r${i}`): SuspectMove => ({ productId: i, sku: `sku-${i}`, cityId: '750000000', at: 0, anomalies: ['far_under_history'], rivalId, rivalName: null, rivalPrice: 1, oldPrice: 10_000, newPrice: 2 });

describe('kill switch: one move judged by evidence', () => {
  it('a sharp drop to a price the product has shown before is explained by its history', () => {
    expect(checkDrop(drop({ history: { low: 7_900, high: 9_000 } }))).toEqual({ sharp: true, anomalies: [], hold: false, explainedBy: 'history' });
  });

  it('a sharp drop with another rival near the same price is explained by the rivals agreeing', () => {
    expect(checkDrop(drop({ otherRivals: [8_300, 12_000] }))).toMatchObject({ sharp: true, anomalies: [], explainedBy: 'rivals_agree' });
  });

  it('a sharp drop nothing explains yet waits for a second read (no anomaly, not explained)', () => {
    expect(checkDrop(drop({}))).toEqual({ sharp: true, anomalies: [], hold: false, explainedBy: null });
  });

  it('an ordinary one-step undercut is not sharp', () => {
    expect(checkDrop(drop({ newPrice: 9_998, driver: { merchantId: 'r1', price: 9_999, explains: 9_999 } })).sharp).toBe(false);
  });

  it('names what looks wrong: under cost, far under history, a 1 ₸ parse, an outlier, a rival’s own collapse, our rules overshooting', () => {
    expect(checkDrop(drop({ cost: 9_000 })).anomalies).toEqual(['under_cost']);
    expect(checkDrop(drop({ history: { low: 20_000, high: 25_000 } })).anomalies).toEqual(['far_under_history']);
    expect(checkDrop(drop({ driver: { merchantId: 'r1', price: 1, explains: 1 }, newPrice: 1 })).anomalies).toContain('far_under_our_price');
    expect(checkDrop(drop({ otherRivals: [18_000, 19_000, 20_000] })).anomalies).toEqual(['outlier_rival']);
    expect(checkDrop(drop({ driverBefore: 11_000 })).anomalies).toEqual(['rival_collapse']);
    expect(checkDrop(drop({ newPrice: 6_000 })).anomalies).toEqual(['rule_overshoot']);
  });

  it('holds a move driven by an absurd price whatever its size; a rival’s own fall or our overshoot only when sharp', () => {
    expect(checkDrop(drop({ oldPrice: 8_100, cost: 9_000 }))).toMatchObject({ sharp: false, hold: true });
    expect(checkDrop(drop({ oldPrice: 8_100, driverBefore: 11_000 }))).toMatchObject({ sharp: false, anomalies: ['rival_collapse'], hold: false });
    expect(checkDrop(drop({ driverBefore: 11_000 }))).toMatchObject({ sharp: true, hold: true });
  });

  it('property: every absurd reading of the driving rival is flagged, whatever the prices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 500_000 }), fc.double({ min: 0.001, max: 0.34, noNaN: true }), (ours, ratio) => {
        // Far under our own price with no history (a 1 ₸ read, a price per gram)...
        const price = Math.max(1, Math.floor(ours * ratio));
        expect(checkDrop(drop({ oldPrice: ours, newPrice: price, driver: { merchantId: 'r', price, explains: price } })).anomalies).toContain('far_under_our_price');
        // ...far under the range the product has shown...
        expect(checkDrop(drop({ oldPrice: ours, newPrice: price, driver: { merchantId: 'r', price, explains: price }, history: { low: ours, high: ours } })).anomalies).toContain('far_under_history');
        // ...under our cost.
        expect(checkDrop(drop({ oldPrice: ours, newPrice: price, cost: price + 1, driver: { merchantId: 'r', price, explains: price } })).anomalies).toContain('under_cost');
      }),
    );
  });

  it('property: a catalogue 30–60 % above a consistent market is a correct repricing, never suspect', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500, max: 500_000 }),
        fc.double({ min: 1.3, max: 1.6, noNaN: true }),
        fc.array(fc.double({ min: 1, max: 1.4, noNaN: true }), { maxLength: 6 }),
        (market, above, others) => {
          const ours = Math.round(market * above);
          const check = checkDrop(drop({ oldPrice: ours, newPrice: market - 1, cost: Math.floor(market * 0.7), driver: { merchantId: 'r', price: market, explains: market }, otherRivals: others.map((o) => Math.round(market * o)) }));
          expect(check.sharp).toBe(true);
          expect(check.anomalies).toEqual([]);
        },
      ),
    );
  });
});

describe('kill switch: the store verdict', () => {
  it('trips when many of the products decided in the window are suspect', () => {
    const verdict = judgeStore(Array.from({ length: 6 }, (_, i) => suspect(i)), 10);
    expect(verdict).toMatchObject({ trip: true, cause: 'many_suspect', suspect: 6, considered: 10, byAnomaly: { far_under_history: 6 } });
    expect(verdict.moves.map((m) => m.productId)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stays calm for a few odd readings in a big catalogue', () => {
    expect(judgeStore(Array.from({ length: 6 }, (_, i) => suspect(i)), 1000).trip).toBe(false);
  });

  it('trips on one rival behind many suspect moves (a cascade), and names it first', () => {
    const moves = Array.from({ length: 5 }, (_, i) => suspect(i, 'bad-feed'));
    const verdict = judgeStore([...moves, suspect(9, 'other')], 1000);
    expect(verdict).toMatchObject({ trip: true, cause: 'one_rival' });
    expect(verdict.rivals[0]).toEqual({ merchantId: 'bad-feed', name: null, moves: 5 });
  });

  it('never trips below the minimum count (a store of three products)', () => {
    expect(judgeStore([suspect(1), suspect(2), suspect(3)], 3).trip).toBe(false);
  });
});
