import { mkdirSync } from 'node:fs';
import type { Page as BrowserPage } from 'playwright';
import { CATALOGUE } from '../../../src-shared/i18n/catalogue';
import { parseTemplate } from '../../../src-shared/i18n/template';
import type { TemplatePart } from '../../../src-shared/i18n/template';
import { CATALOGS } from '../../../src-renderer/i18n/catalog';
import { PAGES } from '../../../src-renderer/store/pages';

export const ARTIFACTS = 'test-artifacts/pages';

type Translated = 'kk' | 'en';

/** Every template of both catalogues (main's messages and the pages' texts) by language. */
function templates(language: 'ru' | Translated): string[] {
  return [...Object.values(CATALOGUE).map((texts) => texts[language]), ...Object.values(CATALOGS[language])];
}

/** The literal text runs of a template, plural and select branches included. */
function textRuns(parts: readonly TemplatePart[]): string[] {
  return parts.flatMap((part) =>
    part.type === 'text' ? [part.text] : part.type === 'plural' || part.type === 'select' ? [...part.options.values()].flatMap(textRuns) : [],
  );
}

const fragmentCache = new Map<Translated, string[]>();

/**
 * Russian phrases of the catalogues that the language's own texts never contain: if one of them
 * is on a Kazakh or English page, a Russian text was shown where a translation exists. Phrases
 * are whole runs of a Russian template between its placeholders (at least 12 characters, with a
 * space), so product titles and store names from Kaspi do not match by accident.
 */
export function russianOnlyFragments(language: Translated): string[] {
  let fragments = fragmentCache.get(language);
  if (!fragments) {
    const own = templates(language).join('\n');
    const runs = templates('ru').flatMap((template) => textRuns(parseTemplate(template)));
    fragments = [...new Set(runs.map((run) => run.trim().replace(/^[«»“”"(:,.;\s—-]+|[«»“”"):,.;\s—-]+$/g, '')))]
      .filter((run) => run.length >= 12 && run.includes(' ') && /[А-Яа-яЁё]/.test(run) && !own.includes(run));
    fragmentCache.set(language, fragments);
  }
  return fragments;
}

/** What a seller reads on the page: its text, and the titles and labels shown on hover. */
async function readableText(page: BrowserPage): Promise<string> {
  return page.evaluate(() => {
    const hints = [...document.querySelectorAll('[title], [aria-label], [placeholder]')].flatMap((el) =>
      ['title', 'aria-label', 'placeholder'].map((name) => el.getAttribute(name) ?? ''),
    );
    return `${document.body.innerText}\n${hints.join('\n')}`;
  });
}

/** Fails when the page shows a Russian text of the catalogues in a language that has its own. */
export async function expectNoRussianOnlyText(page: BrowserPage, language: Translated, where: string): Promise<void> {
  const text = await readableText(page);
  const found = russianOnlyFragments(language).filter((fragment) => text.includes(fragment));
  if (found.length > 0) {
    throw new Error(`${where} (${language}) shows Russian where a translation exists: ${found.map((f) => `«${f}»`).join(', ')}`);
  }
}

/** Opens every page from the navigation and keeps its screenshot; in Kazakh and English also checks it. */
export async function screenshotEveryPage(page: BrowserPage, language: 'ru' | Translated): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const name of PAGES) {
    await page.getByTestId(`nav-${name}`).click();
    await page.waitForTimeout(400);
    if (language !== 'ru') await expectNoRussianOnlyText(page, language, name);
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${language}.png`, fullPage: true });
  }
}
