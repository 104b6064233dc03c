import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Launch at login on all three systems, started hidden in the tray. Windows and macOS register a
 * login item through Electron; Linux has none, so the XDG autostart folder gets a .desktop file
 * (~/.config/autostart, honoured by GNOME, KDE, Xfce, Cinnamon, MATE, LXQt).
 */
export const HIDDEN_FLAG = '--hidden';
export const AUTOSTART_FILE = 'kaspi-demper.desktop';

/** The slice of Electron's app the login item needs (Windows and macOS). */
export interface LoginItems {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
  getLoginItemSettings(options?: { args?: string[] }): { openAtLogin: boolean; wasOpenedAtLogin?: boolean };
}

export interface LaunchAtLoginContext {
  platform: NodeJS.Platform;
  loginItems: LoginItems;
  /** What autostart runs: the AppImage file when run from one ($APPIMAGE), else the installed binary. */
  executable: string;
  /** ~/.config, or $XDG_CONFIG_HOME. */
  configHome: string;
}

export function autostartPath(configHome: string): string {
  return join(configHome, 'autostart', AUTOSTART_FILE);
}

export function desktopEntry(executable: string): string {
  // Desktop Entry spec: an argument with spaces is double-quoted, and " ` $ \ inside it are escaped.
  const quoted = /[\s"`$\\]/.test(executable) ? `"${executable.replace(/(["`$\\])/g, '\\$1')}"` : executable;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Kaspi Demper',
    'Comment=Keeps Kaspi.kz offers at the best price position',
    `Exec=${quoted} ${HIDDEN_FLAG}`,
    'Icon=kaspi-demper',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function applyLaunchAtLogin(enabled: boolean, context: LaunchAtLoginContext): void {
  if (context.platform === 'linux') {
    const path = autostartPath(context.configHome);
    if (!enabled) {
      rmSync(path, { force: true });
      return;
    }
    mkdirSync(join(context.configHome, 'autostart'), { recursive: true });
    const entry = desktopEntry(context.executable);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== entry) writeFileSync(path, entry);
    return;
  }
  // Windows passes the flag to the started app; macOS cannot, and reports wasOpenedAtLogin instead.
  context.loginItems.setLoginItemSettings(context.platform === 'win32' ? { openAtLogin: enabled, args: [HIDDEN_FLAG] } : { openAtLogin: enabled });
}

/** Started by the system at login: show only the tray, the window opens from it. */
export function startedAtLogin(argv: readonly string[], platform: NodeJS.Platform, loginItems: LoginItems): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return platform === 'darwin' && loginItems.getLoginItemSettings().wasOpenedAtLogin === true;
}
