import { z } from 'zod';
import { messageCode } from '../i18n/message';
import { price } from './money';

/** 9-digit KATO-like city id shared by offers, cabinet and pricefeed (kaspi-api.md §0). */
export const cityId = z.string().regex(/^\d{9}$/, messageCode('validation.city_id'));
export type CityId = z.infer<typeof cityId>;

/** Kaspi's delivery buckets, fastest first (kaspi-api.md §4). */
export const DELIVERY_DURATIONS = ['TODAY', 'TOMORROW', 'TILL_3_DAYS', 'TILL_5_DAYS', 'TILL_7_DAYS', 'OTHER'] as const;
export const deliveryDuration = z.enum(DELIVERY_DURATIONS);
export type DeliveryDuration = z.infer<typeof deliveryDuration>;

/** One seller's offer for one product in one city, as the storefront shows it. */
export const offer = z.object({
  merchantId: z.string().min(1),
  merchantName: z.string(),
  price,
  rating: z.number().nullable(),
  reviewsCount: z.number().int().nullable(),
  deliveryDuration: deliveryDuration.nullable(),
  kaspiDelivery: z.boolean().nullable(),
});
export type Offer = z.infer<typeof offer>;
