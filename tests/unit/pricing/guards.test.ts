import { describe, expect, it } from 'vitest';
import { decide } from '../../../src-shared/pricing';
import { offer, rules, US } from './fixtures';

const at = (ms: number) => ms;

describe('guards', () => {
  it('holds during the cooldown and says when it ends', () => {
    const d = decide({
      rules: rules({ cooldownSeconds: 300 }),
      our: { merchantId: US, price: 1500 },
      ownMerchantIds: [],
      offers: [offer('a', 1400)],
      guard: { lastChangeAt: at(1_000_000), changesToday: 1, warRivals: [] },
      now: at(1_000_000 + 120_000),
    });
    expect(d).toMatchObject({ action: 'hold', reason: { guards: ['cooldown'], cooldownUntil: 1_300_000, proposedPrice: 1399 } });
  });

  it('acts again once the cooldown has passed', () => {
    const d = decide({
      rules: rules({ cooldownSeconds: 300 }),
      our: { merchantId: US, price: 1500 },
      ownMerchantIds: [],
      offers: [offer('a', 1400)],
      guard: { lastChangeAt: 0, changesToday: 1, warRivals: [] },
      now: 300_000,
    });
    expect(d).toMatchObject({ action: 'set', price: 1399 });
  });

  it('holds once the daily cap is used up', () => {
    const d = decide({
      rules: rules({ maxChangesPerDay: 3 }),
      our: { merchantId: US, price: 1500 },
      ownMerchantIds: [],
      offers: [offer('a', 1400)],
      guard: { lastChangeAt: null, changesToday: 3, warRivals: [] },
      now: 0,
    });
    expect(d).toMatchObject({ action: 'hold', reason: { guards: ['daily_cap'] } });
  });

  it('clamps a big drop to the max drop instead of refusing it', () => {
    const d = decide({
      rules: rules({ maxDropPerChange: { unit: 'percent', value: 10 } }),
      our: { merchantId: US, price: 1800 },
      ownMerchantIds: [],
      offers: [offer('a', 1100)],
      now: 0,
    });
    expect(d).toMatchObject({ action: 'set', price: 1620, reason: { guards: ['max_drop'], proposedPrice: 1099 } });
  });

  it('never lets the max drop push a price under the floor', () => {
    const d = decide({
      rules: rules({ maxDropPerChange: { unit: 'tenge', value: 500 } }),
      our: { merchantId: US, price: 1200 },
      ownMerchantIds: [],
      offers: [offer('a', 900)],
      now: 0,
    });
    expect(d.action === 'set' ? d.price : 1200).toBeGreaterThanOrEqual(1000);
  });

  it('pulls a price above the ceiling down even during a cooldown and over the daily cap', () => {
    const d = decide({
      rules: rules({ cooldownSeconds: 3600, maxChangesPerDay: 1 }),
      our: { merchantId: US, price: 2600 },
      ownMerchantIds: [],
      offers: [],
      guard: { lastChangeAt: 0, changesToday: 5, warRivals: [] },
      now: 1000,
    });
    expect(d).toMatchObject({ action: 'set', price: 2000 });
  });

  it('holds with rules_invalid when a floor above the ceiling slips past validation', () => {
    const broken = { ...rules(), ceiling: 900 };
    const d = decide({ rules: broken, our: { merchantId: US, price: 950 }, ownMerchantIds: [], offers: [], now: 0 });
    expect(d).toMatchObject({ action: 'hold', reason: { code: 'rules_invalid' } });
  });
});
