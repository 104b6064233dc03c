import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
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
  it('keeps the bot in the tray by default and persists changes to a real file', async () => {
    const { createWindowStateStore } = await import('../../../../src-main/shells/electron/window-state');
    const dir = tempDir();
    const store = createWindowStateStore(dir);
    expect(store.get('minimizeToTray')).toBe(true);
    expect(store.get('launchAtLogin')).toBe(false);
    store.set('launchAtLogin', true);
    expect(JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'))).toMatchObject({ launchAtLogin: true });
    expect(createWindowStateStore(dir).get('launchAtLogin')).toBe(true);
  });
});
