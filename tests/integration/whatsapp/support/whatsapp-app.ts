import type { WhatsappStatus, StoreWhatsapp, OutboxRow } from '../../../../src-shared/contract/whatsapp';
import type { WhatsappPacing } from '../../../../src-main/whatsapp/pacing';
import type { AppConfig } from '../../../../src-main/app/create-app';
import { normaliseKzMobile } from '../../../../src-shared/whatsapp/phone';
import { startWahaSim, type WahaSimOptions } from '../../../sim/waha';
import type { Order } from '../../../sim/kaspi/model';
import { call } from '../../../support/call-app';
import { waitFor } from '../../../support/demper-on-sim';
import { ordersApp } from '../../orders/support/orders-app';

export const WAHA_KEY = 'test-waha-key-0123456789abcdef';
/** The seller's own phone, linked by the simulated QR scan. */
export const SELLER_PHONE = '77015550000';

/** WhatsApp numbers for a test: no waiting between messages, short timeouts, a free webhook port. */
export const FAST_PACING: Partial<WhatsappPacing> = {
  gapMs: [20, 60],
  typingMsPerChar: 0,
  typingMaxMs: 0,
  requestTimeoutMs: 3_000,
  reconcileAfterMs: 300,
  backoffMs: [100, 200, 300],
  pollEveryMs: 150,
  pollMessageEveryMs: 100,
  webhookPort: 0,
};

/** A buyer's number as the app sends to it (77…): the simulator's orders carry Kaspi's ten digits. */
export const buyerPhone = (order: Order): string => normaliseKzMobile(order.customer.cellPhone)!;

/**
 * The app on the Kaspi simulator with one store and its shop API token (orders with phones), and a
 * WAHA simulator behind the key the seller entered. `link()` starts the session and scans the QR.
 */
export async function whatsappApp(dataDir: string, opts: { waha?: WahaSimOptions; config?: Partial<AppConfig> } = {}) {
  const waha = await startWahaSim({ apiKey: WAHA_KEY, timeScale: 0.01, autoAck: { deliveredMs: 100, readMs: null }, ...opts.waha });
  const env = await ordersApp(dataDir, { config: { whatsappOverrides: FAST_PACING, autoStartReviews: false, ...opts.config } });
  const { app } = env;
  const status = () => call<WhatsappStatus>(app, 'whatsapp.status', { refresh: true });

  async function connect(via: 'local' | 'docker' = 'local'): Promise<WhatsappStatus> {
    return call<WhatsappStatus>(app, 'whatsapp.connection.save', { url: waha.url, apiKey: WAHA_KEY, webhookVia: via });
  }

  async function link(via: 'local' | 'docker' = 'local'): Promise<WhatsappStatus> {
    await connect(via);
    await call(app, 'whatsapp.session.control', { action: 'start' });
    await waitFor(() => waha.state().status, (s) => s === 'SCAN_QR_CODE', 10_000);
    waha.scanQr(SELLER_PHONE);
    return waitFor(status, (s) => s.state === 'working', 10_000);
  }

  /** Turns a trigger on with no delay and no quiet hours (the test decides the time). */
  async function enable(trigger: 'accepted' | 'handed_over' | 'delivered' | 'cancelled', patch: Record<string, unknown> = {}): Promise<StoreWhatsapp> {
    return call<StoreWhatsapp>(app, 'whatsapp.trigger.update', { storeId: env.storeId, trigger, patch: { enabled: true, delayMinutes: 0, quietFrom: '00:00', quietTo: '00:00', ...patch } });
  }

  /** An order the app has seen waiting for acceptance or on its way (so a next state is a change it sees). */
  async function activeOrder(state: 'accepted' | 'new' = 'accepted'): Promise<Order> {
    const order = state === 'new' ? env.sim.createOrder(env.uid) : onItsWay(env.sim, env.uid);
    await env.sync();
    return order;
  }

  const outbox = async (state?: string) => (await call<{ rows: OutboxRow[] }>(app, 'whatsapp.outbox.list', state ? { state } : {})).rows;

  return {
    ...env,
    waha,
    status,
    connect,
    link,
    enable,
    activeOrder,
    outbox,
    /** Kaspi moves the order; the app reads it. */
    async move(order: Order, tab: Parameters<typeof env.sim.moveOrder>[2], finalStatus?: 'COMPLETED' | 'CANCELLED') {
      env.sim.moveOrder(env.uid, order.code, tab, finalStatus);
      await env.sync();
    },
    async close() {
      await env.close();
      await waha.close();
    },
  };
}

/**
 * An order on its way to the buyer. The simulator's orders are generated around the current
 * time, so at some hours none is on its way yet: then a new one is put there.
 */
export function onItsWay(sim: { orders(uid: string): Order[]; createOrder(uid: string): Order; moveOrder(uid: string, code: string, tab: 'DELIVERY'): Order }, uid: string): Order {
  return sim.orders(uid).find((o) => o.tab === 'DELIVERY' || o.tab === 'PICKUP') ?? sim.moveOrder(uid, sim.createOrder(uid).code, 'DELIVERY');
}
