import { existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startKaspiSim } from '../tests/sim/kaspi';
import { SCENARIO_CREDENTIALS } from '../tests/sim/kaspi/scenarios';
import { startHeadless, DEFAULT_STATIC_DIR } from '../src-main/shells/headless/start-headless';
import { findBrowser } from '../src-main/kaspi/login/find-browser';
import { importPastMarket } from '../tests/support/past-market';
import { startDemoWhatsapp } from './demo-whatsapp';

/**
 * `npm run demo`: the app doing its job with no Kaspi account. Starts the simulator's `demo`
 * scenario and the headless app pointed at it (its own data folder, fresh each run), connects
 * the demo store the way a seller would, syncs it, and prints the dashboard URL.
 */
const { values } = parseArgs({
  options: { port: { type: 'string', default: '4790' }, seed: { type: 'string', default: '7' }, keep: { type: 'boolean', default: false } },
});
const dataDir = resolve('.demo-data');
// Up here: the top-level awaits below use it (through productsWord) before the end of the file runs.
const RU_PLURAL = new Intl.PluralRules('ru');

if (!existsSync(join(DEFAULT_STATIC_DIR, 'index.html'))) {
  console.log('Собираю интерфейс (один раз)…');
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!values.keep) rmSync(dataDir, { recursive: true, force: true });

const sim = await startKaspiSim({ scenario: 'demo', seed: Number(values.seed), timeScale: 1 });
let browserPath: string | undefined;
try {
  browserPath = findBrowser().executablePath;
} catch (error) {
  console.warn(`Браузер для входа не найден (${(error as Error).message}). Магазин можно будет подключить позже.`);
}
// The simulator is a start-up option of the app, like `npm run headless -- --kaspi-sim …`: never a setting.
const headless = await startHeadless({
  dataDir,
  port: Number(values.port),
  // Orders start reading once the past market is in, so each order is stamped with where our offer stood.
  config: { kaspiSim: { idmcUrl: sim.urls.idmc, mcUrl: sim.urls.mc, storefrontUrl: sim.urls.storefront }, browserPath, autoStartOrders: false },
});
const call = async <T>(name: string, input: unknown): Promise<T> => {
  const result = await headless.app.dispatcher.dispatch(name, input, { shell: 'headless' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};


const storesWithPhones: Array<{ id: number; name: string; merchantUid: string }> = [];
if (browserPath) {
  const { email, password } = SCENARIO_CREDENTIALS.demo.owner;
  console.log(`Подключаю демо-магазин (${email})…`);
  try {
    const { accountId, merchants } = await call<{ accountId: number; merchants: Array<{ uid: string }> }>('stores.login', {
      loginId: 'demo-login-0001',
      credentials: { method: 'email', login: email, password },
    });
    const stores = await call<Array<{ id: number; name: string; merchantUid: string }>>('stores.add', { accountId, merchantUids: merchants.map((m) => m.uid) });
    for (const store of stores) {
      const synced = await call<{ total: number }>('stores.sync', { storeId: store.id });
      console.log(`  ${store.name}: ${productsWord(synced.total)}`);
      if (await showHistory(store.id, store.merchantUid)) storesWithPhones.push(store);
      await startDryRun(store.id);
    }
  } catch (error) {
    console.warn(`Не удалось подключить демо-магазин: ${(error as Error).message}`);
  }
}
headless.app.orders.start();
headless.app.analytics.start();
headless.app.reviews.start();

// WhatsApp through a simulated WAHA, linked as if the seller scanned the QR: messages go out.
let whatsapp: Awaited<ReturnType<typeof startDemoWhatsapp>> | undefined;
try {
  whatsapp = await startDemoWhatsapp(call, sim, storesWithPhones);
} catch (error) {
  console.warn(`WhatsApp в демо не запущен: ${(error as Error).message}`);
}

/**
 * A few days of history on first open: the shop API token the seller would paste (orders with
 * phones), and the market of the simulator's last days as a bot watching them would have recorded
 * it, so the analytics can tell sales in first place from the rest.
 */
async function showHistory(storeId: number, merchantUid: string): Promise<boolean> {
  const token = (SCENARIO_CREDENTIALS.demo.apiTokens as Record<string, string>)[merchantUid];
  const watched = importPastMarket(headless.app, sim, storeId, merchantUid, Date.now() - 5 * 86_400_000);
  headless.app.analytics.refresh();
  if (token) await call('stores.setShopToken', { storeId, token });
  const [status] = await call<Array<{ orders: number }>>('orders.syncNow', { storeId });
  console.log(`  заказов за последние дни: ${status?.orders ?? 0}, история цен: ${watched} записей`);
  return token !== undefined;
}

/**
 * Rules the way a seller would bring them: a CSV with a floor 7 % under today's price and the bot
 * on, then the demper in dry run — it decides and explains, and changes nothing until switched to live.
 */
async function startDryRun(storeId: number): Promise<void> {
  type Row = { sku: string; ourPrice: number | null; active: boolean };
  const rows: Row[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call<{ total: number; rows: Row[] }>('products.page', { query: { storeId }, offset, limit: 500 });
    rows.push(...page.rows);
    if (offset + 500 >= page.total) break;
  }
  const lines = rows.filter((r) => r.active && r.ourPrice).map((r) => `${r.sku};${Math.round(r.ourPrice! * 0.93)};${Math.round(r.ourPrice! * 1.1)};да`);
  if (lines.length === 0) return;
  const imported = await call<{ applied: number }>('rules.importCsv', { csv: ['Артикул;Минимальная цена;Максимальная цена;Бот', ...lines].join('\n'), apply: true });
  await call('demper.control', { action: 'start', storeId });
  await call('demper.control', { action: 'start' });
  console.log(`  правила для ${productsWord(imported.applied, 'genitive')}, демпер запущен в тестовом режиме`);
}

console.log(`
Kaspi Demper (демо на симуляторе Kaspi) работает. Откройте в браузере:

  ${headless.bridge.url}

Симулятор: ${JSON.stringify(sim.urls)}
${whatsapp ? `WAHA (симулятор): ${whatsapp.waha.url}, отправленные сообщения: ${whatsapp.waha.controlUrl}/messages
` : ''}Второй демо-вход (с кодом из SMS): ${SCENARIO_CREDENTIALS.demo.second.email} / ${SCENARIO_CREDENTIALS.demo.second.password}; код: ${sim.urls.control}/sms?login=${SCENARIO_CREDENTIALS.demo.second.email}
Остановить: Ctrl+C
`);

const stop = () => void Promise.resolve(whatsapp?.stop()).then(() => headless.close()).then(() => sim.close()).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** "1 товар", "2 товара", "5 товаров" (or after "для": "1 товара", "2 товаров"). */
function productsWord(count: number, grammaticalCase: 'nominative' | 'genitive' = 'nominative'): string {
  const form = RU_PLURAL.select(count);
  if (grammaticalCase === 'genitive') return `${count} ${form === 'one' ? 'товара' : 'товаров'}`;
  return `${count} ${form === 'one' ? 'товар' : form === 'few' ? 'товара' : 'товаров'}`;
}
