import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, EVENT_NAMES } from '../../../../src-shared/contract';
import { callChannel, eventChannel } from '../../../../src-main/shells/electron/channels';

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
    await expect(api.invoke('fs.readFile', { path: '/etc/passwd' })).resolves.toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(() => api.subscribe('ipc.raw', () => undefined)).toThrow(/Неизвестное событие/);
  });

  it('delivers event payloads without the IPC event object', () => {
    const api = exposed.kaspiDemper as Exposed;
    const listener = vi.fn();
    const off = api.subscribe(EVENT_NAMES[0]!, listener);
    const [channel, wrapped] = ipcRenderer.on.mock.calls.at(-1) as unknown as [string, (e: unknown, p: unknown) => void];
    expect(channel).toBe(eventChannel(EVENT_NAMES[0]!));
    wrapped({ sender: 'secret ipc internals' }, { language: 'kk' });
    expect(listener).toHaveBeenCalledWith({ language: 'kk' });
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(channel, wrapped);
  });
});
