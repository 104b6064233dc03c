import electronUpdater from 'electron-updater';
import { msg } from '../../../src-shared/i18n';
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../../logging/logger';
import type { UpdaterEvent, UpdaterPort } from '../../updates/update-controller';

export interface ElectronUpdaterOptions {
  isPackaged: boolean;
  version: string;
  logger: Logger;
  /** Called right before quitAndInstall, so closing the window quits instead of hiding to the tray. */
  beforeQuit: () => void;
  /** electron-updater's autoUpdater; injected by tests. */
  autoUpdater?: AppUpdater;
}

/**
 * electron-updater behind the controller's port. The feed comes from the `publish` section of
 * electron-builder.yml (GitHub releases, or a generic server), written into app-update.yml at build.
 */
export function electronUpdaterPort(options: ElectronUpdaterOptions): UpdaterPort {
  // electron-updater is CommonJS: its named exports arrive on the default import under ESM.
  const updater = options.autoUpdater ?? electronUpdater.autoUpdater;
  const log = options.logger.child('electron-updater');
  updater.logger = { info: (m: unknown) => log.info(String(m)), warn: (m: unknown) => log.warn(String(m)), error: (m: unknown) => log.error(String(m)), debug: () => undefined };
  updater.autoDownload = true;
  // A quit the seller chose installs a downloaded update too; the app itself never restarts on its own.
  updater.autoInstallOnAppQuit = true;
  return {
    unsupportedReason: options.isPackaged ? null : msg('updates.from_sources'),
    currentVersion: options.version,
    setChannel(channel) {
      updater.channel = channel === 'beta' ? 'beta' : 'latest';
      updater.allowPrerelease = channel === 'beta';
      // The channel setter turns downgrades on; a seller leaving beta stays on the newer build until stable passes it.
      updater.allowDowngrade = false;
    },
    check: () => updater.checkForUpdates(),
    quitAndInstall() {
      options.beforeQuit();
      updater.quitAndInstall(false, true);
    },
    onEvent(listener: (event: UpdaterEvent) => void) {
      updater.on('checking-for-update', () => listener({ type: 'checking' }));
      updater.on('update-available', (info) => listener({ type: 'available', version: info.version }));
      updater.on('update-not-available', () => listener({ type: 'not-available' }));
      updater.on('download-progress', (progress) => listener({ type: 'progress', percent: progress.percent }));
      updater.on('update-downloaded', (info) => listener({ type: 'downloaded', version: info.version }));
      updater.on('error', (error) => listener({ type: 'error', message: error.message }));
    },
  };
}
