import { AppError } from '../../src-shared/contract';
import type { CallResult } from '../../src-shared/contract';
import { msg } from '../../src-shared/i18n';
import type { Transport } from '../../src-shared/contract/client';
import { eventsOfMessage } from '../../src-shared/contract/event-batch';

/**
 * Headless mode: calls over HTTP, events over one WebSocket. The session cookie set by the bridge
 * authenticates both; the socket reconnects with backoff when the server restarts.
 */
export function createBridgeTransport(base = window.location.origin): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let retry = 0;

  const connect = () => {
    socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/events`);
    socket.onopen = () => { retry = 0; };
    socket.onmessage = (message) => {
      // The events of one turn of main's event loop (event-batch.ts).
      for (const { event, payload } of eventsOfMessage(String(message.data))) listeners.get(event)?.forEach((listener) => listener(payload));
    };
    socket.onclose = () => {
      socket = null;
      setTimeout(connect, Math.min(30_000, 500 * 2 ** retry++));
    };
  };

  return {
    async invoke(name, input) {
      try {
        const response = await fetch(`${base}/api/call/${name}`, {
          method: 'POST',
          // The header tells the bridge the call comes from this page: a page of another origin
          // cannot send it without a CORS preflight, which the bridge never grants.
          headers: { 'content-type': 'application/json', 'x-kaspi-demper': '1' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
        if (response.status === 401) {
          return { ok: false, error: new AppError('unauthorized', msg('error.unauthorized')).toShape() };
        }
        // Refusals (403, 413, 415) answer in the contract's error shape too.
        return (await response.json()) as CallResult<unknown>;
      } catch {
        return { ok: false, error: new AppError('unavailable', msg('error.unavailable')).toShape() };
      }
    },
    subscribe(event, listener) {
      if (!socket) connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
