import { describe, expect, it } from 'vitest';
import { msUntilWorkingHours, withinWorkingHours } from '../../../src-main/demper/local-time';

const at = (hhmmUtc: string) => Date.UTC(2026, 10, 2, Number(hhmmUtc.slice(0, 2)), Number(hhmmUtc.slice(3)));

describe('working hours', () => {
  it('works only within the working hours, in Kazakhstan time', () => {
    const hours = { enabled: true, from: '09:00', to: '23:00' };
    expect(withinWorkingHours(at('03:59'), hours)).toBe(false); // 08:59 in Almaty
    expect(withinWorkingHours(at('04:00'), hours)).toBe(true);
    expect(withinWorkingHours(at('18:00'), hours)).toBe(false); // 23:00 in Almaty
    expect(msUntilWorkingHours(at('03:00'), hours)).toBe(60 * 60_000);
  });

  it('handles a window over midnight', () => {
    const night = { enabled: true, from: '22:00', to: '06:00' };
    expect(withinWorkingHours(at('20:00'), night)).toBe(true); // 01:00 in Almaty
    expect(withinWorkingHours(at('07:00'), night)).toBe(false); // 12:00 in Almaty
  });
});
