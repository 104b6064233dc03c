import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openDatabase } from '../../../src-main/db/connection';
import { nativeFolderName, selectElectronBinding, useSqliteNativeBinding } from '../../../src-main/db/native-binding';
import type { NativeTarget } from '../../../src-main/db/native-binding';
import { STAGE_DIR, buildElectronNative } from '../../../scripts/electron-native';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir('kd-native-');
const require = createRequire(import.meta.url);
const moduleDir = dirname(require.resolve('better-sqlite3/package.json'));
const nodeBuild = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const installed = (JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')) as { version: string }).version;

afterEach(() => useSqliteNativeBinding(undefined));

/** A project folder with a copy of better-sqlite3's sources (what the build script stages from). */
function fakeProject(): string {
  const root = tempDir();
  const copy = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(copy, 'build', 'Release'), { recursive: true });
  mkdirSync(join(copy, 'src'), { recursive: true });
  writeFileSync(join(copy, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: installed }));
  writeFileSync(join(copy, 'src', 'better_sqlite3.cpp'), '// sources');
  writeFileSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), 'node-abi build');
  return root;
}

describe('the Electron build of better-sqlite3 lives beside node_modules, never in it', () => {
  it('builds into native/<electron>-<platform>-<arch> from a staged copy, leaving node_modules untouched', async () => {
    const root = fakeProject();
    const target: NativeTarget = { electronVersion: '45.5.0', platform: process.platform, arch: process.arch, betterSqlite3: installed };
    const rebuild = vi.fn(async (options: { buildPath: string; electronVersion: string; onlyModules?: string[] | null }) => {
      const staged = join(options.buildPath, 'node_modules', 'better-sqlite3');
      // The stage holds the sources but not node_modules' compiled output.
      expect(existsSync(join(staged, 'src', 'better_sqlite3.cpp'))).toBe(true);
      expect(existsSync(join(staged, 'build'))).toBe(false);
      mkdirSync(join(staged, 'build', 'Release'), { recursive: true });
      writeFileSync(join(staged, 'build', 'Release', 'better_sqlite3.node'), `electron ${options.electronVersion} build`);
    });
    const log: string[] = [];

    const first = await buildElectronNative({ projectRoot: root, target, rebuild, log: (line) => log.push(line) });

    expect(rebuild).toHaveBeenCalledTimes(1);
    expect(rebuild.mock.calls[0]![0]).toMatchObject({ electronVersion: '45.5.0', onlyModules: ['better-sqlite3'], force: true });
    expect(first).toEqual({ built: true, binding: join(root, 'native', nativeFolderName(target), 'better_sqlite3.node') });
    expect(readFileSync(first.binding, 'utf8')).toBe('electron 45.5.0 build');
    expect(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node-abi build');
    expect(existsSync(join(root, STAGE_DIR))).toBe(false);
    // What the app will select at start is exactly what was built.
    expect(selectElectronBinding({ target, roots: [root] })).toBe(first.binding);

    // `npm start` again: nothing to do.
    expect(await buildElectronNative({ projectRoot: root, target, rebuild, log: (line) => log.push(line) })).toEqual({ built: false, binding: first.binding });
    expect(rebuild).toHaveBeenCalledTimes(1);
    expect(log.at(-1)).toMatch(/up to date/);

    // After `npm update better-sqlite3` the stamp no longer matches: built again.
    const upgraded = { ...target, betterSqlite3: '99.0.0' };
    expect(() => selectElectronBinding({ target: upgraded, roots: [root] })).toThrow(/устарела/);
    expect((await buildElectronNative({ projectRoot: root, target: upgraded, rebuild, log: () => undefined })).built).toBe(true);
    expect(rebuild).toHaveBeenCalledTimes(2);
  });

  it('opens the database through the nativeBinding option with a real compiled module', () => {
    // Here the only real build is Node's: copied into a native/ folder, it stands in for Electron's.
    const folder = join(tempDir(), 'native', 'electron-test');
    mkdirSync(folder, { recursive: true });
    copyFileSync(nodeBuild, join(folder, 'better_sqlite3.node'));
    useSqliteNativeBinding(join(folder, 'better_sqlite3.node'));

    const db = openDatabase(join(tempDir(), 'app.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('a binding that is not a module for this process fails loudly, not with a half-open database', () => {
    const bogus = join(tempDir(), 'better_sqlite3.node');
    writeFileSync(bogus, 'not a shared object');
    useSqliteNativeBinding(bogus);
    const path = join(tempDir(), 'app.sqlite');
    expect(() => openDatabase(path)).toThrow();
    expect(existsSync(path)).toBe(false);
  });
});
