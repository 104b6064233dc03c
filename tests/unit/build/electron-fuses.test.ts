import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { flipFuses, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterPack } from '../../../scripts/electron-fuses.mjs';
import { useTempDir } from '../../support/temp-dir';
import { FUSE_OFF as OFF, FUSE_ON as ON, fakeElectronBinary } from '../../support/fake-electron-binary';

const tempDir = useTempDir();

/** What electron-builder's packager does in addElectronFuses, on the stand-in binary. */
async function pack(platform: string): Promise<Record<number, number>> {
  const dir = tempDir();
  const binary = fakeElectronBinary(join(dir, platform === 'win32' ? 'Kaspi Demper.exe' : 'kaspi-demper'));
  await afterPack({
    electronPlatformName: platform,
    appOutDir: dir,
    packager: { addElectronFuses: (_context, fuses) => flipFuses(binary, fuses) },
  });
  return (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
}

describe('Electron fuses flipped at packaging', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, turn on cookie encryption and app.asar only', async () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const wire = await pack(platform);
      expect(wire[FuseV1Options.RunAsNode], platform).toBe(OFF);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable], platform).toBe(OFF);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments], platform).toBe(OFF);
      expect(wire[FuseV1Options.EnableCookieEncryption], platform).toBe(ON);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar], platform).toBe(ON);
      // Left as shipped: the renderer is loaded from file:// (see scripts/electron-fuses.mjs).
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges], platform).toBe(ON);
    }
  });

  it('check ASAR integrity where Electron supports it (Windows, macOS), not on Linux', async () => {
    expect((await pack('win32'))[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect((await pack('darwin'))[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect((await pack('linux'))[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(OFF);
  });

  it('run from electron-builder.yml as the afterPack hook', () => {
    const config = load(readFileSync('electron-builder.yml', 'utf8')) as { afterPack?: string };
    expect(config.afterPack).toBe('./scripts/electron-fuses.mjs');
  });
});
