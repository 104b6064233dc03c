import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app/create-app';
import { simConfig } from '../../support/app-on-sim';
import { call } from '../../support/call-app';
import { waitFor } from '../../support/demper-on-sim';
import { useTempDir } from '../../support/temp-dir';
import { FAST_PACING, SELLER_PHONE, WAHA_KEY, buyerPhone, whatsappApp } from './support/whatsapp-app';
import type { OutboxRow } from '../../../src-shared/contract/whatsapp';

const tempDir = useTempDir();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(opts: Parameters<typeof whatsappApp>[1] = {}) {
  const env = await whatsappApp(tempDir(), opts);
  cleanups.push(() => env.close());
  return env;
}

describe('a review request after delivery', () => {
  it('goes once to the buyer with the order and the review link, becomes delivered by webhook, and never again after a restart', async () => {
    const dataDir = tempDir();
    const env = await whatsappApp(dataDir);
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await env.close();
      else await env.waha.close();
    });
    const linked = await env.link();
    expect(linked.me).toEqual({ phone: '+7 701 555 00 00', name: 'Shop' });
    await env.enable('delivered');
    const order = await env.activeOrder();
    await env.move(order, 'ARCHIVED', 'COMPLETED');

    const phone = buyerPhone(order);
    const [sent] = await waitFor(() => env.waha.sent(phone), (m) => m.length === 1);
    expect(sent!.body).toContain(order.customer.firstName);
    expect(sent!.body).toContain(`https://kaspi.kz/shop/review/productreview?orderCode=${order.code}&productCode=${order.entries[0]!.productId}&rating=5`);
    const row = await waitFor(() => env.outbox(), (rows) => rows[0]?.state === 'delivered');
    expect(row).toEqual([expect.objectContaining({ trigger: 'delivered', orderCode: order.code, phoneTail: phone.slice(-4), state: 'delivered', body: sent!.body })]);
    // The webhook brought it: WAHA reached the app.
    expect((await env.status()).lastWebhookAt).not.toBeNull();

    // Kaspi says it again (another pass), then the app restarts and reads everything again.
    await env.sync();
    await env.app.close();
    closed = true;
    const again = await createApp({ dataDir, shell: 'headless', appVersion: 'test', autoStartDemper: false, autoStartOrders: false, autoStartReviews: false, proxyHealthChecks: false, whatsappOverrides: FAST_PACING, ...simConfig(env.sim.urls) });
    cleanups.push(() => again.close());
    await waitFor(() => call<{ state: string }>(again, 'whatsapp.status', { refresh: true }), (s) => s.state === 'working');
    await call(again, 'orders.syncNow', { storeId: env.storeId });
    await again.orders.settled(env.storeId);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(env.waha.sent(phone)).toHaveLength(1);
    expect((await call<{ rows: OutboxRow[] }>(again, 'whatsapp.outbox.list')).rows).toHaveLength(1);
  });

  it('is not sent for orders already delivered when the app first read them, nor for a delivery seen while the trigger was off', async () => {
    const env = await started();
    await env.link();
    await env.enable('delivered');
    // The first read brings the store's history: its completed orders are history, not news.
    await env.sync();
    expect(env.sim.orders(env.uid).filter((o) => o.status === 'COMPLETED').length).toBeGreaterThan(0);
    await call(env.app, 'whatsapp.trigger.update', { storeId: env.storeId, trigger: 'delivered', patch: { enabled: false } });
    const order = await env.activeOrder();
    await env.move(order, 'ARCHIVED', 'COMPLETED');
    await env.enable('delivered');
    await env.sync();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(env.waha.sent()).toEqual([]);
    expect(await env.outbox()).toEqual([]);
  });
});

describe('a buyer who replies "стоп"', () => {
  it('gets nothing more: the queued review request is skipped and the number stays opted out', async () => {
    const env = await started();
    await env.link();
    await env.enable('accepted');
    await env.enable('delivered', { delayMinutes: 60 });
    const order = await env.activeOrder('new');
    await env.move(order, 'DELIVERY');
    const phone = buyerPhone(order);
    await waitFor(() => env.waha.sent(phone), (m) => m.length === 1);
    await env.move(order, 'ARCHIVED', 'COMPLETED');
    await waitFor(() => env.outbox('queued'), (rows) => rows.length === 1);

    env.waha.reply(phone, 'СТОП!');
    const rows = await waitFor(() => env.outbox(), (r) => r.some((x) => x.trigger === 'delivered' && x.state === 'skipped'));
    expect(rows.find((r) => r.trigger === 'delivered')).toMatchObject({ state: 'skipped', reason: 'opted_out' });
    const [store] = await call<Array<{ optedOut: number }>>(env.app, 'whatsapp.stores');
    expect(store!.optedOut).toBe(1);
    expect(env.waha.sent(phone)).toHaveLength(1);
  });

  it('is heard by polling when WAHA webhooks do not reach the app', async () => {
    // Webhooks go to host.docker.internal, which this machine does not resolve: only polling hears anything.
    const env = await started();
    await env.link('docker');
    await env.enable('accepted');
    const order = await env.activeOrder('new');
    await env.move(order, 'DELIVERY');
    const phone = buyerPhone(order);
    const [message] = await waitFor(() => env.waha.sent(phone), (m) => m.length === 1);
    env.waha.ack(message!.id, 3);
    await waitFor(() => env.outbox(), (rows) => rows[0]?.state === 'read');
    env.waha.reply(phone, 'stop');
    await waitFor(() => call<Array<{ optedOut: number }>>(env.app, 'whatsapp.stores'), (s) => s[0]!.optedOut === 1);
    expect((await env.status()).lastWebhookAt).toBeNull();
    expect(env.waha.webhookDeliveries().every((d) => d.status === null)).toBe(true);
  });
});

describe('a number that is not on WhatsApp', () => {
  it('is checked before the first message, marked and skipped, and skipped at once for the next order', async () => {
    const env = await started();
    await env.link();
    await env.enable('accepted');
    await env.enable('cancelled');
    const order = await env.activeOrder('new');
    const phone = buyerPhone(order);
    env.waha.setNotOnWhatsApp([phone]);
    await env.move(order, 'DELIVERY');
    const [row] = await waitFor(() => env.outbox(), (rows) => rows[0]?.state === 'skipped');
    expect(row).toMatchObject({ trigger: 'accepted', reason: 'not_on_whatsapp' });
    await env.move(order, 'ARCHIVED', 'CANCELLED');
    const rows = await waitFor(() => env.outbox(), (r) => r.length === 2);
    expect(rows.find((r) => r.trigger === 'cancelled')).toMatchObject({ state: 'skipped', reason: 'not_on_whatsapp', attempts: 0 });
    expect(env.waha.sent()).toEqual([]);
  });
});

describe('a failed WhatsApp session', () => {
  it('is restarted once by the app; while it stays failed messages wait in the queue, and they go once it works again', async () => {
    const env = await started();
    await env.link();
    await env.enable('accepted');
    env.waha.failSession(true);
    const failed = await waitFor(env.status, (s) => s.state === 'failed', 15_000);
    expect(failed).toMatchObject({ paused: true, autoRestartedAt: expect.any(Number), problem: { code: 'whatsapp.session_failed' } });
    // Exactly one restart by the app, not a loop.
    expect(env.waha.state().statusLog.filter((s) => s.status === 'STARTING').length).toBe(2);

    const order = await env.activeOrder('new');
    await env.move(order, 'DELIVERY');
    await waitFor(() => env.outbox('queued'), (rows) => rows.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await env.outbox('queued')).toHaveLength(1);
    expect(env.waha.sent()).toEqual([]);

    env.waha.healSession();
    await call(env.app, 'whatsapp.session.control', { action: 'restart' });
    await waitFor(() => env.waha.sent(buyerPhone(order)), (m) => m.length === 1, 15_000);
    expect((await env.outbox())[0]).toMatchObject({ state: expect.stringMatching(/sent|delivered/), attempts: 1 });
  });
});

describe('the WAHA address and key', () => {
  it('takes loopback or https addresses only, keeps the key for its own address, and never shows or logs it', async () => {
    const env = await started();
    await expect(call(env.app, 'whatsapp.connection.save', { url: 'http://192.168.1.20:3000', apiKey: WAHA_KEY })).rejects.toMatchObject({ code: 'invalid_input', userMessage: { code: 'whatsapp.url_not_allowed' } });
    await expect(call(env.app, 'whatsapp.connection.save', { url: 'http://user:pw@127.0.0.1:3000', apiKey: WAHA_KEY })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call(env.app, 'whatsapp.connection.save', { url: 'ftp://127.0.0.1', apiKey: WAHA_KEY })).rejects.toMatchObject({ userMessage: { code: 'whatsapp.url_not_allowed' } });

    const linked = await env.link();
    expect(linked).toMatchObject({ hasKey: true, state: 'working' });
    // Another address, even over https: the key stays behind and the status asks for it.
    const moved = await call<{ state: string; hasKey: boolean; url: string }>(env.app, 'whatsapp.connection.save', { url: 'https://waha.example.kz/' });
    expect(moved).toMatchObject({ url: 'https://waha.example.kz', hasKey: false, state: 'key_needed' });
    const back = await call<{ state: string; hasKey: boolean }>(env.app, 'whatsapp.connection.save', { url: env.waha.url });
    expect(back).toMatchObject({ hasKey: false, state: 'key_needed' });

    const generated = await call<{ wahaApiKey: string; dockerCommand: string; status: { hasKey: boolean } }>(env.app, 'whatsapp.connection.generateKey', { url: env.waha.url });
    expect(generated.wahaApiKey).toMatch(/^sha512:[0-9a-f]{128}$/);
    expect(generated.dockerCommand).toContain(`-e WAHA_API_KEY=${generated.wahaApiKey}`);
    expect(generated.dockerCommand).toMatch(/-p 127\.0\.0\.1:\d+:3000/);
    // The simulator holds the old key: the generated one is refused until WAHA is started with it.
    expect((await env.status()).state).toBe('unauthorized');
    const everything = JSON.stringify([generated, await env.status(), await call(env.app, 'whatsapp.stores')]);
    expect(everything).not.toContain(WAHA_KEY);
    expect(readFileSync(env.app.paths.logFile, 'utf8')).not.toContain(WAHA_KEY);
    expect(readFileSync(env.app.paths.logFile, 'utf8')).not.toContain(SELLER_PHONE);
  });
});
