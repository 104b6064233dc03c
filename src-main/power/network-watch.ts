import type { PowerEvent } from './sleep-guard';

/**
 * The network going down and up, from a probe polled every few seconds (Electron's net.isOnline()
 * in the desktop shell). A change counts after two readings in a row, so a Wi-Fi blip does not
 * stop and restart the demper.
 */
export interface NetworkWatchOptions {
  isOnline: () => boolean;
  onEvent: (event: PowerEvent) => void;
  pollMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export const NETWORK_POLL_MS = 10_000;

export function watchNetwork(options: NetworkWatchOptions): () => void {
  let online = true;
  let streak = 0;
  const poll = () => {
    const reading = options.isOnline();
    if (reading === online) {
      streak = 0;
      return;
    }
    if (++streak < 2) return;
    online = reading;
    streak = 0;
    options.onEvent({ type: online ? 'online' : 'offline' });
  };
  const start = options.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms).unref());
  const clear = options.clearInterval ?? ((handle: unknown) => clearInterval(handle as NodeJS.Timeout));
  const handle = start(poll, options.pollMs ?? NETWORK_POLL_MS);
  return () => clear(handle);
}
