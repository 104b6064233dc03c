import { eventBatchMessage } from '../../src-shared/contract/event-batch';
import type { EventBus } from './event-bus';

/**
 * Forwards main's events to a window, one message per turn of the event loop. Events come in
 * bursts while the demper works (a decision per offer checked): sent one by one, each would cost
 * main a socket write or an IPC message; batched, hundreds cost one. Each event is written as
 * JSON when emitted, so what is sent is the payload as it was then.
 * Used by both shells: the headless bridge's WebSocket and Electron's IPC.
 */
export function forwardEventsPerTick(events: EventBus, send: (message: string) => void): () => void {
  let queued: string[] = [];
  const flush = () => {
    const message = eventBatchMessage(queued);
    queued = [];
    send(message);
  };
  return events.subscribe((event, payload) => {
    if (queued.length === 0) setImmediate(flush);
    queued.push(JSON.stringify({ event, payload }));
  });
}
