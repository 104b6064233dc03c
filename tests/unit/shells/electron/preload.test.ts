import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, EVENT_NAMES } from '../../../../src-shared/contract';
import { callChannel, EVENTS_CHANNEL } from '../../../../src-main/shells/electron/channels';
import { forwardEvents } from '../../../../src-main/shells/electron/ipc';
import { EventBus } from '../../../../src-main/app/event-bus';
import { AppError } from '../../../../src-shared/contract';
import type { AppErrorShape } from '../../../../src-shared/contract';
import { renderMessage } from '../../../../src-shared/i18n';
import type { WebContents } from 'electron';

// The Electron binary cannot run here: the preload is exercised with electron's modules mocked.
const exposed: Record<string, unknown> = {};
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, value: 'from-main' })),
  on: vi.fn(),
  removeListener: vi.fn(),
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { exposed[key] = api; } },
  ipcRenderer,
}));

type Exposed = { invoke(name: string, input: unknown): Promise<unknown>; subscribe(event: string, cb: (p: unknown) => void): () => void };

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    ipcRenderer.invoke.mockClear();
    ipcRenderer.on.mockClear();
    await import('../../../../src-main/shells/electron/preload');
  });

  it('exposes one object with only invoke and subscribe', () => {
    expect(Object.keys(exposed)).toEqual(['kaspiDemper']);
    expect(Object.keys(exposed.kaspiDemper as object).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards every contract call to its own channel', async () => {
    const api = exposed.kaspiDemper as Exposed;
    for (const name of CALL_NAMES) {
      await expect(api.invoke(name, {})).resolves.toEqual({ ok: true, value: 'from-main' });
    }
    expect(ipcRenderer.invoke.mock.calls.map((call) => (call as unknown[])[0])).toEqual(CALL_NAMES.map(callChannel));
  });

  it('refuses names outside the contract without reaching main', async () => {
    const api = exposed.kaspiDemper as Exposed;
    const refused = (await api.invoke('fs.readFile', { path: '/etc/passwd' })) as { ok: false; error: AppErrorShape };
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(() => api.subscribe('ipc.raw', () => undefined)).toThrow(/Unknown event: ipc\.raw/);
    // The refusal is a catalogue message: the page shows it in the seller's language.
    const shown = AppError.from(refused.error).userMessage;
    expect(renderMessage(shown, 'kk')).toBe('Қолданба «fs.readFile» әрекетін білмейді. Қолданбаны жаңартыңыз.');
    expect(renderMessage(shown, 'ru')).toBe('Приложение не знает действия «fs.readFile». Обновите приложение.');
  });

  it('delivers event payloads without the IPC event object, through one listener for every event', () => {
    const api = exposed.kaspiDemper as Exposed;
    const listener = vi.fn();
    const other = vi.fn();
    const off = api.subscribe(EVENT_NAMES[0]!, listener);
    api.subscribe('proxies.changed', other);
    expect(ipcRenderer.on).toHaveBeenCalledTimes(1);
    const [channel, deliver] = ipcRenderer.on.mock.calls.at(-1) as unknown as [string, (e: unknown, message: unknown) => void];
    expect(channel).toBe(EVENTS_CHANNEL);
    deliver({ sender: 'secret ipc internals' }, JSON.stringify({ event: EVENT_NAMES[0], payload: { language: 'kk' } }));
    expect(listener).toHaveBeenCalledWith({ language: 'kk' });
    expect(other).not.toHaveBeenCalled();
    off();
    deliver({}, JSON.stringify({ event: EVENT_NAMES[0], payload: { language: 'en' } }));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('hands the page every event of a batch main sent, in order, each to its own listeners', async () => {
    const api = exposed.kaspiDemper as Exposed;
    const heard: string[] = [];
    api.subscribe('proxies.changed', () => heard.push('proxies'));
    api.subscribe('backup.progress', (p) => heard.push(`backup ${(p as { done: number }).done}`));
    const [, deliver] = ipcRenderer.on.mock.calls.at(-1) as unknown as [string, (e: unknown, message: unknown) => void];
    // Main's side as the desktop runs it: the bus, forwardEvents, a window whose send reaches this preload.
    const bus = new EventBus();
    forwardEvents(bus, () => ({ isDestroyed: () => false, send: (_channel: string, message: string) => deliver({}, message) }) as unknown as WebContents);
    bus.emit('backup.progress', { done: 1, total: 3 });
    bus.emit('proxies.changed', {});
    bus.emit('backup.progress', { done: 2, total: 3 });
    expect(heard).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual(['backup 1', 'proxies', 'backup 2']);
  });
});
