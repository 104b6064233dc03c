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

/**
 * The app's own words on the page (the chrome): navigation, headings, buttons, table headers,
 * labels, empty states, alerts and errors, and every hover title, label and placeholder. Data from
 * Kaspi (product titles, store and city names) sits in `translate="no"` and is left out.
 */
export async function chromeTexts(page: BrowserPage): Promise<string[]> {
  return page.evaluate((selector) => {
    const outsideData = (el: Element) => !el.closest('[translate="no"]');
    const ownText = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      for (const data of copy.querySelectorAll('[translate="no"]')) data.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const texts = [...document.querySelectorAll(selector)].filter(outsideData).map(ownText);
    const hints = [...document.querySelectorAll('[title], [aria-label], [placeholder]')]
      .filter(outsideData)
      .flatMap((el) => ['title', 'aria-label', 'placeholder'].map((name) => el.getAttribute(name) ?? ''));
    return [...texts, ...hints].filter((text) => text !== '');
  }, CHROME);
}

const CHROME = 'nav, h1, h2, h3, h4, th, button, label, legend, summary, option, [role="alert"], [role="status"], .empty-state, .error, .hint';
const CYRILLIC = /[А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]/;

/** Static Russian texts of both catalogues that Kazakh words differently: none may show on a Kazakh page. */
function russianTextsTranslatedInKazakh(): Set<string> {
  const pairs = [...Object.values(CATALOGUE).map((texts) => [texts.ru, texts.kk] as const), ...Object.keys(CATALOGS.ru).map((key) => [CATALOGS.ru[key as never], CATALOGS.kk[key as never]] as const)];
  return new Set(pairs.filter(([ru, kk]) => ru !== kk && !ru.includes('{')).map(([ru]) => ru.trim()));
}

/** In English the chrome holds no Cyrillic at all; in Kazakh no Russian text whose Kazakh differs. */
export async function expectChromeIn(page: BrowserPage, language: Translated, where: string): Promise<void> {
  const texts = await chromeTexts(page);
  const wrong = language === 'en' ? texts.filter((text) => CYRILLIC.test(text)) : texts.filter((text) => russianTextsTranslatedInKazakh().has(text));
  if (wrong.length > 0) throw new Error(`${where} (${language}) shows the app's own words in Russian: ${[...new Set(wrong)].map((text) => `«${text}»`).join(', ')}`);
}

/**
 * Opens every page from the navigation (and the first product's drawer) and keeps its screenshot
 * as test-artifacts/pages/<language>-<page>.png; in Kazakh and English also checks its words.
 */
export async function screenshotEveryPage(page: BrowserPage, language: 'ru' | Translated): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const scene = async (name: string) => {
    if (language !== 'ru') {
      await expectNoRussianOnlyText(page, language, name);
      await expectChromeIn(page, language, name);
    }
    await page.screenshot({ path: `${ARTIFACTS}/${language}-${name}.png`, fullPage: true });
  };
  for (const name of PAGES) {
    await page.getByTestId(`nav-${name}`).click();
    await page.waitForTimeout(400);
    await scene(name);
    const firstProduct = page.locator('[data-testid^="open-"]').first();
    if (name === 'products' && (await firstProduct.count()) > 0) {
      await firstProduct.click();
      await page.getByTestId('product-drawer').waitFor();
      await page.waitForTimeout(400);
      await scene('product-drawer');
      await page.getByTestId('drawer-close').click();
    }
  }
}
