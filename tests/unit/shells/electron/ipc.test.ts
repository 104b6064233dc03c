import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_NAMES } from '../../../../src-shared/contract';
import { callChannel, EVENTS_CHANNEL } from '../../../../src-main/shells/electron/channels';
import { eventsOfMessage } from '../../../../src-shared/contract/event-batch';
import { forwardEvents, isTrustedSender, registerIpc } from '../../../../src-main/shells/electron/ipc';
import { mainWindowOptions } from '../../../../src-main/shells/electron/window-options';
import { EventBus } from '../../../../src-main/app/event-bus';
import { createLogger } from '../../../../src-main/logging/logger';
import { DEFAULT_SETTINGS } from '../../../../src-shared/contract/settings';

// ipcMain and WebContents are plain objects here: the Electron binary cannot run on this machine.
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
  return {
    handlers,
    handle: vi.fn((channel: string, fn: (event: IpcMainInvokeEvent, input: unknown) => unknown) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
}

const { logger } = createLogger({});
const rendererUrl = 'file:///opt/kaspi-demper/dist/renderer';

describe('electron IPC', () => {
  it('registers exactly one handler per contract call', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, { dispatch: vi.fn() }, () => true, logger);
    expect([...ipc.handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
  });

  it('refuses a call from a sender other than our window and never dispatches it', async () => {
    const ipc = fakeIpcMain();
    const dispatch = vi.fn();
    const ours = { id: 1 } as unknown as WebContents;
    registerIpc(ipc, { dispatch }, isTrustedSender(rendererUrl, () => ours), logger);
    const handler = ipc.handlers.get(callChannel('settings.get'))!;

    const foreignWindow = { sender: { id: 2 }, senderFrame: { url: `${rendererUrl}/index.html` } } as unknown as IpcMainInvokeEvent;
    const foreignPage = { sender: ours, senderFrame: { url: 'https://evil.example/' } } as unknown as IpcMainInvokeEvent;
    expect(await handler(foreignWindow, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await handler(foreignPage, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // A page next to the renderer folder whose name starts the same, or reached through `..`.
    for (const url of [`${rendererUrl}-evil/index.html`, `${rendererUrl}/../evil.html`, `${rendererUrl}/%2e%2e/evil.html`, `${rendererUrl}`]) {
      const sibling = { sender: ours, senderFrame: { url } } as unknown as IpcMainInvokeEvent;
      expect(await handler(sibling, {}), url).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(dispatch).not.toHaveBeenCalled();

    const trusted = { sender: ours, senderFrame: { url: `${rendererUrl}/index.html` } } as unknown as IpcMainInvokeEvent;
    await handler(trusted, { x: 1 });
    expect(dispatch).toHaveBeenCalledWith('settings.get', { x: 1 }, { shell: 'electron' });
  });

  it('forwards the events of one turn of the event loop to the window in one message, in order', async () => {
    const bus = new EventBus();
    const send = vi.fn();
    forwardEvents(bus, () => ({ send, isDestroyed: () => false }) as unknown as WebContents);
    bus.emit('settings.changed', DEFAULT_SETTINGS);
    bus.emit('proxies.changed', {});
    bus.emit('backup.progress', { done: 1, total: 4 });
    // Nothing goes out mid-turn: a burst of decisions costs one IPC message, not one each.
    expect(send).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(send).toHaveBeenCalledTimes(1);
    const [channel, message] = send.mock.calls[0] as [string, string];
    expect(channel).toBe(EVENTS_CHANNEL);
    expect(eventsOfMessage(message)).toEqual([
      { event: 'settings.changed', payload: DEFAULT_SETTINGS },
      { event: 'proxies.changed', payload: {} },
      { event: 'backup.progress', payload: { done: 1, total: 4 } },
    ]);

    // The next turn is a message of its own; one event travels as a plain object, as over the bridge.
    bus.emit('proxies.changed', {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(send).toHaveBeenCalledTimes(2);
    expect(JSON.parse(send.mock.calls[1]![1] as string)).toEqual({ event: 'proxies.changed', payload: {} });
  });

  it('sends a payload as it was when emitted, and nothing to a closed window', async () => {
    const bus = new EventBus();
    const send = vi.fn();
    let destroyed = false;
    forwardEvents(bus, () => ({ send, isDestroyed: () => destroyed }) as unknown as WebContents);
    const progress = { done: 1, total: 4 };
    bus.emit('backup.progress', progress);
    progress.done = 4;
    await new Promise((resolve) => setImmediate(resolve));
    expect(eventsOfMessage(send.mock.calls[0]![1] as string)).toEqual([{ event: 'backup.progress', payload: { done: 1, total: 4 } }]);

    destroyed = true;
    bus.emit('proxies.changed', {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('stops forwarding when unsubscribed', async () => {
    const bus = new EventBus();
    const send = vi.fn();
    const stop = forwardEvents(bus, () => ({ send, isDestroyed: () => false }) as unknown as WebContents);
    stop();
    bus.emit('proxies.changed', {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(send).not.toHaveBeenCalled();
  });

  it('opens the window isolated, sandboxed and without Node', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});
