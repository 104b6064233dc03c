import { describe, expect, it } from 'vitest';
import { CATALOGUE, CATALOGUE_PARTS } from '../../../src-shared/i18n/catalogue';
import { LANGUAGES } from '../../../src-shared/i18n/languages';
import { message, msg, renderMessage } from '../../../src-shared/i18n';
import { catalogueProblems, REQUIRED_PLURAL_FORMS } from '../../support/catalogue-check';

describe('the message catalogue', () => {
  it('has every message in Russian, Kazakh and English, with the same placeholders and full plurals', () => {
    expect(catalogueProblems(CATALOGUE)).toEqual([]);
  });

  it('defines each code once', () => {
    const total = CATALOGUE_PARTS.reduce((sum, part) => sum + Object.keys(part).length, 0);
    expect(Object.keys(CATALOGUE)).toHaveLength(total);
  });

  it('asks of each language only plural forms the language has', () => {
    for (const language of LANGUAGES) {
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const form of REQUIRED_PLURAL_FORMS[language]) expect(forms, language).toContain(form);
    }
  });

  it('reports a code without a language, and a language that drops or adds a placeholder', () => {
    const broken = {
      'x.missing_kk': { ru: 'Товар {sku}', en: 'Product {sku}' },
      'x.dropped': { ru: 'Товар {sku} в {store}', kk: '{sku} тауары', en: 'Product {sku} in {store}' },
      'x.added': { ru: 'Товар', kk: 'Тауар', en: 'Product {sku}' },
      'x.plural': { ru: '{n, plural, one {# товар} other {# товаров}}', kk: '{n, plural, other {# тауар}}', en: '{n, plural, other {# products}}' },
      'x.unparsed': { ru: 'Товар {sku', kk: 'Тауар {sku}', en: 'Product {sku}' },
    };
    const problems = catalogueProblems(broken);
    expect(problems).toContain('x.missing_kk: no kk text');
    expect(problems).toContain('x.dropped (kk): placeholders {sku}, Russian has {sku, store}');
    expect(problems).toContain('x.added (en): placeholders {sku}, Russian has {}');
    expect(problems).toContain('x.plural (ru): a plural without few, many');
    expect(problems).toContain('x.plural (en): a plural without one');
    expect(problems.some((p) => p.startsWith('x.unparsed (ru):'))).toBe(true);
  });
});

describe('rendering a message', () => {
  it('counts in each language: 1 товар, 2 товара, 5 товаров', () => {
    const refused = (bad: number, total: number) => msg('rules.bot_not_enabled', { bad, total });
    expect(renderMessage(refused(1, 1), 'ru')).toContain('у 1 из 1 товара правила');
    expect(renderMessage(refused(1, 2), 'ru')).toContain('у 1 из 2 товаров правила');
    expect(renderMessage(refused(3, 21), 'ru')).toContain('у 3 из 21 товара правила');
    expect(renderMessage(refused(5, 11), 'ru')).toContain('у 5 из 11 товаров правила');
    expect(renderMessage(refused(1, 1), 'en')).toContain('for 1 of 1 product (');
    expect(renderMessage(refused(2, 5), 'en')).toContain('for 2 of 5 products (');
    expect(renderMessage(refused(2, 5), 'kk')).toContain('5 тауардың 2 тауарында');
  });

  it('says how many more products in the right form', () => {
    const rejected = (more: number) => msg('rules.rejected', { headline: msg('rules.not_saved'), examples: [msg('rules.product_problems', { sku: 'A-1', errors: [msg('rules.no_floor')] })], more });
    expect(renderMessage(rejected(0), 'ru')).toBe('Правила не сохранены. A-1 (Не задана минимальная цена)');
    expect(renderMessage(rejected(1), 'ru')).toMatch(/ и ещё 1 товар$/);
    expect(renderMessage(rejected(3), 'ru')).toMatch(/ и ещё 3 товара$/);
    expect(renderMessage(rejected(5), 'ru')).toMatch(/ и ещё 5 товаров$/);
    expect(renderMessage(rejected(5), 'en')).toMatch(/ and 5 more products$/);
    expect(renderMessage(rejected(1), 'en')).toMatch(/ and 1 more product$/);
    expect(renderMessage(rejected(5), 'kk')).toMatch(/ және тағы 5 тауар$/);
    expect(renderMessage(rejected(1), 'kk')).toMatch(/ және тағы 1 тауар$/);
  });

  it('writes prices in whole tenge with grouped thousands', () => {
    const crossed = msg('rules.floor_above_ceiling', { floor: 12990, ceiling: 1_000_000 });
    expect(renderMessage(crossed, 'ru')).toBe('Минимальная цена выше максимальной (12\u202F990\u00A0₸ > 1\u202F000\u202F000\u00A0₸)');
    expect(renderMessage(crossed, 'en')).toBe('The floor is above the ceiling (12\u202F990\u00A0₸ > 1\u202F000\u202F000\u00A0₸)');
  });

  it('renders nested messages and lists in the same language, and picks select branches', () => {
    const cell = msg('csv.cell', { column: msg('csv.column.floor'), problem: msg('csv.negative', { what: 'price', raw: '-5' }) });
    expect(renderMessage(cell, 'ru')).toBe('Минимальная цена: цена не может быть отрицательной: «-5»');
    expect(renderMessage(cell, 'kk')).toBe('Ең төменгі баға: баға теріс бола алмайды: «-5»');
    expect(renderMessage(cell, 'en')).toBe('Floor: a price cannot be negative: “-5”');
    expect(renderMessage(msg('stores.code_timeout', { kind: 'email' }), 'ru')).toMatch(/^Код из письма/);
    expect(renderMessage(msg('stores.code_timeout', { kind: 'sms' }), 'ru')).toMatch(/^Код из SMS/);
    expect(renderMessage(msg('list', { items: [msg('rules.no_floor'), msg('rules.fix_first')] }), 'en')).toBe('No floor price is set; Fix the rules first');
  });

  it('lowers the first letter of a problem that follows its field', () => {
    const line = msg('rules.field_problem', { field: msg('rules.field.ceiling'), problem: msg('rules.not_whole.price') });
    expect(renderMessage(line, 'ru')).toBe('Максимальная цена: цена должна быть целым числом тенге');
    expect(renderMessage(line, 'en')).toBe('Ceiling price: a price must be whole tenge');
  });

  it('shows a code it does not know as the code, and a missing parameter as its placeholder', () => {
    expect(renderMessage({ code: 'no.such' } as never, 'ru')).toBe('no.such');
    expect(renderMessage({ code: 'csv.sku_not_found' }, 'ru')).toBe('Товар с артикулом «{sku}» не найден');
  });
});

describe('building a message in tests', () => {
  it('refuses parameters its template does not name, and a missing one', () => {
    expect(() => msg('csv.sku_not_found', { sku: 'A', store: 'B' })).toThrow(/takes \{sku\}, got \{sku, store\}/);
    expect(() => msg('csv.sku_not_found')).toThrow(/takes \{sku\}, got \{\}/);
    expect(msg('csv.sku_not_found', { sku: 'A' })).toEqual({ code: 'csv.sku_not_found', params: { sku: 'A' } });
  });
});

describe('the contract shape of a message', () => {
  it('accepts catalogue messages nested in parameters and refuses an unknown code at any depth', () => {
    const nested = msg('list', { items: [msg('rules.no_floor'), msg('csv.cell', { column: msg('csv.column.floor'), problem: msg('csv.not_a_number', { raw: 'x' }) })] });
    expect(message.safeParse(nested).success).toBe(true);
    expect(message.safeParse({ code: 'no.such' }).success).toBe(false);
    expect(message.safeParse({ code: 'list', params: { items: [{ code: 'no.such' }] } }).success).toBe(false);
    expect(message.safeParse({ code: 'csv.sku_not_found', params: { sku: { nested: 'object' } } }).success).toBe(false);
    expect(message.safeParse('Товар не найден').success).toBe(false);
  });
});
