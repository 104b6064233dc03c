import type { FuseV1Config } from '@electron/fuses';

export function fuseConfig(platform: string): FuseV1Config;
export function afterPack(context: {
  electronPlatformName: string;
  appOutDir: string;
  packager: { addElectronFuses(context: unknown, fuses: FuseV1Config): Promise<number> };
}): Promise<void>;
export default afterPack;
