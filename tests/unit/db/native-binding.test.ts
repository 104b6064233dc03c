import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { NativeBindingError, bindingRoots, nativeFolderName, selectElectronBinding } from '../../../src-main/db/native-binding';
import type { NativeTarget } from '../../../src-main/db/native-binding';

const target: NativeTarget = { electronVersion: '45.5.0', platform: 'win32', arch: 'x64', betterSqlite3: '12.11.1' };
const folder = (root: string, t: NativeTarget = target) => join(root, 'native', nativeFolderName(t));

/** A fake disk: the files present and the stamps they hold. */
function disk(files: Record<string, NativeTarget | 'binary'>) {
  return {
    exists: (path: string) => path in files,
    read: (path: string) => JSON.stringify(files[path]),
  };
}

describe('which better-sqlite3 build the Electron main process loads', () => {
  it('takes the build made for this Electron, platform, arch and better-sqlite3', () => {
    const root = '/app';
    const fs = disk({ [join(folder(root), 'better_sqlite3.node')]: 'binary', [join(folder(root), 'stamp.json')]: target });
    expect(selectElectronBinding({ target, roots: [root], ...fs })).toBe(join(folder(root), 'better_sqlite3.node'));
  });

  it('looks beside app.asar first when installed (native files are unpacked there)', () => {
    const asar = '/opt/Kaspi Demper/resources/app.asar';
    expect(bindingRoots(asar)).toEqual([`${asar}.unpacked`, asar]);
    expect(bindingRoots('/home/dev/kaspi-demper')).toEqual(['/home/dev/kaspi-demper']);
    const unpacked = `${asar}.unpacked`;
    const fs = disk({ [join(folder(unpacked), 'better_sqlite3.node')]: 'binary', [join(folder(unpacked), 'stamp.json')]: target });
    expect(selectElectronBinding({ target, roots: bindingRoots(asar), ...fs })).toBe(join(folder(unpacked), 'better_sqlite3.node'));
  });

  it('refuses a build left from an older better-sqlite3 and names the command that fixes it', () => {
    const root = '/app';
    const fs = disk({ [join(folder(root), 'better_sqlite3.node')]: 'binary', [join(folder(root), 'stamp.json')]: { ...target, betterSqlite3: '12.6.2' } });
    expect(() => selectElectronBinding({ target, roots: [root], ...fs })).toThrow(/устарела.*12\.6\.2.*12\.11\.1.*npm run electron:native/);
  });

  it('never falls back to a build for another Electron version or arch', () => {
    const root = '/app';
    const older = { ...target, electronVersion: '44.0.0' };
    const arm = { ...target, arch: 'arm64' };
    const fs = disk({
      [join(folder(root, older), 'better_sqlite3.node')]: 'binary',
      [join(folder(root, older), 'stamp.json')]: older,
      [join(folder(root, arm), 'better_sqlite3.node')]: 'binary',
      [join(folder(root, arm), 'stamp.json')]: arm,
    });
    let error: unknown;
    try {
      selectElectronBinding({ target, roots: [root], ...fs });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NativeBindingError);
    expect((error as Error).message).toMatch(/Не найдена сборка better-sqlite3 12\.11\.1 для Electron 45\.5\.0 \(win32-x64\).*npm run electron:native/);
  });

  it('refuses a build without a stamp (it cannot say what it was built for)', () => {
    const root = '/app';
    const fs = disk({ [join(folder(root), 'better_sqlite3.node')]: 'binary' });
    expect(() => selectElectronBinding({ target, roots: [root], ...fs })).toThrow(NativeBindingError);
  });
});
