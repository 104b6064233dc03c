import Store from 'electron-store';

interface WindowState {
  bounds?: { x: number; y: number; width: number; height: number };
  maximized?: boolean;
  /** Closing the window hides it to the tray instead of quitting, so the bot keeps working. */
  minimizeToTray: boolean;
  launchAtLogin: boolean;
}

/** Desktop-only preferences that have no meaning in headless mode live in electron-store. */
export function createWindowStateStore(cwd: string) {
  return new Store<WindowState>({
    name: 'window-state',
    cwd,
    defaults: { minimizeToTray: true, launchAtLogin: false },
  });
}
export type WindowStateStore = ReturnType<typeof createWindowStateStore>;
