import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chatIdOfMobile, formatKzMobile, normaliseKzMobile } from '../../../src-shared/whatsapp/phone';
import { afterQuietHours, isQuiet } from '../../../src-shared/whatsapp/quiet-hours';
import { isStopReply } from '../../../src-shared/whatsapp/buyer-words';

/** An instant at a Kazakhstan wall-clock time (UTC+5). */
const kz = (hh: number, mm = 0, day = 2) => Date.UTC(2026, 11, day, hh - 5, mm);

describe("buyers' numbers", () => {
  it("take Kaspi's ten digits and the ways people write them, to 7 7XX XXX XX XX", () => {
    expect(normaliseKzMobile('7750000000')).toBe('77750000000');
    expect(normaliseKzMobile('+7 (701) 123-45-67')).toBe('77011234567');
    expect(normaliseKzMobile('8 701 123 45 67')).toBe('77011234567');
    expect(normaliseKzMobile('77011234567@c.us')).toBe('77011234567');
    expect(formatKzMobile('77011234567')).toBe('+7 701 123 45 67');
    expect(chatIdOfMobile('77011234567')).toBe('77011234567@c.us');
  });

  it('refuse what is not a Kazakhstan mobile: landlines, Russian numbers, masks, too few digits', () => {
    for (const bad of ['+7 (727) 250-00-00', '+7 916 123 45 67', '+0(000)-000-00-00', '70112345', '', null]) expect(normaliseKzMobile(bad)).toBeNull();
  });
});

describe('quiet hours in the seller’s Kazakhstan time', () => {
  it('run over midnight, end at their end, and mean nothing when from equals to', () => {
    expect(isQuiet(kz(22), '21:00', '09:00')).toBe(true);
    expect(isQuiet(kz(3), '21:00', '09:00')).toBe(true);
    expect(isQuiet(kz(9), '21:00', '09:00')).toBe(false);
    expect(isQuiet(kz(13), '13:00', '14:00')).toBe(true);
    expect(isQuiet(kz(14), '13:00', '14:00')).toBe(false);
    expect(isQuiet(kz(3), '00:00', '00:00')).toBe(false);
    expect(afterQuietHours(kz(22, 30), '21:00', '09:00')).toBe(kz(9, 0, 3));
    expect(afterQuietHours(kz(3, 17), '21:00', '09:00')).toBe(kz(9));
    expect(afterQuietHours(kz(12), '21:00', '09:00')).toBe(kz(12));
  });

  it('always give an instant outside them, not before the one asked and less than a day later', () => {
    const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(fc.property(fc.integer({ min: 1.7e12, max: 1.9e12 }), hhmm, hhmm, (ms, from, to) => {
      const at = afterQuietHours(ms, from, to);
      return !isQuiet(at, from, to) && at >= ms - 60_000 && at - ms < 86_400_000;
    }));
  });
});

describe('a reply that asks to stop', () => {
  it('is "стоп" or "stop" however typed, and not a sentence that contains it', () => {
    for (const yes of ['стоп', 'СТОП!', ' Stop. ', 'стоп 🙏', 'Тоқта', 'отписаться']) expect(isStopReply(yes), yes).toBe(true);
    for (const no of ['не стоп', 'стоп, а где заказ?', 'спасибо', 'stopper', '']) expect(isStopReply(no), no).toBe(false);
  });
});
