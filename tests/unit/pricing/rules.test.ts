import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { amountOf, floorPrice, resolveRules } from '../../../src-shared/domain/rules';
import { issueMessage, renderMessage } from '../../../src-shared/i18n';

/** The schema's messages, rendered in Russian (their codes are catalogue codes). */
const messages = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => renderMessage(issueMessage(i), 'ru'));
    throw e;
  }
  return [];
};
const codes = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => i.message);
    throw e;
  }
  return [];
};

describe('pricing rules', () => {
  it('computes a cost floor from cost, commission, fees and margin, rounded up', () => {
    // (10 000 + 500) / (1 − 0.125 − 0.05) = 12 727.27… → 12 728
    expect(floorPrice({ kind: 'cost', cost: 10_000, commissionPercent: 12.5, fixedFees: 500, minMargin: { unit: 'percent', value: 5 } })).toBe(12_728);
    // (1 000 + 0 + 100) / 0.9 = 1 222.2… → 1 223
    expect(floorPrice({ kind: 'cost', cost: 1000, commissionPercent: 10, fixedFees: 0, minMargin: { unit: 'tenge', value: 100 } })).toBe(1223);
  });

  it('keeps an exact cost floor exact', () => {
    expect(floorPrice({ kind: 'cost', cost: 900, commissionPercent: 10, fixedFees: 0, minMargin: { unit: 'tenge', value: 0 } })).toBe(1000);
  });

  it('fills a cost floor from the store fee defaults', () => {
    const r = resolveRules({ fees: { commissionPercent: 10, fixedFees: 50 } }, { floor: { kind: 'cost', cost: 850 } });
    expect(floorPrice(r.floor)).toBe(1000);
  });

  it('lets a product override store defaults', () => {
    const r = resolveRules({ strategy: 'match', cooldownSeconds: 60 }, { floor: { kind: 'fixed', price: 10 }, cooldownSeconds: 5 });
    expect(r).toMatchObject({ strategy: 'match', cooldownSeconds: 5 });
  });

  it('says so in plain words when the floor is above the ceiling', () => {
    expect(codes(() => resolveRules({}, { floor: { kind: 'fixed', price: 3000 }, ceiling: 2000 }))).toEqual(['rules.floor_above_ceiling_at']);
    expect(messages(() => resolveRules({}, { floor: { kind: 'fixed', price: 3000 }, ceiling: 2000 }))).toEqual([
      'минимальная цена (3\u202F000\u00A0₸) выше максимальной (2\u202F000\u00A0₸)',
    ]);
  });

  it('rejects fractional and negative prices in plain words', () => {
    const m = messages(() => resolveRules({}, { floor: { kind: 'fixed', price: 99.5 }, ceiling: -3 }));
    expect(m).toContain('цена — целое число тенге, без тиынов');
    expect(m).toContain('цена не может быть меньше 1 ₸');
  });

  it('rejects commission and margin that eat the whole price', () => {
    const m = messages(() => resolveRules({}, { floor: { kind: 'cost', cost: 1, commissionPercent: 60, fixedFees: 0, minMargin: { unit: 'percent', value: 40 } } }));
    expect(m).toEqual(['комиссия и маржа вместе должны быть меньше 100 %']);
  });

  it('rounds a percent amount up and never below one tenge', () => {
    expect(amountOf({ unit: 'percent', value: 0.1 }, 50)).toBe(1);
    expect(amountOf({ unit: 'percent', value: 1 }, 12_345)).toBe(124);
    expect(amountOf({ unit: 'tenge', value: 7 }, 12_345)).toBe(7);
  });
});
