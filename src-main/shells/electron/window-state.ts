import Store from 'electron-store';
import type { BrowserWindowConstructorOptions } from 'electron';

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface WindowState {
  bounds?: Bounds;
  maximized?: boolean;
}

/** Where the window was: desktop-only state that has no meaning in headless mode lives in electron-store. */
export function createWindowStateStore(cwd: string) {
  return new Store<WindowState>({ name: 'window-state', cwd, defaults: {} });
}
export type WindowStateStore = ReturnType<typeof createWindowStateStore>;

const coordinate = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= 100_000;
const size = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 200 && (v as number) <= 100_000;

/**
 * What the window restores from window-state.json: four whole numbers and a flag, nothing else.
 * The file is plain JSON any program can edit; spread as is into the window's options, a key like
 * `webPreferences` would turn off the renderer's isolation.
 */
export function restoredWindow(state: Pick<WindowStateStore, 'get'>): { bounds: Partial<Bounds>; maximized: boolean } {
  const saved: unknown = state.get('bounds');
  const b = (saved !== null && typeof saved === 'object' ? saved : {}) as Record<string, unknown>;
  const bounds = coordinate(b.x) && coordinate(b.y) && size(b.width) && size(b.height) ? { x: b.x, y: b.y, width: b.width, height: b.height } : {};
  return { bounds, maximized: state.get('maximized') === true };
}

/** The main window's options with the restored bounds: the security options always win. */
export function windowOptionsWithState(base: BrowserWindowConstructorOptions, state: Pick<WindowStateStore, 'get'>): BrowserWindowConstructorOptions {
  return { ...base, ...restoredWindow(state).bounds, webPreferences: base.webPreferences };
}
