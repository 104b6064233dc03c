import type { IpcRenderer } from 'electron';
import { AppError, CALL_NAMES, EVENT_NAMES } from '../../../src-shared/contract';
import type { CallResult } from '../../../src-shared/contract';
import type { Transport } from '../../../src-shared/contract/client';
import { eventsOfMessage } from '../../../src-shared/contract/event-batch';
import { msg } from '../../../src-shared/i18n/message';
import { callChannel, EVENTS_CHANNEL } from './channels';

const allowedCalls = new Set<string>(CALL_NAMES);
const allowedEvents = new Set<string>(EVENT_NAMES);

/**
 * What the preload hands the page: invoke a contract call, subscribe to a contract event —
 * nothing else. A name outside the contract is refused here, before it reaches main.
 */
export function createPreloadApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // One IPC listener for every event: main sends the events of one turn of its loop as one message.
  // The IPC event object (with its sender) never reaches the page.
  let listening = false;
  const deliver = (_event: unknown, message: unknown) => {
    if (typeof message !== 'string') return;
    for (const { event, payload } of eventsOfMessage(message)) listeners.get(event)?.forEach((listener) => listener(payload));
  };
  return {
    invoke(name, input) {
      if (!allowedCalls.has(name)) {
        // The page renders the message in the seller's language, like any refusal of main.
        return Promise.resolve<CallResult<never>>({ ok: false, error: new AppError('unknown_call', msg('error.unknown_call', { name })).toShape() });
      }
      return ipc.invoke(callChannel(name), input) as Promise<CallResult<unknown>>;
    },
    subscribe(event, listener) {
      // A programming error of the page (the renderer only names contract events): for developers, not sellers.
      if (!allowedEvents.has(event)) throw new Error(`Unknown event: ${event}`);
      if (!listening) {
        ipc.on(EVENTS_CHANNEL, deliver);
        listening = true;
      }
      const forEvent = listeners.get(event) ?? new Set();
      forEvent.add(listener);
      listeners.set(event, forEvent);
      return () => void forEvent.delete(listener);
    },
  };
}
