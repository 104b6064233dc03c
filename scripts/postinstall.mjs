// Rebuilds native modules (better-sqlite3) for Electron's ABI, but only where Electron is really
// installed. Where the Electron binary download was skipped (CI, offline build machines), a
// rebuild would silently produce a module for the wrong ABI and break the Node-side tests.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const skip = (why) => { console.log(`[postinstall] electron native rebuild skipped: ${why}`); process.exit(0); };

if (process.env.CI) skip('CI');
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) skip('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
let electronDir;
try { electronDir = dirname(require.resolve('electron/package.json')); } catch { skip('electron is not installed'); }
const pathFile = join(electronDir, 'path.txt');
if (!existsSync(pathFile)) skip('the Electron binary is not installed');
const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
if (!existsSync(binary)) skip('the Electron binary is missing');

const result = spawnSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
