import { existsSync, readFileSync } from 'node:fs';
import { MessageError, msg } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Which compiled better-sqlite3 the process loads. node_modules always holds the build for Node
 * (tests, `npm run demo`, `npm run headless`); the Electron main process loads its own build from
 * `native/electron-<version>-<platform>-<arch>/`, made by `npm run electron:native` with
 * @electron/rebuild. Rebuilding node_modules in place for Electron (what `electron-builder
 * install-app-deps` does) would break every Node command after it with NODE_MODULE_VERSION errors.
 */

export const NATIVE_DIR = 'native';
export const BINDING_FILE = 'better_sqlite3.node';
export const STAMP_FILE = 'stamp.json';

/** What a build in the native folder was made for: all four must match the running Electron app. */
export interface NativeTarget {
  electronVersion: string;
  platform: string;
  arch: string;
  /** better-sqlite3's package version: its JavaScript and its .node file must come from one release. */
  betterSqlite3: string;
}

export class NativeBindingError extends MessageError {
  override readonly name = 'NativeBindingError';
}

export function nativeFolderName(target: Pick<NativeTarget, 'electronVersion' | 'platform' | 'arch'>): string {
  return `electron-${target.electronVersion}-${target.platform}-${target.arch}`;
}

export function readStamp(folder: string, exists: (path: string) => boolean = existsSync, read = (path: string) => readFileSync(path, 'utf8')): NativeTarget | null {
  const path = join(folder, STAMP_FILE);
  if (!exists(path)) return null;
  try {
    return JSON.parse(read(path)) as NativeTarget;
  } catch {
    return null;
  }
}

export function sameTarget(a: NativeTarget | null, b: NativeTarget): boolean {
  return !!a && a.electronVersion === b.electronVersion && a.platform === b.platform && a.arch === b.arch && a.betterSqlite3 === b.betterSqlite3;
}

export interface BindingQuery {
  target: NativeTarget;
  /** Folders that may hold `native/`: the app folder in development, app.asar.unpacked when packaged. */
  roots: string[];
  exists?: (path: string) => boolean;
  read?: (path: string) => string;
}

/**
 * The .node file the Electron main process must load, or a clear error naming the command that
 * makes it. Never falls back to node_modules' build: that one is for Node and would fail with an
 * unreadable NODE_MODULE_VERSION message.
 */
export function selectElectronBinding(query: BindingQuery): string {
  const exists = query.exists ?? existsSync;
  const folderName = nativeFolderName(query.target);
  const stale: Message[] = [];
  for (const root of query.roots) {
    const folder = join(root, NATIVE_DIR, folderName);
    const binding = join(folder, BINDING_FILE);
    if (!exists(binding)) continue;
    const stamp = readStamp(folder, exists, query.read);
    if (sameTarget(stamp, query.target)) return binding;
    stale.push(msg('native.stale_item', { folder, built: stamp?.betterSqlite3 ?? '?', installed: query.target.betterSqlite3 }));
  }
  const what = msg('native.what', { version: query.target.betterSqlite3, electron: query.target.electronVersion, platform: `${query.target.platform}-${query.target.arch}` });
  if (stale.length > 0) throw new NativeBindingError(msg('native.stale', { what, items: stale }));
  throw new NativeBindingError(msg('native.missing', { what, folders: query.roots.map((r) => join(r, NATIVE_DIR, folderName)).join(', ') }));
}

/** Where `native/` may be: next to package.json in development, unpacked beside app.asar when installed. */
export function bindingRoots(appPath: string): string[] {
  return appPath.endsWith('app.asar') ? [`${appPath}.unpacked`, appPath] : [appPath];
}

let nativeBinding: string | undefined;

/**
 * Set once at start by the Electron shell; Node processes never call it and get node_modules' build.
 * The ABI is a fact of the whole process, so this is process-wide rather than threaded through every open.
 */
export function useSqliteNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** The binding chosen for this process (undefined: node_modules' build); a worker thread is told it. */
export function sqliteNativeBinding(): string | undefined {
  return nativeBinding;
}

/** better-sqlite3 constructor options with the process's native binding, when one was chosen. */
export function sqliteOptions<T extends object>(options: T): T & { nativeBinding?: string } {
  return nativeBinding ? { ...options, nativeBinding } : options;
}

/** The Electron main process's own target: the running Electron and the better-sqlite3 its bundle imports. */
export function electronTarget(): NativeTarget {
  const pkg = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
  const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
  return { electronVersion: process.versions.electron ?? 'none', platform: process.platform, arch: process.arch, betterSqlite3: version };
}
