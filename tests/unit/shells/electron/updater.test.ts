import { EventEmitter } from 'node:events';
import { renderMessage } from '../../../../src-shared/i18n';
import { describe, expect, it, vi } from 'vitest';
import type { AppUpdater } from 'electron-updater';
import type { UpdaterEvent } from '../../../../src-main/updates/update-controller';
import { createLogger } from '../../../../src-main/logging/logger';

// electron-updater loads Electron, which cannot run here: the library is replaced at its boundary.
vi.mock('electron-updater', () => ({ default: { autoUpdater: null } }));
const { electronUpdaterPort } = await import('../../../../src-main/shells/electron/updater');

/** The parts of electron-updater's AppUpdater the adapter touches, with its channel setter's side effect. */
class FakeAppUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowPrerelease = false;
  allowDowngrade = false;
  logger: unknown = null;
  private currentChannel: string | null = null;
  get channel(): string | null {
    return this.currentChannel;
  }
  set channel(value: string | null) {
    this.currentChannel = value;
    this.allowDowngrade = true;
  }
  checkForUpdates = vi.fn(async () => null);
  quitAndInstall = vi.fn();
}

const logger = createLogger({ level: 'error' }).logger;

function adapter(isPackaged = true) {
  const fake = new FakeAppUpdater();
  const steps: string[] = [];
  fake.quitAndInstall.mockImplementation(() => void steps.push('quitAndInstall'));
  const port = electronUpdaterPort({ isPackaged, version: '1.0.0', logger, beforeQuit: () => steps.push('beforeQuit'), autoUpdater: fake as unknown as AppUpdater });
  return { fake, port, steps };
}

describe('electron-updater behind the update port', () => {
  it('downloads by itself and installs on a quit the seller chose', () => {
    const { fake } = adapter();
    expect(fake.autoDownload).toBe(true);
    expect(fake.autoInstallOnAppQuit).toBe(true);
  });

  it('maps the channel: beta takes prereleases; back on stable, no downgrade', () => {
    const { fake, port } = adapter();
    port.setChannel('beta');
    expect(fake).toMatchObject({ channel: 'beta', allowPrerelease: true, allowDowngrade: false });
    port.setChannel('stable');
    expect(fake).toMatchObject({ channel: 'latest', allowPrerelease: false, allowDowngrade: false });
  });

  it("turns electron-updater's events into the controller's", () => {
    const { fake, port } = adapter();
    const seen: UpdaterEvent[] = [];
    port.onEvent((event) => seen.push(event));
    fake.emit('checking-for-update');
    fake.emit('update-available', { version: '1.1.0' });
    fake.emit('download-progress', { percent: 12.5, total: 100, transferred: 12, delta: 1, bytesPerSecond: 1 });
    fake.emit('update-downloaded', { version: '1.1.0' });
    fake.emit('update-not-available', { version: '1.0.0' });
    fake.emit('error', new Error('HttpError: 404'));
    expect(seen).toEqual([
      { type: 'checking' },
      { type: 'available', version: '1.1.0' },
      { type: 'progress', percent: 12.5 },
      { type: 'downloaded', version: '1.1.0' },
      { type: 'not-available' },
      { type: 'error', message: 'HttpError: 404' },
    ]);
  });

  it('lets the window close for real before electron-updater quits (the tray would otherwise keep it)', () => {
    const { port, steps, fake } = adapter();
    port.quitAndInstall();
    expect(steps).toEqual(['beforeQuit', 'quitAndInstall']);
    expect(fake.quitAndInstall).toHaveBeenCalledWith(false, true);
  });

  it('a run from sources (not packaged) does not update', () => {
    expect(renderMessage(adapter(false).port.unsupportedReason!, 'en')).toMatch(/npm start/);
    expect(adapter(true).port.unsupportedReason).toBeNull();
  });
});
