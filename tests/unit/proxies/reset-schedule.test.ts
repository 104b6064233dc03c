import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isResetDue, lastResetBoundary, nextResetAt } from '../../../src-main/proxies/reset-schedule';
import { proxyResetSchedule, type ProxyResetSchedule } from '../../../src-shared/domain/proxy';

const ALMATY = 300; // UTC+5
const at = (iso: string) => Date.parse(iso);

describe('counter reset schedule', () => {
  it('resets daily at the user’s local hour, not the machine’s UTC one', () => {
    const daily: ProxyResetSchedule = { kind: 'daily', hour: 0 };
    // Midnight in Almaty is 19:00 UTC the day before.
    expect(lastResetBoundary(daily, at('2026-11-26T18:59:59Z'), ALMATY)).toBe(at('2026-11-25T19:00:00Z'));
    expect(lastResetBoundary(daily, at('2026-11-26T19:00:00Z'), ALMATY)).toBe(at('2026-11-26T19:00:00Z'));
    const resetAt = at('2026-11-26T10:00:00Z');
    expect(isResetDue(daily, resetAt, at('2026-11-26T18:59:59Z'), ALMATY)).toBe(false);
    expect(isResetDue(daily, resetAt, at('2026-11-26T19:00:00Z'), ALMATY)).toBe(true);
    expect(nextResetAt(daily, resetAt, resetAt, ALMATY)).toBe(at('2026-11-26T19:00:00Z'));
  });

  it('resets at a chosen hour of the day', () => {
    const sixAm: ProxyResetSchedule = { kind: 'daily', hour: 6 };
    expect(nextResetAt(sixAm, at('2026-11-26T02:00:00Z'), at('2026-11-26T02:00:00Z'), 0)).toBe(at('2026-11-26T06:00:00Z'));
    expect(nextResetAt(sixAm, at('2026-11-26T07:00:00Z'), at('2026-11-26T07:00:00Z'), 0)).toBe(at('2026-11-27T06:00:00Z'));
  });

  it('resets weekly on the chosen weekday (ISO: 1 is Monday)', () => {
    const monday: ProxyResetSchedule = { kind: 'weekly', weekday: 1, hour: 0 };
    // 2026-11-26 is a Thursday; the last Monday 00:00 UTC was 2026-11-23.
    expect(lastResetBoundary(monday, at('2026-11-26T12:00:00Z'), 0)).toBe(at('2026-11-23T00:00:00Z'));
    expect(lastResetBoundary(monday, at('2026-11-23T00:00:00Z'), 0)).toBe(at('2026-11-23T00:00:00Z'));
    expect(lastResetBoundary(monday, at('2026-11-22T23:59:59Z'), 0)).toBe(at('2026-11-16T00:00:00Z'));
  });

  it('resets every N hours after the last reset, and never when switched off', () => {
    const every6: ProxyResetSchedule = { kind: 'interval', hours: 6 };
    const t0 = at('2026-11-26T00:00:00Z');
    expect(isResetDue(every6, t0, t0 + 6 * 3_600_000 - 1, 0)).toBe(false);
    expect(isResetDue(every6, t0, t0 + 6 * 3_600_000, 0)).toBe(true);
    expect(isResetDue({ kind: 'never' }, 0, at('2030-01-01T00:00:00Z'), 0)).toBe(false);
    expect(nextResetAt({ kind: 'never' }, 0, 0, 0)).toBeNull();
  });

  it('is due exactly from the announced next reset on (property)', () => {
    const schedule = fc.oneof(
      fc.record({ kind: fc.constant('daily' as const), hour: fc.integer({ min: 0, max: 23 }) }),
      fc.record({ kind: fc.constant('weekly' as const), weekday: fc.integer({ min: 1, max: 7 }), hour: fc.integer({ min: 0, max: 23 }) }),
      fc.record({ kind: fc.constant('interval' as const), hours: fc.integer({ min: 1, max: 200 }) }),
    );
    fc.assert(
      fc.property(schedule, fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }), fc.integer({ min: -720, max: 840 }), (s, resetAt, offset) => {
        expect(proxyResetSchedule.safeParse(s).success).toBe(true);
        const next = nextResetAt(s, resetAt, resetAt, offset)!;
        expect(next).toBeGreaterThan(resetAt);
        expect(isResetDue(s, resetAt, next - 1, offset)).toBe(false);
        expect(isResetDue(s, resetAt, next, offset)).toBe(true);
        if (s.kind !== 'interval') {
          const local = new Date(next + offset * 60_000);
          expect([local.getUTCHours(), local.getUTCMinutes()]).toEqual([s.hour, 0]);
          if (s.kind === 'weekly') expect(local.getUTCDay() || 7).toBe(s.weekday);
        }
      }),
    );
  });
});
