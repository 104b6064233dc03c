import { describe, expect, it } from 'vitest';
import { isKaspiUrl } from '../../../src-shared/domain/kaspi-url';
import { parseKaspiSim } from '../../../src-main/security/kaspi-sim-option';

describe("Kaspi's own addresses", () => {
  it('are https on kaspi.kz or a subdomain, the origin only', () => {
    for (const url of ['https://kaspi.kz', 'https://idmc.shop.kaspi.kz', 'https://mc.shop.kaspi.kz/', 'https://KASPI.kz']) expect(isKaspiUrl(url), url).toBe(true);
  });

  it('exclude every look-alike a caller could use to collect the password', () => {
    for (const url of [
      'http://idmc.shop.kaspi.kz',
      'https://kaspi.kz.evil.example',
      'https://evilkaspi.kz',
      'https://evil.example/kaspi.kz',
      'https://user:pw@idmc.shop.kaspi.kz',
      'https://idmc.shop.kaspi.kz:8443',
      'https://idmc.shop.kaspi.kz/login',
      'https://idmc.shop.kaspi.kz?next=https://evil.example',
      'https://idmc.shop.kaspi.kz.',
      'http://127.0.0.1:4000',
      'javascript:alert(1)',
      'not a url',
    ]) expect(isKaspiUrl(url), url).toBe(false);
  });
});

describe('the simulator start-up option', () => {
  it('takes the JSON line `npm run sim` prints', () => {
    expect(parseKaspiSim('{"idmc":"http://127.0.0.1:4001","mc":"http://127.0.0.1:4002","storefront":"http://127.0.0.1:4003","control":"http://127.0.0.1:4004"}')).toEqual({
      idmcUrl: 'http://127.0.0.1:4001',
      mcUrl: 'http://127.0.0.1:4002',
      storefrontUrl: 'http://127.0.0.1:4003',
    });
  });

  it('refuses anything that is not a simulator on this machine', () => {
    expect(() => parseKaspiSim('idmc=http://127.0.0.1')).toThrow(/JSON/);
    expect(() => parseKaspiSim('{"idmc":"https://evil.example","mc":"http://127.0.0.1:1","storefront":"http://127.0.0.1:2"}')).toThrow(/idmcUrl.*evil\.example/);
    expect(() => parseKaspiSim('{"idmc":"http://127.0.0.1:1","mc":"http://127.0.0.1:2"}')).toThrow(/storefrontUrl/);
    expect(() => parseKaspiSim('{"idmc":"http://u:p@127.0.0.1:1","mc":"http://127.0.0.1:2","storefront":"http://127.0.0.1:3"}')).toThrow(/idmcUrl/);
  });
});
