import { chromium } from 'playwright';
import type { Browser, LaunchOptions } from 'playwright';
import { findTestBrowser } from './find-test-browser';

let found: string | undefined;

/** The browser every browser test drives (see find-test-browser.ts for the order), found once. */
export function chromiumPath(): string {
  found ??= findTestBrowser({ playwrightPath: () => chromium.executablePath() }).executablePath;
  return found;
}

/**
 * The same path as a value, for tests that hand it to the app (its login browser option). Empty
 * when no browser exists; launchChromium() then stops with the command that installs one.
 */
export const CHROMIUM_PATH: string = (() => {
  try {
    return chromiumPath();
  } catch {
    return '';
  }
})();

/** No background calls home; no sandbox, since CI runs as root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, ...options });
}
