import { describe, expect, it } from 'vitest';
import { emptyMemory, holdEstimateMs, knowledgeOf, observeAnswers, observeRead, warRivals } from '../../../src-shared/pricing';
import type { MoveObservation, MoveWatch, PairMemory } from '../../../src-shared/pricing';

const MIN = 60_000;
const HOUR = 60 * MIN;

const read = (memory: PairMemory, at: number, ourPrice: number | null, rivals: Record<string, number>) => {
  const list = Object.entries(rivals).map(([merchantId, price]) => ({ merchantId, price })).sort((a, b) => a.price - b.price);
  observeRead(memory, { at, ourPrice, rivals: list, allPrices: [...(ourPrice === null ? [] : [ourPrice]), ...list.map((r) => r.price)], trusted: true });
};

/** We move to `ours`; the bot answers `after` ms later with `answer` (or not at all). */
const move = (memory: PairMemory, at: number, ours: number, bot: number, answer: number | null, after = 20_000) => {
  const watch: MoveWatch = { counted: [], judged: false };
  const obs = (dt: number, botNow: number): MoveObservation => ({ movedAt: at, ourPrice: ours, rivalsBefore: [{ merchantId: 'bot', price: bot }], observedAt: at + dt, rivalsAfter: [{ merchantId: 'bot', price: botNow }] });
  observeAnswers(memory, obs(after, answer ?? bot), watch);
  observeAnswers(memory, obs(after + 2 * MIN, answer ?? bot), watch);
};

describe('market memory: price-war flags', () => {
  it('flags a rival that answered three moves within seconds, and knows how fast it answers', () => {
    const m = emptyMemory();
    read(m, 0, 1500, { bot: 1501 });
    move(m, 0, 1500, 1501, 1499);
    move(m, 10 * MIN, 1498, 1499, 1497);
    expect(warRivals(m, 11 * MIN)).toEqual([]);
    move(m, 20 * MIN, 1496, 1497, 1495);
    expect(warRivals(m, 21 * MIN)).toEqual(['bot']);
    expect(m.rivals['bot']!.answerMs).toBe(20_000);
  });

  it('does not flag a rival that moved slowly for its own reasons (answers seen only long after, or landing far under us)', () => {
    const slow = emptyMemory();
    read(slow, 0, 1500, { bot: 1501 });
    for (let i = 0; i < 5; i++) move(slow, i * HOUR, 1500 - 2 * i, 1501 - 2 * i, 1499 - 2 * i, 10 * MIN);
    expect(warRivals(slow, 5 * HOUR)).toEqual([]);
    expect(slow.rivals['bot']!.answerMs).toBe(10 * MIN);
    const sale = emptyMemory();
    read(sale, 0, 1500, { bot: 1501 });
    for (let i = 0; i < 5; i++) move(sale, i * HOUR, 1500, 1501, 1200);
    expect(warRivals(sale, 5 * HOUR)).toEqual([]);
  });

  it('lifts the flag when the rival stops answering, and with time', () => {
    const m = emptyMemory();
    read(m, 0, 1500, { bot: 1501 });
    for (let i = 0; i < 3; i++) move(m, i * MIN * 5, 1500, 1501, 1499);
    expect(warRivals(m, 15 * MIN)).toEqual(['bot']);
    move(m, 20 * MIN, 1400, 1499, null);
    expect(warRivals(m, 25 * MIN)).toEqual([]);
    const idle = emptyMemory();
    read(idle, 0, 1500, { bot: 1501 });
    for (let i = 0; i < 3; i++) move(idle, i * MIN * 5, 1500, 1501, 1499);
    expect(warRivals(idle, HOUR)).toEqual(['bot']);
    expect(warRivals(idle, 6 * HOUR)).toEqual([]);
  });

  it('counts one answer to one move once, however often we look', () => {
    const m = emptyMemory();
    read(m, 0, 1500, { bot: 1501 });
    const watch: MoveWatch = { counted: [], judged: false };
    for (let look = 0; look < 5; look++) {
      observeAnswers(m, { movedAt: 0, ourPrice: 1500, rivalsBefore: [{ merchantId: 'bot', price: 1501 }], observedAt: 20_000 + look * 10_000, rivalsAfter: [{ merchantId: 'bot', price: 1499 }] }, watch);
    }
    expect(m.rivals['bot']!.war).toBe(1);
  });
});

describe('market memory: rival floors', () => {
  it('learns the floor of a rival that answers moves and stopped following us down', () => {
    const m = emptyMemory();
    read(m, 0, 2000, { bot: 2001 });
    move(m, 0, 2000, 2001, 1999);
    read(m, MIN, 1999 + 0, { bot: 1999 });
    // We go to 1500; it comes down to 1800 and stays there above us: its floor.
    read(m, 5 * MIN, 1500, { bot: 1800 });
    expect(knowledgeOf(m, 5 * MIN, 0).rivalFloors['bot']).toEqual({ price: 1800, sure: true });
  });

  it('knows only a bound for a rival that never stopped (its lowest price), and forgets a floor it went under', () => {
    const m = emptyMemory();
    read(m, 0, 2000, { bot: 1900 });
    read(m, MIN, 2000, { bot: 1850 });
    expect(knowledgeOf(m, MIN, 0).rivalFloors['bot']).toEqual({ price: 1850, sure: false });
    m.rivals['bot']!.heldAt = 1850;
    read(m, 2 * MIN, 2000, { bot: 1700 });
    expect(knowledgeOf(m, 2 * MIN, 0).rivalFloors['bot']).toEqual({ price: 1700, sure: false });
  });
});

describe('market memory: how long first place holds', () => {
  it('learns from first-place spells and their losses, starting from a half-hour prior', () => {
    const m = emptyMemory();
    expect(holdEstimateMs(m, 0)).toBe(30 * MIN);
    read(m, 0, 1000, { bot: 1001 });
    read(m, 10 * MIN, 1000, { bot: 999 });
    read(m, 20 * MIN, 998, { bot: 999 });
    read(m, 30 * MIN, 998, { bot: 997 });
    // Two spells of 10 minutes each, plus the prior: (20 + 30) / 3.
    expect(holdEstimateMs(m, 30 * MIN)).toBe(Math.round((50 * MIN) / 3));
  });
});
