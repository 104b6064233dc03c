import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../../../src-main/kaspi/login/find-browser';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('finding a browser for the Kaspi login', () => {
  it('takes the configured path when it exists', () => {
    expect(findBrowser({ configuredPath: '/opt/my/chrome', exists: only('/opt/my/chrome', '/usr/bin/chromium'), platform: 'linux' })).toEqual({ executablePath: '/opt/my/chrome', source: 'configured' });
  });

  it('says so when the configured path is wrong instead of silently using another browser', () => {
    expect(() => findBrowser({ configuredPath: '/nope', exists: only('/usr/bin/chromium'), platform: 'linux' })).toThrow(BrowserNotFoundError);
  });

  it('prefers Edge on Windows, under Program Files', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' };
    expect(findBrowser({ platform: 'win32', env, exists: only(chrome, edge), playwrightPath: () => null }).executablePath).toBe(edge);
    expect(findBrowser({ platform: 'win32', env, exists: only(chrome), playwrightPath: () => null }).executablePath).toBe(chrome);
  });

  it('finds Chrome in the user Applications folder on macOS', () => {
    const p = '/Users/a/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ platform: 'darwin', home: '/Users/a', exists: only(p), playwrightPath: () => null })).toEqual({ executablePath: p, source: 'system' });
  });

  it("finds Debian's Chromium on Linux", () => {
    expect(findBrowser({ platform: 'linux', exists: only('/usr/bin/chromium'), playwrightPath: () => null }).executablePath).toBe('/usr/bin/chromium');
  });

  it("falls back to Playwright's own Chromium when it is installed", () => {
    expect(findBrowser({ platform: 'linux', exists: only('/cache/ms-playwright/chrome'), playwrightPath: () => '/cache/ms-playwright/chrome' })).toEqual({ executablePath: '/cache/ms-playwright/chrome', source: 'playwright' });
  });

  it('tells the user what to install when there is nothing', () => {
    expect(() => findBrowser({ platform: 'win32', env: {}, exists: () => false, playwrightPath: () => '/not/installed' })).toThrow(/Установите Microsoft Edge или Google Chrome/);
    expect(() => findBrowser({ platform: 'linux', exists: () => false, playwrightPath: () => null })).toThrow(/apt install chromium/);
  });
});
