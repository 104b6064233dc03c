import { createHash, randomBytes } from 'node:crypto';
import type { KaspiSim } from '../tests/sim/kaspi';
import { startWahaSim, type WahaSim } from '../tests/sim/waha';

type Call = <T>(name: string, input: unknown) => Promise<T>;
type DemoStore = { id: number; name: string; merchantUid: string };

/** The demo seller's own WhatsApp number, "scanned" into the simulated WAHA. */
const SELLER_PHONE = '77015550000';
/** How often the demo's Kaspi hands an order to its buyer (so a review request goes out). */
const DELIVERY_EVERY_MS = 2 * 60_000;

/**
 * WhatsApp in `npm run demo`: a simulated WAHA started with a fresh key in its `sha512:` form
 * (as a seller's Docker container would be), the app connected with the plain key, the session
 * linked by a simulated QR scan, the review request and the order-accepted message on with no quiet
 * hours, a test message to the seller's own number, and an order delivered every two minutes
 * so the outbox shows messages going out and coming back delivered and read.
 */
/** `stores`: the demo stores with a shop API token (the only ones with buyers' phones). */
export async function startDemoWhatsapp(call: Call, sim: KaspiSim, stores: readonly DemoStore[]): Promise<{ waha: WahaSim; stop(): Promise<void> }> {
  const key = randomBytes(24).toString('base64url');
  const waha = await startWahaSim({ apiKey: `sha512:${createHash('sha512').update(key).digest('hex')}` });
  let timer: NodeJS.Timeout | undefined;
  const stop = async () => {
    if (timer) clearInterval(timer);
    await waha.close();
  };
  try {
    await call('whatsapp.connection.save', { url: waha.url, apiKey: key, webhookVia: 'local' });
    await call('whatsapp.session.control', { action: 'start' });
    await until(() => waha.state().status === 'SCAN_QR_CODE');
    waha.scanQr(SELLER_PHONE, 'Демо-магазин');
    await until(async () => (await call<{ state: string }>('whatsapp.status', { refresh: true })).state === 'working');

    for (const store of stores) {
      for (const trigger of ['accepted', 'delivered'] as const) {
        await call('whatsapp.trigger.update', { storeId: store.id, trigger, patch: { enabled: true, delayMinutes: 0, quietFrom: '00:00', quietTo: '00:00' } });
      }
    }
    const [first] = stores;
    if (first) await call('whatsapp.testSend', { storeId: first.id, text: 'Проверка: Kaspi Demper подключён к WhatsApp.' });

    const deliver = () => void deliverOne(call, sim, stores).catch((error: unknown) => console.warn(`Демо: не удалось выдать заказ: ${(error as Error).message}`));
    deliver();
    timer = setInterval(deliver, DELIVERY_EVERY_MS);
    timer.unref();
  } catch (error) {
    await stop();
    throw error;
  }
  return { waha, stop };
}

/** Kaspi hands one order on its way to its buyer; the app reads the change and its review request is queued. */
async function deliverOne(call: Call, sim: KaspiSim, stores: readonly DemoStore[]): Promise<void> {
  for (const store of stores) {
    const order = sim.orders(store.merchantUid).find((o) => o.tab === 'DELIVERY' || o.tab === 'PICKUP');
    if (!order) continue;
    sim.moveOrder(store.merchantUid, order.code, 'ARCHIVED', 'COMPLETED');
    await call('orders.syncNow', { storeId: store.id });
    console.log(`Демо: заказ ${order.code} выдан покупателю — просьба об отзыве в очереди WhatsApp.`);
    return;
  }
}

async function until(ok: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('WAHA simulator did not reach the expected state in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
