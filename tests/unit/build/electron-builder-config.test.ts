import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { AppInfo, LinuxPackager, MacPackager, Packager, WinPackager } from 'app-builder-lib';
import type { Configuration, PlatformPackager, PlatformSpecificBuildOptions } from 'app-builder-lib';
// electron-builder's own resolution of file patterns and of publish feeds, as it packs.
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher.js';
import { getPublishConfigs } from 'app-builder-lib/out/publish/PublishManager.js';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { BINDING_FILE, NATIVE_DIR, nativeFolderName } from '../../../src-main/db/native-binding';
import { useTempDir } from '../../support/temp-dir';
import { FUSE_OFF as OFF, FUSE_ON as ON, fakeElectronBinary } from '../../support/fake-electron-binary';

const tempDir = useTempDir();
const ROOT = resolve('.');
const ELECTRON_VERSION = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;
const quietLogger = { isEnabled: false, add: () => undefined } as never;

const PLATFORMS = [
  { name: 'linux', Platform: LinuxPackager, binary: 'kaspi-demper', updatable: 'AppImage' },
  { name: 'win32', Platform: WinPackager, binary: 'Kaspi Demper.exe', updatable: 'nsis' },
  { name: 'darwin', Platform: MacPackager, binary: 'Kaspi Demper.app', updatable: 'zip' },
] as const;

/**
 * What `electron-builder` resolves before it packs: electron-builder.yml merged with package.json
 * and any `-c` overrides, checked against its schema and the package metadata; then each system's
 * packager over it.
 */
async function resolved(overrides: Configuration = {}) {
  const packager = new Packager({ projectDir: ROOT, config: overrides });
  await packager.validateConfig();
  // What Packager.build() sets next, before any file is touched (the version and update channel).
  (packager as unknown as { _appInfo: AppInfo })._appInfo = new AppInfo(packager, null);
  return { config: packager.config, platforms: PLATFORMS.map((p) => ({ ...p, packager: new p.Platform(packager) as PlatformPackager<PlatformSpecificBuildOptions> })) };
}

/** Whether electron-builder's matcher for `files` or `asarUnpack` takes a path of the app folder. */
function matches(config: Configuration, platform: PlatformSpecificBuildOptions, name: 'files' | 'asarUnpack', path: string): boolean {
  const options = { macroExpander: (pattern: string) => pattern, customBuildOptions: platform, globalOutDir: join(ROOT, 'release'), defaultSrc: ROOT };
  const matcher = getFileMatchers(config, name, join(ROOT, 'out'), options)?.[0];
  return !!matcher && matcher.createFilter()(join(ROOT, path), { isDirectory: () => false } as never);
}

/** Where the Electron main process loads better-sqlite3 from (src-main/db/native-binding.ts), per system. */
const electronBinding = (platform: string) => `${NATIVE_DIR}/${nativeFolderName({ electronVersion: ELECTRON_VERSION, platform, arch: 'x64' })}/${BINDING_FILE}`;

const targetNames = (options: PlatformSpecificBuildOptions) =>
  [options.target ?? []].flat().map((target) => (typeof target === 'string' ? target : target.target));

describe('electron-builder configuration as electron-builder resolves it', () => {
  it('passes electron-builder’s own checks (schema, package.json metadata), and a misspelt option would not', async () => {
    const { config } = await resolved();
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    await expect(resolved({ asarUnpak: ['x'] } as Configuration)).rejects.toThrow(/asarUnpak/);
  });

  it('builds for each system an installer electron-updater can update from (AppImage, NSIS, zip)', async () => {
    for (const { name, packager, updatable } of (await resolved()).platforms) {
      expect(targetNames(packager.platformSpecificBuildOptions), name).toContain(updatable);
    }
  });

  it('packs the Electron build of better-sqlite3 and unpacks it from the asar on every system (a .node file cannot load from inside it)', async () => {
    const { config, platforms } = await resolved();
    expect(config.asar, 'OnlyLoadAppFromAsar is flipped on: the app must be an asar').not.toBe(false);
    for (const { name, packager } of platforms) {
      expect(packager.platformSpecificBuildOptions.asar, name).not.toBe(false);
      const binding = electronBinding(name);
      expect(matches(config, packager.platformSpecificBuildOptions, 'files', binding), `${name} packs ${binding}`).toBe(true);
      expect(matches(config, packager.platformSpecificBuildOptions, 'asarUnpack', binding), `${name} unpacks ${binding}`).toBe(true);
      expect(matches(config, packager.platformSpecificBuildOptions, 'files', 'dist-main/main.js'), name).toBe(true);
      expect(matches(config, packager.platformSpecificBuildOptions, 'asarUnpack', 'dist-main/main.js'), name).toBe(false);
    }
  });

  it('would notice an asarUnpack or files list that lost the native module (the check is real)', async () => {
    const { config, platforms } = await resolved();
    const linux = platforms[0]!.packager.platformSpecificBuildOptions;
    const binding = electronBinding('linux');
    expect(matches({ ...config, asarUnpack: ['**/node_modules/better-sqlite3/**'] }, linux, 'asarUnpack', binding)).toBe(false);
    expect(matches({ ...config, files: ['dist-main/**', 'dist/renderer/**', 'package.json'] }, linux, 'files', binding)).toBe(false);
  });

  it('writes the update feed every system’s app reads (app-update.yml): this repository’s GitHub releases, published as releases', async () => {
    for (const { name, packager } of (await resolved()).platforms) {
      expect(await getPublishConfigs(packager, null, null, false), name).toEqual([
        expect.objectContaining({ provider: 'github', owner: 'kaspi-demper', repo: 'kaspi-demper', releaseType: 'release' }),
      ]);
    }
    expect((await resolved()).config.generateUpdatesFilesForAllChannels).toBe(true);
  });

  it('flips the fuses through electron-builder’s own packager, on the binary it names, for every system', async () => {
    const { config, platforms } = await resolved();
    const hook = (await import(pathToFileURL(resolve(ROOT, config.afterPack as string)).href)) as { default: (context: unknown) => Promise<void> };
    for (const { name, packager, binary } of platforms) {
      const appOutDir = tempDir();
      const executable = name === 'darwin' ? join(appOutDir, binary, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework') : join(appOutDir, binary);
      fakeElectronBinary(executable);
      await hook.default({ appOutDir, electronPlatformName: name, packager, arch: 1, targets: [] });
      const wire = (await getCurrentFuseWire(join(appOutDir, binary))) as unknown as Record<number, number>;
      expect(wire[FuseV1Options.RunAsNode], name).toBe(OFF);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable], name).toBe(OFF);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments], name).toBe(OFF);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar], name).toBe(ON);
      expect(wire[FuseV1Options.EnableCookieEncryption], name).toBe(ON);
    }
  });

  it('signs and notarises only from environment variables (nothing secret in the file)', () => {
    expect(readFileSync('electron-builder.yml', 'utf8')).not.toMatch(/password:|cscLink|certificateFile|keyPassword/i);
  });

  it('packs only what main needs at run time: the renderer is bundled by Vite, the login drives an installed browser', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; dependencies: Record<string, string> };
    const runtime = Object.keys(pkg.dependencies);
    for (const bundled of ['react', 'react-dom', 'recharts', 'zustand', 'playwright']) expect(runtime).not.toContain(bundled);
    expect(runtime).toEqual(expect.arrayContaining(['better-sqlite3', 'electron-updater', 'playwright-core']));
    // electron-builder refuses electron among runtime dependencies.
    expect(runtime).not.toContain('electron');
  });
});
