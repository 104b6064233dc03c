import { describe, expect, it } from 'vitest';
import { msg } from '../../../../src-shared/i18n';
import { DEFAULT_QUERY, filterAndSort, nextSort } from '../../../../src-renderer/pages/products/table-model';
import type { TableQuery } from '../../../../src-renderer/pages/products/table-model';
import type { ProductTableRow } from '../../../../src-shared/contract/products';
import { fixtureRows } from './fixture-rows';

const base = fixtureRows(1)[0]!;
const row = (id: number, patch: Partial<ProductTableRow>): ProductTableRow => ({ ...base, id, sku: `S${id}`, ...patch });
const q = (patch: Partial<TableQuery>): TableQuery => ({ ...DEFAULT_QUERY, ...patch });
const ids = (rows: ProductTableRow[]) => rows.map((r) => r.id);

describe('products table data layer', () => {
  const rows = [
    row(1, { title: 'Чайник Tefal', ourPrice: 12_990, floor: 12_990, position: 2, rivalsCount: 3, botEnabled: true, rulesError: null }),
    row(2, { title: 'чайник Bosch', ourPrice: 9_000, floor: 8_000, position: 1, rivalsCount: 0, marketAt: '2026-11-20T09:00:00.000Z', botEnabled: false, rulesError: null }),
    row(3, { title: 'Утюг', ourPrice: null, floor: null, position: null, rivalsCount: 0, marketAt: null, botEnabled: true, rulesError: msg('rules.no_floor') }),
    row(4, { title: 'Ёлка', ourPrice: 15_000, floor: 10_000, position: 5, rivalsCount: 8, botEnabled: false, rulesError: null, masterSku: '100000009' }),
  ];

  it('finds by title in any case, by SKU and by Kaspi master SKU', () => {
    expect(ids(filterAndSort(rows, q({ search: 'ЧАЙНИК' })))).toEqual([2, 1]);
    expect(ids(filterAndSort(rows, q({ search: 's3' })))).toEqual([3]);
    expect(ids(filterAndSort(rows, q({ search: '100000009' })))).toEqual([4]);
  });

  it('filters by bot state and combines quick filters', () => {
    expect(ids(filterAndSort(rows, q({ bot: 'on' })))).toEqual([3, 1]);
    expect(ids(filterAndSort(rows, q({ bot: 'off' })))).toEqual([4, 2]);
    expect(ids(filterAndSort(rows, q({ flags: ['firstLost'] })))).toEqual([4, 1]);
    expect(ids(filterAndSort(rows, q({ flags: ['atFloor'] })))).toEqual([1]);
    // Never looked at is not the same as alone on the storefront.
    expect(ids(filterAndSort(rows, q({ flags: ['noRivals'] })))).toEqual([2]);
    expect(ids(filterAndSort(rows, q({ flags: ['attention'] })))).toEqual([3]);
    expect(ids(filterAndSort(rows, q({ flags: ['firstLost', 'atFloor'] })))).toEqual([1]);
  });

  it('sorts text the Russian way and numbers by value, empty values last in both directions', () => {
    expect(ids(filterAndSort(rows, q({ sort: { key: 'title', dir: 'asc' } })))).toEqual([4, 3, 2, 1]);
    expect(ids(filterAndSort(rows, q({ sort: { key: 'ourPrice', dir: 'asc' } })))).toEqual([2, 1, 4, 3]);
    expect(ids(filterAndSort(rows, q({ sort: { key: 'ourPrice', dir: 'desc' } })))).toEqual([4, 1, 2, 3]);
    expect(ids(filterAndSort(rows, q({ sort: { key: 'position', dir: 'desc' } })))).toEqual([4, 1, 2, 3]);
  });

  it('keeps equal rows in their incoming order (a stable sort)', () => {
    const same = [row(10, { floor: 5 }), row(11, { floor: 5 }), row(12, { floor: 5 })];
    expect(ids(filterAndSort(same, q({ sort: { key: 'floor', dir: 'desc' } })))).toEqual([10, 11, 12]);
  });

  it('flips the direction on a second click of the same header', () => {
    expect(nextSort({ key: 'title', dir: 'asc' }, 'title')).toEqual({ key: 'title', dir: 'desc' });
    expect(nextSort({ key: 'title', dir: 'desc' }, 'floor')).toEqual({ key: 'floor', dir: 'asc' });
  });

  // Its speed is measured in `npm run bench` (table_filter_sort_ms), not here: a loaded machine is not a slow program.
  it('filters and sorts 10,000 rows, keeping only the rows the filters name', () => {
    const many = fixtureRows(10_000);
    const out = filterAndSort(many, q({ bot: 'on', flags: ['firstLost'], sort: { key: 'title', dir: 'desc' } }));
    expect(out.length).toBeGreaterThan(1000);
    expect(out.every((r) => r.botEnabled && r.position! > 1)).toBe(true);
  });
});
