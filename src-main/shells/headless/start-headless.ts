import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { createApp } from '../../app/create-app';
import type { App, AppConfig } from '../../app/create-app';
import { dataPaths } from '../../app/data-paths';
import { APP_VERSION } from '../../app/version';
import { startBridge } from './bridge-server';
import type { Bridge } from './bridge-server';
import { loadOrCreateToken } from './token';

export const DEFAULT_STATIC_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../dist/renderer');

export interface HeadlessOptions {
  dataDir: string;
  port: number;
  staticDir?: string;
  logToConsole?: boolean;
  /** More of the app's configuration (tests shrink the engine's delays to the simulator's time scale). */
  config?: Partial<AppConfig>;
}

export interface Headless {
  app: App;
  bridge: Bridge;
  token: string;
  tokenCreated: boolean;
  close(): Promise<void>;
}

/** The same app as the desktop, served to a browser on 127.0.0.1. */
export async function startHeadless(options: HeadlessOptions): Promise<Headless> {
  const dataDir = resolve(options.dataDir);
  const app = await createApp({
    dataDir,
    shell: 'headless',
    appVersion: APP_VERSION,
    logToConsole: options.logToConsole ?? false,
    hasScreen: Boolean(process.env.DISPLAY),
    ...options.config,
  });
  const { token, created } = loadOrCreateToken(dataPaths(dataDir).headlessToken);
  app.redactor.register(token);
  try {
    const bridge = await startBridge({ app, token, port: options.port, staticDir: options.staticDir ?? DEFAULT_STATIC_DIR });
    return {
      app,
      bridge,
      token,
      tokenCreated: created,
      async close() {
        await bridge.close();
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
