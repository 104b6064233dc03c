import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../../src-main/app/create-app';
import type { App } from '../../../src-main/app/create-app';
import { dataPaths } from '../../../src-main/app/data-paths';
import { call } from '../../support/call-app';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
let app: App | undefined;
afterEach(async () => { await app?.close(); app = undefined; });

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every file and folder under dir, with its permission bits. */
function modes(dir: string): Array<[string, number]> {
  const out: Array<[string, number]> = [[dir, mode(dir)]];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...modes(path));
    else out.push([path, mode(path)]);
  }
  return out;
}

describe.skipIf(process.platform === 'win32')('the data folder', () => {
  it('is private to the user after every start, whatever its mode was: folders 0700, files 0600', async () => {
    const dir = join(tempDir(), 'kaspi-demper');
    const paths = dataPaths(dir);
    // A folder the seller made with the usual umask, with files another user could read.
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test', proxyHealthChecks: false, autoStartDemper: false });
    await call(app, 'backup.create');
    await app.close();
    app = undefined;
    for (const [path, bits] of [[dir, 0o755], [paths.backups, 0o755], [join(dir, 'logs'), 0o777]] as const) chmodSync(path, bits);
    for (const file of readdirSync(paths.backups)) chmodSync(join(paths.backups, file), 0o644);
    chmodSync(paths.database, 0o644);
    chmodSync(paths.logFile, 0o666);
    mkdirSync(paths.loginFailures, { recursive: true, mode: 0o755 });
    writeFileSync(join(paths.loginFailures, 'login-1.png'), 'png', { mode: 0o644 });

    app = await createApp({ dataDir: dir, shell: 'headless', appVersion: 'test', proxyHealthChecks: false, autoStartDemper: false });
    await call(app, 'settings.update', { language: 'kk' });
    await call(app, 'backup.create');
    const all = modes(dir);
    expect(all.map(([path]) => path)).toEqual(expect.arrayContaining([`${paths.database}-wal`, paths.logFile, join(paths.loginFailures, 'login-1.png')]));
    const open = all.filter(([path, bits]) => bits !== (statSync(path).isDirectory() ? 0o700 : 0o600));
    expect(open.map(([path, bits]) => `${path} ${bits.toString(8)}`)).toEqual([]);
  });
});
