import type { MarketOffer } from './model';
import type { World } from './world';

/**
 * One own offer as the cabinet lists it in `/bff/offer-view/list` (kaspi-api.md §6 "Response").
 * With city pricing `price` is 0 and `minPrice`/`maxPrice` carry the range, as CDF and U-NADO saw.
 */
export function cabinetOffer(world: World, o: MarketOffer, storefront: string): Record<string, unknown> {
  const product = world.products.get(o.productId);
  const cityPrices: Record<string, { price: number }> = {};
  for (const c of world.cities) {
    const p = world.priceIn(o, c.id);
    if (p !== null) cityPrices[c.id] = { price: p };
  }
  const values = Object.values(cityPrices).map((v) => v.price);
  const perCity = o.cityPrices.size > 0;
  const title = product?.title ?? o.model;
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    offerId: `${o.merchantUid}_${o.merchantSku}`,
    sku: o.merchantSku,
    masterSku: o.productId,
    masterTitle: title,
    title: o.model,
    model: o.model,
    brand: product?.brand ?? '',
    brandCode: (product?.brand ?? '').toLowerCase(),
    brandName: product?.brand ?? '',
    masterCategory: `Master - ${product?.category ?? ''}`,
    price: perCity ? 0 : (o.basePrice ?? 0),
    minPrice: values.length ? Math.min(...values) : 0,
    maxPrice: values.length ? Math.max(...values) : 0,
    allCityPrices: cityPrices,
    points: o.availabilities.filter((a) => a.available === 'yes').map((a) => world.points.get(a.storeId)?.name ?? a.storeId),
    available: isActive(o),
    availabilities: o.availabilities.map((a) => ({ storeId: a.storeId, available: a.available, preOrder: a.preOrder, stockSpecified: a.stockCount !== null, stockCount: a.stockCount })),
    stocks: [{ stockLevel: Object.fromEntries(o.availabilities.map((a) => [a.storeId, { value: a.stockCount ?? 0 }])) }],
    images: product?.images ?? [],
    shopLink: `${storefront}/shop/p/${slug}-${o.productId}/`,
    updatedAt: new Date(o.updatedAt).toISOString(),
  };
}

/** "On sale" (a=true): some point has it available. */
export function isActive(o: MarketOffer): boolean {
  return o.availabilities.some((a) => a.available === 'yes');
}

/** One offer as `/offers/api/v1/offer/details` answers it (§5 "Related endpoints"). */
export function offerDetails(world: World, o: MarketOffer): Record<string, unknown> {
  const product = world.products.get(o.productId);
  const merchant = world.merchants.get(o.merchantUid);
  const cities = world.cities
    .map((c) => {
      const points = (merchant?.points ?? []).filter((p) => p.cityId === c.id).map((p) => ({ pointId: p.id, name: null, available: o.availabilities.some((a) => a.storeId === p.id && a.available === 'yes') }));
      return { cityId: c.id, price: world.priceIn(o, c.id), points };
    })
    .filter((c) => c.points.some((p) => p.available));
  return {
    sku: o.merchantSku,
    masterSku: o.productId,
    title: o.model,
    model: o.model,
    brand: product?.brand ?? '',
    masterCategory: `Master - ${product?.category ?? ''}`,
    cities,
    availabilities: o.availabilities.map((a) => ({ storeId: a.storeId, available: a.available, preOrder: a.preOrder })),
  };
}
