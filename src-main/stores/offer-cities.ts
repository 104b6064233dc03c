import type { CabinetOffer } from '../kaspi/types';

export interface CityPrice {
  cityId: string;
  price: number;
}

/**
 * Where an own offer is sold and at what price (kaspi-api.md §6): a city is one of the offer's
 * when one of its points is there; it is *listed* there when one of those points is on sale. A city
 * whose points are all off sale keeps the price Kaspi holds for it (a push sends it back
 * unchanged) but is not a place the bot checks or prices, and the UI shows no price there.
 *
 * The price of a city is its entry in allCityPrices, else the offer's single price: an offer with
 * one price and one point is priced only in that point's city, not in every city of the store.
 * Prices for cities where the store has no point are dropped: nothing can be sold or pushed there.
 */
export function offerCities(offer: CabinetOffer, pointCity: ReadonlyMap<string, string | null>): { listed: CityPrice[]; unlisted: CityPrice[] } {
  const storeCities = new Set([...pointCity.values()].filter((c): c is string => c !== null));
  const onSale = new Map<string, boolean>();
  for (const a of offer.availabilities) {
    const city = pointCity.get(a.storeId);
    if (city) onSale.set(city, (onSale.get(city) ?? false) || a.available);
  }
  const perCity = new Map(offer.cityPrices.map((c) => [c.cityId, c.price]));
  const cities = new Set([...onSale.keys(), ...[...perCity.keys()].filter((c) => storeCities.has(c))]);
  const listed: CityPrice[] = [];
  const unlisted: CityPrice[] = [];
  for (const cityId of [...cities].sort()) {
    const price = perCity.get(cityId) ?? offer.price;
    if (price === null) continue;
    (onSale.get(cityId) ? listed : unlisted).push({ cityId, price });
  }
  return { listed, unlisted };
}
