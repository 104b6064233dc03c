/** The Kaspi adapters' public surface (design.md §3 "kaspi"); everything else is internal. */
export { KASPI_ENDPOINTS, type KaspiEndpoints } from './endpoints';
export { kaspiRequest, type KaspiRequest, type KaspiResponse } from './transport';
export { type KaspiSurface } from './classify';
export type { RetryPolicy } from './retry';
export { createCabinetClient, type CabinetClient, type CabinetClientOptions } from './cabinet';
export type { PushPriceInput } from './push-body';
export { fetchOffers, fetchReviewsPage, fetchReviewsSummary, type ReviewsSummary, type StorefrontQuery, type StorefrontReview } from './storefront';
export { createShopApiClient, type ShopApiClient, type ShopApiOptions, type ShopOrder, type ShopOrderEntry, type ShopOrderFilter } from './shop-api';
export { login, LOGIN_BROWSER_ARGS, type LoginOptions, type SessionCookie } from './login/login';
export { findBrowser, BrowserNotFoundError, type FoundBrowser } from './login/find-browser';
export { LoginBusyError, isLoginRunning } from './login/account-lock';
export * from './types';
export { KaspiError, isKaspiError, KASPI_ERROR_KINDS, type KaspiErrorKind } from '../../src-shared/domain/kaspi-error';
