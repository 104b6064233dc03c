import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';

/**
 * The pricefeed body (kaspi-api.md §5) in the shape INV captured live from the cabinet's own
 * "change price and stock" form: `cityPrices[{cityId, value}]` and `availabilities[{available:
 * "yes"|"no", storeId: "{uid}_PPn", stockCount, preOrder?}]`, nothing else. Not CDF's top-level
 * `price` or `preOrder`, nor `stockEnabled`: the research cannot say what Kaspi does with them.
 *
 * Kaspi reads the availabilities as the offer's whole set (a push that left points out took the
 * offer off sale there, "Не указано наличие в прайс листе"), so a body always carries every point
 * of the offer as it stands, and every city price it holds: a price change never moves stock,
 * pre-orders or other cities as a side effect.
 */
export interface PointAvailability {
  /** `{merchantUid}_PPn`, or the short `PPn` the seller sees. */
  storeId: string;
  available: boolean;
  /** Units at that point; null when the seller keeps no stock figure there (§5: INV sends null). */
  stockCount: number | null;
  /** Pre-order days 0–30 (§9); 0 is "no pre-order" and is not sent. */
  preOrder: number;
}

export interface PushPriceInput {
  merchantUid: string;
  sku: string;
  /** The offer's title, as the cabinet shows it. */
  model: string;
  /** Every city price the offer holds, the changed ones with their new price. */
  cityPrices: readonly { cityId: string; price: number }[];
  /** Every point of sale of the offer, as synced or as the seller set them. */
  availabilities: readonly PointAvailability[];
}

export type PushBody = {
  merchantUid: string;
  sku: string;
  model: string;
  availabilities: { available: 'yes' | 'no'; storeId: string; stockCount: number | null; preOrder?: number }[];
  cityPrices: { cityId: string; value: number }[];
};

const invalid = (reason: Message): KaspiError => new KaspiError('bad-request', msg('push.price_not_sent', { reason }));

/** Validated before sending: a bad push is refused here, not half-applied by Kaspi. */
export function buildPushBody(input: PushPriceInput): PushBody {
  if (!input.merchantUid || !input.sku) throw invalid(msg('push.no_store_or_sku'));
  if (input.availabilities.length === 0) throw invalid(msg('push.no_availabilities'));
  if (input.cityPrices.length === 0) throw invalid(msg('push.no_city_prices'));
  const availabilities = input.availabilities.map((a) => {
    const item: PushBody['availabilities'][number] = { available: a.available ? 'yes' : 'no', storeId: storeId(input.merchantUid, a.storeId), stockCount: stock(a.stockCount) };
    if (preOrderDays(a.preOrder) > 0) item.preOrder = a.preOrder;
    return item;
  });
  const cityPrices = input.cityPrices.map((c) => {
    if (!/^\d{9}$/.test(c.cityId)) throw invalid(msg('push.city_code', { cityId: c.cityId }));
    return { cityId: c.cityId, value: wholeTenge(c.price) };
  });
  const twice = <T>(list: T[]): T | undefined => list.find((x, i) => list.indexOf(x) !== i);
  const point = twice(availabilities.map((a) => a.storeId));
  if (point) throw invalid(msg('push.point_twice', { point }));
  const city = twice(cityPrices.map((c) => c.cityId));
  if (city) throw invalid(msg('push.city_twice', { city }));
  return { merchantUid: input.merchantUid, sku: input.sku, model: input.model, availabilities, cityPrices };
}

/** `PP1` → `{uid}_PP1`: the JSON API wants the long form (§0), the seller sees the short one. */
export function storeId(merchantUid: string, id: string): string {
  return /^PP\d+$/i.test(id) ? `${merchantUid}_${id.toUpperCase()}` : id;
}

function wholeTenge(price: number): number {
  if (!Number.isInteger(price) || price < 1) throw invalid(msg('push.price_invalid', { price }));
  return price;
}

function stock(count: number | null): number | null {
  if (count !== null && (!Number.isInteger(count) || count < 0)) throw invalid(msg('push.stock_invalid', { count }));
  return count;
}

function preOrderDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 30) throw invalid(msg('push.preorder_invalid', { days }));
  return days;
}
