import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeBudget } from '../../../src-main/demper/change-budget';
import type { ChangeLimits } from '../../../src-main/demper/change-budget';

const MINUTE = 60_000;
const latencyMs = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 20, max: 300 }) }, { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }) });
const KASPI: ChangeLimits = { changesPerSecond: 1.5, windowLimit: 250, windowMs: 30 * MINUTE, safetyPercent: 4, burstShare: 1 };

/** Takes changes as fast as the budget allows; each request reaches Kaspi and answers after the latencies drawn. */
function drive(budget: ChangeBudget, latencies: (i: number) => { there: number; back: number }, untilMs: number) {
  const arrivals: number[] = [];
  let now = 0;
  for (let i = 0; now < untilMs; i++) {
    now = budget.readyAt(now);
    const ticket = budget.take(now);
    if (!ticket) throw new Error(`not ready at ${now}`);
    const { there, back } = latencies(i);
    arrivals.push(now + there);
    now += there + back;
    budget.settle(ticket, now);
  }
  return arrivals;
}

/** Kaspi's own count: changes that reached it in any rolling window, and in any second. */
function kaspiCounts(arrivals: number[]) {
  let window = 0;
  let second = 0;
  for (let i = 0, from = 0, fromSecond = 0; i < arrivals.length; i++) {
    while (arrivals[from]! <= arrivals[i]! - 30 * MINUTE) from++;
    while (arrivals[fromSecond]! <= arrivals[i]! - 1000) fromSecond++;
    window = Math.max(window, i - from + 1);
    second = Math.max(second, i - fromSecond + 1);
  }
  return { window, second };
}

describe('a merchant account’s change budget', () => {
  it('says when its window can next have room to spare: no sooner than enough of its changes have aged out, however it is used meanwhile', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 239 }), fc.constantFrom(0.2, 0.5), fc.array(fc.integer({ min: 0, max: 60_000 }), { maxLength: 60 }), (taken, share, laterGaps) => {
        const budget = new ChangeBudget({ ...KASPI, burstShare: 1 });
        let now = 0;
        for (let i = 0; i < taken; i++) {
          now = budget.readyAt(now);
          budget.settle(budget.take(now)!, now + 100);
        }
        const from = budget.roomFrom(now, share);
        const spare = (at: number) => budget.left(at) > budget.limit * share;
        if (spare(now)) expect(from).toBe(now);
        else expect(from).toBeGreaterThan(now);
        // Taking more changes never brings the room earlier; unused since, it has the room then.
        let tookMore = false;
        for (const gap of laterGaps) {
          const at = budget.readyAt(now + gap);
          if (at >= from) break;
          now = at;
          expect(spare(now)).toBe(false);
          budget.settle(budget.take(now)!, now + 100);
          tookMore = true;
        }
        if (!tookMore) expect(spare(from)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps 4 % under Kaspi’s 250 per 30 minutes: 240 changes, then none until the first one’s window has passed', () => {
    const budget = new ChangeBudget(KASPI);
    const arrivals = drive(budget, () => ({ there: 50, back: 50 }), 40 * MINUTE);
    expect(arrivals.filter((t) => t < 30 * MINUTE)).toHaveLength(240);
    expect(arrivals[240]! - arrivals[0]!).toBeGreaterThanOrEqual(30 * MINUTE);
  });

  it('counts a change until a window after its answer, not after it was sent', () => {
    const budget = new ChangeBudget({ ...KASPI, windowLimit: 1, safetyPercent: 0 });
    const ticket = budget.take(0)!;
    // The request took 20 s: Kaspi may have counted it as late as 20 s.
    budget.settle(ticket, 20_000);
    expect(budget.readyAt(30 * MINUTE)).toBe(30 * MINUTE + 20_000);
  });

  it('spaces the next change from the previous answer, so a slow request and a fast one never reach Kaspi together', () => {
    const budget = new ChangeBudget(KASPI);
    const ticket = budget.take(0)!;
    expect(budget.take(0)).toBeNull();
    budget.settle(ticket, 1_500);
    expect(budget.readyAt(1_500)).toBe(1_500 + 667);
  });

  it('never lets Kaspi count more than it allows, whatever the latencies (the property behind "no 429 of our own making")', () => {
    fc.assert(
      // Mostly quick requests (the window fills up), now and then one that hangs for seconds.
      fc.property(fc.array(fc.record({ there: latencyMs, back: latencyMs }), { minLength: 1, maxLength: 97 }), (latency) => {
        // No safety margin: the count itself must be right.
        const arrivals = drive(new ChangeBudget({ ...KASPI, safetyPercent: 0 }), (i) => latency[i % latency.length]!, 70 * MINUTE);
        const { window, second } = kaspiCounts(arrivals);
        expect(window).toBeLessThanOrEqual(250);
        expect(second).toBeLessThanOrEqual(2);
      }),
      { numRuns: 60 },
    );
  });

  it('counts an unanswered change as landing a minute later (it may still reach Kaspi)', () => {
    const budget = new ChangeBudget({ ...KASPI, windowLimit: 1, safetyPercent: 0 });
    budget.settle(budget.take(0)!, 30_000, false);
    expect(budget.readyAt(0)).toBe(30_000 + 60_000 + 30 * MINUTE);
  });

  it('paces the window: half of it back to back, then one change every 7.5 s', () => {
    const budget = new ChangeBudget({ ...KASPI, burstShare: 0.5 });
    const arrivals = drive(budget, () => ({ there: 10, back: 10 }), 10 * MINUTE);
    const burst = arrivals.filter((t) => t < 120 * 700);
    expect(burst.length).toBeGreaterThanOrEqual(120);
    expect(burst.length).toBeLessThan(135);
    const later = arrivals.filter((t) => t >= 5 * MINUTE && t < 10 * MINUTE);
    expect(later.length).toBeGreaterThanOrEqual(39);
    expect(later.length).toBeLessThanOrEqual(41);
  });

  it('waits out a Kaspi 429 block and a server backoff, and gives back a change that never left', () => {
    const budget = new ChangeBudget(KASPI);
    budget.blockedUntil = 30 * MINUTE;
    expect(budget.take(1000)).toBeNull();
    expect(budget.readyAt(1000)).toBe(30 * MINUTE);
    budget.blockedUntil = 0;
    const ticket = budget.take(30 * MINUTE)!;
    budget.release(ticket);
    expect(budget.left(30 * MINUTE)).toBe(240);
    expect(budget.take(30 * MINUTE)).not.toBeNull();
  });
});

describe('one account budget shared by the demper and the pre-order writer', () => {
  /** Both writers always have changes waiting; whoever the budget lets goes, each request answers after 100 ms. */
  function both(budget: ChangeBudget, untilMs: number, stockWants: (now: number) => boolean = () => true) {
    const sent: { at: number; writer: 'price' | 'stock' }[] = [];
    let now = 0;
    while (now < untilMs) {
      budget.want('price', now);
      if (stockWants(now)) budget.want('stock', now);
      else budget.unwant('stock');
      const writer = (['stock', 'price'] as const).find((w) => (w === 'price' || stockWants(now)) && budget.readyAt(now, w) <= now);
      if (!writer) {
        now = Math.min(budget.readyAt(now, 'price'), stockWants(now) ? budget.readyAt(now, 'stock') : Infinity);
        continue;
      }
      const ticket = budget.take(now, writer)!;
      sent.push({ at: now + 50, writer });
      now += 100;
      budget.settle(ticket, now);
    }
    return sent;
  }

  it('gives pre-order and stock changes priority by default, keeps a fifth of the window for the demper, and never passes the limit together', () => {
    const budget = new ChangeBudget(KASPI);
    const sent = both(budget, 90 * MINUTE);
    expect(kaspiCounts(sent.map((s) => s.at)).window).toBeLessThanOrEqual(240);
    const lastWindow = sent.filter((s) => s.at >= 60 * MINUTE);
    const price = lastWindow.filter((s) => s.writer === 'price').length;
    const stock = lastWindow.filter((s) => s.writer === 'stock').length;
    expect(price + stock).toBeGreaterThanOrEqual(235);
    expect(price / (price + stock)).toBeGreaterThanOrEqual(0.19);
    expect(stock).toBeGreaterThan(price * 3);
  });

  it('follows the seller: price changes first, pre-orders still get their guaranteed share', () => {
    const budget = new ChangeBudget(KASPI, { first: 'price', secondShare: 0.2 });
    const sent = both(budget, 60 * MINUTE);
    const stock = sent.filter((s) => s.writer === 'stock').length;
    expect(stock / sent.length).toBeGreaterThanOrEqual(0.19);
    expect(stock / sent.length).toBeLessThanOrEqual(0.21);
  });

  it('lets one writer use the whole budget while the other has nothing waiting', () => {
    const budget = new ChangeBudget(KASPI);
    const sent = both(budget, 30 * MINUTE, () => false);
    expect(sent.every((s) => s.writer === 'price')).toBe(true);
    expect(sent.length).toBe(240);
  });

  it('does not hold a turn for a writer that stopped asking', () => {
    const budget = new ChangeBudget(KASPI, { first: 'stock', secondShare: 0 });
    budget.want('stock', 0);
    expect(budget.readyAt(0, 'price')).toBeGreaterThan(0);
    budget.unwant('stock');
    expect(budget.readyAt(0, 'price')).toBe(0);
    // A writer that asked and went away is waited for only a short while.
    budget.want('stock', 0);
    expect(budget.readyAt(10_000, 'price')).toBe(10_000);
  });

  it('takes a price-list file of many changes at once, within what the window and the pacing allow', () => {
    const budget = new ChangeBudget({ ...KASPI, burstShare: 0.5 });
    expect(budget.room(0, 'stock')).toBe(120);
    const ticket = budget.take(0, 'stock', 100)!;
    expect(budget.used(0)).toEqual({ price: 0, stock: 100 });
    budget.settle(ticket, 1_000);
    expect(budget.left(1_000)).toBe(140);
    expect(budget.readyAt(2_000, 'stock', 121)).toBe(Infinity);
    expect(budget.room(2_000, 'stock')).toBe(20);
  });
});
