import { describe, expect, it } from 'vitest';
import type { RecordedRow, RivalReaction } from '../../../src-main/backtest/recorded-period';
import { ignoresOthersIn, ReplayListing } from '../../../src-main/backtest/replay-listing';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 9, 1, 6, 0, 0);
const US = 'us';

const row = (at: number, prices: Record<string, number>): RecordedRow => ({
  at,
  offers: Object.entries(prices)
    .map(([merchantId, price]) => ({ merchantId, merchantName: merchantId, price, rating: null, reviewsCount: null, deliveryDuration: null, kaspiDelivery: null }))
    .sort((a, b) => a.price - b.price),
});

const priceOf = (listing: ReplayListing, at: number, merchantId: string) => listing.offers(at).find((o) => o.merchantId === merchantId)?.price;

// A (6 min, 1 ₸ under) and B (18 min, 10 ₸ under) answered our pushes live.
const A: RivalReaction = { answerMs: 6 * MIN, floor: 800, step: 1 };
const B: RivalReaction = { answerMs: 18 * MIN, floor: 900, step: 10 };

describe('a replayed listing whose rivals answer our moves', () => {
  it('lets two dempers that answer everyone fight each other down once our move sets them off, as they would on Kaspi', () => {
    // Nobody but us was ever cheaper than A; B sat above A only briefly: nothing says they leave other sellers be.
    const rows = [row(T0, { [US]: 1000, A: 1010, B: 1020 })];
    const listing = new ReplayListing(rows, US, [US], { A, B }, T0, 700, 0);
    listing.push(1005, T0 + MIN);
    expect(priceOf(listing, T0 + 8 * MIN, 'A')).toBe(1004);
    expect(priceOf(listing, T0 + 20 * MIN, 'B')).toBe(994);
    // Each answers the other's move until B reaches its floor and A sits a step under it.
    expect(priceOf(listing, T0 + 24 * HOUR, 'B')).toBe(900);
    expect(priceOf(listing, T0 + 24 * HOUR, 'A')).toBe(899);
  });

  it('keeps a rival the recording shows sitting calm above a cheaper seller to answering us alone: no war of its own', () => {
    // B sat 10 ₸ above A for six hours with room to go under it: it leaves other sellers be.
    const rows = [row(T0, { [US]: 1000, A: 1010, B: 1020 }), row(T0 + 6 * HOUR, { [US]: 1000, A: 1010, B: 1020 })];
    expect(ignoresOthersIn(rows, 'B', US, B)).toBe(true);
    expect(ignoresOthersIn(rows, 'A', US, A)).toBe(false);
    const listing = new ReplayListing(rows, US, [US], { A, B }, T0, 700, 0);
    listing.push(1005, T0 + 7 * HOUR);
    // B answers our move aimed at us (10 ₸ under our 1005), A answers everyone: us, then B.
    expect(priceOf(listing, T0 + 7 * HOUR + 19 * MIN, 'B')).toBe(995);
    expect(priceOf(listing, T0 + 7 * HOUR + 26 * MIN, 'A')).toBe(994);
    // B does not answer A: the listing is quiet from there on.
    expect(priceOf(listing, T0 + 30 * HOUR, 'B')).toBe(995);
    expect(priceOf(listing, T0 + 30 * HOUR, 'A')).toBe(994);
    expect(listing.quietUntil(T0 + 30 * HOUR)).toBe(Infinity);
  });

  it('does not take sitting above a cheaper seller for a habit where the rival had no room to go lower, or did not sit long', () => {
    const atFloor = [row(T0, { [US]: 1000, A: 1010, B: 1005 }), row(T0 + 6 * HOUR, { [US]: 1000, A: 1010, B: 1005 })];
    expect(ignoresOthersIn(atFloor, 'A', US, { ...A, floor: 1010 })).toBe(false);
    const brief = [row(T0, { [US]: 1000, A: 1010, B: 1005 }), row(T0 + 10 * MIN, { [US]: 1000, A: 1004, B: 1005 })];
    expect(ignoresOthersIn(brief, 'A', US, A)).toBe(false);
    // Only other sellers count: sitting above us is what its answers to our moves are about.
    const aboveUs = [row(T0, { [US]: 1000, A: 1010 }), row(T0 + 6 * HOUR, { [US]: 1000, A: 1010 })];
    expect(ignoresOthersIn(aboveUs, 'A', US, A)).toBe(false);
  });

  it("tells a replay that skips quiet looks the next change it would see: live's own price moves are not one once our price is the replay's", () => {
    const rows = [
      row(T0, { [US]: 1000, X: 1010 }),
      row(T0 + HOUR, { [US]: 1009, X: 1010 }),
      row(T0 + 2 * HOUR, { [US]: 1005, X: 1010 }),
      row(T0 + 3 * HOUR, { [US]: 1005, X: 1020 }),
    ];
    const asLive = new ReplayListing(rows, US, [US], {}, T0, 700, 0);
    expect(asLive.quietUntil(T0 + MIN)).toBe(T0 + HOUR);
    const replayed = new ReplayListing(rows, US, [US], {}, T0, 700, 0);
    replayed.push(990, T0 + MIN);
    expect(replayed.quietUntil(T0 + 2 * MIN)).toBe(T0 + 3 * HOUR);
    expect(priceOf(replayed, T0 + 3 * HOUR - 1, US)).toBe(990);
    expect(priceOf(replayed, T0 + 3 * HOUR, 'X')).toBe(1020);
  });
});
