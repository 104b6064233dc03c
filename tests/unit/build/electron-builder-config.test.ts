import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
// electron-builder's own validation: the same schema and checks `electron-builder` runs before packaging.
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';

const quietLogger = { isEnabled: false, add: () => undefined } as never;
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it("validates against app-builder-lib's JSON schema", async () => {
    await expect(validateConfiguration(config as never, quietLogger)).resolves.toBeUndefined();
  });

  it('would reject a misspelt option (the check is real)', async () => {
    await expect(validateConfiguration({ ...config, asarUnpak: ['x'] } as never, quietLogger)).rejects.toThrow(/asarUnpak/);
  });

  it('unpacks native modules and targets Linux, Windows and macOS', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/*.node', 'native/**']));
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg', 'zip']);
  });

  it('ships the Electron build of better-sqlite3 from native/ and never rebuilds node_modules in place', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['native/**']));
  });

  it('has what auto-update needs on each system: a publish feed, zip (macOS), NSIS (Windows), AppImage (Linux), every channel', () => {
    expect(config.publish).toMatchObject({ provider: 'github' });
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
    expect((config.mac as { target: string[] }).target).toContain('zip');
    expect((config.win as { target: string[] }).target).toContain('nsis');
    expect((config.linux as { target: string[] }).target).toContain('AppImage');
  });

  it('takes every icon from build/generated (npm run icons) and packs the tray images', () => {
    expect((config.mac as { icon: string }).icon).toBe('build/generated/icon.icns');
    expect((config.win as { icon: string }).icon).toBe('build/generated/icon.ico');
    expect((config.linux as { icon: string }).icon).toBe('build/generated/icons');
    expect(config.files).toEqual(expect.arrayContaining(['build/generated/tray/**']));
  });

  it('signs and notarises only from environment variables (nothing secret in the file)', () => {
    expect((config.mac as { notarize: boolean; hardenedRuntime: boolean })).toMatchObject({ notarize: true, hardenedRuntime: true });
    expect(readFileSync('electron-builder.yml', 'utf8')).not.toMatch(/password:|cscLink|certificateFile/i);
  });

  it('packages the built files the entry point needs', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-main/main.js');
    expect(config.files).toEqual(expect.arrayContaining(['dist-main/**', 'dist/renderer/**']));
  });

  it('packs only what main needs at run time: the renderer is bundled by Vite, the login drives an installed browser', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const runtime = Object.keys(pkg.dependencies);
    for (const bundled of ['react', 'react-dom', 'recharts', 'zustand', 'playwright']) expect(runtime).not.toContain(bundled);
    expect(runtime).toEqual(expect.arrayContaining(['better-sqlite3', 'electron-updater', 'playwright-core']));
    // electron-builder refuses electron among runtime dependencies.
    expect(runtime).not.toContain('electron');
  });
});
