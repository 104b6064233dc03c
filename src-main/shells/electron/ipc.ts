import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { AppError } from '../../../src-shared/contract/errors';
import { msg } from '../../../src-shared/i18n';
import { CALL_NAMES } from '../../../src-shared/contract';
import type { CallResult } from '../../../src-shared/contract';
import type { Dispatcher } from '../../../src-shared/contract/dispatcher';
import type { EventBus } from '../../app/event-bus';
import type { Logger } from '../../logging/logger';
import { forwardEventsPerTick } from '../../app/event-batches';
import { callChannel, EVENTS_CHANNEL } from './channels';
import { isRendererUrl } from './security';

/** Only our own window, showing our own renderer, may call main. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function isTrustedSender(rendererUrl: string, trusted: () => WebContents | null): SenderCheck {
  return (event) => {
    const frameUrl = event.senderFrame?.url ?? '';
    return event.sender === trusted() && isRendererUrl(frameUrl, rendererUrl);
  };
}

/** One ipcMain handler per contract call; inputs are validated by the dispatcher before any handler. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatcher: Dispatcher, check: SenderCheck, log: Logger): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), async (event, input): Promise<CallResult<unknown>> => {
      if (!check(event)) {
        log.warn('IPC call from an untrusted sender refused', { call: name, url: event.senderFrame?.url });
        return { ok: false, error: new AppError('unauthorized', msg('ipc.untrusted_sender')).toShape() };
      }
      return dispatcher.dispatch(name, input, { shell: 'electron' });
    });
  }
  return () => CALL_NAMES.forEach((name) => ipcMain.removeHandler(callChannel(name)));
}

/** Main's events to the window, the events of one turn of the event loop in one IPC message (as the bridge sends them). */
export function forwardEvents(events: EventBus, target: () => WebContents | null): () => void {
  return forwardEventsPerTick(events, (message) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENTS_CHANNEL, message);
  });
}
