import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isResetDue, lastResetBoundary, nextResetAt } from '../../../src-main/proxies/reset-schedule';
import { KZ_OFFSET_MS } from '../../../src-shared/domain/kazakhstan-time';
import { proxyResetSchedule, type ProxyResetSchedule } from '../../../src-shared/domain/proxy';

const at = (iso: string) => Date.parse(iso);

describe('counter reset schedule', () => {
  it('resets daily at the seller’s Kazakhstan hour, not the machine’s', () => {
    const daily: ProxyResetSchedule = { kind: 'daily', hour: 0 };
    // Midnight in Almaty is 19:00 UTC the day before.
    expect(lastResetBoundary(daily, at('2026-11-26T18:59:59Z'))).toBe(at('2026-11-25T19:00:00Z'));
    expect(lastResetBoundary(daily, at('2026-11-26T19:00:00Z'))).toBe(at('2026-11-26T19:00:00Z'));
    const resetAt = at('2026-11-26T10:00:00Z');
    expect(isResetDue(daily, resetAt, at('2026-11-26T18:59:59Z'))).toBe(false);
    expect(isResetDue(daily, resetAt, at('2026-11-26T19:00:00Z'))).toBe(true);
    expect(nextResetAt(daily, resetAt, resetAt)).toBe(at('2026-11-26T19:00:00Z'));
  });

  it('resets at a chosen hour of the day', () => {
    const sixAm: ProxyResetSchedule = { kind: 'daily', hour: 6 };
    // 06:00 in Kazakhstan is 01:00 UTC.
    expect(nextResetAt(sixAm, at('2026-11-26T00:00:00Z'), at('2026-11-26T00:00:00Z'))).toBe(at('2026-11-26T01:00:00Z'));
    expect(nextResetAt(sixAm, at('2026-11-26T02:00:00Z'), at('2026-11-26T02:00:00Z'))).toBe(at('2026-11-27T01:00:00Z'));
  });

  it('resets weekly on the chosen weekday (ISO: 1 is Monday)', () => {
    const monday: ProxyResetSchedule = { kind: 'weekly', weekday: 1, hour: 0 };
    // 2026-11-26 is a Thursday; the last Monday 00:00 in Kazakhstan was 2026-11-22 19:00 UTC.
    expect(lastResetBoundary(monday, at('2026-11-26T12:00:00Z'))).toBe(at('2026-11-22T19:00:00Z'));
    expect(lastResetBoundary(monday, at('2026-11-22T19:00:00Z'))).toBe(at('2026-11-22T19:00:00Z'));
    expect(lastResetBoundary(monday, at('2026-11-22T18:59:59Z'))).toBe(at('2026-11-15T19:00:00Z'));
  });

  it('resets every N hours after the last reset, and never when switched off', () => {
    const every6: ProxyResetSchedule = { kind: 'interval', hours: 6 };
    const t0 = at('2026-11-26T00:00:00Z');
    expect(isResetDue(every6, t0, t0 + 6 * 3_600_000 - 1)).toBe(false);
    expect(isResetDue(every6, t0, t0 + 6 * 3_600_000)).toBe(true);
    expect(isResetDue({ kind: 'never' }, 0, at('2030-01-01T00:00:00Z'))).toBe(false);
    expect(nextResetAt({ kind: 'never' }, 0, 0)).toBeNull();
  });

  it('is due exactly from the announced next reset on (property)', () => {
    const schedule = fc.oneof(
      fc.record({ kind: fc.constant('daily' as const), hour: fc.integer({ min: 0, max: 23 }) }),
      fc.record({ kind: fc.constant('weekly' as const), weekday: fc.integer({ min: 1, max: 7 }), hour: fc.integer({ min: 0, max: 23 }) }),
      fc.record({ kind: fc.constant('interval' as const), hours: fc.integer({ min: 1, max: 200 }) }),
    );
    fc.assert(
      fc.property(schedule, fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }), (s, resetAt) => {
        expect(proxyResetSchedule.safeParse(s).success).toBe(true);
        const next = nextResetAt(s, resetAt, resetAt)!;
        expect(next).toBeGreaterThan(resetAt);
        expect(isResetDue(s, resetAt, next - 1)).toBe(false);
        expect(isResetDue(s, resetAt, next)).toBe(true);
        if (s.kind !== 'interval') {
          const local = new Date(next + KZ_OFFSET_MS);
          expect([local.getUTCHours(), local.getUTCMinutes()]).toEqual([s.hour, 0]);
          if (s.kind === 'weekly') expect(local.getUTCDay() || 7).toBe(s.weekday);
        }
      }),
    );
  });
});
