// electron-builder afterPack hook: flips Electron's fuses in the packaged binary (issue #10).
// Fuses are switches compiled into the Electron executable that no command line, environment
// variable or file can turn back on — a process that runs as the seller cannot use the app to run
// arbitrary Node (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect), and where Electron supports it
// the app refuses an app.asar that was changed after packaging.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuse settings for a target platform (electron-builder's electronPlatformName). */
export function fuseConfig(platform) {
  // ASAR integrity is checked by Electron on macOS and Windows only; electron-builder embeds the hashes there.
  const asarIntegrity = platform === 'darwin' || platform === 'mas' || platform === 'win32';
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    ...(asarIntegrity ? { [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true } : {}),
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // GrantFileProtocolExtraPrivileges stays as Electron ships it: the window loads the renderer's
    // module scripts from file://, which needs it until the renderer moves to a custom protocol.
  };
}

/** Runs before signing, as electron-builder requires of fuses. */
export async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName));
}

export default afterPack;
