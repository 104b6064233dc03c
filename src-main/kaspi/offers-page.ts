import { z } from 'zod';
import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { DELIVERY_DURATIONS, type DeliveryDuration, type Offer } from '../../src-shared/domain/offer';
import { msg } from '../../src-shared/i18n/message';
import { positiveInt } from './offer-list';

/**
 * One page of a product's storefront offers (kaspi-api.md §4) as the app keeps it: the offers with
 * a usable price, mapped, and the counts that say whether more pages follow. Pure, so it runs in
 * the main thread and in the decode workers alike (decode-pool.ts).
 */
export interface OffersPage {
  offers: Offer[];
  /** How many offers Kaspi says the product has (`total`, else `offersCount`), when it says. */
  total: number | null;
  /** Offers on this page as sent, unusable ones included: what paging counts. */
  sent: number;
}

const offersPageWire = z.object({
  offers: z.array(z.unknown()).catch([]),
  total: z.number().nullish().catch(null),
  offersCount: z.number().nullish().catch(null),
});

const offerWire = z.object({
  merchantId: z.union([z.string(), z.number()]).transform(String),
  merchantName: z.string().nullish().catch(null),
  price: z.number().nullish().catch(null),
  merchantRating: z.number().nullish().catch(null),
  merchantReviewsQuantity: z.number().nullish().catch(null),
  deliveryDuration: z.string().nullish().catch(null),
  kaspiDelivery: z.boolean().nullish().catch(null),
});

/** A storefront answer's JSON as a page of offers; a KaspiError when it is not one. */
export function offersPageOf(json: unknown): OffersPage {
  const parsed = offersPageWire.safeParse(json);
  if (!parsed.success) throw new KaspiError('not-json', msg('kaspi.unexpected_format', { what: msg('kaspi.what.offers') }));
  return {
    offers: parsed.data.offers.flatMap((raw) => mapOffer(raw) ?? []),
    total: parsed.data.total ?? parsed.data.offersCount ?? null,
    sent: parsed.data.offers.length,
  };
}

export function mapOffer(raw: unknown): Offer | null {
  const parsed = offerWire.safeParse(raw);
  if (!parsed.success || parsed.data.merchantId === '') return null;
  const o = parsed.data;
  const price = positiveInt(o.price);
  if (price === null) return null;
  return {
    merchantId: o.merchantId,
    merchantName: o.merchantName ?? '',
    price,
    rating: o.merchantRating ?? null,
    reviewsCount: o.merchantReviewsQuantity === null || o.merchantReviewsQuantity === undefined ? null : Math.round(o.merchantReviewsQuantity),
    deliveryDuration: o.deliveryDuration ? toDuration(o.deliveryDuration) : null,
    kaspiDelivery: o.kaspiDelivery ?? null,
  };
}

/** Kaspi's buckets (§4); free text or a new value counts as the slowest known bucket. */
export function toDuration(value: string): DeliveryDuration {
  const v = value.trim().toUpperCase();
  return (DELIVERY_DURATIONS as readonly string[]).includes(v) ? (v as DeliveryDuration) : 'OTHER';
}
