/**
 * `npm run electron:native`: builds better-sqlite3 for the installed Electron into
 * native/electron-<version>-<platform>-<arch>/, leaving node_modules built for Node. Run by
 * `npm start` and `npm run dist`; does nothing when the build there is already for this Electron
 * and this better-sqlite3. (Never run it where Electron's binary was not downloaded: there is no
 * Electron to build for, and the script says so.)
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RebuildOptions } from '@electron/rebuild';
import { BINDING_FILE, NATIVE_DIR, STAMP_FILE, nativeFolderName, readStamp, sameTarget } from '../src-main/db/native-binding';
import type { NativeTarget } from '../src-main/db/native-binding';

export const STAGE_DIR = '.electron-native-build';

export interface NativeBuildOptions {
  projectRoot: string;
  target: NativeTarget;
  /** @electron/rebuild's `rebuild`, injected so the plan is tested without compiling for Electron. */
  rebuild: (options: RebuildOptions) => Promise<void>;
  log?: (line: string) => void;
}

/** Builds into a staging copy of better-sqlite3, then keeps only the .node file and a stamp. */
export async function buildElectronNative(options: NativeBuildOptions): Promise<{ built: boolean; binding: string }> {
  const { projectRoot, target } = options;
  const log = options.log ?? console.log;
  const folder = join(projectRoot, NATIVE_DIR, nativeFolderName(target));
  const binding = join(folder, BINDING_FILE);
  if (existsSync(binding) && sameTarget(readStamp(folder), target)) {
    log(`[electron:native] up to date: ${binding}`);
    return { built: false, binding };
  }
  const stage = join(projectRoot, STAGE_DIR);
  rmSync(stage, { recursive: true, force: true });
  const stagedModule = join(stage, 'node_modules', 'better-sqlite3');
  mkdirSync(stagedModule, { recursive: true });
  writeFileSync(join(stage, 'package.json'), JSON.stringify({ name: 'electron-native-stage', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3 } }));
  // The sources without node_modules' compiled output: what is built here is only Electron's.
  cpSync(join(projectRoot, 'node_modules', 'better-sqlite3'), stagedModule, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
  log(`[electron:native] building better-sqlite3 ${target.betterSqlite3} for Electron ${target.electronVersion} (${target.platform}-${target.arch})`);
  await options.rebuild({ buildPath: stage, electronVersion: target.electronVersion, arch: target.arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
  const built = join(stagedModule, 'build', 'Release', BINDING_FILE);
  if (!existsSync(built)) throw new Error(`@electron/rebuild finished but ${built} is missing`);
  mkdirSync(folder, { recursive: true });
  copyFileSync(built, binding);
  writeFileSync(join(folder, STAMP_FILE), `${JSON.stringify(target, null, 2)}\n`);
  rmSync(stage, { recursive: true, force: true });
  log(`[electron:native] built ${binding}`);
  return { built: true, binding };
}

/** The installed Electron and better-sqlite3, from their package.json files. */
export function installedTarget(projectRoot: string): NativeTarget {
  const require = createRequire(join(projectRoot, 'package.json'));
  const version = (name: string) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  return { electronVersion: version('electron'), platform: process.platform, arch: process.arch, betterSqlite3: version('better-sqlite3') };
}

/** Where Electron's binary is expected (electron/path.txt names it once the download happened). */
export function electronBinaryMissing(projectRoot: string): string | null {
  const dir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return 'Electron is installed without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD, or an offline install)';
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? null : `Electron's binary is missing at ${binary}`;
}

async function main(): Promise<void> {
  const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const missing = electronBinaryMissing(projectRoot);
  if (missing) {
    console.error(`[electron:native] ${missing}: there is no Electron to build for. Reinstall with the download allowed (npm ci).`);
    process.exit(1);
  }
  const { rebuild } = await import('@electron/rebuild');
  await buildElectronNative({ projectRoot, target: installedTarget(projectRoot), rebuild: (o) => rebuild(o) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`[electron:native] ${(error as Error).message}`);
    process.exit(1);
  });
}
