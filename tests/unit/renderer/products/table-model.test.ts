import { describe, expect, it } from 'vitest';
import { msg } from '../../../../src-shared/i18n';
import { needsAttention, nextSort } from '../../../../src-renderer/pages/products/table-model';
import { fixtureRows } from './fixture-rows';

const base = fixtureRows(1)[0]!;

// Searching, filtering and sorting happen in main (tests/integration/products-table).
describe('products table model', () => {
  it('flips the direction on a second click of the same header', () => {
    expect(nextSort({ key: 'title', dir: 'asc' }, 'title')).toEqual({ key: 'title', dir: 'desc' });
    expect(nextSort({ key: 'title', dir: 'desc' }, 'floor')).toEqual({ key: 'floor', dir: 'asc' });
  });

  it('marks a row the bot cannot price: rules in error, or the bot on without a floor', () => {
    expect(needsAttention({ ...base, rulesError: msg('rules.no_floor') })).toBe(true);
    expect(needsAttention({ ...base, rulesError: null, botEnabled: true, floor: null })).toBe(true);
    expect(needsAttention({ ...base, rulesError: null, botEnabled: false, floor: null })).toBe(false);
    expect(needsAttention({ ...base, rulesError: null, botEnabled: true, floor: 1_000 })).toBe(false);
  });
});
