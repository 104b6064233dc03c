import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright';
import { launchChromium } from '../../support/browser';

/** Where a failed E2E test leaves the pictures and HTML of its pages (CI keeps test-artifacts/). */
export const FAILURE_ARTIFACTS = process.env.KD_FAILURE_ARTIFACTS ?? 'test-artifacts/failures';

export interface E2EBrowser {
  /** A page of its own context; kept, and closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A context whose pages are kept, closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * One Chromium per E2E file. Every page a test opens through it stays open until the test is over:
 * when the test failed, each page's screenshot and HTML are written to FAILURE_ARTIFACTS first,
 * so a red run in CI shows what the seller would have seen. Tests do not close their pages.
 */
export function useE2EBrowser(): E2EBrowser {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async ({ task }) => {
    const open = contexts.splice(0);
    if (task.result?.state === 'fail') {
      const name = `${basename(task.file.name).replace(/\.test\.tsx?$/, '')}--${slug(task.name)}`;
      await keepPages(open.flatMap((context) => context.pages()), name);
    }
    await Promise.all(open.map((context) => context.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const newContext = async (options?: BrowserContextOptions): Promise<BrowserContext> => {
    if (!browser) throw new Error('useE2EBrowser(): the browser starts in beforeAll; open pages inside a test');
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  };
  return {
    newContext,
    async newPage(options) {
      return (await newContext(options)).newPage();
    },
  };
}

/** Writes `<name>[-n].png` and `.html` for each page that is still open; returns the files written. */
export async function keepPages(pages: readonly Page[], name: string, dir = FAILURE_ARTIFACTS): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [index, page] of pages.filter((p) => !p.isClosed()).entries()) {
    const base = join(dir, index === 0 ? name : `${name}-${index + 1}`);
    const html = await page.content().catch((error: Error) => `<!-- page.content() failed: ${error.message} -->`);
    writeFileSync(`${base}.html`, html);
    written.push(`${base}.html`);
    // A page stuck on a dialog or a dead renderer still gets its HTML; the picture is best effort.
    if (await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 10_000 }).then(() => true, () => false)) written.push(`${base}.png`);
  }
  return written;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9а-яёәіңғүұқөһ]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
