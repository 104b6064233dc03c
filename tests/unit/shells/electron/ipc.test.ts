import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_NAMES } from '../../../../src-shared/contract';
import { callChannel, eventChannel } from '../../../../src-main/shells/electron/channels';
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

  it('forwards main events to the window on their channel', () => {
    const bus = new EventBus();
    const send = vi.fn();
    forwardEvents(bus, () => ({ send, isDestroyed: () => false }) as unknown as WebContents);
    bus.emit('settings.changed', DEFAULT_SETTINGS);
    expect(send).toHaveBeenCalledWith(eventChannel('settings.changed'), DEFAULT_SETTINGS);
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
