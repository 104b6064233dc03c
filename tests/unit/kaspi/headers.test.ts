import { describe, expect, it } from 'vitest';
import { ACCEPT_ENCODING, CHROME_USER_AGENT, cookieHeader, mcHeaders, shopApiHeaders, storefrontHeaders } from '../../../src-main/kaspi/headers';

describe('Kaspi request headers', () => {
  it('sends cabinet calls with cookies, x-auth-version 3 and a kaspi.kz origin', () => {
    const h = mcHeaders([{ name: 'mc-session', value: 'abc' }, { name: 'mc-sid', value: 'def' }], { json: true });
    expect(h).toMatchObject({ 'x-auth-version': '3', origin: 'https://kaspi.kz', referer: 'https://kaspi.kz/', cookie: 'mc-session=abc; mc-sid=def', 'content-type': 'application/json' });
    expect(h['accept']).toBe('application/json, text/plain, */*');
    expect(mcHeaders([])['content-type']).toBeUndefined();
  });

  it('drops cookies that would break the Cookie header', () => {
    expect(cookieHeader([{ name: 'ok', value: '1' }, { name: 'bad name', value: '2' }, { name: 'evil', value: 'x; mc-sid=forged' }])).toBe('ok=1');
  });

  it('dresses storefront calls like Chrome on the product page of that city', () => {
    const h = storefrontHeaders('133206576', '750000000', { json: true });
    expect(h).toMatchObject({
      referer: 'https://kaspi.kz/shop/p/-133206576/?c=750000000',
      origin: 'https://kaspi.kz',
      'x-ks-city': '750000000',
      'sec-fetch-dest': 'empty',
      'sec-fetch-mode': 'cors',
      'sec-fetch-site': 'same-origin',
      accept: 'application/json, text/*',
      'content-type': 'application/json; charset=UTF-8',
    });
    expect(h['accept-language']).toMatch(/^ru-RU/);
    // What Chrome adds: compressed answers and its client hints; the city cookie of that city.
    expect(h['accept-encoding']).toBe(ACCEPT_ENCODING);
    expect(ACCEPT_ENCODING).toBe('gzip, deflate, br');
    expect(h['sec-ch-ua-platform']).toBe('"Windows"');
    expect(h['cookie']).toBe('kaspi.storefront.cookie.city=750000000');
  });

  it('uses a real Chrome user agent without script or headless markers', () => {
    expect(CHROME_USER_AGENT).toMatch(/^Mozilla\/5\.0 .*Chrome\/\d+/);
    expect(CHROME_USER_AGENT).not.toMatch(/headless|node|undici|python|bot/i);
  });

  it('authenticates the official shop API with the token in JSON:API form', () => {
    expect(shopApiHeaders('tok=')).toMatchObject({ 'x-auth-token': 'tok=', accept: 'application/vnd.api+json', 'content-type': 'application/vnd.api+json' });
  });
});
