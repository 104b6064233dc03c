import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_CREDENTIALS, startKaspiSim, type KaspiSim } from '../../sim/kaspi';
import { launchChromium } from '../../support/browser';

const small = SCENARIO_CREDENTIALS.small;
/** The primary button of the login form (the page header has another one). */
const SUBMIT = '#login_form .button.is-primary';

// kaspi-api.md §1a and §1b, driven with the selectors CDF/HAS/FBP use, each click on the button of the form filled.
describe('login page in real Chromium', () => {
  let sim: KaspiSim;
  let browser: Browser;
  beforeAll(async () => {
    sim = await startKaspiSim({ scenario: 'small', timeScale: 0.001 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  /** Runs `fn` in a fresh context; returns the names of the cookies the cabinet host (mc) holds. */
  const withPage = async (fn: (page: Page) => Promise<void>): Promise<string[]> => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await fn(page);
      return (await context.cookies(sim.urls.mc)).map((c) => c.name);
    } finally {
      await context.close();
    }
  };

  const emailAndPassword = async (page: Page, email: string, password: string): Promise<void> => {
    await page.goto(`${sim.urls.idmc}/login`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#user_email_field');
    await page.fill('#user_email_field', email);
    await page.click(SUBMIT);
    await page.waitForSelector('#password_field');
    await page.fill('#user_email_field', email);
    await page.fill('#password_field', password);
    await page.click(SUBMIT);
  };

  it('logs in with email and password and lands on the cabinet with nav.navbar', async () => {
    const cookies = await withPage(async (page) => {
      await emailAndPassword(page, small.owner.email, small.owner.password);
      await page.waitForSelector('nav.navbar', { timeout: 10_000 });
      expect(page.url()).toBe(`${sim.urls.storefront}/mc/`);
      // Kaspi's three hosts keep their own cookies: the login's stays on idmc, the session on mc.
      expect((await page.context().cookies(sim.urls.idmc)).map((c) => c.name)).toEqual(['MS_AUTH_SSO']);
      expect(await page.context().cookies(sim.urls.storefront)).toEqual([]);
    });
    expect(cookies.sort()).toEqual(['mc-session', 'mc-sid']);
  });

  it('shows #sms_code_field for an account with a code step, then logs in', async () => {
    const cookies = await withPage(async (page) => {
      await emailAndPassword(page, small.mfa.email, small.mfa.password);
      await page.waitForSelector('#sms_code_field');
      // An e-mail login is an employee's: the code goes to the e-mail (§1d), and the page says so.
      expect(await page.textContent('.code-sent')).toContain(`e-mail ${small.mfa.email}`);
      expect(sim.lastSms(small.mfa.email)).toMatchObject({ channel: 'email', text: expect.stringMatching(/^Ваш код подтверждения: \d{6}$/) });
      const code = sim.lastSmsCode(small.mfa.email);
      expect(code).toMatch(/^\d{6}$/);
      await page.fill('#sms_code_field', code ?? '');
      await page.click(SUBMIT);
      await page.waitForSelector('nav.navbar', { timeout: 10_000 });
    });
    expect(cookies).toEqual(expect.arrayContaining(['mc-session', 'mc-sid']));
  });

  it('shows .notification.is-danger on a wrong password and stays on the login page', async () => {
    const cookies = await withPage(async (page) => {
      await emailAndPassword(page, small.owner.email, 'wrong-password');
      const box = await page.waitForSelector('.notification.is-danger');
      expect(await box.textContent()).toMatch(/Неверный логин или пароль/);
      expect(await page.$('nav.navbar')).toBeNull();
      expect(new URL(page.url()).pathname).toBe('/login');
    });
    expect(cookies).not.toContain('mc-sid');
  });

  it('logs in by phone through the "Телефон" tab and input[name=security-code]', async () => {
    const cookies = await withPage(async (page) => {
      await page.goto(`${sim.urls.idmc}/login`, { waitUntil: 'domcontentloaded' });
      await page.click('text=Телефон');
      await page.fill('#user_phone_field', '7010000001');
      await page.click(SUBMIT);
      await page.waitForSelector('input[name=security-code]');
      await page.fill('input[name=security-code]', sim.lastSmsCode(small.phone.phone) ?? '');
      await page.click(SUBMIT);
      await page.waitForSelector('nav.navbar', { timeout: 10_000 });
    });
    expect(cookies).toEqual(expect.arrayContaining(['mc-session', 'mc-sid']));
  });

  it('has another primary button before the form: clicking the first one on the page leaves the login', async () => {
    await withPage(async (page) => {
      await page.goto(`${sim.urls.idmc}/login`, { waitUntil: 'domcontentloaded' });
      await page.fill('#user_email_field', small.owner.email);
      expect(await page.locator('.button.is-primary').count()).toBe(2);
      await page.click('.button.is-primary');
      await page.waitForURL(/\/become-seller$/);
      expect(await page.$('#password_field')).toBeNull();
    });
  });

  it('shows a captcha instead of the form under a captcha fault', async () => {
    const fault = sim.addFault({ host: 'idmc', path: '/login', kind: 'captcha' });
    try {
      await withPage(async (page) => {
        await page.goto(`${sim.urls.idmc}/login`, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector('.g-recaptcha', { state: 'attached' });
        expect(await page.$('#user_email_field')).toBeNull();
      });
    } finally {
      sim.removeFault(fault.id);
    }
  });
});
