import { describe, expect, it } from 'vitest';
import { sortKey } from '../../../src-main/products-table/sort-key';
import { fixtureRows } from '../renderer/products/fixture-rows';

const russian = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });
const byKey = (texts: readonly string[]) => [...texts].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

describe('sort keys: the Russian order as bytes SQLite compares', () => {
  it('orders a catalogue’s titles and SKUs as Intl.Collator("ru") does', () => {
    const rows = fixtureRows(2_000, 3);
    const mixed = ['Ёлка 10', 'елка 9', 'Айфон', 'iPhone 15', 'iPhone 9', 'Чайник', 'чайник Tefal', 'Zebra', 'Ящик', 'Йогурт', 'Игла', 'Éclair', 'eclair 2'];
    for (const texts of [rows.map((r) => r.title), rows.map((r) => r.sku), mixed]) {
      const expected = [...texts].sort(russian.compare);
      // Texts the collator calls equal may come in any order: compare what each position holds.
      expect(byKey(texts).map((t) => sortKey(t))).toEqual(expected.map((t) => sortKey(t)));
      expect(byKey(texts).every((t, i) => russian.compare(t, expected[i]!) === 0)).toBe(true);
    }
  });

  it('puts Cyrillic before Latin, numbers by value, and keeps й apart from и', () => {
    expect(byKey(['b', 'б', 'a', 'я'])).toEqual(['б', 'я', 'a', 'b']);
    expect(byKey(['Модель 10', 'Модель 9', 'Модель 100'])).toEqual(['Модель 9', 'Модель 10', 'Модель 100']);
    expect(byKey(['Йогурт', 'Игла', 'Ка'])).toEqual(['Игла', 'Йогурт', 'Ка']);
    expect(sortKey('Ёж')).toBe(sortKey('еж'));
  });
});
