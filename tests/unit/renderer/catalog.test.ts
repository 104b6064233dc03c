import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../src-renderer/i18n/catalog';
import { translate, translateError } from '../../../src-renderer/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('text catalogs', () => {
  it('translate every Russian text into Kazakh and English, with the same placeholders', () => {
    for (const [key, ru] of Object.entries(CATALOGS.ru)) {
      for (const language of ['kk', 'en'] as const) {
        const text = CATALOGS[language][key as keyof typeof CATALOGS.ru];
        expect(text, `${language}: ${key}`).toBeTruthy();
        expect(placeholders(text), `${language}: ${key}`).toEqual(placeholders(ru));
      }
    }
  });

  it('fills placeholders and shows known error codes in the chosen language', () => {
    expect(translate('en', 'duration.hms', { h: 1, m: 2, s: 3 })).toBe('1 h 2 min 3 s');
    expect(translateError('kk', { code: 'unavailable', message: 'x' })).toBe(CATALOGS.kk['error.unavailable']);
    expect(translateError('ru', { code: 'kaspi_custom', message: 'Текст из main' })).toBe('Текст из main');
  });
});
