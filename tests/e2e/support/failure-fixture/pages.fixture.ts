import { expect, it } from 'vitest';
import { useE2EBrowser } from '../e2e-browser';

// Not part of `npm test`: tests/e2e/failure-artifacts.test.ts runs this file and expects the first test to fail.
const browser = useE2EBrowser();

it('fails while the seller looks at a page', async () => {
  const page = await browser.newPage({ viewport: { width: 640, height: 400 } });
  await page.setContent('<main><h1 id="shown">Цена не изменена: ниже минимальной</h1></main>');
  const second = await browser.newPage();
  await second.setContent('<p>second page</p>');
  expect(await page.locator('#shown').textContent()).toBe('a text the page does not show');
});

it('passes and leaves nothing behind', async () => {
  const page = await browser.newPage();
  await page.setContent('<p>all good</p>');
  expect(await page.textContent('p')).toBe('all good');
});
