import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../../app/create-app';
import type { App } from '../../app/create-app';
import { bindingRoots, electronTarget, selectElectronBinding, useSqliteNativeBinding } from '../../db/native-binding';
import { forwardEvents, isTrustedSender, registerIpc } from './ipc';
import { notifyAlerts, notifyDesktop } from './notifications';
import { hardenApp, hardenSession } from './security';
import { desktopKeyProtection } from './safe-storage-wrapper';
import { devCsp } from './dev-csp';
import { CSP } from '../../app/content-security-policy';
import { createTray } from './tray';
import { electronUpdaterPort } from './updater';
import { electronPowerEvents, electronSleepBlocker } from './power-source';
import { msg, renderMessage } from '../../../src-shared/i18n';
import type { MessageCode, MessageParams } from '../../../src-shared/i18n';
import { applyLaunchAtLogin, startedAtLogin } from '../../startup/launch-at-login';
import { mainWindowOptions } from './window-options';
import { startupFailure } from './startup-failure';
import { createWindowStateStore, restoredWindow, windowOptionsWithState } from './window-state';
import { nativeFilePicker } from './file-dialog';
import { kaspiSimFromEnv } from '../../security/kaspi-sim-option';
import type { WindowStateStore } from './window-state';

// Built layout: dist-main/main.js, dist-main/preload.cjs, dist/renderer/index.html, build/generated/tray.
const preloadPath = join(import.meta.dirname, 'preload.cjs');
const rendererIndex = join(import.meta.dirname, '..', 'dist', 'renderer', 'index.html');
// `npm run dev` serves the renderer from Vite with hot reload; never in an installed app.
const devServerUrl = !app.isPackaged ? process.env['KD_DEV_SERVER_URL'] : undefined;
const rendererUrl = devServerUrl ?? pathToFileURL(join(import.meta.dirname, '..', 'dist', 'renderer')).href;
const trayIconDir = join(import.meta.dirname, '..', 'build', 'generated', 'tray');

let window: BrowserWindow | null = null;
let quitting = false;

// A run from sources (the smoke test, a developer's second copy) may keep its data apart.
if (!app.isPackaged && process.env['KD_USER_DATA_DIR']) app.setPath('userData', process.env['KD_USER_DATA_DIR']);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.whenReady().then(start, (error: unknown) => fatal(error));
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  let core: App;
  // Notifications speak the seller's language at the moment they are shown.
  const say = (code: MessageCode, params?: MessageParams) => renderMessage(msg(code, params), core.settings.app().language);
  // After 'ready': only then does safeStorage know its Linux backend.
  const keys = desktopKeyProtection();
  try {
    // node_modules keeps better-sqlite3 built for Node; Electron loads its own build (npm run electron:native).
    useSqliteNativeBinding(selectElectronBinding({ target: electronTarget(), roots: bindingRoots(app.getAppPath()) }));
    core = await createApp({
      dataDir,
      shell: 'electron',
      appVersion: app.getVersion(),
      keyWrapper: keys.wrapper,
      warnings: keys.warning ? [keys.warning] : [],
      hasScreen: true,
      pickFile: nativeFilePicker(() => window, () => core.settings.app().language),
      // The Kaspi simulator (tests, the smoke test) only in an unpackaged run, never in an installed app.
      kaspiSim: app.isPackaged ? undefined : kaspiSimFromEnv(),
      updater: (logger) => electronUpdaterPort({ isPackaged: app.isPackaged, version: app.getVersion(), logger, beforeQuit: () => { quitting = true; } }),
      powerEvents: electronPowerEvents,
      sleepBlocker: electronSleepBlocker,
      onWakeReport: (report) => notifyDesktop(say('notify.slept_title'), renderMessage(report.text, core.settings.app().language), showWindow),
    });
  } catch (error) {
    fatal(error);
    return;
  }
  const settings = () => core.settings.app();
  const windowState = createWindowStateStore(dataDir);
  hardenSession(session.defaultSession);
  if (devServerUrl) {
    // Development only: replaces the CSP header set above with one that lets Fast Refresh start.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [devCsp(CSP)] } }));
  }
  hardenApp(app, rendererUrl, (url) => void shell.openExternal(url));
  registerIpc(ipcMain, core.dispatcher, isTrustedSender(rendererUrl, () => window?.webContents ?? null), core.logger.child('ipc'));
  forwardEvents(core.events, () => window?.webContents ?? null);
  notifyAlerts(core.events, settings, showWindow);

  const applyDesktopSettings = () => {
    // A run from sources has no installed binary to start at login.
    if (!app.isPackaged) return;
    applyLaunchAtLogin(settings().desktop.launchAtLogin, {
      platform: process.platform,
      loginItems: app,
      executable: process.env['APPIMAGE'] ?? process.execPath,
      configHome: process.env['XDG_CONFIG_HOME'] ?? join(app.getPath('home'), '.config'),
    });
  };
  applyDesktopSettings();

  const tray = createTray({
    open: showWindow,
    quit: () => { quitting = true; app.quit(); },
    language: () => settings().language,
    bot: {
      isRunning: () => core.demper.status().state !== 'stopped',
      toggle: () => void core.demper.control(core.demper.status().state === 'stopped' ? 'start' : 'stop').then(() => tray.refresh()),
    },
    paused: () => core.power.status().paused !== null,
    updateReady: () => (core.updates?.status().state === 'ready' ? core.updates.status().version : null),
    installUpdate: () => void core.updates?.install().catch((error: unknown) => core.logger.child('updates').warn('restart to update refused', { error })),
  }, trayIconDir);
  if (process.env['KD_E2E_HOOKS'] === '1') Object.assign(globalThis, { kdTray: tray });
  let lastState = core.demper.status().state;
  let updateAnnounced = false;
  core.events.subscribe((event, payload) => {
    if (event === 'power.changed') tray.refresh();
    if (event === 'updates.status' && (payload as { state: string }).state === 'ready' && !updateAnnounced) {
      updateAnnounced = true;
      tray.refresh();
      const version = String((payload as { version: string }).version);
      notifyDesktop(say('notify.update_ready_title'), say('notify.update_ready_body', { version }), showWindow);
    }
    if (event === 'settings.changed') {
      applyDesktopSettings();
      // The seller may have switched the language: the tray menu follows.
      tray.refresh();
    }
    if (event === 'demper.status' && (payload as { state: string }).state !== lastState) {
      lastState = (payload as { state: typeof lastState }).state;
      tray.refresh();
    }
  });

  // Started by the system at login: only the tray, with the demper as the seller left it.
  if (!startedAtLogin(process.argv, process.platform, app)) window = createWindow(windowState, () => settings().desktop.minimizeToTray);
  app.on('before-quit', () => { quitting = true; });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Let the engine finish and journal the pushes in flight before the process goes; then quit
    // for real, so 'quit' fires and electron-updater can install a downloaded update.
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  // With the tray, closing every window must not stop the bot.
  app.on('window-all-closed', () => undefined);
}

function createWindow(state: WindowStateStore, minimizeToTray: () => boolean): BrowserWindow {
  const win = new BrowserWindow(windowOptionsWithState(mainWindowOptions(preloadPath), state));
  if (restoredWindow(state).maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed()) return;
    state.set('maximized', win.isMaximized());
    if (!win.isMaximized()) state.set('bounds', win.getBounds());
  };
  win.on('resized', remember);
  win.on('moved', remember);
  win.on('close', (event) => {
    remember();
    if (minimizeToTray() && !quitting) {
      event.preventDefault();
      win.hide();
    }
  });
  win.on('closed', () => { window = null; });
  void (devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(rendererIndex));
  return win;
}

function showWindow(): void {
  if (!window) window = createWindow(createWindowStateStore(app.getPath('userData')), () => true);
  window.show();
  window.focus();
}

function fatal(error: unknown): void {
  const { title, text } = startupFailure(error, app.getPath('userData'));
  dialog.showErrorBox(title, text);
  app.exit(1);
}
