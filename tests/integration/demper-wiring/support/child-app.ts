import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { KASPI_SIM_ENV } from '../../../../src-main/security/kaspi-sim-option';
import type { SimUrls } from '../../../sim/kaspi/sim-state';

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'app-child.ts');

/** Starts app-child.ts against the simulator at `sim` and resolves once the app is up. */
export async function startChildApp(dataDir: string, mode: 'start' | 'resume', sim: SimUrls) {
  const env = { ...process.env, [KASPI_SIM_ENV]: JSON.stringify(sim) };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY, dataDir, mode], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ? null : code)));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line === 'ready' && resolve());
    void exited.then((code) => reject(new Error(`app child exited with ${code} before it was ready`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
export type ChildApp = Awaited<ReturnType<typeof startChildApp>>;
