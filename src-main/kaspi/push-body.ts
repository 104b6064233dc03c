import { KaspiError } from '../../src-shared/domain/kaspi-error';

/**
 * The pricefeed body (kaspi-api.md §5), as INV captured it live: `cityPrices[{cityId,value}]`
 * and `availabilities[{available:"yes"|"no", storeId:"{uid}_PPn", ...}]`. A top-level `price`
 * is sent only when the caller gives one (CDF's variant): with city prices it would also move
 * the base price of every other city.
 */
export interface PushPriceInput {
  merchantUid: string;
  sku: string;
  /** The offer's title, as the cabinet shows it. */
  model: string;
  price?: number;
  cityPrices?: readonly { cityId: string; price: number }[];
  /** Replaces the offer's whole set of points when sent (§5), so omit it to leave them alone. */
  availabilities?: readonly { storeId: string; available: boolean; stockCount?: number | null; preOrder?: number }[];
  /** Pre-order days for every point, 0–30 (§9). */
  preOrder?: number;
}

export interface PushBody {
  merchantUid: string;
  sku: string;
  model: string;
  price?: number;
  cityPrices?: { cityId: string; value: number }[];
  availabilities?: { available: 'yes' | 'no'; storeId: string; stockCount?: number | null; preOrder?: number }[];
  preOrder?: number;
}

const invalid = (what: string): KaspiError => new KaspiError('bad-request', `Цена не отправлена: ${what}.`);

/** Validated before sending: a bad push is refused here, not half-applied by Kaspi. */
export function buildPushBody(input: PushPriceInput): PushBody {
  if (!input.merchantUid || !input.sku) throw invalid('не указан магазин или SKU');
  const body: PushBody = { merchantUid: input.merchantUid, sku: input.sku, model: input.model };
  if (input.price !== undefined) body.price = wholeTenge(input.price);
  if (input.cityPrices && input.cityPrices.length > 0) {
    body.cityPrices = input.cityPrices.map((c) => {
      if (!/^\d{9}$/.test(c.cityId)) throw invalid(`код города «${c.cityId}» должен состоять из 9 цифр`);
      return { cityId: c.cityId, value: wholeTenge(c.price) };
    });
  }
  if (input.availabilities && input.availabilities.length > 0) {
    body.availabilities = input.availabilities.map((a) => {
      const item: NonNullable<PushBody['availabilities']>[number] = { available: a.available ? 'yes' : 'no', storeId: storeId(input.merchantUid, a.storeId) };
      if (a.stockCount !== undefined) item.stockCount = a.stockCount;
      if (a.preOrder !== undefined) item.preOrder = preOrderDays(a.preOrder);
      return item;
    });
  }
  if (input.preOrder !== undefined) body.preOrder = preOrderDays(input.preOrder);
  if (body.price === undefined && !body.cityPrices && !body.availabilities && body.preOrder === undefined) throw invalid('нечего менять: нет ни цены, ни наличия');
  return body;
}

/** `PP1` → `{uid}_PP1`: the JSON API wants the long form (§0), the seller sees the short one. */
export function storeId(merchantUid: string, id: string): string {
  return /^PP\d+$/i.test(id) ? `${merchantUid}_${id.toUpperCase()}` : id;
}

function wholeTenge(price: number): number {
  if (!Number.isInteger(price) || price < 1) throw invalid(`цена ${price} должна быть целым положительным числом тенге`);
  return price;
}

function preOrderDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 30) throw invalid(`предзаказ ${days} дн. должен быть от 0 до 30 дней`);
  return days;
}
