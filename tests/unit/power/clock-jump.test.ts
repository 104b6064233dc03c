import { describe, expect, it } from 'vitest';
import { SLEEP_THRESHOLD_MS, TICK_MS, watchClockJumps } from '../../../src-main/power/clock-jump';
import type { PowerEvent } from '../../../src-main/power/sleep-guard';

function setup() {
  let wall = 10_000_000;
  let tick: () => void = () => undefined;
  const seen: PowerEvent[] = [];
  const stop = watchClockJumps({ onEvent: (e) => seen.push(e), now: () => wall, setInterval: (fn) => ((tick = fn), 1), clearInterval: () => undefined });
  return { seen, stop, step: (ms: number) => ((wall += ms), tick()) };
}

describe('headless sleep detection from wall-clock jumps', () => {
  it('reports a sleep dated at the last tick, and the wake, when the clock jumped past the threshold', () => {
    const { seen, step } = setup();
    step(TICK_MS);
    step(TICK_MS + 30);
    expect(seen).toEqual([]);
    step(6 * 3_600_000);
    expect(seen).toEqual([{ type: 'suspend', at: 10_000_000 + 2 * TICK_MS + 30 }, { type: 'resume' }]);
  });

  it('takes a busy machine (a late tick) and a clock set backwards for what they are: no sleep', () => {
    const { seen, step } = setup();
    step(TICK_MS + SLEEP_THRESHOLD_MS - 1);
    step(-3_600_000);
    step(TICK_MS);
    expect(seen).toEqual([]);
  });
});
