import type { DeliveryDuration } from '../../../src-shared/domain/offer';
import type { MarketOffer } from './model';
import type { World } from './world';

const DAY = 24 * 60 * 60 * 1000;
const DAYS: Record<DeliveryDuration, number> = { TODAY: 0, TOMORROW: 1, TILL_3_DAYS: 3, TILL_5_DAYS: 5, TILL_7_DAYS: 7, OTHER: 10 };

/**
 * The body of `POST /yml/offer-view/offers/{id}` for one city (kaspi-api.md §4 "Response"):
 * visible offers sorted by price, paged by `page` + `limit`, the merchant's own offer included.
 * Field values the doc leaves open (delivery dates, deliveryType) are plausible stand-ins.
 */
export function offersResponse(world: World, productId: string, cityId: string, page: number, limit: number): Record<string, unknown> {
  const all = world.offersIn(productId, cityId);
  const offers = all.slice(page * limit, page * limit + limit).map((o) => offerJson(world, o, cityId));
  return {
    offers,
    total: all.length,
    offersCount: all.length,
    badges: [],
    loanPicker: { present: true, maxInterestFreeDuration: 12 },
    highRatingPresent: all.some((o) => (world.merchants.get(o.merchantUid)?.rating ?? 0) >= 4.5),
    excellentMerchantPresent: false,
    productCardInfo: { badges: [] },
  };
}

export const EMPTY_OFFERS = { offers: [], total: 0, offersCount: 0, badges: [], loanPicker: { present: false, maxInterestFreeDuration: 0 }, highRatingPresent: false, excellentMerchantPresent: false, productCardInfo: { badges: [] } };

function offerJson(world: World, o: MarketOffer, cityId: string): Record<string, unknown> {
  const product = world.products.get(o.productId);
  const merchant = world.merchants.get(o.merchantUid);
  const duration: DeliveryDuration = o.deliveryByCity.get(cityId) ?? 'OTHER';
  // The point the buyer's city is served from: one with stock first, a pre-order point otherwise.
  const inCity = o.availabilities.filter((a) => a.available === 'yes' && world.points.get(a.storeId)?.cityId === cityId);
  const point = inCity.find((a) => a.preOrder === 0) ?? inCity.sort((a, b) => a.preOrder - b.preOrder)[0];
  // A pre-order offer is delivered once its days have passed (the seed's "под заказ N дней").
  const date = isoDay(Date.now() + (point && point.preOrder > 0 ? point.preOrder : DAYS[duration]) * DAY);
  const deliveryType = o.kaspiDelivery ? 'KASPI_DELIVERY' : 'MERCHANT_DELIVERY';
  return {
    masterSku: o.productId,
    masterCategory: `Master - ${product?.category ?? ''}`,
    merchantId: o.merchantUid,
    merchantName: merchant?.name ?? '',
    merchantSku: o.merchantSku,
    merchantRating: merchant?.rating ?? null,
    merchantReviewsQuantity: merchant?.reviewsQuantity ?? 0,
    title: product?.title ?? o.model,
    price: world.priceIn(o, cityId),
    kaspiDelivery: o.kaspiDelivery,
    deliveryType,
    deliveryDuration: duration,
    delivery: date,
    kdPickupDate: o.kaspiDelivery ? date : null,
    availabilityDate: date,
    preorder: point?.preOrder ?? 0,
    deliveryOptions: {
      [deliveryType]: { delivery: date, kdPickupDate: o.kaspiDelivery ? date : null, deliveryType, locatedInPoint: point?.storeId ?? null, kaspiDelivery: o.kaspiDelivery, interCity: false, deliveryCost: 0, deliveryThreshold: 0 },
    },
    purchaseCount: o.purchaseCount,
    merchantSegmentId: merchant?.segmentId ?? null,
  };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
