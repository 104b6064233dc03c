import { describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyLaunchAtLogin, autostartPath, desktopEntry, startedAtLogin } from '../../../src-main/startup/launch-at-login';
import type { LoginItems } from '../../../src-main/startup/launch-at-login';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

function loginItems(wasOpenedAtLogin = false) {
  return { setLoginItemSettings: vi.fn<LoginItems['setLoginItemSettings']>(), getLoginItemSettings: () => ({ openAtLogin: true, wasOpenedAtLogin }) } satisfies LoginItems;
}

describe('launch at login', () => {
  it('on Linux writes an XDG autostart entry that starts hidden, and removes it when switched off', () => {
    const configHome = tempDir();
    const items = loginItems();
    const context = { platform: 'linux' as const, loginItems: items, executable: '/home/seller/Apps/Kaspi Demper-0.2.0.AppImage', configHome };

    applyLaunchAtLogin(true, context);
    const file = autostartPath(configHome);
    expect(file).toBe(join(configHome, 'autostart', 'kaspi-demper.desktop'));
    const entry = readFileSync(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/home/seller/Apps/Kaspi Demper-0.2.0.AppImage" --hidden');
    expect(entry).toContain('Type=Application');
    expect(items.setLoginItemSettings).not.toHaveBeenCalled();

    applyLaunchAtLogin(false, context);
    expect(existsSync(file)).toBe(false);
    // Switching off twice (or on a machine that never had it) is fine.
    expect(() => applyLaunchAtLogin(false, context)).not.toThrow();
  });

  it('quotes what the Desktop Entry spec requires in Exec', () => {
    expect(desktopEntry('/opt/kaspi-demper/kaspi-demper')).toContain('Exec=/opt/kaspi-demper/kaspi-demper --hidden');
    expect(desktopEntry('/tmp/a"b$c')).toContain('Exec="/tmp/a\\"b\\$c" --hidden');
  });

  it('on Windows registers a login item that passes --hidden', () => {
    const items = loginItems();
    applyLaunchAtLogin(true, { platform: 'win32', loginItems: items, executable: 'C:\\kd.exe', configHome: tempDir() });
    expect(items.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--hidden'] });
  });

  it('on macOS registers a login item; a start by it is recognised without arguments', () => {
    const items = loginItems(true);
    applyLaunchAtLogin(false, { platform: 'darwin', loginItems: items, executable: '/Applications/Kaspi Demper.app', configHome: tempDir() });
    expect(items.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false });
    expect(startedAtLogin([], 'darwin', items)).toBe(true);
    expect(startedAtLogin([], 'darwin', loginItems(false))).toBe(false);
  });

  it('a start with --hidden (Windows, Linux) stays in the tray; a start by the seller opens the window', () => {
    expect(startedAtLogin(['C:\\kd.exe', '--hidden'], 'win32', loginItems())).toBe(true);
    expect(startedAtLogin(['/opt/kd', '--hidden'], 'linux', loginItems())).toBe(true);
    expect(startedAtLogin(['/opt/kd'], 'linux', loginItems())).toBe(false);
  });
});
