import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import type { ReviewSyncStatus } from '../../src-shared/contract/reviews';
import { call } from '../support/call-app';
import { simConfig } from '../support/app-on-sim';
import { startTestHeadless } from '../support/headless';
import { useTempDir } from '../support/temp-dir';
import { SCENARIO_CREDENTIALS, startKaspiSim } from '../sim/kaspi';
import { startWahaSim } from '../sim/waha';
import { FAST_ORDERS } from '../integration/orders/support/orders-app';
import { FAST_PACING, SELLER_PHONE, WAHA_KEY, buyerPhone, onItsWay } from '../integration/whatsapp/support/whatsapp-app';
import { expectNoRussianOnlyText } from './support/page-walk';
import { useE2EBrowser } from './support/e2e-browser';

const tempDir = useTempDir();
// A failed run keeps the pages' pictures and HTML (test-artifacts/failures).
const browser = useE2EBrowser();

const ARTIFACTS = 'test-artifacts/pages';

/** The reviews list runs long: its pictures show the first screen, where the seller starts reading. */
async function shot(page: Page, name: string, fullPage = true) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage });
}

describe('WhatsApp and reviews pages, in a real browser', () => {
  it('link the phone by QR (and again by pairing code), edit the review request, see it go out and be delivered, then the review it brought, and a test message, in Russian and English', async () => {
    const creds = SCENARIO_CREDENTIALS.small;
    const sim = await startKaspiSim({ scenario: 'small', seed: 3, timeScale: 100 });
    sim.setLimits({ shopApi: { maxPerWindow: 1_000_000 } });
    // WAHA's own clock 10× faster: the first QR lives 6 s, the next ones 2 s; a message is delivered 1 s after it is sent.
    const waha = await startWahaSim({ apiKey: WAHA_KEY, timeScale: 0.1, autoAck: { deliveredMs: 10_000, readMs: null } });
    const headless = await startTestHeadless(tempDir(), {
      ...simConfig(sim.urls),
      autoStartDemper: false,
      autoStartOrders: false,
      autoStartReviews: false,
      ordersOverrides: FAST_ORDERS,
      whatsappOverrides: FAST_PACING,
      reviewsOverrides: { requestIntervalMs: 0, soldEveryMs: 0, restEveryMs: 0 },
    });
    const { app } = headless;
    const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
    try {
      const { accountId } = await call<{ accountId: number }>(app, 'stores.login', { loginId: 'e2e-whatsapp-login', credentials: { method: 'email', login: creds.owner.email, password: creds.owner.password } });
      const [store] = await call<Array<{ id: number }>>(app, 'stores.add', { accountId, merchantUids: [creds.merchantUid] });
      const storeId = store!.id;
      await call(app, 'stores.sync', { storeId });
      const syncOrders = async () => {
        await call(app, 'orders.syncNow', { storeId });
        await app.orders.settled(storeId);
      };

      // Before the shop API token: the page says the buyers' phones are missing.
      await page.goto(headless.bridge.url);
      await page.getByTestId('nav-whatsapp').click();
      await page.getByTestId('wa-no-token').waitFor();
      expect(await page.getByTestId('wa-state').textContent()).toMatch(/Не подключ/);
      await call(app, 'stores.setShopToken', { storeId, token: creds.apiToken });
      await syncOrders();
      await page.getByTestId('wa-no-token').waitFor({ state: 'detached' });

      // The seller generates a key for WAHA's environment, then enters the simulator's own.
      await page.getByTestId('wa-url').fill(waha.url);
      await page.getByTestId('wa-generate').click();
      await expect.poll(async () => page.getByTestId('wa-docker-command').textContent()).toMatch(/-p 127\.0\.0\.1:\d+:3000 .*-e WAHA_API_KEY=sha512:[0-9a-f]{128} devlikeapro\/waha/);
      await page.getByTestId('wa-key').fill(WAHA_KEY);
      await page.getByTestId('wa-save').click();
      await page.getByTestId('wa-webhook-via').selectOption('local');
      await page.getByTestId('wa-start').click();

      // Linking by QR: the code shown is WAHA's, and it follows WAHA as it rotates.
      await expect.poll(async () => page.getByTestId('wa-state').textContent(), { timeout: 15_000 }).toMatch(/QR/);
      const qr = page.getByTestId('wa-qr');
      await qr.waitFor();
      const firstQr = await qr.getAttribute('src');
      expect(firstQr).toMatch(/^data:image\/png;base64,/);
      await shot(page, 'whatsapp-qr-ru');
      await expect.poll(async () => qr.getAttribute('src'), { timeout: 20_000 }).not.toBe(firstQr);
      expect(waha.scanQr(SELLER_PHONE)).toBe(true);
      await expect.poll(async () => page.getByTestId('wa-state').textContent(), { timeout: 15_000 }).toMatch(/Работает/);
      expect(await page.getByTestId('wa-me').textContent()).toContain('+7 701 555 00 00');

      // The review request: a misspelt variable is refused with what is known, the fix is previewed on a real order.
      const trigger = page.getByTestId('wa-trigger-delivered');
      await trigger.getByTestId('wa-trigger-delivered-delay').fill('0');
      await trigger.locator('input[type=time]').nth(0).fill('00:00');
      await trigger.locator('input[type=time]').nth(1).fill('00:00');
      const body = trigger.getByTestId('wa-trigger-delivered-ru');
      await body.fill('{imya}, спасибо за заказ {order}! Оцените товар: {review_link}');
      await trigger.getByTestId('wa-trigger-delivered-save').click();
      await expect.poll(async () => trigger.getByTestId('wa-trigger-delivered-error').textContent()).toMatch(/\{imya\}.*\{name\}/s);
      await body.fill('{name}, спасибо за заказ {order}! Оцените товар: {review_link}');
      await trigger.getByTestId('wa-trigger-delivered-preview').click();
      await expect.poll(async () => trigger.getByTestId('wa-trigger-delivered-preview-text').textContent()).toMatch(/спасибо за заказ \d+! Оцените товар: https:\/\/kaspi\.kz\/shop\/review/);
      await trigger.getByTestId('wa-trigger-delivered-enabled').check();
      await trigger.getByTestId('wa-trigger-delivered-saved').waitFor();
      await trigger.getByTestId('wa-trigger-delivered-error').waitFor({ state: 'detached' });

      // Kaspi delivers an order: its request appears in the outbox, goes out once, and WAHA reports it delivered.
      // The app must have seen the order on its way: an order it first meets already delivered is history, not news.
      const order = onItsWay(sim, creds.merchantUid);
      await syncOrders();
      sim.moveOrder(creds.merchantUid, order.code, 'ARCHIVED', 'COMPLETED');
      await syncOrders();
      const row = page.getByTestId('wa-outbox-row').filter({ hasText: order.code });
      await row.waitFor({ timeout: 15_000 });
      await expect.poll(async () => row.getAttribute('data-state'), { timeout: 15_000 }).toMatch(/^(sending|sent|delivered)$/);
      await expect.poll(async () => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('delivered');
      expect(await row.getByTestId('wa-row-state').textContent()).toBe('Доставлено');
      const sent = waha.sent(buyerPhone(order));
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body).toMatch(new RegExp(`^${order.customer.firstName}, спасибо за заказ ${order.code}! Оцените товар: https://kaspi\\.kz/shop/review/`));
      await shot(page, 'whatsapp-ru');

      // The buyer writes a poor review after the request: the Reviews page shows it new, low and asked.
      await call<ReviewSyncStatus[]>(app, 'reviews.syncNow', { storeId });
      await call(app, 'reviews.markSeen');
      sim.addReview({ productId: order.entries[0]!.productId, merchantUid: creds.merchantUid, rating: 2, text: 'Коробка мятая', author: order.customer.firstName, orderNumber: order.code });
      await call<ReviewSyncStatus[]>(app, 'reviews.syncNow', { storeId });
      await page.getByTestId('nav-reviews').click();
      const fresh = page.getByTestId('rv-card').filter({ hasText: 'Коробка мятая' });
      await fresh.waitFor();
      expect(await fresh.getAttribute('class')).toMatch(/rv-low/);
      await fresh.getByTestId('rv-badge-new').waitFor();
      await fresh.getByTestId('rv-badge-asked').waitFor();
      expect(await page.getByTestId('rv-new').textContent()).toBe('1');
      await page.getByTestId('rv-chart').locator('.recharts-line').first().waitFor();
      await page.getByTestId('rv-stars-2').click();
      await expect.poll(async () => page.getByTestId('rv-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-rating')))).toSatisfy((ratings: unknown) => (ratings as string[]).length > 0 && (ratings as string[]).every((r) => r === '2'));
      await page.getByTestId('rv-stars-2').click();
      await shot(page, 'reviews-ru', false);

      // English: the same pages, nothing Russian left where a translation exists.
      await page.getByTestId('language-switch').selectOption('en');
      await page.getByTestId('nav-reviews').filter({ hasText: 'Reviews' }).waitFor();
      await page.getByTestId('rv-card').filter({ hasText: 'Коробка мятая' }).getByTestId('rv-badge-asked').waitFor();
      await expectNoRussianOnlyText(page, 'en', 'reviews');
      await shot(page, 'reviews-en', false);
      await page.getByTestId('nav-whatsapp').click();
      await expect.poll(async () => page.getByTestId('wa-state').textContent()).toBe('Working');
      expect(await page.getByTestId('wa-outbox-row').filter({ hasText: order.code }).getByTestId('wa-row-state').textContent()).toBe('Delivered');
      await expectNoRussianOnlyText(page, 'en', 'whatsapp');
      await shot(page, 'whatsapp-en');

      // The phone linked again by a pairing code instead of the QR, then a test message to the seller's own number.
      await page.getByTestId('wa-logout').click();
      await expect.poll(async () => page.getByTestId('wa-state').textContent(), { timeout: 15_000 }).toBe('Scan the QR code');
      await page.getByTestId('wa-pairing-phone').fill('+7 701 555 00 00');
      await page.getByTestId('wa-pairing-get').click();
      const pairing = (await page.getByTestId('wa-pairing-code').textContent())!.match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
      expect(waha.enterPairingCode(pairing, SELLER_PHONE)).toBe(true);
      await expect.poll(async () => page.getByTestId('wa-state').textContent(), { timeout: 15_000 }).toBe('Working');
      await page.getByTestId('wa-test-text').fill('Test from Kaspi Demper');
      await page.getByTestId('wa-test-send').click();
      const test = page.getByTestId('wa-outbox-row').filter({ hasText: 'Test from Kaspi Demper' });
      await expect.poll(async () => test.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
      expect(waha.sent(SELLER_PHONE).map((m) => m.body)).toEqual(['Test from Kaspi Demper']);
    } finally {
      await headless.close();
      await waha.close();
      await sim.close();
    }
  }, 240_000);
});
