import { KaspiError } from '../../src-shared/domain/kaspi-error';
import { offerListWire, offerWire, type CabinetOffer, type CityPrice, type PosAvailability } from './types';
import { msg } from '../../src-shared/i18n/message';

/** §6 "Response": image paths are relative to Kaspi's CDN. */
export const IMAGE_BASE = 'https://resources.cdn-kaspi.kz/img/m/p/';

/**
 * One page of `/bff/offer-view/list` (kaspi-api.md §6). Offers without a SKU cannot be priced
 * or matched, so they are counted in `skipped` instead of failing the page.
 */
export interface OfferListPage {
  /** What Kaspi says the whole list holds, null when it does not say. */
  total: number | null;
  offers: CabinetOffer[];
  /** Entries on the page that could not be used (no SKU). */
  skipped: number;
}

export function parseOfferListPage(json: unknown): OfferListPage {
  const page = offerListWire.safeParse(json);
  if (!page.success) throw new KaspiError('not-json', msg('kaspi.unexpected_format', { what: msg('kaspi.what.products') }));
  const offers: CabinetOffer[] = [];
  let skipped = 0;
  for (const raw of page.data.data) {
    const offer = mapOffer(raw);
    if (offer) offers.push(offer);
    else skipped++;
  }
  return { total: page.data.total ?? null, offers, skipped };
}

export function mapOffer(raw: unknown): CabinetOffer | null {
  const parsed = offerWire.safeParse(raw);
  if (!parsed.success || parsed.data.sku.trim() === '') return null;
  const o = parsed.data;
  const availabilities: PosAvailability[] = (o.availabilities ?? []).flatMap((a) =>
    a
      ? [{
          storeId: a.storeId,
          available: a.available === true || a.available === 'yes',
          preOrder: Math.min(30, Math.max(0, Math.round(a.preOrder ?? 0))),
          stockCount: a.stockSpecified === false || a.stockCount === null || a.stockCount === undefined ? null : Math.max(0, Math.round(a.stockCount)),
        }]
      : [],
  );
  const cityPrices: CityPrice[] = Object.entries(o.allCityPrices ?? {}).flatMap(([cityId, v]) => {
    const price = positiveInt(v?.price);
    return price === null ? [] : [{ cityId, price }];
  }).sort((a, b) => a.cityId.localeCompare(b.cityId));
  // Without a per-city list, price (else minPrice) is the offer's one price; next to one, only a
  // non-zero price counts (minPrice is then just the cheapest city).
  const single = cityPrices.length > 0 ? positiveInt(o.price) : (positiveInt(o.price) ?? positiveInt(o.minPrice));
  return {
    sku: o.sku,
    masterSku: o.masterSku || masterSkuFromLink(o.shopLink),
    title: o.title || o.model || o.masterTitle || o.sku,
    brand: o.brand || o.brandName || null,
    category: stripMaster(o.masterCategory || o.category),
    imageUrl: o.images?.[0] ? imageUrl(o.images[0]) : null,
    cityPrices,
    price: single,
    availabilities,
    active: o.available ?? availabilities.some((a) => a.available),
  };
}

/** Tools regex the numeric product id out of the product link (§6, CDF/HAS): the last number of the path. */
export function masterSkuFromLink(link: string | null | undefined): string | null {
  if (!link) return null;
  let path = link;
  try {
    path = new URL(link, 'https://kaspi.kz').pathname;
  } catch {
    // keep the raw text
  }
  const m = /(\d{5,})\/?$/.exec(path) ?? /-(\d{5,})(?:\/|$)/.exec(path);
  return m?.[1] ?? null;
}

function stripMaster(category: string | null | undefined): string | null {
  const c = category?.replace(/^Master\s*-\s*/i, '').trim();
  return c ? c : null;
}

function imageUrl(path: string): string {
  return /^https?:\/\//.test(path) ? path : `${IMAGE_BASE}${path.replace(/^\/+/, '')}`;
}

/** Prices are whole tenge (§0); anything else is rounded, and zero or less means "no price". */
export function positiveInt(v: number | null | undefined): number | null {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  const n = Math.round(v);
  return n > 0 && Number.isSafeInteger(n) ? n : null;
}
