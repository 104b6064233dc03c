/**
 * Browser-like headers per Kaspi host. Origin and Referer are always kaspi.kz values, even when
 * the base URL points at the simulator: they are what a real browser on kaspi.kz would send.
 */

/** A current desktop Chrome on Windows; no "Headless", "node" or similar script markers (§4). */
export const CHROME_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const ACCEPT_LANGUAGE = 'ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7';
const KASPI_ORIGIN = 'https://kaspi.kz';
/** Client hints Chrome 131 on Windows sends with every request, matching CHROME_USER_AGENT. */
const CHROME_HINTS = { 'sec-ch-ua': '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"', 'sec-ch-ua-mobile': '?0', 'sec-ch-ua-platform': '"Windows"' };
/**
 * What Chrome accepts, less zstd: the transport decodes gzip, deflate and br (tested), and offering
 * an encoding it cannot read would make Kaspi answer in it.
 */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export interface CookieLike {
  name: string;
  value: string;
}

/** `Cookie:` value; names that could break the header are dropped rather than sent broken. */
export function cookieHeader(cookies: readonly CookieLike[]): string {
  return cookies
    .filter((c) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(c.name) && !/[;\r\n]/.test(c.value))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

/** Every cabinet (MC) call: cookies only, plus x-auth-version 3 and kaspi.kz origin (§0, §2). */
export function mcHeaders(cookies: readonly CookieLike[], opts: { json?: boolean } = {}): Record<string, string> {
  const h: Record<string, string> = {
    accept: 'application/json, text/plain, */*',
    'accept-encoding': ACCEPT_ENCODING,
    'accept-language': ACCEPT_LANGUAGE,
    'user-agent': CHROME_USER_AGENT,
    ...CHROME_HINTS,
    'x-auth-version': '3',
    origin: KASPI_ORIGIN,
    referer: `${KASPI_ORIGIN}/`,
    cookie: cookieHeader(cookies),
  };
  if (opts.json) h['content-type'] = 'application/json';
  return h;
}

/** The storefront's city choice (§1e, [uncertain]): a browser that picked a city carries it. */
export const STOREFRONT_CITY_COOKIE = 'kaspi.storefront.cookie.city';

/** The product page Kaspi accepts without a slug (§0); the storefront's Referer. */
export function productPageUrl(masterSku: string, cityId: string): string {
  return `${KASPI_ORIGIN}/shop/p/-${encodeURIComponent(masterSku)}/?c=${encodeURIComponent(cityId)}`;
}

/**
 * The storefront JSON APIs (offer-view §4, review-view §8): the live header set INV captured, with
 * what Chrome adds to it (Accept-Encoding, client hints). The city travels the ways §4 and §1e
 * name: the product page of that city as Referer, `x-ks-city` (CDF) and the storefront's city
 * cookie; the body's `cityId` says it once more.
 */
export function storefrontHeaders(masterSku: string, cityId: string, opts: { json?: boolean } = {}): Record<string, string> {
  const h: Record<string, string> = {
    accept: 'application/json, text/*',
    'accept-encoding': ACCEPT_ENCODING,
    'accept-language': ACCEPT_LANGUAGE,
    'user-agent': CHROME_USER_AGENT,
    ...CHROME_HINTS,
    referer: productPageUrl(masterSku, cityId),
    origin: KASPI_ORIGIN,
    'sec-fetch-dest': 'empty',
    'sec-fetch-mode': 'cors',
    'sec-fetch-site': 'same-origin',
    'x-ks-city': cityId,
    cookie: `${STOREFRONT_CITY_COOKIE}=${cityId}`,
  };
  if (opts.json) h['content-type'] = 'application/json; charset=UTF-8';
  return h;
}

/** The official shop API (§7b): JSON:API with the merchant's token. */
export function shopApiHeaders(token: string): Record<string, string> {
  return {
    accept: 'application/vnd.api+json',
    'content-type': 'application/vnd.api+json',
    'user-agent': CHROME_USER_AGENT,
    'x-auth-token': token,
  };
}
