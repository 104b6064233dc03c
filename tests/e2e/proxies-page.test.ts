import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { startTestHeadless } from '../support/headless';
import { useTempDir } from '../support/temp-dir';
import { startProxies, type TestProxy } from '../support/proxy-servers';
import { startEchoTarget, type EchoTarget } from '../integration/proxies/support/echo-target';
import { useE2EBrowser } from './support/e2e-browser';

const tempDir = useTempDir();
const browser = useE2EBrowser();
let proxies: TestProxy[] = [];
let target: EchoTarget | undefined;
afterEach(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  proxies = [];
  await target?.close();
  target = undefined;
});

describe('a seller adds proxies on the Proxies page', () => {
  it('imports a list with a bad line, sees that line by number, tests all and sees latency and exit addresses', async () => {
    [proxies, target] = await Promise.all([startProxies(2), startEchoTarget()]);
    const headless = await startTestHeadless(tempDir());
    // The test button asks this local echo target which address it saw, as it would ask the internet.
    const set = await headless.app.dispatcher.dispatch('proxies.settings.update', { healthCheckUrl: target.url }, { shell: 'test' });
    expect(set.ok).toBe(true);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      await page.goto(headless.bridge.url);
      await page.getByTestId('nav-proxies').click();
      await page.getByTestId('proxies-empty').waitFor();
      expect(await page.getByTestId('proxies-empty').textContent()).toContain('Kaspi блокирует IP-адрес');

      const [a, b] = proxies;
      await page.getByTestId('proxy-import-text').fill([`${a!.host}:${a!.port}`, '10.0.0.1:99999:shop:leak-pw', `http://${b!.host}:${b!.port}`].join('\n'));
      await page.getByTestId('proxy-import-submit').click();

      const lineError = page.getByTestId('proxy-import-error');
      await lineError.waitFor();
      expect(await lineError.count()).toBe(1);
      expect(await lineError.textContent()).toContain('Строка 2: Порт «99999» должен быть числом от 1 до 65535');
      expect(await page.getByTestId('proxy-import-result').textContent()).toContain('Добавлено: 2');
      await expect.poll(() => page.getByTestId('proxy-row').count()).toBe(2);
      expect(await page.getByTestId('proxy-row').first().getByTestId('proxy-status').textContent()).toBe('Работает');
      // The line is echoed with its password masked; the table never shows one.
      expect(await lineError.textContent()).toContain('10.0.0.1:99999:shop:***');
      expect(await page.locator('.proxy-table').textContent()).not.toContain('leak-pw');

      await page.getByTestId('proxies-test-all').click();
      const checkOf = (port: number) => page.locator(`[data-testid="proxy-row"][data-port="${port}"]`).getByTestId('proxy-check');
      await expect.poll(() => checkOf(a!.port).textContent(), { timeout: 15_000 }).toMatch(/^\d+ мс · выход через 127\.0\.0\.2$/);
      await expect.poll(() => checkOf(b!.port).textContent()).toMatch(/^\d+ мс · выход через 127\.0\.0\.3$/);
      await expect.poll(() => page.getByTestId('direct-row').getByTestId('proxy-check').textContent()).toMatch(/выход через 127\.0\.0\.1$/);

      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/proxies-ru.png', fullPage: true });

      // Forbidding the direct connection is kept by main and shown on the row.
      await page.getByTestId('direct-allowed').uncheck();
      await expect.poll(() => page.getByTestId('direct-row').textContent()).toContain('Запрещено');
      const settings = await headless.app.dispatcher.dispatch('proxies.settings.get', {}, { shell: 'test' });
      expect(settings).toMatchObject({ ok: true, value: { allowDirect: false } });

      // Removal asks first, then the row is gone.
      await page.getByTestId('proxy-row').first().getByTestId('proxy-remove').click();
      await page.getByTestId('proxy-remove-yes').click();
      await expect.poll(() => page.getByTestId('proxy-row').count()).toBe(1);

      // A rotated password goes to main, encrypted there, and is not kept on the page.
      const row = page.getByTestId('proxy-row').first();
      await row.getByTestId('proxy-auth').click();
      await row.getByLabel('Пользователь').fill('shop');
      await row.getByLabel('Пароль').fill('rotated-secret');
      await row.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => row.getByTestId('proxy-address').textContent()).toMatch(/^http:\/\/shop@127\.0\.0\.1:\d+$/);
      expect(await page.content()).not.toContain('rotated-secret');
      const listed = await headless.app.dispatcher.dispatch('proxies.list', {}, { shell: 'test' });
      expect(listed).toMatchObject({ ok: true, value: { proxies: [{ username: 'shop', hasPassword: true }] } });
    } finally {
      await headless.close();
    }
  });
});
