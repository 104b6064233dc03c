import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

/** The layer problems `npm run lint` reports for `code` saved at `filePath`. */
async function layerProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties' || m.ruleId === 'layers/no-sql-exec').map((m) => m.message);
}

const use = (specifier: string) => `import * as imported from '${specifier}';\nexport const used = imported;\n`;

describe('npm run lint keeps the layers apart', () => {
  it('fails when the renderer imports Node, Electron or main', async () => {
    for (const specifier of ['node:fs', 'fs', 'path', 'child_process', 'fs/promises', 'electron', 'better-sqlite3', '../../src-main/db/repos/products-repo', '../src-main']) {
      expect(await layerProblems('src-renderer/pages/example.tsx', use(specifier)), specifier).toHaveLength(1);
    }
  });

  it('fails when src-shared imports Node, the DOM side, Electron, main or the renderer', async () => {
    for (const specifier of ['node:crypto', 'os', 'electron', 'react', '../../src-main/time/clock', '../../src-renderer/api/use-call']) {
      expect(await layerProblems('src-shared/domain/example.ts', use(specifier)), specifier).toHaveLength(1);
    }
  });

  it('fails when imports point outward in main: a repository up to a service or handler, a service up to the app, anything to a shell', async () => {
    const outward: Array<[string, string]> = [
      ['src-main/db/repos/example-repo.ts', '../../rules/rules-service'],
      ['src-main/db/repos/example-repo.ts', '../../api/products-handlers'],
      ['src-main/db/repos/example-repo.ts', '../../app/event-bus'],
      ['src-main/db/repos/example-repo.ts', '../../demper-wiring/product-source'],
      ['src-main/rules/example.ts', '../api'],
      ['src-main/rules/example.ts', '../app/create-app'],
      ['src-main/api/example-handlers.ts', '../app/create-app'],
      ['src-main/stores/example.ts', '../shells/headless/start-headless'],
      ['src-main/app/example.ts', '../shells/electron/main'],
      ['src-main/stores/example.ts', 'electron'],
      ['src-main/stores/example.ts', '../../src-renderer/app'],
    ];
    for (const [file, specifier] of outward) expect(await layerProblems(file, use(specifier)), `${file} → ${specifier}`).not.toEqual([]);
  });

  it('lets imports point inward', async () => {
    const inward: Array<[string, string]> = [
      ['src-renderer/pages/example.tsx', '../../src-shared/contract'],
      ['src-shared/domain/example.ts', 'zod'],
      ['src-main/db/repos/example-repo.ts', '../../demper/ports'],
      ['src-main/db/repos/example-repo.ts', '../../../src-shared/domain/store'],
      ['src-main/rules/example.ts', '../db/repos/products-repo'],
      ['src-main/rules/example.ts', 'node:fs'],
      ['src-main/api/example-handlers.ts', '../app/services'],
      ['src-main/app/example.ts', '../api'],
      ['src-main/shells/headless/example.ts', '../../app/create-app'],
      ['src-main/shells/electron/example.ts', 'electron'],
    ];
    for (const [file, specifier] of inward) expect(await layerProblems(file, use(specifier)), `${file} → ${specifier}`).toEqual([]);
  });

  it('fails on SQL outside the repositories', async () => {
    const sql = "import type { Database } from 'better-sqlite3';\nexport const count = (db: Database) => db.prepare('SELECT count(*) FROM products').get();\n";
    expect(await layerProblems('src-main/orders/example.ts', sql)).toHaveLength(1);
    expect(await layerProblems('src-main/db/repos/example-repo.ts', sql)).toEqual([]);
  });

  it('fails on SQL run with .exec outside the repositories, and leaves a RegExp\'s exec alone', async () => {
    const header = "import type { Database } from 'better-sqlite3';\n";
    const executed = [
      "export const wipe = (db: Database) => db.exec('DELETE FROM products');\n",
      'export const wipe = (handle: Database) => handle.exec(`\n  -- the lot\n  update products set listed = 0 WHERE store_id = ${1}`);\n',
      "export const run = (app: { db: Database }, sql: string) => app.db.exec(sql);\n",
      "export const mode = (conn: Database) => conn.exec('PRAGMA synchronous = NORMAL');\n",
    ];
    for (const code of executed) {
      expect(await layerProblems('src-main/orders/example.ts', header + code), code).toEqual(['SQL lives in a repository (src-main/db): call one.']);
      expect(await layerProblems('src-main/db/repos/example-repo.ts', header + code), code).toEqual([]);
    }
    const regexp = "export const code = (text: string, pattern: RegExp) => [/^(\\d+)$/.exec(text)?.[1], pattern.exec('select me'.slice(1))];\n";
    expect(await layerProblems('src-main/orders/example.ts', regexp)).toEqual([]);
  });
});
