import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';

interface Step { uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Job { 'runs-on': string; strategy?: { matrix: { os: string[] } }; steps: Step[]; needs?: string; if?: string }
const workflow = load(readFileSync('.github/workflows/desktop.yml', 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };

/** GitHub Actions cannot run here: this keeps the workflow's shape honest between reviews. */
describe('the GitHub Actions workflow for the desktop app', () => {
  const job = workflow.jobs['test-and-package']!;
  const runs = job.steps.map((step) => step.run ?? '');

  it('runs on ubuntu, windows and macos runners', () => {
    expect(job.strategy!.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
  });

  it('installs with npm ci (Electron downloaded), tests, then packages without publishing', () => {
    const order = ['npm ci', 'npm test', 'npm run dist'].map((command) => runs.findIndex((run) => run.includes(command)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(runs.some((run) => run.includes('ELECTRON_SKIP_BINARY_DOWNLOAD'))).toBe(false);
    expect(runs.find((run) => run.includes('npm run dist'))).toContain('--publish never');
    expect(runs).toContain('xvfb-run --auto-servernum npm test');
  });

  it('uploads installers and screenshots as artifacts (screenshots even when tests fail)', () => {
    const uploads = job.steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.map((step) => step.with!['name'])).toEqual(['installers-${{ matrix.os }}', 'screenshots-${{ matrix.os }}']);
    expect(String(uploads[0]!.with!['path'])).toMatch(/\.exe[\s\S]*\.dmg[\s\S]*\.zip[\s\S]*\.AppImage/);
    expect(uploads[1]!.if).toBe('always()');
  });

  it('publishes update feeds only from a version tag, after every system passed', () => {
    const release = workflow.jobs['release']!;
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(release.needs).toBe('test-and-package');
    const publish = release.steps.find((step) => step.run?.includes('npm run dist'))!;
    expect(publish.run).toContain('--publish always');
    expect(publish.env!['GH_TOKEN']).toBe('${{ secrets.GITHUB_TOKEN }}');
  });

  it('uses maintained major versions of the official actions', () => {
    const uses = Object.values(workflow.jobs).flatMap((j) => j.steps.map((step) => step.uses).filter((u): u is string => !!u));
    for (const action of uses) expect(action).toMatch(/^actions\/(checkout|setup-node|upload-artifact)@v4$/);
  });
});
