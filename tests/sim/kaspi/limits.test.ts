import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Blocks, WindowCounter } from './limits';

describe('WindowCounter (the simulator limits of kaspi-api.md §10)', () => {
  it('never lets more than max hits through inside any window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 2000 }), fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 200 }), (max, windowMs, gaps) => {
        const counter = new WindowCounter();
        let now = 0;
        const passed: number[] = [];
        for (const gap of gaps) {
          now += gap;
          if (!counter.hit('ip', now, max, windowMs)) passed.push(now);
        }
        // Any max+1 hits that passed span at least one window.
        for (let i = max; i < passed.length; i++) expect((passed[i] ?? 0) - (passed[i - max] ?? 0)).toBeGreaterThanOrEqual(windowMs);
      }),
    );
  });

  it('lets a client that keeps one hit per window/max through forever', () => {
    const counter = new WindowCounter();
    for (let i = 0; i < 1000; i++) expect(counter.hit('ip', i * 100, 10, 1000)).toBe(false);
  });

  it('counts keys apart', () => {
    const counter = new WindowCounter();
    expect([1, 2, 3].map(() => counter.hit('a', 0, 2, 1000))).toEqual([false, false, true]);
    expect(counter.hit('b', 0, 2, 1000)).toBe(false);
  });

  it('approximates huge limits without remembering every hit', () => {
    const counter = new WindowCounter();
    let over = 0;
    for (let i = 0; i < 20_000; i++) if (counter.hit('ip', i / 10, 5000, 1000)) over++; // 10,000 hits/s against 5,000
    expect(over).toBeGreaterThan(5000);
    const calm = new WindowCounter();
    for (let i = 0; i < 20_000; i++) expect(calm.hit('ip', i / 2, 5000, 1000)).toBe(false); // 2,000 hits/s
  });
});

describe('Blocks', () => {
  it('keeps a key blocked until its time and no longer', () => {
    const blocks = new Blocks();
    blocks.block('m', 1000);
    expect(blocks.remaining('m', 400)).toBe(600);
    expect(blocks.remaining('m', 1000)).toBe(0);
    expect(blocks.list(1000)).toEqual([]);
  });
});
