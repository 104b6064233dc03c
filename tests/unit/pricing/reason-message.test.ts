import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, formatTenge, reasonMessage } from '../../../src-shared/pricing';
import { setStrictMessages } from '../../../src-shared/i18n';
import { describeReason, offer, rules, US } from './fixtures';
import { GUARDS, REASON_CODES } from '../../../src-shared/domain/decision';

// Every message the reasons build is checked against its catalogue template (names and count of parameters).
beforeAll(() => setStrictMessages(true));
afterAll(() => setStrictMessages(false));


const nbsp = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

describe('a decision reason as a catalogue message', () => {
  const d = decide({
    rules: resolveFloor(12_500),
    our: { merchantId: US, price: 13_500 },
    ownMerchantIds: [],
    offers: [offer('x', 13_000, { merchantName: 'Магазин X' })],
    now: 0,
  });

  it('tells a seller in Russian why the price went down', () => {
    expect(nbsp(describeReason(d.reason, 'ru'))).toBe('Снижено до 12 990 ₸: на 10 ₸ ниже «Магазин X»; минимум 12 500 ₸');
  });
  it('speaks English and Kazakh too', () => {
    expect(nbsp(describeReason(d.reason, 'en'))).toBe('Lowered to 12 990 ₸: 10 ₸ below «Магазин X»; minimum 12 500 ₸');
    expect(nbsp(describeReason(d.reason, 'kk'))).toContain('12 990 ₸ дейін төмендетілді');
  });
  it('names the guard that held the price', () => {
    const held = decide({
      rules: rules({ belowFloor: 'floor' }),
      our: { merchantId: US, price: 1200 },
      ownMerchantIds: [],
      offers: [offer('a', 800)],
      now: 0,
    });
    expect(nbsp(describeReason(held.reason, 'ru'))).toBe('Снижено до 1 000 ₸: конкурент ниже вашего минимума — стоим на минимуме; минимум 1 000 ₸');
  });
});

describe('formatTenge', () => {
  it('groups thousands with a narrow no-break space and keeps the sign attached', () => {
    expect(formatTenge(12_990)).toBe('12\u202F990\u00A0₸');
    expect(formatTenge(1_234_567)).toBe('1\u202F234\u202F567\u00A0₸');
    expect(formatTenge(5)).toBe('5\u00A0₸');
  });
});

function resolveFloor(floor: number) {
  return rules({ floor: { kind: 'fixed', price: floor }, ceiling: 20_000, step: { unit: 'tenge', value: 10 } });
}

describe('reason messages over every outcome', () => {
  it('gives a non-empty line with the price in every language for every reason code', () => {
    const base = decide({ rules: rules(), our: { merchantId: US, price: 1500 }, ownMerchantIds: [], offers: [offer('a', 1400)], now: 0 }).reason;
    for (const code of REASON_CODES) {
      for (const lang of ['ru', 'en', 'kk'] as const) {
        const text = nbsp(describeReason({ ...base, code, guards: ['floor', 'max_drop', 'cooldown'] }, lang));
        expect(text.length).toBeGreaterThan(10);
        if (code !== 'not_listed') expect(text).toContain('1 399 ₸');
        expect(text).not.toMatch(/undefined|NaN|null|[{}]|decision\./);
      }
    }
  });

  it('words every guard in every language from the catalogue', () => {
    const base = decide({ rules: rules({ ceiling: 2000 }), our: { merchantId: US, price: 1500 }, ownMerchantIds: [], offers: [offer('a', 1400)], now: 0 }).reason;
    const allGuards = { ...base, guards: [...GUARDS] };
    expect(nbsp(describeReason(allGuards, 'ru'))).toContain('минимум 1 000 ₸; максимум 2 000 ₸; цена не может быть ниже 1 ₸; снижение ограничено правилом «макс. снижение за раз»; пауза между изменениями ещё не прошла; исчерпан лимит изменений за день');
    expect(nbsp(describeReason(allGuards, 'en'))).toContain('minimum 1 000 ₸; maximum 2 000 ₸; a price cannot be below 1 ₸; the drop is limited by the max-drop rule; the pause between changes has not passed yet; the daily change limit is used up');
    expect(nbsp(describeReason(allGuards, 'kk'))).toContain('күндік өзгерістер лимиті таусылды');
  });

  it('is a message the contract carries: codes and parameters, no words', () => {
    const line = reasonMessage(decide({ rules: rules(), our: { merchantId: US, price: 1500 }, ownMerchantIds: [], offers: [offer('a', 1400, { merchantName: 'Shop A' })], now: 0 }).reason);
    expect(line.code).toBe('decision.line');
    expect(JSON.stringify(line)).not.toMatch(/[А-Яа-яЁё]/);
    expect(JSON.stringify(line)).toContain('"rival":"Shop A"');
  });
});
