import { z } from 'zod';
import { cityId } from './offer';
import { price } from './money';

export const LOGIN_METHODS = ['email', 'phone'] as const;
export const loginMethod = z.enum(LOGIN_METHODS);
export type LoginMethod = z.infer<typeof loginMethod>;

/** valid: the cabinet answers; expired: a re-login is due; needs_login: only the user can fix it (SMS, new password). */
export const SESSION_STATUSES = ['unknown', 'valid', 'expired', 'needs_login'] as const;
export const sessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof sessionStatus>;

export const storePoint = z.object({ id: z.string(), name: z.string(), cityId: cityId.nullable(), enabled: z.boolean() });
export type StorePoint = z.infer<typeof storePoint>;

export const storeCity = z.object({ id: cityId, name: z.string() });

/** A connected Kaspi store as the UI shows it: no password, cookie or token, only whether one exists. */
export const storeSummary = z.object({
  id: z.number().int(),
  merchantUid: z.string(),
  name: z.string(),
  accountId: z.number().int(),
  accountLogin: z.string(),
  loginMethod,
  sessionStatus,
  botEnabled: z.boolean(),
  hasShopToken: z.boolean(),
  productCount: z.number().int(),
  activeProductCount: z.number().int(),
  lastSyncAt: z.string().nullable(),
  points: z.array(storePoint),
  cities: z.array(storeCity),
});
export type StoreSummary = z.infer<typeof storeSummary>;

export const cityPrice = z.object({ cityId, price });
export type CityPrice = z.infer<typeof cityPrice>;

export const productRow = z.object({
  id: z.number().int(),
  storeId: z.number().int(),
  sku: z.string(),
  masterSku: z.string().nullable(),
  title: z.string(),
  brand: z.string().nullable(),
  category: z.string().nullable(),
  imageUrl: z.string().nullable(),
  active: z.boolean(),
  removed: z.boolean(),
  botEnabled: z.boolean(),
  preorderDays: z.number().int(),
  cityPrices: z.array(cityPrice),
  syncedAt: z.string().nullable(),
});
export type ProductRow = z.infer<typeof productRow>;
