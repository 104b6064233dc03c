import { describe, expect, it } from 'vitest';
import { decide, NO_KNOWLEDGE } from '../../../src-shared/pricing';
import type { DecideInput, MarketKnowledge } from '../../../src-shared/pricing';
import type { EngineCore } from '../../../src-main/demper/engine-core';
import { shareWatched } from '../../../src-main/demper/quiet-looks';
import { offer, rules, US } from '../pricing/fixtures';

const MIN = 60_000;

/** Only the offer source matters to shareWatched: a replay's answers quietUntil, live's does not. */
const coreWith = (replay: boolean) => ({ deps: { offers: replay ? { quietUntil: () => Infinity } : {} } }) as unknown as EngineCore;

const input = (knowledge: MarketKnowledge, over: Partial<DecideInput> = {}): DecideInput => ({
  rules: rules(),
  our: { merchantId: US, price: 1500 },
  ownMerchantIds: [],
  offers: [offer('bot', 1400), offer('calm', 1900)],
  now: 0,
  knowledge,
  ...over,
});

describe('shareWatched: the knowledge a look decides with, noting in a replay whether the budget share was read', () => {
  const learnt: MarketKnowledge = { ...NO_KNOWLEDGE, answerMs: { bot: 30_000 }, probeAllowed: true, affordEveryMs: 15 * MIN };

  it('leaves live looks their knowledge as it is', () => {
    expect(shareWatched(coreWith(false), learnt)).toBe(learnt);
  });

  it('gives a replay look knowledge with every fact of the original, the share included', () => {
    const watched = shareWatched(coreWith(true), learnt);
    expect(watched).not.toBe(learnt);
    expect({ ...watched }).toEqual(learnt);
  });

  it('decides in a replay exactly as live would, whether the decision weighs the share or copies the knowledge', () => {
    const cases: Partial<DecideInput>[] = [
      {},
      { offers: [offer('bot', 1600)] },
      { rules: rules({ maxChangesPerDay: 5 }), guard: { lastChangeAt: null, changesToday: 4, warRivals: [] } },
    ];
    for (const knowledge of [learnt, { ...learnt, affordEveryMs: 0 }, NO_KNOWLEDGE]) {
      for (const over of cases) expect(decide(input(shareWatched(coreWith(true), knowledge), over))).toEqual(decide(input(knowledge, over)));
    }
  });
});
