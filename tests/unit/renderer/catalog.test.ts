import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/contract';
import { msg, renderMessage } from '../../../src-shared/i18n';
import { CATALOGS } from '../../../src-renderer/i18n/catalog';
import { translate, translateError } from '../../../src-renderer/i18n/translate';
import { catalogueProblems } from '../../support/catalogue-check';

describe("the pages' text sets", () => {
  it('translate every Russian text into Kazakh and English, with the same placeholders and full plurals', () => {
    const byKey = Object.fromEntries(Object.keys(CATALOGS.ru).map((key) => [key, {
      ru: CATALOGS.ru[key as keyof typeof CATALOGS.ru],
      kk: CATALOGS.kk[key as keyof typeof CATALOGS.ru],
      en: CATALOGS.en[key as keyof typeof CATALOGS.ru],
    }]));
    expect(catalogueProblems(byKey)).toEqual([]);
  });

  it('fill placeholders and plurals the way the message catalogue does', () => {
    expect(translate('en', 'duration.hms', { h: 1, m: 2, s: 3 })).toBe('1 h 2 min 3 s');
    expect(translate('ru', 'products.bulk.saved', { count: 1 })).toBe('Правила сохранены для 1 товара.');
    expect(translate('ru', 'products.bulk.saved', { count: 5 })).toBe('Правила сохранены для 5 товаров.');
    expect(translate('en', 'products.bulk.saved', { count: 1 })).toBe('Rules saved for 1 product.');
  });
});

describe("main's errors in the renderer", () => {
  it("render main's message in the chosen language", () => {
    const error = AppError.from(new AppError('not_found', msg('stores.not_found')).toShape());
    expect(translateError('kk', error)).toBe(renderMessage(msg('stores.not_found'), 'kk'));
    expect(translateError('en', error)).toBe('Store not found. Refresh the list of stores.');
  });

  it('fall back to the generic text of a known code, and to the text itself, for a shape without a message code', () => {
    expect(translateError('kk', AppError.from({ code: 'unavailable', message: 'x' }))).toBe(renderMessage(msg('error.unavailable'), 'kk'));
    expect(translateError('ru', AppError.from({ code: 'kaspi_custom', message: 'Текст из main' }))).toBe('Текст из main');
  });

  it('call anything that is not an AppError an internal error', () => {
    expect(translateError('en', new TypeError('boom'))).toBe('Internal error. See the Logs page for details.');
  });
});
