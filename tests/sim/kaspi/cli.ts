import { startKaspiSim } from './index';

/**
 * `npm run sim -- [--seed N] [--scenario NAME] [--time-scale X] [--port-base N] [--host H]`
 * Prints one JSON line with the base URLs, then serves until SIGINT/SIGTERM.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i !== -1) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

function num(name: string): number | undefined {
  const v = arg(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${v}"`);
  return n;
}

const sim = await startKaspiSim({ seed: num('seed'), scenario: arg('scenario'), timeScale: num('time-scale'), portBase: num('port-base'), host: arg('host') });
process.stdout.write(`${JSON.stringify(sim.urls)}\n`);
const stop = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
