import { describe, expect, it } from 'vitest';
import { matchHeaders, parseBool, parseStep, parseStrategy, parseTenge, readRuleRow } from '../../../src-shared/csv';
import { msg, renderMessage } from '../../../src-shared/i18n';
import type { Message } from '../../../src-shared/i18n';

const inRussian = (m: Message) => renderMessage(m, 'ru');
const problem = (r: { ok: boolean; error?: Message }) => (r.ok ? 'ok' : inRussian(r.error!));

describe('rules CSV columns and values', () => {
  it('matches Russian and English headers whatever their case, spacing or ₸ suffix', () => {
    const ru = matchHeaders(['Артикул', ' минимальная  цена ', 'Максимальная цена, ₸', 'Шаг', 'Стратегия', 'Бот', 'Себестоимость', 'Комментарий']);
    expect(Object.fromEntries(ru.columns)).toEqual({ sku: 0, floor: 1, ceiling: 2, step: 3, strategy: 4, bot: 5, cost: 6 });
    const en = matchHeaders(['SKU', 'Floor', 'Ceiling (₸)', 'STEP', 'Strategy', 'Bot', 'Cost']);
    expect(Object.fromEntries(en.columns)).toEqual({ sku: 0, floor: 1, ceiling: 2, step: 3, strategy: 4, bot: 5, cost: 6 });
    expect(matchHeaders(['SKU', 'Артикул']).errors).toEqual([msg('csv.column_twice', { column: msg('csv.column.sku') })]);
    expect(matchHeaders(['SKU', 'Артикул']).errors.map(inRussian)).toEqual(['Столбец «Артикул» встречается дважды']);
  });

  it('accepts tenge written the way sellers write it and refuses fractions, negatives and words', () => {
    for (const raw of ['12990', '12 990', '12\u00A0990 ₸', '12990₸', '12 990,00', '12990 тг']) expect(parseTenge(raw)).toEqual({ ok: true, value: 12_990 });
    expect(problem(parseTenge('12 990,5'))).toContain('целым числом тенге');
    expect(problem(parseTenge('-100'))).toContain('отрицательной');
    expect(problem(parseTenge('0'))).toContain('не меньше 1\u00A0₸');
    expect(parseTenge('0', { min: 0 })).toEqual({ ok: true, value: 0 });
    expect(parseTenge('дорого')).toEqual({ ok: false, error: msg('csv.not_a_number', { raw: 'дорого' }) });
    expect(problem(parseTenge('дорого'))).toBe('не число: «дорого»');
    expect(problem(parseStep('-5'))).toBe('шаг не может быть отрицательным: «-5»');
  });

  it('reads steps in tenge or percent, strategies and yes/no in both languages', () => {
    expect(parseStep('10 ₸')).toEqual({ ok: true, value: { unit: 'tenge', value: 10 } });
    expect(parseStep('2,5%')).toEqual({ ok: true, value: { unit: 'percent', value: 2.5 } });
    expect(parseStep('1.125%').ok).toBe(false);
    expect(parseStrategy('Ниже конкурента')).toEqual({ ok: true, value: 'undercut' });
    expect(parseStrategy('TOP_N')).toEqual({ ok: true, value: 'top_n' });
    expect(parseStrategy('наблюдение')).toEqual({ ok: true, value: 'monitor' });
    expect(parseStrategy('X')).toEqual({ ok: false, error: msg('rules.unknown_strategy', { value: 'X' }) });
    expect(problem(parseStrategy('X'))).toBe('Неизвестная стратегия «X»');
    expect([parseBool('Да'), parseBool('no'), parseBool('вкл')]).toEqual([{ ok: true, value: true }, { ok: true, value: false }, { ok: true, value: true }]);
    expect(parseBool('может').ok).toBe(false);
  });

  it('turns a row into a patch, leaving empty cells alone and naming every bad cell', () => {
    const { columns } = matchHeaders(['SKU', 'Floor', 'Cost', 'Ceiling', 'Step', 'Strategy', 'Bot']);
    expect(readRuleRow(columns, ['A1', '12 500', '', 'нет', '5%', 'match', 'yes'])).toEqual({
      sku: 'A1', store: null, title: null, floor: { kind: 'fixed', price: 12_500 }, bot: true, errors: [],
      set: { ceiling: null, step: { unit: 'percent', value: 5 }, strategy: 'match' },
    });
    expect(readRuleRow(columns, ['A2', '', '7000', '', '', '', '']).floor).toEqual({ kind: 'cost', cost: 7_000 });
    expect(readRuleRow(columns, ['A3', '1', '2', '-5', '', 'fast', 'maybe']).errors.map(inRussian)).toEqual([
      'Укажите либо минимальную цену, либо себестоимость, не обе',
      'Максимальная цена: цена не может быть отрицательной: «-5»',
      'Неизвестная стратегия «fast»',
      'Бот: ожидается «да» или «нет»: «maybe»',
    ]);
    expect(readRuleRow(columns, ['', '100']).errors).toEqual([msg('csv.no_sku')]);
  });
});
