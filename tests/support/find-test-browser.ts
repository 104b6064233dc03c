import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { browserCandidates } from '../../src-main/kaspi/login/find-browser';

/**
 * The Chromium-family browser the tests drive, so `npm test` needs nothing beyond Node where any
 * such browser exists: KD_CHROMIUM_PATH, else Playwright's own downloaded Chromium, else the
 * system's Edge, Chrome or Chromium in their usual places (the same list the app's login uses).
 */
export interface TestBrowser {
  executablePath: string;
  source: 'KD_CHROMIUM_PATH' | 'playwright' | 'system';
}

export interface TestBrowserQuery {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  home?: string;
  exists?: (path: string) => boolean;
  /** Where Playwright's Chromium is (or would be) installed. */
  playwrightPath: () => string | null;
}

export const INSTALL_BROWSER_HINT =
  'Install one with `npx playwright install chromium` (or install Google Chrome, Chromium or Microsoft Edge), or point KD_CHROMIUM_PATH at a Chromium-family browser.';

export function findTestBrowser(query: TestBrowserQuery): TestBrowser {
  const env = query.env ?? process.env;
  const exists = query.exists ?? existsSync;
  const fromEnv = env['KD_CHROMIUM_PATH']?.trim();
  if (fromEnv) {
    if (exists(fromEnv)) return { executablePath: fromEnv, source: 'KD_CHROMIUM_PATH' };
    throw new Error(`KD_CHROMIUM_PATH is set to ${fromEnv}, which does not exist. Fix or unset it. ${INSTALL_BROWSER_HINT}`);
  }
  const playwright = query.playwrightPath();
  if (playwright && exists(playwright)) return { executablePath: playwright, source: 'playwright' };
  const platform = query.platform ?? process.platform;
  const system = browserCandidates(platform, env, query.home ?? homedir()).find((path) => exists(path));
  if (system) return { executablePath: system, source: 'system' };
  throw new Error(`No browser for the tests: looked at KD_CHROMIUM_PATH, Playwright's browsers (${playwright ?? 'none'}) and the usual ${platform} install places. ${INSTALL_BROWSER_HINT}`);
}
