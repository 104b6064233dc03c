import type { IpcRenderer } from 'electron';
import { CALL_NAMES, EVENT_NAMES } from '../../../src-shared/contract';
import type { CallResult } from '../../../src-shared/contract';
import type { Transport } from '../../../src-shared/contract/client';
import { callChannel, eventChannel } from './channels';

const allowedCalls = new Set<string>(CALL_NAMES);
const allowedEvents = new Set<string>(EVENT_NAMES);

/**
 * What the preload hands the page: invoke a contract call, subscribe to a contract event —
 * nothing else. A name outside the contract is refused here, before it reaches main.
 */
export function createPreloadApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  return {
    invoke(name, input) {
      if (!allowedCalls.has(name)) {
        return Promise.resolve<CallResult<never>>({ ok: false, error: { code: 'unknown_call', message: `Неизвестный вызов: ${name}` } });
      }
      return ipc.invoke(callChannel(name), input) as Promise<CallResult<unknown>>;
    },
    subscribe(event, listener) {
      if (!allowedEvents.has(event)) throw new Error(`Неизвестное событие: ${event}`);
      const channel = eventChannel(event);
      // The IPC event object (with its sender) never reaches the page.
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, wrapped);
      return () => void ipc.removeListener(channel, wrapped);
    },
  };
}
