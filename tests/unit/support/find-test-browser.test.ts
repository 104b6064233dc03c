import { describe, expect, it } from 'vitest';
import { findTestBrowser } from '../../support/find-test-browser';

const only = (...paths: string[]) => (path: string) => paths.includes(path);
const PW = '/home/dev/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';

describe('which browser `npm test` drives', () => {
  it('takes KD_CHROMIUM_PATH first, even when Playwright and the system have one', () => {
    const found = findTestBrowser({ env: { KD_CHROMIUM_PATH: '/opt/chromium/chrome' }, platform: 'linux', exists: only('/opt/chromium/chrome', PW, '/usr/bin/chromium'), playwrightPath: () => PW });
    expect(found).toEqual({ executablePath: '/opt/chromium/chrome', source: 'KD_CHROMIUM_PATH' });
  });

  it('refuses a KD_CHROMIUM_PATH that does not exist rather than testing another browser', () => {
    expect(() => findTestBrowser({ env: { KD_CHROMIUM_PATH: '/nope' }, platform: 'linux', exists: only(PW), playwrightPath: () => PW })).toThrow(/KD_CHROMIUM_PATH is set to \/nope/);
  });

  it("takes Playwright's own Chromium next, before the system's browsers", () => {
    expect(findTestBrowser({ env: {}, platform: 'linux', exists: only(PW, '/usr/bin/chromium'), playwrightPath: () => PW })).toEqual({ executablePath: PW, source: 'playwright' });
  });

  it("falls back to the system's Chrome, Chromium or Edge on each OS", () => {
    expect(findTestBrowser({ env: {}, platform: 'linux', exists: only('/usr/bin/chromium'), playwrightPath: () => PW }).executablePath).toBe('/usr/bin/chromium');
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findTestBrowser({ env: {}, platform: 'darwin', home: '/Users/a', exists: only(mac), playwrightPath: () => null }).executablePath).toBe(mac);
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const env = { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(findTestBrowser({ env, platform: 'win32', exists: only(edge), playwrightPath: () => null })).toEqual({ executablePath: edge, source: 'system' });
  });

  it('names the command that installs a browser when there is none', () => {
    expect(() => findTestBrowser({ env: {}, platform: 'linux', exists: only(), playwrightPath: () => PW })).toThrow(/npx playwright install chromium/);
  });
});
