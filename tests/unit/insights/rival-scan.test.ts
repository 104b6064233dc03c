import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PairScan, RivalStats, ScanSnapshot } from '../../../src-shared/insights/rival-scan';
import { emptyRivalStats, profileOf, scanSnapshot } from '../../../src-shared/insights/rival-scan';

const MIN = 60_000;
const START = Date.UTC(2026, 10, 2, 0, 0, 0);
const OURS = 'our-store';

interface SimRival {
  floor: number;
  /** How long it takes to answer our move (ms), and the most its answers stray from that. */
  answerMs: number;
  jitterMs: number;
  step: number;
}

/**
 * Two days of one listing: our demper moves every 20-60 min (undercutting the rival, sometimes under
 * its floor, sometimes backing up), the rival demper answers after its answer time as bots do (one
 * step under us, never under its floor), a static seller sits above both; the demper looks every
 * `lookMs` and each look is a snapshot.
 */
function simulateDays(rival: SimRival, lookMs: number, seed: number): ScanSnapshot[] {
  let rnd = seed >>> 0 || 1;
  const random = () => ((rnd = (rnd * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32);
  let ours = rival.floor + 2_000;
  let theirs = rival.floor + 1_500;
  let answerAt = Infinity;
  let nextMoveAt = START + 30 * MIN;
  const snaps: ScanSnapshot[] = [];
  for (let t = START; t < START + 2 * 24 * 60 * MIN; t += lookMs) {
    if (answerAt <= t) {
      theirs = Math.max(rival.floor, ours - rival.step);
      answerAt = Infinity;
    }
    if (t >= nextMoveAt) {
      // Our move, seen by the look that checks it: under the rival by 10 ₸ (under its floor too, a third of the time), or back up.
      const roll = random();
      ours = roll < 0.33 ? rival.floor - 1 - Math.floor(random() * 300) : roll < 0.8 ? theirs - 10 : theirs + 800;
      answerAt = t + rival.answerMs + Math.round((random() * 2 - 1) * rival.jitterMs);
      nextMoveAt = t + (20 + Math.floor(random() * 40)) * MIN;
    }
    snaps.push({ productId: 7, cityId: '750000000', at: t, offers: [
      { merchantId: OURS, merchantName: 'Our store', price: ours },
      { merchantId: 'rival', merchantName: 'Rival', price: theirs },
      { merchantId: 'static', merchantName: 'Static', price: rival.floor + 5_000 },
    ] });
  }
  return snaps;
}

function scanAll(snaps: readonly ScanSnapshot[]) {
  const stats = new Map<string, RivalStats>();
  let pair: PairScan | null = null;
  for (const s of snaps) {
    pair = scanSnapshot(pair, s, { ownMerchantIds: [OURS], utcOffsetMinutes: 300 }, (id, name) => {
      let r = stats.get(id);
      if (!r) stats.set(id, (r = emptyRivalStats(name, s.at)));
      return r;
    });
  }
  return { stats, pair };
}

/**
 * A listing where our pushes land between the looks (as live: a push goes out when the budget
 * allows, the read-back comes 40 s later) and the rival answers each one after `answerMs`. Each
 * look that shows our new price carries the journal's time of the push when `withJournal`.
 */
function simulatePushes(rival: SimRival, lookMs: number, seed: number, withJournal: boolean): ScanSnapshot[] {
  let rnd = seed >>> 0 || 1;
  const random = () => ((rnd = (rnd * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32);
  let ours = rival.floor + 2_000;
  let theirs = rival.floor + 1_500;
  let pushAt = START + 30 * MIN + Math.floor(random() * lookMs);
  let answerAt = Infinity;
  const snaps: ScanSnapshot[] = [];
  // One day: fewer answers than a profile keeps (SAMPLES), so the two ways of counting compare.
  for (let t = START; t < START + 24 * 60 * MIN; t += lookMs) {
    let shownPush: number | null = null;
    if (pushAt <= t) {
      ours = Math.max(rival.floor - 500, theirs - 10);
      shownPush = pushAt;
      answerAt = pushAt + rival.answerMs + Math.round((random() * 2 - 1) * rival.jitterMs);
      pushAt = t + (20 + Math.floor(random() * 40)) * MIN + Math.floor(random() * lookMs);
    }
    if (answerAt <= t) {
      theirs = Math.max(rival.floor, ours - rival.step);
      answerAt = Infinity;
    }
    snaps.push({ productId: 9, cityId: '750000000', at: t, ourPushedAt: withJournal ? shownPush : null, offers: [
      { merchantId: OURS, merchantName: 'Our store', price: ours },
      { merchantId: 'rival', merchantName: 'Rival', price: theirs },
      { merchantId: 'static', merchantName: 'Static', price: rival.floor + 5_000 },
    ] });
  }
  return snaps;
}

describe('rival profiles from snapshots', () => {
  it('recover a simulated rival demper: its floor exactly (high confidence), its answer time within one look plus its own jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3_000, max: 200_000 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom(1, 5, 10, 50),
        fc.constantFrom(MIN, 2 * MIN),
        fc.integer({ min: 1, max: 1_000_000 }),
        (floor, answerMin, jitterS, step, lookMs, seed) => {
          const rival = { floor, answerMs: answerMin * MIN, jitterMs: jitterS * 1000, step };
          const { stats } = scanAll(simulateDays(rival, lookMs, seed));
          const profile = profileOf('rival', stats.get('rival')!);
          expect(profile.floors).toEqual([{ productId: 7, cityId: '750000000', floor, confidence: 'high' }]);
          expect(profile.reactionSamples).toBeGreaterThan(10);
          // A move shows at the first look after it: seen up to one look late, and the rival strays by its jitter.
          expect(profile.usualStep).toBe(step);
          expect(Math.abs(profile.reactionMedianMs! - rival.answerMs)).toBeLessThanOrEqual(lookMs + rival.jitterMs);
          expect(profile.reactionSpreadMs!).toBeLessThanOrEqual(lookMs + 2 * rival.jitterMs);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('tell a fast bot from a seller who reprices by hand, and keep a static seller at low confidence', () => {
    const { stats } = scanAll(simulateDays({ floor: 10_000, answerMs: 2 * MIN, jitterMs: 20_000, step: 1 }, MIN, 42));
    const bot = profileOf('rival', stats.get('rival')!);
    expect(bot.bot).toBe(true);
    expect(bot.usualStep).toBe(1);

    // By hand: a few changes a day, only in working hours (Almaty 10:00-18:00), never soon after anyone.
    const snaps: ScanSnapshot[] = [];
    let price = 20_000;
    for (let t = START; t < START + 3 * 24 * 60 * MIN; t += 5 * MIN) {
      const local = new Date(t + 300 * MIN).getUTCHours();
      if (local >= 10 && local < 18 && (t - START) % (150 * MIN) === 0) price += (t / MIN) % 2 === 0 ? -130 : 70;
      snaps.push({ productId: 8, cityId: '750000000', at: t, offers: [
        { merchantId: OURS, merchantName: 'Our store', price: 25_000 },
        { merchantId: 'manual', merchantName: 'Manual', price },
        { merchantId: 'static', merchantName: 'Static', price: 30_000 },
      ] });
    }
    const { stats: s2 } = scanAll(snaps);
    const manual = profileOf('manual', s2.get('manual')!);
    expect(manual.bot).toBe(false);
    expect(manual.changes).toBeGreaterThan(5);
    expect(manual.activeHours.every((h) => h >= 10 && h < 18)).toBe(true);
    expect(manual.reactionSamples).toBe(0);
    const still = profileOf('static', s2.get('static')!);
    expect(still.changes).toBe(0);
    expect(still.floors[0]).toMatchObject({ floor: 30_000, confidence: 'low' });
  });

  it('time our moves by the journal: a bot answering before our next look is seen answering, its answer time within one look plus its jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3_000, max: 200_000 }),
        fc.integer({ min: 5, max: 50 }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(MIN, 2 * MIN),
        fc.integer({ min: 1, max: 1_000_000 }),
        (floor, answerS, jitterS, lookMs, seed) => {
          const rival = { floor, answerMs: answerS * 1000, jitterMs: jitterS * 1000, step: 1 };
          const journal = profileOf('rival', scanAll(simulatePushes(rival, lookMs, seed, true)).stats.get('rival')!);
          expect(journal.reactionSamples).toBeGreaterThan(10);
          // The answer shows at the first look after it: up to one look late, and the bot strays by its jitter.
          expect(journal.reactionMedianMs! - rival.answerMs).toBeGreaterThanOrEqual(-rival.jitterMs);
          expect(journal.reactionMedianMs! - rival.answerMs).toBeLessThanOrEqual(lookMs + rival.jitterMs);
          // From the looks alone, an answer that shows in the same look as our move is not seen at all.
          const looksOnly = profileOf('rival', scanAll(simulatePushes(rival, lookMs, seed, false)).stats.get('rival')!);
          expect(looksOnly.reactionSamples).toBeLessThan(journal.reactionSamples);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('carries over between refreshes: scanning in two halves through JSON gives the same profile as in one go', () => {
    const snaps = simulateDays({ floor: 50_000, answerMs: 7 * MIN, jitterMs: 30_000, step: 5 }, MIN, 9);
    const whole = profileOf('rival', scanAll(snaps).stats.get('rival')!);
    const half = Math.floor(snaps.length / 2);
    const first = scanAll(snaps.slice(0, half));
    let pair = JSON.parse(JSON.stringify(first.pair)) as PairScan;
    const stats = new Map([...first.stats].map(([id, r]) => [id, JSON.parse(JSON.stringify(r)) as RivalStats]));
    for (const s of snaps.slice(half)) pair = scanSnapshot(pair, s, { ownMerchantIds: [OURS], utcOffsetMinutes: 300 }, (id, name) => stats.get(id) ?? emptyRivalStats(name, s.at));
    expect(profileOf('rival', stats.get('rival')!)).toEqual(whole);
  });
});
