import { describe, expect, it } from 'vitest';
import { localDay, msUntilWorkingHours, withinWorkingHours } from '../../../src-main/demper/local-time';

const at = (hhmmUtc: string) => Date.UTC(2026, 10, 2, Number(hhmmUtc.slice(0, 2)), Number(hhmmUtc.slice(3)));
const KZ = 300;

describe('local time', () => {
  it('works only within the working hours, in Kazakhstan time', () => {
    const hours = { enabled: true, from: '09:00', to: '23:00' };
    expect(withinWorkingHours(at('03:59'), hours, KZ)).toBe(false); // 08:59 local
    expect(withinWorkingHours(at('04:00'), hours, KZ)).toBe(true);
    expect(withinWorkingHours(at('18:00'), hours, KZ)).toBe(false); // 23:00 local
    expect(msUntilWorkingHours(at('03:00'), hours, KZ)).toBe(60 * 60_000);
  });

  it('handles a window over midnight', () => {
    const night = { enabled: true, from: '22:00', to: '06:00' };
    expect(withinWorkingHours(at('20:00'), night, KZ)).toBe(true); // 01:00 local
    expect(withinWorkingHours(at('07:00'), night, KZ)).toBe(false); // 12:00 local
  });

  it('starts a new day at local midnight', () => {
    expect(localDay(at('18:59'), KZ)).toBe(localDay(at('00:00'), KZ));
    expect(localDay(at('19:00'), KZ)).toBe(localDay(at('00:00'), KZ) + 1);
  });
});
