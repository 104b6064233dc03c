import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../../app/create-app';
import type { App } from '../../app/create-app';
import { forwardEvents, isTrustedSender, registerIpc } from './ipc';
import { hardenApp, hardenSession } from './security';
import { safeStorageWrapper } from './safe-storage-wrapper';
import { createTray } from './tray';
import { mainWindowOptions } from './window-options';
import { createWindowStateStore } from './window-state';

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
    core = await createApp({ dataDir, shell: 'electron', appVersion: app.getVersion(), keyWrapper: safeStorageWrapper });
  } catch (error) {
    fatal(error);
    return;
  }
  const prefs = createWindowStateStore(dataDir);
  hardenSession(session.defaultSession);
  hardenApp(app, rendererUrl, (url) => void shell.openExternal(url));
  registerIpc(ipcMain, core.dispatcher, isTrustedSender(rendererUrl, () => window?.webContents ?? null), core.logger.child('ipc'));
  forwardEvents(core.events, () => window?.webContents ?? null);
  app.setLoginItemSettings({ openAtLogin: prefs.get('launchAtLogin') });

  createTray({ open: showWindow, quit: () => { quitting = true; app.quit(); } });
  createWindow(prefs.get('minimizeToTray'));

  app.on('before-quit', () => { quitting = true; });
  app.on('will-quit', () => void core.close());
  // With the tray, closing every window must not stop the bot.
  app.on('window-all-closed', () => undefined);
}

function createWindow(minimizeToTray: boolean): void {
  window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window?.show());
  window.on('close', (event) => {
    if (minimizeToTray && !quitting) {
      event.preventDefault();
      window?.hide();
    }
  });
  window.on('closed', () => { window = null; });
  void window.loadFile(rendererIndex);
}

function showWindow(): void {
  if (!window) createWindow(true);
  window?.show();
  window?.focus();
}

function fatal(error: unknown): void {
  dialog.showErrorBox('Kaspi Demper не запустился', (error as Error).message ?? String(error));
  app.exit(1);
}
