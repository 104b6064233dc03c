import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../../src-shared/contract/whatsapp';
import { KZ_OFFSET_MS, kzDay, kzDayStart } from '../../../src-shared/domain/kazakhstan-time';
import { call } from '../../support/call-app';
import { waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';
import { FAST_PACING, SELLER_PHONE, buyerPhone, whatsappApp } from './support/whatsapp-app';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
async function started(opts: Parameters<typeof whatsappApp>[1] = {}) {
  const env = await whatsappApp(tempDir(), opts);
  cleanups.push(() => env.close());
  await env.link();
  return env;
}
/** HH:MM in Kazakhstan, minutes from now. */
const kzClock = (minutesFromNow: number) => new Date(Date.now() + KZ_OFFSET_MS + minutesFromNow * 60_000).toISOString().slice(11, 16);

describe('triggers on order events', () => {
  it('tell the buyer when Kaspi’s courier took the parcel (the shop API’s courier date)', async () => {
    const env = await started();
    await env.enable('handed_over');
    const order = Array.from({ length: 50 }, () => env.sim.createOrder(env.uid)).find((o) => o.isKaspiDelivery)!;
    env.sim.moveOrder(env.uid, order.code, 'KASPI_DELIVERY_CARGO_ASSEMBLY');
    await env.sync();
    await env.move(order, 'KASPI_DELIVERY_TRANSMITTED');
    const [message] = await waitFor(() => env.waha.sent(buyerPhone(order)), (m) => m.length === 1);
    expect(message!.body).toContain(`${order.code} передан в доставку`);
  });

  it('wait out the quiet hours and the daily cap in the queue, then go', async () => {
    const env = await started();
    await env.enable('accepted', { quietFrom: kzClock(-1), quietTo: kzClock(120) });
    const order = await env.activeOrder('new');
    await env.move(order, 'DELIVERY');
    const [row] = await waitFor(() => env.outbox(), (r) => r[0]?.state === 'queued' && r[0].dueAt > Date.now() + 60 * 60_000);
    // The end of the quiet hours, plus up to ten minutes so that a morning does not start with a burst.
    expect(row!.dueAt).toBeLessThan(Date.now() + 131 * 60_000);

    await env.enable('accepted', { quietFrom: '00:00', quietTo: '00:00' });
    await call(env.app, 'whatsapp.store.update', { storeId: env.storeId, dailyCap: 0 });
    await call(env.app, 'whatsapp.outbox.cancel', { id: row!.id });
    const second = await env.activeOrder('new');
    await env.move(second, 'DELIVERY');
    const capped = await waitFor(() => env.outbox(), (r) => r.some((x) => x.orderCode === second.code && x.dueAt >= kzDayStart(kzDay(Date.now()) + 1)));
    expect(capped.find((x) => x.orderCode === order.code)).toMatchObject({ state: 'skipped', reason: 'cancelled_by_seller' });
    expect(env.waha.sent()).toEqual([]);
    const [store] = await call<Array<{ dailyCap: number; sentToday: number }>>(env.app, 'whatsapp.stores');
    expect(store).toMatchObject({ dailyCap: 0, sentToday: 0 });
  });

  it('leave a random pause of at least the minimum between two messages (WAHA’s advice)', async () => {
    const env = await started({ config: { whatsappOverrides: { ...FAST_PACING, gapMs: [400, 600] } } });
    await env.enable('accepted');
    const orders = [env.sim.createOrder(env.uid), env.sim.createOrder(env.uid), env.sim.createOrder(env.uid)];
    await env.sync();
    for (const o of orders) env.sim.moveOrder(env.uid, o.code, 'DELIVERY');
    await env.sync();
    const sent = await waitFor(() => env.waha.sent(), (m) => m.length === 3, 20_000);
    const rows = await env.outbox();
    const times = rows.map((r) => r.sentAt!).sort((a, b) => a - b);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(400);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(400);
    expect(new Set(sent.map((m) => m.chatId)).size).toBe(3);
  });
});

describe('templates', () => {
  it('are refused with a clear error for an unknown variable or an empty text, and previewed with a real order', async () => {
    const env = await started();
    await expect(call(env.app, 'whatsapp.trigger.update', { storeId: env.storeId, trigger: 'delivered', patch: { bodyRu: 'Спасибо, {имя}!' } }))
      .rejects.toMatchObject({ code: 'invalid_input', userMessage: { code: 'whatsapp.template_unknown_variable', params: { variable: '{имя}' } } });
    await expect(call(env.app, 'whatsapp.trigger.update', { storeId: env.storeId, trigger: 'delivered', patch: { bodyKk: '  ' } }))
      .rejects.toMatchObject({ code: 'invalid_input', userMessage: { code: 'whatsapp.template_empty' } });
    await expect(call(env.app, 'whatsapp.trigger.update', { storeId: env.storeId, trigger: 'delivered', patch: { quietFrom: '25:00' } }))
      .rejects.toMatchObject({ code: 'invalid_input' });
    const [store] = await call<Array<{ triggers: { trigger: string; bodyRu: string }[] }>>(env.app, 'whatsapp.stores');
    expect(store!.triggers.find((t) => t.trigger === 'delivered')!.bodyRu).toContain('{review_link}');

    const none = await call<{ text: string; problem: { code: string } }>(env.app, 'whatsapp.preview', { storeId: env.storeId, body: 'Привет, {name}!' });
    expect(none).toMatchObject({ text: 'Привет, {name}!', problem: { code: 'whatsapp.no_sample_order' } });
    await env.sync();
    const preview = await call<{ text: string; orderCode: string; problem: null }>(env.app, 'whatsapp.preview', { storeId: env.storeId, body: 'Привет, {name}! Заказ {order}: {total}' });
    const order = env.sim.orders(env.uid).find((o) => o.code === preview.orderCode)!;
    expect(preview.text).toBe(`Привет, ${order.customer.firstName}! Заказ ${order.code}: ${new Intl.NumberFormat('ru-RU').format(order.totalPrice).replace(/\s/g, '\u202F')}\u00A0₸`);
    expect((await call<{ problem: { code: string } }>(env.app, 'whatsapp.preview', { storeId: env.storeId, body: '{nope}' })).problem.code).toBe('whatsapp.template_unknown_variable');
  });
});

describe('a test message', () => {
  it('goes to the seller’s own linked number through the outbox; one WhatsApp refused can be sent again', async () => {
    const env = await started();
    const row = await call<OutboxRow>(env.app, 'whatsapp.testSend', { storeId: env.storeId, text: 'Проверка связи' });
    expect(row).toMatchObject({ trigger: 'test', phoneTail: SELLER_PHONE.slice(-4), state: 'queued' });
    await waitFor(() => env.waha.sent(SELLER_PHONE), (m) => m.length === 1 && m[0]!.body === 'Проверка связи');

    env.waha.addFault({ path: '/api/sendText', kind: 'status', status: 400, times: 1 });
    const refused = await call<OutboxRow>(env.app, 'whatsapp.testSend', { storeId: env.storeId, phone: '+7 707 111 22 33', text: 'Вторая' });
    await waitFor(() => call<OutboxRow[]>(env.app, 'whatsapp.outbox.list', {}).then((r) => (r as unknown as { rows: OutboxRow[] }).rows.find((x) => x.id === refused.id)), (x) => x?.state === 'failed');
    await expect(call(env.app, 'whatsapp.outbox.cancel', { id: refused.id })).rejects.toMatchObject({ code: 'conflict' });
    await call(env.app, 'whatsapp.outbox.retry', { id: refused.id });
    await waitFor(() => env.waha.sent('77071112233'), (m) => m.length === 1);
    await expect(call(env.app, 'whatsapp.testSend', { storeId: env.storeId, phone: '+7 727 250 00 00', text: 'x' })).rejects.toMatchObject({ userMessage: { code: 'whatsapp.phone_format' } });
  });
});
