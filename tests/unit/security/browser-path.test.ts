import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-shared/i18n';
import type { MessageCode } from '../../../src-shared/i18n';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBrowserPath } from '../../../src-main/security/browser-path';
import { CHROMIUM_PATH } from '../../support/browser';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

function file(dir: string, name: string, mode = 0o755): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\ntouch "$0.ran"\n');
  chmodSync(path, mode);
  return path;
}

describe('a login browser path', () => {
  it('is accepted when it is an existing executable of a known browser, directly or through a link', () => {
    const dir = tempDir();
    expect(checkBrowserPath(CHROMIUM_PATH)).toEqual({ ok: true, executablePath: CHROMIUM_PATH });
    const link = join(dir, 'google-chrome');
    symlinkSync(CHROMIUM_PATH, link);
    expect(checkBrowserPath(link)).toEqual({ ok: true, executablePath: link });
    expect(checkBrowserPath(` ${file(dir, 'msedge')} `)).toMatchObject({ ok: true });
  });

  it('is refused with a message naming the problem when it is any other program, a folder, missing or relative', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'chrome'));
    const cases: Array<[string, MessageCode, RegExp]> = [
      ['/bin/sh', 'browser.unknown', /не браузер/],
      [file(dir, 'evil.sh'), 'browser.unknown', /не браузер/],
      [file(dir, 'chromium-x'), 'browser.unknown', /не браузер/],
      [file(dir, 'chromium', 0o644), 'browser.not_executable', /не исполняемый/],
      [join(dir, 'chrome'), 'browser.is_folder', /папка/],
      [join(dir, 'missing', 'chrome'), 'browser.not_found', /не найден/],
      ['chrome', 'browser.path_not_absolute', /полный путь/],
      ['', 'browser.path_not_absolute', /полный путь/],
    ];
    for (const [path, code, russian] of cases) {
      const result = checkBrowserPath(path);
      if (result.ok) throw new Error(`${path} passed`);
      expect(result.problem.code, path).toBe(code);
      expect(renderMessage(result.problem, 'ru'), path).toMatch(russian);
    }
  });

  it('on Windows needs the .exe of Chrome, Edge or Chromium', () => {
    const dir = tempDir();
    expect(checkBrowserPath(file(dir, 'msedge.exe'), 'win32')).toMatchObject({ ok: true });
    expect(checkBrowserPath(file(dir, 'cmd.exe'), 'win32')).toMatchObject({ ok: false });
    expect(checkBrowserPath(file(dir, 'chrome'), 'win32')).toMatchObject({ ok: false, problem: { code: 'browser.not_exe' } });
  });

  it('on macOS accepts the .app bundle the file dialog returns and launches the executable inside it', () => {
    const dir = tempDir();
    const macos = join(dir, 'Google Chrome.app', 'Contents', 'MacOS');
    mkdirSync(macos, { recursive: true });
    file(macos, 'Google Chrome');
    expect(checkBrowserPath(join(dir, 'Google Chrome.app'), 'darwin')).toEqual({ ok: true, executablePath: join(macos, 'Google Chrome') });
  });
});
