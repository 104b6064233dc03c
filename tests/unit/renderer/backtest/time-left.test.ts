import { describe, expect, it } from 'vitest';
import { timeLeftMs } from '../../../../src-renderer/pages/backtest/time-left';

describe('time left of a running backtest', () => {
  const startedAt = 1_000_000;

  it('extends the pace so far over what is left of the period', () => {
    // A quarter replayed in a minute: three more minutes.
    expect(timeLeftMs(startedAt, 0.25, startedAt + 60_000)).toBe(180_000);
    expect(timeLeftMs(startedAt, 0.9, startedAt + 90_000)).toBe(10_000);
  });

  it('says nothing while too little is replayed or too little time has passed to know the pace', () => {
    expect(timeLeftMs(startedAt, 0.01, startedAt + 60_000)).toBeNull();
    expect(timeLeftMs(startedAt, 0.5, startedAt + 1_000)).toBeNull();
  });

  it('says nothing once the whole period is replayed', () => {
    expect(timeLeftMs(startedAt, 1, startedAt + 60_000)).toBeNull();
  });
});
