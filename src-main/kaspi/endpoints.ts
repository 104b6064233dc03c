/**
 * Base URLs of the three Kaspi hosts (kaspi-api.md §0). They are settings, so the app runs
 * unchanged against the simulator; header values (Origin, Referer) stay kaspi.kz regardless.
 */
export interface KaspiEndpoints {
  /** Identity server with the login page (§1). */
  idmcUrl: string;
  /** Merchant cabinet backend: /s/m, bff, pricefeed, GraphQL (§2–§7a). */
  mcUrl: string;
  /** Public storefront: offer-view, reviews, official shop API (§4, §7b, §8). */
  storefrontUrl: string;
}

export const KASPI_ENDPOINTS: KaspiEndpoints = {
  idmcUrl: 'https://idmc.shop.kaspi.kz',
  mcUrl: 'https://mc.shop.kaspi.kz',
  storefrontUrl: 'https://kaspi.kz',
};

/** Joins a base URL and a path without doubling or losing the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
