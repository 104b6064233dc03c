import { describe, expect, it } from 'vitest';
import { historySeries } from '../../../../src-renderer/pages/products/history-series';

const CITY = '750000000';
const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h)).toISOString();
const snap = (h: number, our: number, rival: number, cityId = CITY) => ({ cityId, takenAt: at(h), ourPrice: our, ourPosition: 1, bestRivalPrice: rival });
const entry = (h: number, floor: number, ceiling: number | null) => ({
  id: h, storeId: 1, productId: 1, cityId: CITY, oldPrice: 1, newPrice: 1, status: 'pushed' as const, error: null, createdAt: at(h), pushedAt: null, verifiedAt: null,
  reason: { code: 'undercut', strategy: 'undercut', previousPrice: 2, price: 1, proposedPrice: 1, target: null, step: 1, floor, ceiling, guards: [], cooldownUntil: null, ignored: { own: 0, excluded: 0, slower: 0 }, warRivals: [] },
});

describe('price history series', () => {
  it('draws the limits each decision used, then today’s rules up to now', () => {
    const points = historySeries(
      { history: [snap(1, 1000, 990), snap(5, 980, 990), snap(6, 900, 910, '710000000')], journal: [entry(3, 950, 1200)] },
      CITY, { floor: 970, ceiling: null }, Date.parse(at(9)),
    );
    expect(points.map((p) => [new Date(p.at).getUTCHours(), p.our, p.rival, p.floor, p.ceiling])).toEqual([
      [1, 1000, 990, 970, null], // before any decision: today's rules are the best guess
      [3, 1000, 990, 950, 1200], // the decision at 3 o'clock used 950..1200
      [5, 980, 990, 950, 1200],
      [9, 980, 990, 970, null], // now
    ]);
  });

  it('is empty without snapshots for the city', () => {
    expect(historySeries({ history: [], journal: [] }, CITY, { floor: 1, ceiling: 2 }, 0)).toEqual([]);
  });
});
