import Store from 'electron-store';

interface WindowState {
  bounds?: { x: number; y: number; width: number; height: number };
  maximized?: boolean;
}

/** Where the window was: desktop-only state that has no meaning in headless mode lives in electron-store. */
export function createWindowStateStore(cwd: string) {
  return new Store<WindowState>({ name: 'window-state', cwd, defaults: {} });
}
export type WindowStateStore = ReturnType<typeof createWindowStateStore>;
