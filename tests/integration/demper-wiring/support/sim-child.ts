import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { KaspiSimOptions } from '../../../sim/kaspi';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'sim', 'kaspi', 'cli.ts');

export interface SimUrls {
  idmc: string;
  mc: string;
  storefront: string;
  control: string;
}

/**
 * The Kaspi simulator in its own process (`npm run sim`'s CLI), so the process under test is
 * measured alone (memory, CPU). `control` speaks the simulator's control API.
 */
export async function startSimChild(options: Pick<KaspiSimOptions, 'scenario' | 'seed' | 'timeScale'> = {}) {
  const args = ['--import', 'tsx', CLI, '--scenario', options.scenario ?? 'small', '--seed', String(options.seed ?? 1), '--time-scale', String(options.timeScale ?? 1)];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const urls = JSON.parse(line) as SimUrls;
  const control = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${urls.control}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`sim control ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    urls,
    control,
    pid: child.pid,
    async close(): Promise<void> {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
export type SimChild = Awaited<ReturnType<typeof startSimChild>>;
