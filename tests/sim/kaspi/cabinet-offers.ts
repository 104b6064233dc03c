import type { MarketOffer } from './model';
import type { World } from './world';

/**
 * One own offer as the cabinet lists it in `/bff/offer-view/list` (kaspi-api.md §6 "Response").
 * An offer with one price for all its cities lists it in `price` and has no `allCityPrices`; with
 * city pricing `price` is 0, `minPrice`/`maxPrice` carry the range (CDF, U-NADO) and
 * `allCityPrices` the price of each city the offer has a point in, on sale there or not: a price in
 * that map does not mean the offer is sold in that city, its availabilities say where it is.
 */
export function cabinetOffer(world: World, o: MarketOffer, storefront: string): Record<string, unknown> {
  const product = world.products.get(o.productId);
  const perCity = o.cityPrices.size > 0;
  const cityIds = new Set([...o.availabilities.map((a) => world.points.get(a.storeId)?.cityId), ...o.cityPrices.keys()].filter((c): c is string => c !== undefined && world.cityIds.has(c)));
  const cityPrices: Record<string, { price: number }> = {};
  for (const c of cityIds) {
    const p = world.priceIn(o, c);
    if (p !== null) cityPrices[c] = { price: p };
  }
  const values = perCity ? Object.values(cityPrices).map((v) => v.price) : o.basePrice === null ? [] : [o.basePrice];
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
    ...(perCity ? { allCityPrices: cityPrices } : {}),
    points: o.availabilities.filter((a) => a.available === 'yes').map((a) => world.points.get(a.storeId)?.name ?? a.storeId),
    available: isActive(o),
    // A point without a stock figure lists stockCount 0 with stockSpecified false (the stocks row shows 0 too).
    availabilities: o.availabilities.map((a) => ({ storeId: a.storeId, available: a.available, preOrder: a.preOrder, stockSpecified: a.stockCount !== null, stockCount: a.stockCount ?? 0 })),
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
