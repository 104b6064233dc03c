import { describe, expect, it } from 'vitest';
import { watchNetwork } from '../../../src-main/power/network-watch';
import type { PowerEvent } from '../../../src-main/power/sleep-guard';

describe('network down and up', () => {
  it('reports a change after two readings in a row, so a blip does not stop the bot', () => {
    let online = true;
    let poll: () => void = () => undefined;
    const seen: PowerEvent[] = [];
    watchNetwork({ isOnline: () => online, onEvent: (e) => seen.push(e), setInterval: (fn) => ((poll = fn), 1), clearInterval: () => undefined });
    online = false;
    poll();
    online = true;
    poll();
    poll();
    expect(seen).toEqual([]);
    online = false;
    poll();
    poll();
    expect(seen).toEqual([{ type: 'offline' }]);
    poll();
    online = true;
    poll();
    poll();
    expect(seen).toEqual([{ type: 'offline' }, { type: 'online' }]);
  });
});
