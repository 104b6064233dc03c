/**
 * `npm run dev`: the Electron app with hot reload of the renderer. Vite serves the renderer (React
 * Fast Refresh on save); main and preload are rebuilt on change and the app restarts. Needs
 * Electron's binary (a normal `npm ci` downloads it).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import type { Plugin } from 'vite';
import { devCsp } from '../src-main/shells/electron/dev-csp';
import { electronBinaryMissing } from './electron-native';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const missing = electronBinaryMissing(root);
if (missing) {
  console.error(`[dev] ${missing}. Reinstall with the download allowed (npm ci), or use npm run headless.`);
  process.exit(1);
}
for (const step of ['icons', 'electron:native']) {
  const result = spawnSync('npm', ['run', step], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The dev server's page gets the development CSP too (its meta tag), so Fast Refresh can start.
const relaxCsp: Plugin = { name: 'kd-dev-csp', apply: 'serve', transformIndexHtml: (html) => devCsp(html) };
const server = await createServer({ root: resolve(root, 'src-renderer'), configFile: resolve(root, 'vite.config.ts'), plugins: [relaxCsp], server: { host: '127.0.0.1', port: 5173 } });
await server.listen();
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('Vite did not report its address');

let electron: ChildProcess | null = null;
let stopping = false;
const electronBinary = createRequire(import.meta.url)('electron') as unknown as string;
const launch = () => {
  electron = spawn(electronBinary, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, KD_DEV_SERVER_URL: url } });
  electron.once('exit', () => {
    electron = null;
    if (!stopping) void shutdown();
  });
};
const restart = () => {
  if (!electron) return launch();
  stopping = true;
  electron.once('exit', () => {
    stopping = false;
    launch();
  });
  electron.kill();
};

// Main and preload in watch mode: the first build launches the app, every later one restarts it.
let builds = 0;
const watchBuild = async (mode?: string) =>
  build({ configFile: resolve(root, 'vite.main.config.ts'), mode, logLevel: 'warn', build: { watch: {}, emptyOutDir: false } }).then((watcher) => {
    if (!('on' in watcher)) return watcher;
    watcher.on('event', (event) => {
      if (event.code !== 'END') return;
      builds++;
      if (builds === 2) launch();
      else if (builds > 2) restart();
    });
    return watcher;
  });
const watchers = await Promise.all([watchBuild(), watchBuild('preload')]);

async function shutdown(): Promise<void> {
  stopping = true;
  electron?.kill();
  for (const watcher of watchers) if ('close' in watcher) await watcher.close();
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
console.log(`[dev] renderer at ${url}; save a file and the window reloads`);
