import { readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench [-- name…]`: runs every benchmark module in this folder (each default-exports an
 * async function returning figures), prints one JSON object and writes it to bench-results.json.
 */
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .filter((file) => only.length === 0 || only.includes(basename(file, '.ts')));

const results: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, at: new Date().toISOString() };
for (const file of modules) {
  const started = Date.now();
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: () => Promise<Record<string, unknown>> };
  if (typeof mod.default !== 'function') continue;
  process.stderr.write(`bench ${file}…\n`);
  Object.assign(results, await mod.default());
  process.stderr.write(`bench ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
const json = JSON.stringify(results, null, 2);
writeFileSync('bench-results.json', `${json}\n`);
console.log(json);
process.exit(0);
