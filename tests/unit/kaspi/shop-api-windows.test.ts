import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_MS, dateWindows } from '../../../src-main/kaspi/shop-api';

describe('creationDate windows of the shop API', () => {
  it('covers any range with contiguous windows of at most 14 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 200 * 86_400_000 }), (from, span) => {
        const to = from + span;
        const w = dateWindows(from, to) as { from: number; to: number }[];
        if (w[0]?.from !== from || w.at(-1)?.to !== to) return false;
        return w.every((x, i) => x.to - x.from <= MAX_WINDOW_MS && x.from <= x.to && (i === 0 || x.from === (w[i - 1]?.to ?? 0) + 1));
      }),
    );
  });

  it('keeps a range of 14 days or less as one window', () => {
    expect(dateWindows(5, 5 + MAX_WINDOW_MS)).toEqual([{ from: 5, to: 5 + MAX_WINDOW_MS }]);
    expect(dateWindows(5, 5)).toEqual([{ from: 5, to: 5 }]);
  });
});
