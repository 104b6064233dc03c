import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../../app/create-app';
import type { App } from '../../app/create-app';
import { readSettings } from '../../db/repos/settings-repo';
import { bindingRoots, electronTarget, selectElectronBinding, useSqliteNativeBinding } from '../../db/native-binding';
import { forwardEvents, isTrustedSender, registerIpc } from './ipc';
import { notifyAlerts } from './notifications';
import { hardenApp, hardenSession } from './security';
import { safeStorageWrapper } from './safe-storage-wrapper';
import { createTray } from './tray';
import { electronUpdaterPort } from './updater';
import { mainWindowOptions } from './window-options';
import { createWindowStateStore } from './window-state';
import type { WindowStateStore } from './window-state';

// Built layout: dist-main/main.js, dist-main/preload.cjs, dist/renderer/index.html.
const preloadPath = join(import.meta.dirname, 'preload.cjs');
const rendererIndex = join(import.meta.dirname, '..', 'dist', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'renderer')).href;

let window: BrowserWindow | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.whenReady().then(start, (error: unknown) => fatal(error));
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  let core: App;
  try {
    // node_modules keeps better-sqlite3 built for Node; Electron loads its own build (npm run electron:native).
    useSqliteNativeBinding(selectElectronBinding({ target: electronTarget(), roots: bindingRoots(app.getAppPath()) }));
    core = await createApp({
      dataDir,
      shell: 'electron',
      appVersion: app.getVersion(),
      keyWrapper: safeStorageWrapper,
      hasScreen: true,
      updater: (logger) => electronUpdaterPort({ isPackaged: app.isPackaged, version: app.getVersion(), logger, beforeQuit: () => { quitting = true; } }),
    });
  } catch (error) {
    fatal(error);
    return;
  }
  const settings = () => readSettings(core.db);
  const windowState = createWindowStateStore(dataDir);
  hardenSession(session.defaultSession);
  hardenApp(app, rendererUrl, (url) => void shell.openExternal(url));
  registerIpc(ipcMain, core.dispatcher, isTrustedSender(rendererUrl, () => window?.webContents ?? null), core.logger.child('ipc'));
  forwardEvents(core.events, () => window?.webContents ?? null);
  notifyAlerts(core.events, settings, showWindow);

  const applyDesktopSettings = () => app.setLoginItemSettings({ openAtLogin: settings().desktop.launchAtLogin });
  applyDesktopSettings();

  const tray = createTray({
    open: showWindow,
    quit: () => { quitting = true; app.quit(); },
    bot: {
      isRunning: () => core.demper.status().state !== 'stopped',
      toggle: () => void core.demper.control(core.demper.status().state === 'stopped' ? 'start' : 'stop').then(() => tray.refresh()),
    },
  });
  let lastState = core.demper.status().state;
  core.events.subscribe((event, payload) => {
    if (event === 'settings.changed') applyDesktopSettings();
    if (event === 'demper.status' && (payload as { state: string }).state !== lastState) {
      lastState = (payload as { state: typeof lastState }).state;
      tray.refresh();
    }
  });

  window = createWindow(windowState, () => settings().desktop.minimizeToTray);
  app.on('before-quit', () => { quitting = true; });
  app.on('will-quit', (event) => {
    // Let the engine finish and journal the pushes in flight before the process goes.
    event.preventDefault();
    void core.close().finally(() => app.exit(0));
  });
  // With the tray, closing every window must not stop the bot.
  app.on('window-all-closed', () => undefined);
}

function createWindow(state: WindowStateStore, minimizeToTray: () => boolean): BrowserWindow {
  const win = new BrowserWindow({ ...mainWindowOptions(preloadPath), ...state.get('bounds') });
  if (state.get('maximized')) win.maximize();
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
  void win.loadFile(rendererIndex);
  return win;
}

function showWindow(): void {
  if (!window) window = createWindow(createWindowStateStore(app.getPath('userData')), () => true);
  window.show();
  window.focus();
}

function fatal(error: unknown): void {
  dialog.showErrorBox('Kaspi Demper не запустился', (error as Error).message ?? String(error));
  app.exit(1);
}
