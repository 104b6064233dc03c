import { existsSync } from 'node:fs';
import { MessageError, msg } from '../../../src-shared/i18n';
import type { Message, MessageCode } from '../../../src-shared/i18n';
import { homedir } from 'node:os';
import { createRequire } from 'node:module';
import type * as Playwright from 'playwright-core';

/**
 * Which Chromium-family browser the Kaspi login drives: the path from settings, else the
 * system's Edge, Chrome or Chromium in their usual places, else Playwright's own Chromium when
 * it was downloaded. Sellers already have Edge (Windows) or Chrome, so no download is needed.
 */
export interface FoundBrowser {
  executablePath: string;
  source: 'configured' | 'system' | 'playwright';
}

export class BrowserNotFoundError extends MessageError {
  readonly kind = 'browser-missing' as const;
  constructor(message: Message) {
    super(message);
    this.name = 'BrowserNotFoundError';
  }
}

export interface FindBrowserOptions {
  configuredPath?: string | null;
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  home?: string;
  exists?: (path: string) => boolean;
  /** Playwright's bundled Chromium path (installed or not). */
  playwrightPath?: () => string | null;
}

/** Usual install locations, Edge first: it ships with every Windows 10/11. */
export function browserCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>, home: string): string[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => !!r);
    const apps = ['Microsoft\\Edge\\Application\\msedge.exe', 'Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe'];
    return apps.flatMap((app) => roots.map((root) => `${root.replace(/\\+$/, '')}\\${app}`));
  }
  if (platform === 'darwin') {
    const apps = ['Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    return apps.flatMap((app) => [`/Applications/${app}`, `${home}/Applications/${app}`]);
  }
  return [
    '/usr/bin/microsoft-edge-stable', '/usr/bin/microsoft-edge', '/opt/microsoft/msedge/msedge',
    '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/opt/google/chrome/chrome',
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium',
  ];
}

const INSTALL_HINT: Partial<Record<NodeJS.Platform, MessageCode>> = {
  win32: 'browser.install_win32',
  darwin: 'browser.install_darwin',
  linux: 'browser.install_linux',
};

export function findBrowser(opts: FindBrowserOptions = {}): FoundBrowser {
  const exists = opts.exists ?? existsSync;
  const platform = opts.platform ?? process.platform;
  const configured = opts.configuredPath?.trim();
  if (configured) {
    if (exists(configured)) return { executablePath: configured, source: 'configured' };
    throw new BrowserNotFoundError(msg('browser.configured_missing', { path: configured }));
  }
  const system = browserCandidates(platform, opts.env ?? process.env, opts.home ?? homedir()).find((p) => exists(p));
  if (system) return { executablePath: system, source: 'system' };
  const bundled = (opts.playwrightPath ?? playwrightChromium)();
  if (bundled && exists(bundled)) return { executablePath: bundled, source: 'playwright' };
  const hint = msg(INSTALL_HINT[platform] ?? 'browser.install_other');
  throw new BrowserNotFoundError(msg('browser.none_found', { hint }));
}

function playwrightChromium(): string | null {
  try {
    // Loaded only when no system browser was found, so the app does not carry Playwright from the start.
    const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof Playwright;
    return chromium.executablePath();
  } catch {
    return null;
  }
}
