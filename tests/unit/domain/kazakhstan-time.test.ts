import { describe, expect, it } from 'vitest';
import { dayOfDate, kzDate, kzDateTime, kzDay, kzDayStart, kzTimeOfDay } from '../../../src-shared/domain/kazakhstan-time';

const utc = (iso: string) => Date.parse(`${iso}Z`);

describe("the seller's Kazakhstan day", () => {
  it('starts at midnight in Almaty and Aktau alike (UTC+5 since 1 March 2024), not at the machine’s midnight', () => {
    expect(kzDate(kzDay(utc('2026-03-01T18:59:59')))).toBe('2026-03-01');
    expect(kzDate(kzDay(utc('2026-03-01T19:00:00')))).toBe('2026-03-02');
    expect(kzDayStart(kzDay(utc('2026-03-02T10:00:00')))).toBe(utc('2026-03-01T19:00:00'));
  });

  it('gives the wall-clock time and the time of day in Kazakhstan', () => {
    const instant = utc('2026-07-15T20:30:00');
    expect(kzDay(instant)).toBe(dayOfDate('2026-07-16'));
    expect(kzDateTime(instant)).toBe('2026-07-16 01:30');
    expect(kzTimeOfDay(instant)).toBe(90 * 60_000);
  });
});
