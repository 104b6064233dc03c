import { describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '../../../support/temp-dir';

// electron-store reads `electron.app` at load; the Electron binary cannot run here, so it is mocked.
vi.mock('electron', () => ({
  default: { app: { getPath: () => '/nonexistent', getVersion: () => '0.0.0', getName: () => 'kd' }, ipcMain: { on: vi.fn(), handle: vi.fn() } },
  app: { getPath: () => '/nonexistent', getVersion: () => '0.0.0', getName: () => 'kd' },
  ipcMain: { on: vi.fn(), handle: vi.fn() },
}));

const tempDir = useTempDir();

describe('window state store', () => {
  it('remembers where the window was in a real file and reads it back after a restart', async () => {
    const { createWindowStateStore } = await import('../../../../src-main/shells/electron/window-state');
    const dir = tempDir();
    const store = createWindowStateStore(dir);
    expect(store.get('bounds')).toBeUndefined();
    store.set('bounds', { x: 10, y: 20, width: 1200, height: 800 });
    store.set('maximized', true);
    expect(JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'))).toMatchObject({ bounds: { width: 1200 }, maximized: true });
    expect(createWindowStateStore(dir).get('bounds')).toEqual({ x: 10, y: 20, width: 1200, height: 800 });
  });

  it('reads only the bounds from a window-state.json another program rewrote, never window options', async () => {
    const { createWindowStateStore, restoredWindow, windowOptionsWithState } = await import('../../../../src-main/shells/electron/window-state');
    const { mainWindowOptions } = await import('../../../../src-main/shells/electron/window-options');
    const dir = tempDir();
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify({
      bounds: { x: 10, y: 20, width: 1200, height: 800, webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, preload: '/tmp/evil.js' }, show: true },
      maximized: 'yes',
    }));
    const base = mainWindowOptions('/app/preload.cjs');
    const options = windowOptionsWithState(base, createWindowStateStore(dir));
    expect(options.webPreferences).toEqual(base.webPreferences);
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false });
    expect(restoredWindow(createWindowStateStore(dir)).maximized).toBe(false);

    writeFileSync(join(dir, 'window-state.json'), JSON.stringify({ bounds: { x: '10', y: 1e308, width: -5, height: 800 } }));
    expect(restoredWindow(createWindowStateStore(dir)).bounds).toEqual({});
  });
});
