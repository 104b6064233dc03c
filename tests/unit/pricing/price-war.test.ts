import { describe, expect, it } from 'vitest';
import { answeredBy, EMPTY_PRICE_WAR_STATE, recordMove, warRivals } from '../../../src-shared/pricing';
import type { MoveObservation, PriceWarState } from '../../../src-shared/pricing';

const move = (t: number, ourPrice: number, before: number, after: number, delayMs = 20_000): MoveObservation => ({
  movedAt: t,
  ourPrice,
  rivalsBefore: [{ merchantId: 'bot', price: before }, { merchantId: 'calm', price: 5000 }],
  observedAt: t + delayMs,
  rivalsAfter: [{ merchantId: 'bot', price: after }, { merchantId: 'calm', price: 5000 }],
});

describe('price-war detector', () => {
  it('flags a rival that answers our moves within seconds, repeatedly', () => {
    let s: PriceWarState = EMPTY_PRICE_WAR_STATE;
    s = recordMove(s, move(0, 1499, 1500, 1498));
    s = recordMove(s, move(600_000, 1497, 1498, 1496));
    expect(warRivals(s, 700_000)).toEqual([]);
    s = recordMove(s, move(1_200_000, 1495, 1496, 1494));
    expect(warRivals(s, 1_300_000)).toEqual(['bot']);
  });

  it('does not flag a rival whose answers we only saw long after', () => {
    let s: PriceWarState = EMPTY_PRICE_WAR_STATE;
    for (let i = 0; i < 5; i++) s = recordMove(s, move(i * 600_000, 1499 - 2 * i, 1500 - 2 * i, 1498 - 2 * i, 600_000));
    expect(warRivals(s, 4_000_000)).toEqual([]);
  });

  it('does not count a rival that stayed above our price', () => {
    let s: PriceWarState = EMPTY_PRICE_WAR_STATE;
    for (let i = 0; i < 5; i++) s = recordMove(s, move(i * 600_000, 1400, 1600, 1550));
    expect(warRivals(s, 4_000_000)).toEqual([]);
  });

  it('lifts the flag after it expires and forgets old answers', () => {
    let s: PriceWarState = EMPTY_PRICE_WAR_STATE;
    for (let i = 0; i < 3; i++) s = recordMove(s, move(i * 60_000, 1499, 1500, 1498));
    expect(warRivals(s, 200_000)).toEqual(['bot']);
    expect(warRivals(s, 200_000 + 25 * 3_600_000)).toEqual([]);
  });

  it('counts one answer to one move once, however often we look within the window', () => {
    let s: PriceWarState = EMPTY_PRICE_WAR_STATE;
    const first = move(0, 1499, 1500, 1498, 20_000);
    for (let look = 0; look < 5; look++) s = recordMove(s, { ...first, observedAt: 20_000 + look * 10_000 }, undefined, look === 0 ? [] : answeredBy(first));
    expect(s.answers['bot']).toHaveLength(1);
    expect(warRivals(s, 100_000)).toEqual([]);
  });
});
