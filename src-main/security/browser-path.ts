import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, win32 } from 'node:path';
import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';

/**
 * The one check a login browser passes before the app launches it, wherever its path came from
 * (the desktop's file dialog, `--browser`, discovery, a database restored from elsewhere): an
 * existing executable file of a Chromium-family browser Playwright can drive. It cannot prove a
 * file is what its name says, so the path itself only ever comes from the seller (a native
 * dialog or a start-up flag), never from the API.
 */
const KNOWN_BROWSERS = new Set([
  'chrome', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'google-chrome-beta', 'google-chrome-unstable',
  'google chrome', 'google chrome beta', 'google chrome canary', 'google chrome for testing',
  'msedge', 'microsoft-edge', 'microsoft-edge-stable', 'microsoft-edge-beta', 'microsoft-edge-dev', 'microsoft edge',
  'brave', 'brave-browser', 'brave browser',
  // Playwright's own builds.
  'chrome-headless-shell', 'headless_shell',
]);

export type BrowserPathCheck = { ok: true; executablePath: string } | { ok: false; problem: Message };

const fail = (problem: Message): BrowserPathCheck => ({ ok: false, problem });

export function checkBrowserPath(input: string, platform: NodeJS.Platform = process.platform): BrowserPathCheck {
  let path = input.trim();
  const absolute = platform === 'win32' ? win32.isAbsolute(path) : isAbsolute(path);
  if (!path || !absolute) return fail(msg('browser.path_not_absolute', { input }));
  // A macOS dialog hands back the .app bundle: the executable sits inside it under the app's name.
  if (platform === 'darwin' && /\.app\/?$/i.test(path)) path = join(path, 'Contents', 'MacOS', basename(path).replace(/\.app\/?$/i, ''));
  let real: string;
  try {
    real = realpathSync(path);
    if (!statSync(real).isFile()) return fail(msg('browser.is_folder', { path }));
  } catch {
    return fail(msg('browser.not_found', { path }));
  }
  const known = (file: string) => KNOWN_BROWSERS.has(file.toLowerCase().replace(/\.exe$/, ''));
  const name = platform === 'win32' ? win32.basename(path) : basename(path);
  if (!known(name) && !known(basename(real))) {
    return fail(msg('browser.unknown', { path }));
  }
  if (platform === 'win32') {
    if (!/\.exe$/i.test(name)) return fail(msg('browser.not_exe', { path }));
  } else {
    try {
      accessSync(real, constants.X_OK);
    } catch {
      return fail(msg('browser.not_executable', { path }));
    }
  }
  return { ok: true, executablePath: path };
}
