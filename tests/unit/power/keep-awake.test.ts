import { describe, expect, it, vi } from 'vitest';
import { createKeepAwake } from '../../../src-main/power/keep-awake';

describe('keep the computer awake while the demper runs', () => {
  it('holds the blocker only while the option is on and the bot runs, and never twice', () => {
    let next = 7;
    const blocker = { start: vi.fn(() => next++), stop: vi.fn() };
    const keep = createKeepAwake(blocker);
    expect(keep.apply(false, true)).toBe(false);
    expect(keep.apply(true, false)).toBe(false);
    expect(blocker.start).not.toHaveBeenCalled();
    expect(keep.apply(true, true)).toBe(true);
    expect(keep.apply(true, true)).toBe(true);
    expect(blocker.start).toHaveBeenCalledTimes(1);
    expect(keep.apply(true, false)).toBe(false);
    expect(blocker.stop).toHaveBeenCalledWith(7);
    keep.apply(true, true);
    keep.apply(false, true);
    expect(blocker.stop).toHaveBeenLastCalledWith(8);
    expect(keep.active).toBe(false);
  });
});
