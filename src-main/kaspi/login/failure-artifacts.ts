import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * What the page looked like when a login failed: a PNG and the HTML, named by time and reason,
 * in the data folder, so support can see what Kaspi showed. Secrets are cut out of the HTML;
 * they never appear in file names (the reason is an error kind).
 */
export async function saveFailure(page: Page, dir: string, reason: string, secrets: readonly (string | undefined)[]): Promise<{ png: string; html: string } | null> {
  try {
    await mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const base = join(dir, `kaspi-login-${stamp}-${reason.replace(/[^a-z0-9-]/gi, '_')}`);
    let html = await page.content();
    for (const s of secrets) if (s && s.length >= 3) html = html.split(s).join('***');
    // A password typed into the form lives in the input's value property, not the HTML; clear
    // it anyway before the screenshot so nothing but dots could ever be captured.
    // (Runs in the page, given as text: main is typechecked without DOM types.)
    await page.evaluate("document.querySelectorAll('input[type=password]').forEach((input) => { input.value = ''; })").catch(() => undefined);
    await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 });
    await writeFile(`${base}.html`, html, 'utf8');
    return { png: `${base}.png`, html: `${base}.html` };
  } catch {
    // The browser may already be gone (cancelled login); the login error matters more.
    return null;
  }
}
