import { describe, expect, it } from 'vitest';
import { SCENARIO_CREDENTIALS } from '../../sim/kaspi';
import { createCabinetClient, type CabinetClientOptions } from '../../../src-main/kaspi/cabinet';
import { readOfferPages } from '../../../src-main/kaspi/offer-pages';
import type { PushPriceInput } from '../../../src-main/kaspi/push-body';
import { fetchOffers } from '../../../src-main/kaspi/storefront';
import type { CabinetOffer } from '../../../src-main/kaspi/types';
import { KaspiError } from '../../../src-shared/domain/kaspi-error';
import { endpointsOf, eventually, httpSession, useKaspiSim } from './support/sim';

const creds = SCENARIO_CREDENTIALS.small;
const UID = creds.merchantUid;
const ALMATY = '750000000';
const ASTANA = '710000000';

/** The offer's whole state as listed, with new city prices: what the app's pusher sends. */
const whole = (o: CabinetOffer, cityPrices: PushPriceInput['cityPrices']): PushPriceInput => ({ merchantUid: UID, sku: o.sku, model: o.title, cityPrices, availabilities: o.availabilities });

describe('cabinet client against the simulator', () => {
  const sim = useKaspiSim({ scenario: 'small' });
  const client = async (extra: Partial<CabinetClientOptions> = {}) =>
    createCabinetClient({ endpoints: endpointsOf(sim()), cookies: await httpSession(sim(), creds.owner.email, creds.owner.password), timeoutMs: 5_000, retry: { sleep: async () => undefined }, ...extra });

  it('lists the merchants of the session, the store with its points and the cities', async () => {
    const c = await client();
    expect(await c.merchants()).toEqual([UID]);
    const m = await c.merchant(UID);
    expect(m.name).toBe('ИП Тестовый магазин');
    expect(m.points.map((p) => p.storeId)).toEqual([`${UID}_PP1`, `${UID}_PP2`]);
    expect(m.points[0]).toMatchObject({ code: 'PP1', cityId: ALMATY, cityName: 'Алматы', enabled: true });
    const cities = await c.cities();
    expect(cities.length).toBeGreaterThan(20);
    expect(cities).toContainEqual({ id: ALMATY, name: 'Алматы' });
  });

  it('classifies an expired session as session-expired on every cabinet call', async () => {
    const c = await client();
    sim().expireSessions({ login: creds.owner.email });
    await expect(c.merchants()).rejects.toMatchObject({ kind: 'session-expired', status: 401 });
    await expect(c.listOffers({ merchantUid: UID, page: 0, size: 10, active: true })).rejects.toMatchObject({ kind: 'session-expired' });
    await expect(c.pushPrice({ merchantUid: UID, sku: 'x', model: 'x', cityPrices: [{ cityId: ALMATY, price: 100 }], availabilities: [{ storeId: 'PP1', available: true, stockCount: null, preOrder: 0 }] })).rejects.toMatchObject({ kind: 'session-expired' });
  });

  it('reads every page of own offers to the total, past a short page, mapped for the products table', async () => {
    const c = await client();
    const all: CabinetOffer[] = [];
    const sizes: number[] = [];
    const read = await readOfferPages((page, size) => c.listOffers({ merchantUid: UID, page, size, active: true }), (page) => {
      sizes.push(page.offers.length);
      all.push(...page.offers);
    }, { pageSize: 5, sleep: async () => undefined });
    // The list's index holds a stale entry: the first page is short, and it is not the end.
    expect(sizes).toEqual([4, 5, 2]);
    expect(read).toEqual({ complete: true, total: 12, pages: 3 });
    expect(all).toHaveLength(11);
    expect(new Set(all.map((o) => o.sku)).size).toBe(11);
    const iphone = all.find((o) => o.title.startsWith('Apple iPhone'));
    expect(iphone).toMatchObject({ masterSku: '100000001', brand: 'Apple', category: 'Smartphones', price: 400_000, cityPrices: [], active: true });
    expect(iphone?.imageUrl).toBe('https://resources.cdn-kaspi.kz/img/m/p/h0/p100000001.jpg');
    expect(iphone?.availabilities).toEqual([
      { storeId: `${UID}_PP1`, available: true, preOrder: 0, stockCount: 7 },
      { storeId: `${UID}_PP2`, available: true, preOrder: 0, stockCount: 7 },
    ]);
    const tv = all.find((o) => o.title.startsWith('Samsung UE43'));
    expect(tv).toMatchObject({ price: null, cityPrices: [{ cityId: ASTANA, price: 165_000 }, { cityId: ALMATY, price: 160_000 }] });
    // One price, one point (Алматы); city prices in both cities but Астана's only point off sale.
    expect(all.find((o) => o.masterSku === '100000007')).toMatchObject({ price: 45_000, cityPrices: [], availabilities: [{ storeId: `${UID}_PP1`, available: true }] });
    expect(all.find((o) => o.masterSku === '100000011')).toMatchObject({ cityPrices: [{ cityId: ASTANA, price: 30_500 }, { cityId: ALMATY, price: 30_000 }], availabilities: [{ storeId: `${UID}_PP1`, available: true }, { storeId: `${UID}_PP2`, available: false }] });
    const inactive = await c.listOffers({ merchantUid: UID, page: 0, size: 100, active: false });
    expect(inactive.total).toBe(1);
    expect(inactive.offers[0]).toMatchObject({ title: 'Tefal Optigrill стальной', active: false });
  });

  it('pushes a price that the storefront shows after Kaspi applies it', async () => {
    sim().setLimits({ pushApplyDelayMs: 5_000 });
    const c = await client();
    const { offers } = await c.listOffers({ merchantUid: UID, page: 0, size: 100, active: true });
    const phone = offers.find((o) => o.masterSku === '100000003');
    if (!phone?.masterSku) throw new Error('fixture offer missing');
    const { jobId } = await c.pushPrice(whole(phone, [{ cityId: ALMATY, price: 108_990 }, { cityId: ASTANA, price: 110_000 }]));
    expect(jobId).toMatch(/\w{6,}/);
    const pushed = sim().pushes({ sku: phone.sku });
    expect(pushed.at(-1)).toMatchObject({ status: 200, id: jobId, offSale: [], body: { merchantUid: UID, sku: phone.sku, cityPrices: [{ cityId: ALMATY, value: 108_990 }, { cityId: ASTANA, value: 110_000 }], availabilities: [{ storeId: `${UID}_PP1`, available: 'yes', stockCount: 7 }, { storeId: `${UID}_PP2`, available: 'yes', stockCount: 7 }] } });
    const endpoints = endpointsOf(sim());
    const ownPrice = async () => (await fetchOffers({ endpoints, masterSku: phone.masterSku as string, cityId: ALMATY })).find((o) => o.merchantId === UID)?.price;
    await eventually(async () => ((await ownPrice()) === 108_990 ? true : undefined));
  });

  it('maps availabilities with PPn store ids and pre-order days into the push', async () => {
    const c = await client();
    const { offers } = await c.listOffers({ merchantUid: UID, page: 0, size: 100, active: true });
    const grill = offers.find((o) => o.masterSku === '100000007');
    if (!grill) throw new Error('fixture offer missing');
    await c.pushPrice({ merchantUid: UID, sku: grill.sku, model: grill.title, cityPrices: [{ cityId: ALMATY, price: 44_500 }], availabilities: [{ storeId: 'PP1', available: true, stockCount: 3, preOrder: 5 }] });
    expect(sim().pushes({ sku: grill.sku }).at(-1)?.body).toEqual({ merchantUid: UID, sku: grill.sku, model: grill.title, cityPrices: [{ cityId: ALMATY, value: 44_500 }], availabilities: [{ storeId: `${UID}_PP1`, available: 'yes', stockCount: 3, preOrder: 5 }] });
    await eventually(async () => {
      const after = await c.listOffers({ merchantUid: UID, page: 0, size: 100, active: true });
      const a = after.offers.find((o) => o.sku === grill.sku);
      return a?.cityPrices[0]?.price === 44_500 && a.availabilities[0]?.preOrder === 5 ? true : undefined;
    });
  });

  it('turns a 429 on pricefeed into account-blocked with a 30-minute wait and does not retry it', async () => {
    sim().clearBans();
    sim().setLimits({ pushes: { maxPerWindow: 1, windowMs: 60_000_000 } });
    try {
      const c = await client();
      const { offers } = await c.listOffers({ merchantUid: UID, page: 0, size: 100, active: true });
      const o = offers[0];
      if (!o) throw new Error('no offers');
      await c.pushPrice(whole(o, [{ cityId: ALMATY, price: 1000 }]));
      const before = sim().pushes().length;
      const err = await c.pushPrice(whole(o, [{ cityId: ALMATY, price: 1000 }])).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KaspiError);
      expect(err).toMatchObject({ kind: 'account-blocked', status: 429, retryAfterMs: null });
      expect(sim().pushes().length).toBe(before + 1);
    } finally {
      sim().reset();
    }
  });

  it('reports HTML instead of JSON as not-json', async () => {
    const c = await client();
    const fault = sim().addFault({ host: 'mc', path: '/bff/offer-view/list', kind: 'html', times: 1 });
    try {
      await expect(c.listOffers({ merchantUid: UID, page: 0, size: 10, active: true })).rejects.toMatchObject({ kind: 'not-json', status: 200 });
    } finally {
      sim().removeFault(fault.id);
    }
  });

  it('retries a 5xx for reads with growing delays, but never retries a price push', async () => {
    const sleeps: number[] = [];
    const c = await client({ retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, baseDelayMs: 100, attempts: 3 } });
    const read = sim().addFault({ host: 'mc', path: '/bff/offer-view/list', kind: 'error', status: 503, times: 2 });
    const res = await c.listOffers({ merchantUid: UID, page: 0, size: 2, active: true });
    expect(res.offers).toHaveLength(2);
    expect(sim().faults().find((f) => f.id === read.id)).toBeUndefined();
    expect(sleeps).toEqual([75, 150]);

    const push = sim().addFault({ host: 'mc', path: '/pricefeed', kind: 'error', status: 502, times: 2 });
    try {
      await expect(c.pushPrice(whole(res.offers[0] as CabinetOffer, [{ cityId: ALMATY, price: 1000 }]))).rejects.toMatchObject({ kind: 'server', status: 502 });
      expect(sim().faults().find((f) => f.id === push.id)?.hits).toBe(1);
      expect(sleeps).toHaveLength(2);
    } finally {
      sim().removeFault(push.id);
    }
  });

  it('gives up on a request that hangs with a timeout error', async () => {
    const c = await client({ timeoutMs: 300, retry: { attempts: 1 } });
    const fault = sim().addFault({ host: 'mc', path: '/s/m', kind: 'hang', times: 1 });
    try {
      const started = Date.now();
      await expect(c.merchants()).rejects.toMatchObject({ kind: 'timeout' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      sim().removeFault(fault.id);
    }
  });
});
