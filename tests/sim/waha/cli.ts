import { startWahaSim } from './index';

/**
 * `npm run sim:waha -- [--api-key KEY|sha512:HEX] [--engine NOWEB|WEBJS] [--time-scale X] [--port N] [--control-port N] [--host H]`
 * Prints one JSON line {"url":…,"control":…}, then serves until SIGINT/SIGTERM.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i !== -1) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function num(name: string): number | undefined {
  const v = arg(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${v}"`);
  return n;
}

const engine = arg('engine');
if (engine !== undefined && engine !== 'NOWEB' && engine !== 'WEBJS') throw new Error(`--engine is NOWEB or WEBJS, got "${engine}"`);
const sim = await startWahaSim({ apiKey: arg('api-key') ?? process.env.WAHA_API_KEY, engine, timeScale: num('time-scale'), port: num('port'), controlPort: num('control-port'), host: arg('host') });
process.stdout.write(`${JSON.stringify({ url: sim.url, control: sim.controlUrl })}\n`);
const stop = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
