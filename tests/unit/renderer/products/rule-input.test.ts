import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../../src-renderer/pages/products/rule-input';

const labels = { undercut: 'Ниже конкурента', match: 'Как у конкурента', top_n: 'Держать место', monitor: 'Наблюдение' };
const rows = [{ floor: 10_000, ceiling: 12_000 }, { floor: 5_000, ceiling: 9_000 }, { floor: null, ceiling: null }];

describe('rule edit checks before anything is sent', () => {
  it('turns typed values into a rules change, empty optional fields back to the store default', () => {
    expect(checkDraft({ floor: '8 000 ₸', ceiling: '', step: '1,5%', strategy: 'match' }, rows, labels)).toEqual({
      set: { floor: { kind: 'fixed', price: 8_000 }, step: { unit: 'percent', value: 1.5 }, strategy: 'match' },
      unset: ['ceiling'],
      errors: {},
    });
    expect(checkDraft({ strategy: 'держать место' }, rows, labels).set).toEqual({ strategy: 'top_n' });
  });

  it('names each bad value at its field', () => {
    expect(checkDraft({ floor: '', ceiling: '1.5', step: 'abc', strategy: 'fastest' }, rows, labels).errors).toEqual({
      floor: { key: 'products.err.floorRequired' },
      ceiling: { key: 'products.err.fraction' },
      step: { key: 'products.err.step' },
      strategy: { key: 'products.err.strategy', params: { value: 'fastest' } },
    });
    expect(checkDraft({ floor: '-1' }, rows, labels).errors.floor).toEqual({ key: 'products.err.negative' });
    expect(checkDraft({ floor: '0' }, rows, labels).errors.floor).toEqual({ key: 'products.err.tooSmall' });
  });

  it('catches a floor above the ceiling of any selected product, at the field being changed', () => {
    expect(checkDraft({ floor: '9 500' }, rows, labels).errors).toEqual({
      floor: { key: 'products.err.floorAboveCeiling', params: { floor: '9\u202F500\u00A0₸', ceiling: '9\u202F000\u00A0₸' } },
    });
    expect(checkDraft({ ceiling: '4000' }, rows, labels).errors).toEqual({
      ceiling: { key: 'products.err.floorAboveCeilingMany', params: { count: 2, floor: '10\u202F000\u00A0₸', ceiling: '4\u202F000\u00A0₸' } },
    });
    expect(checkDraft({ floor: '9000', ceiling: '9000' }, rows, labels).errors).toEqual({});
  });
});
