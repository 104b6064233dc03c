import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const run = promisify(execFile);

describe('an E2E test that fails', () => {
  it('leaves a screenshot and the HTML of every page it had open, named after the test; a passing one leaves nothing', async () => {
    const artifacts = tempDir();
    // A child vitest runs a file with one failing and one passing browser test, as CI would.
    const child = await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '-c', 'tests/e2e/support/failure-fixture/vitest.config.ts', '--reporter', 'json'], {
      env: { ...process.env, KD_FAILURE_ARTIFACTS: artifacts },
      maxBuffer: 16 * 1024 * 1024,
    }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(child.code).toBe(1);
    const report = JSON.parse(child.stdout.slice(child.stdout.indexOf('{'))) as { numFailedTests: number; numPassedTests: number };
    expect(report).toMatchObject({ numFailedTests: 1, numPassedTests: 1 });

    const base = 'pages.fixture.ts--fails-while-the-seller-looks-at-a-page';
    expect(readdirSync(artifacts).sort()).toEqual([`${base}-2.html`, `${base}-2.png`, `${base}.html`, `${base}.png`]);
    expect(readFileSync(join(artifacts, `${base}.html`), 'utf8')).toContain('Цена не изменена: ниже минимальной');
    expect(readFileSync(join(artifacts, `${base}-2.html`), 'utf8')).toContain('second page');
    const png = readFileSync(join(artifacts, `${base}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 640, height: 400 });
  }, 120_000);

  it('is how every E2E test opens its browser (no test launches Chromium on its own)', () => {
    const files = readdirSync('tests/e2e').filter((file) => file.endsWith('.test.ts') && file !== 'failure-artifacts.test.ts');
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(join('tests/e2e', file), 'utf8');
      expect(source, file).toContain('useE2EBrowser()');
      expect(source, file).not.toMatch(/launchChromium|chromium\.launch/);
    }
  });
});
