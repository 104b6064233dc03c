import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PowerEvent } from '../../../../src-main/power/sleep-guard';

// Electron cannot run here: powerMonitor, net and powerSaveBlocker are replaced at the boundary.
const powerMonitor = new EventEmitter();
let online = true;
const powerSaveBlocker = { start: vi.fn(() => 42), stop: vi.fn() };
vi.mock('electron', () => ({ powerMonitor, net: { isOnline: () => online }, powerSaveBlocker }));
const { electronPowerEvents, electronSleepBlocker } = await import('../../../../src-main/shells/electron/power-source');

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("Electron's power and network events", () => {
  it('turns powerMonitor and the network into the guard’s events, and lets go of them on stop', async () => {
    const seen: PowerEvent[] = [];
    const stop = electronPowerEvents((event) => seen.push(event));
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('unlock-screen');
    online = false;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(seen).toEqual([{ type: 'suspend' }, { type: 'resume' }, { type: 'lock' }, { type: 'unlock' }, { type: 'offline' }]);

    stop();
    powerMonitor.emit('suspend');
    online = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen).toHaveLength(5);
    expect(powerMonitor.listenerCount('suspend')).toBe(0);
  });

  it('keeps the system awake with prevent-app-suspension (the screen may still turn off)', () => {
    expect(electronSleepBlocker.start()).toBe(42);
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-app-suspension');
    electronSleepBlocker.stop(42);
    expect(powerSaveBlocker.stop).toHaveBeenCalledWith(42);
  });
});
