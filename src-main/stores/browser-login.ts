import { AppError } from '../../src-shared/contract';
import { login } from '../kaspi/login/login';
import { BrowserNotFoundError, findBrowser } from '../kaspi/login/find-browser';
import { BrowserLaunchError } from '../kaspi/login/login-errors';
import { LoginBusyError } from '../kaspi/login/account-lock';
import type { LoginRunner } from './ports';
import { checkBrowserPath } from '../security/browser-path';

export interface BrowserLoginConfig {
  browserPath: () => string | null;
  failureDir: string;
  /** With a screen the login window is visible, so the seller can solve a captcha; on a server it is headless. */
  hasScreen: boolean;
  timeoutMs?: number;
  /** Runs the login on a proxy lane (the pool's shared lanes); the browser goes out through it. */
  throughProxy?: <T>(task: (proxy: { server: string; username?: string; password?: string } | undefined, signal: AbortSignal | undefined) => Promise<T>) => Promise<T>;
}

/** The Playwright login (src-main/kaspi/login) with the browser found on this machine. */
export function createBrowserLoginRunner(config: BrowserLoginConfig): LoginRunner {
  return async (request) => {
    let found: string;
    try {
      found = findBrowser({ configuredPath: config.browserPath() }).executablePath;
    } catch (error) {
      // find-browser's texts move to the catalogue after #13's merge; until then they are shown as written.
      if (error instanceof BrowserNotFoundError) throw new AppError('browser_missing', error.userMessage);
      throw error;
    }
    // Whatever named it (settings, a flag, discovery, a restored database): only a known browser is launched.
    const check = checkBrowserPath(found);
    if (!check.ok) throw new AppError('browser_missing', check.problem);
    const executablePath = check.executablePath;
    request.onStep?.('browser');
    const run = config.throughProxy ?? ((task) => task(undefined, undefined));
    try {
      return await run((proxy, signal) =>
        login({
          endpoints: request.endpoints,
          method: request.method,
          login: request.login,
          password: request.password,
          askCode: request.askCode,
          browser: { executablePath, headless: !config.hasScreen },
          proxy,
          signal,
          failureDir: config.failureDir,
          timeoutMs: config.timeoutMs ?? 30_000,
        }),
      );
    } catch (error) {
      if (error instanceof LoginBusyError) throw new AppError('conflict', error.userMessage);
      if (error instanceof BrowserLaunchError) throw new AppError('browser_missing', error.userMessage);
      throw error;
    }
  };
}
