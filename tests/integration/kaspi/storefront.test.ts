import { afterAll, describe, expect, it } from 'vitest';
import { ProxyAgent } from 'undici';
import { SCENARIO_CREDENTIALS } from '../../sim/kaspi';
import { fetchOffers, fetchReviewsSummary } from '../../../src-main/kaspi/storefront';
import { startProxy, type TestProxy } from '../../support/proxy-servers';
import { endpointsOf, useKaspiSim } from './support/sim';

const OWN = SCENARIO_CREDENTIALS.small.merchantUid;
const ALMATY = '750000000';
const ASTANA = '710000000';
const DYSON = '100000010';
const TV = '100000009';

describe('storefront offers and reviews against the simulator', () => {
  const sim = useKaspiSim({ scenario: 'small' });
  const proxies: TestProxy[] = [];
  afterAll(async () => {
    await Promise.all(proxies.map((p) => p.stop()));
  });

  it('returns every seller of a product in a city, the own offer included, as domain offers', async () => {
    const offers = await fetchOffers({ endpoints: endpointsOf(sim()), masterSku: DYSON, cityId: ALMATY });
    const expected = sim().offers(DYSON, ALMATY);
    expect(offers.map((o) => o.merchantId).sort()).toEqual(expected.map((o) => o.merchantId).sort());
    expect(offers.find((o) => o.merchantId === OWN)).toMatchObject({ merchantName: 'ИП Тестовый магазин', price: 350_000, rating: 4.7, reviewsCount: 312 });
    expect(offers.map((o) => o.deliveryDuration).sort()).toEqual(['TILL_3_DAYS', 'TILL_5_DAYS', 'TILL_7_DAYS', 'TODAY', 'TOMORROW', 'TOMORROW']);
    expect(offers.filter((o) => o.kaspiDelivery).length).toBe(4);
    for (const o of offers) expect(Number.isInteger(o.price) && o.price > 0).toBe(true);
  });

  it('reads all pages when Kaspi has more offers than one page holds', async () => {
    const offers = await fetchOffers({ endpoints: endpointsOf(sim()), masterSku: DYSON, cityId: ALMATY, limit: 2 });
    expect(offers).toHaveLength(6);
    expect(new Set(offers.map((o) => o.merchantId)).size).toBe(6);
  });

  it('shows per-city prices: the same product costs differently in Almaty and Astana', async () => {
    const endpoints = endpointsOf(sim());
    const almaty = await fetchOffers({ endpoints, masterSku: TV, cityId: ALMATY });
    const astana = await fetchOffers({ endpoints, masterSku: TV, cityId: ASTANA });
    expect(almaty.find((o) => o.merchantId === OWN)?.price).toBe(160_000);
    expect(astana.find((o) => o.merchantId === OWN)?.price).toBe(165_000);
  });

  it('answers an unknown or combined product id with no offers', async () => {
    expect(await fetchOffers({ endpoints: endpointsOf(sim()), masterSku: '100000001_900000001', cityId: ALMATY })).toEqual([]);
  });

  it('turns a per-IP ban into ip-banned with a wait, and a proxy with another IP still gets through', async () => {
    sim().setLimits({ offers: { maxPerWindow: 2, windowMs: 600_000_000, banMs: 600_000_000 } });
    try {
      const endpoints = endpointsOf(sim());
      await fetchOffers({ endpoints, masterSku: DYSON, cityId: ALMATY });
      await fetchOffers({ endpoints, masterSku: DYSON, cityId: ALMATY });
      await expect(fetchOffers({ endpoints, masterSku: DYSON, cityId: ALMATY })).rejects.toMatchObject({ kind: 'ip-banned', status: 403, retryAfterMs: null });
      const proxy = await startProxy({ bindAddress: '127.0.0.2' });
      proxies.push(proxy);
      const dispatcher = new ProxyAgent({ uri: `http://${proxy.host}:${proxy.port}` });
      const through = await fetchOffers({ endpoints, masterSku: DYSON, cityId: ALMATY, dispatcher });
      expect(through).toHaveLength(6);
      expect(sim().bans().offers.map((b) => b.key)).toEqual(['127.0.0.1']);
      await dispatcher.close();
    } finally {
      sim().reset();
    }
  });

  it('classifies a 405 from the storefront as method-blocked', async () => {
    const fault = sim().addFault({ host: 'storefront', path: '/yml/offer-view', kind: 'error', status: 405, times: 1 });
    try {
      await expect(fetchOffers({ endpoints: endpointsOf(sim()), masterSku: DYSON, cityId: ALMATY })).rejects.toMatchObject({ kind: 'method-blocked', status: 405 });
    } finally {
      sim().removeFault(fault.id);
    }
  });

  it('summarises the reviews of a product: average, counts and stars', async () => {
    const all = sim().state.reviews.of('100000001');
    const summary = await fetchReviewsSummary({ endpoints: endpointsOf(sim()), productId: '100000001', cityId: ALMATY });
    expect(summary.ratingCount).toBe(all.length);
    expect(summary.reviewsCount).toBe(all.filter((r) => r.text !== '').length);
    expect(summary.statistic.map((s) => s.rate)).toEqual([5, 4, 3, 2, 1]);
    expect(summary.statistic.reduce((s, x) => s + x.count, 0)).toBe(all.length);
    const avg = all.length ? Math.round((all.reduce((s, r) => s + r.rating, 0) / all.length) * 10) / 10 : 0;
    expect(summary.rating).toBe(avg);
  });
});
