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
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/*.node']));
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
  });

  it('packages the built files the entry point needs', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-main/main.js');
    expect(config.files).toEqual(expect.arrayContaining(['dist-main/**', 'dist/renderer/**']));
  });
});
