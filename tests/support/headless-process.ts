import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dataPaths } from '../../src-main/app/data-paths';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src-main', 'shells', 'headless', 'cli.ts');

export interface HeadlessProcess {
  child: ChildProcess;
  port: number;
  base: string;
  token: string;
  /** What the process wrote to stderr so far (its crash, if it crashed). */
  stderr(): string;
  /** True while the process runs. */
  alive(): boolean;
  /** A contract call as a script on the server makes it (Bearer token, JSON). */
  call(name: string, input?: unknown): Promise<Response>;
  /** Still running and answering its own calls. */
  serves(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * `npm run headless` as a seller starts it, in its own process on a free port: what an attacker
 * on the same machine talks to. A crash ends this process, not the test runner.
 */
export async function startHeadlessProcess(dataDir: string, args: string[] = [], env: Record<string, string> = {}): Promise<HeadlessProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--data-dir', dataDir, '--port', '0', '--json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    void exited.then(() => reject(new Error(`headless exited before it was ready: ${stderr}`)));
  });
  const { port } = JSON.parse(line) as { port: number };
  const token = readFileSync(dataPaths(dataDir).headlessToken, 'utf8');
  const alive = () => child.exitCode === null && child.signalCode === null;
  const call = (name: string, input: unknown = {}) =>
    fetch(`http://127.0.0.1:${port}/api/call/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    token,
    stderr: () => stderr,
    alive,
    call,
    serves: async () => alive() && (await call('system.status').catch(() => null))?.status === 200,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
