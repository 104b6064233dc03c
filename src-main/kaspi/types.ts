import { z } from 'zod';

/**
 * What the adapters hand to the rest of the app, and the tolerant shapes they read from Kaspi.
 * Wire schemas (`*Wire`) ignore unknown fields and accept missing optional ones (kaspi-api.md
 * is second-hand: nothing in it is guaranteed); `.catch` turns a field of an unexpected type
 * into "unknown" instead of failing the whole page.
 */

const idString = z.union([z.string(), z.number()]).transform(String);
const optText = z.string().nullish().catch(null);
const optNumber = z.number().nullish().catch(null);
const optBool = z.boolean().nullish().catch(null);

// ---- domain types ----

export const posAvailability = z.object({
  /** `{merchantUid}_{PPn}` (§0). */
  storeId: z.string(),
  available: z.boolean(),
  /** Pre-order days, 0–30 (§9). */
  preOrder: z.number().int().min(0),
  stockCount: z.number().int().nullable(),
});
export type PosAvailability = z.infer<typeof posAvailability>;

export const cityPrice = z.object({ cityId: z.string(), price: z.number().int().positive() });
export type CityPrice = z.infer<typeof cityPrice>;

/** One own offer from `/bff/offer-view/list` (§6), ready for the products table. */
export const cabinetOffer = z.object({
  sku: z.string().min(1),
  /** Catalogue id offer-view takes (§0); null when neither masterSku nor shopLink gives one. */
  masterSku: z.string().nullable(),
  title: z.string(),
  brand: z.string().nullable(),
  /** Without the "Master - " prefix. */
  category: z.string().nullable(),
  imageUrl: z.string().nullable(),
  /**
   * Per city, from allCityPrices. A price there does not mean the offer is sold in that city: its
   * availabilities say where it is (a city whose points are all off sale still has a price).
   */
  cityPrices: z.array(cityPrice),
  /**
   * The price of every city without its own entry in cityPrices: the single price of an offer
   * without a per-city list (price, else minPrice), or a non-zero price next to one.
   */
  price: z.number().int().positive().nullable(),
  availabilities: z.array(posAvailability),
  /** On sale in at least one point (the `a=true` list). */
  active: z.boolean(),
});
export type CabinetOffer = z.infer<typeof cabinetOffer>;

export const pointOfSale = z.object({
  /** `{merchantUid}_{PPn}`, the id pricefeed takes. */
  storeId: z.string(),
  /** Short code the seller sees: PP1…PP5. */
  code: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  virtual: z.boolean(),
  cityId: z.string().nullable(),
  cityName: z.string().nullable(),
});
export type PointOfSale = z.infer<typeof pointOfSale>;

export const merchantInfo = z.object({ uid: z.string(), name: z.string(), logoUrl: z.string().nullable(), points: z.array(pointOfSale) });
export type MerchantInfo = z.infer<typeof merchantInfo>;

export const city = z.object({ id: z.string(), name: z.string() });
export type City = z.infer<typeof city>;

export const cabinetOrderEntry = z.object({ masterSku: z.string().nullable(), sku: z.string().nullable(), name: z.string(), quantity: z.number(), totalPrice: z.number().nullable() });
export const cabinetOrder = z.object({
  code: z.string(),
  status: z.string().nullable(),
  totalPrice: z.number().nullable(),
  createdAt: z.number().nullable(),
  modifiedAt: z.number().nullable(),
  customerName: z.string().nullable(),
  /** Masked by the cabinet (`+0(000)-000-00-00`, §3); only order details carry it. */
  customerPhone: z.string().nullable(),
  cityId: z.string().nullable(),
  cityName: z.string().nullable(),
  /** Point (pickup), OrderAddress (delivery to a door) or Postomat, as the cabinet types it. */
  destinationKind: z.string().nullable(),
  address: z.string().nullable(),
  /** The point of sale the order is served from (`{uid}_PPn`). */
  pointId: z.string().nullable(),
  deliveryMethod: z.string().nullable(),
  kaspiDelivery: z.boolean().nullable(),
  plannedDeliveryAt: z.number().nullable(),
  /** The timeout of the order's current step while it waits for the seller (steps[].timeoutTime). */
  acceptDeadline: z.number().nullable(),
  cancelReason: z.string().nullable(),
  entries: z.array(cabinetOrderEntry),
});
export type CabinetOrder = z.infer<typeof cabinetOrder>;

export const orderTabCount = z.object({ tab: z.string(), count: z.number().int() });
export type OrderTabCount = z.infer<typeof orderTabCount>;

export const activeOrderTab = z.object({
  tab: z.string(),
  totalCount: z.number().nullable(),
  orders: z.array(z.object({ code: z.string(), status: z.string().nullable(), createdAt: z.number().nullable(), totalPrice: z.number().nullable(), entries: z.array(cabinetOrderEntry) })),
});
export type ActiveOrderTab = z.infer<typeof activeOrderTab>;

// ---- wire shapes ----

export const merchantsWire = z.object({ merchants: z.array(z.object({ uid: idString })).catch([]) });

export const graphqlEnvelope = z.object({
  data: z.record(z.string(), z.unknown()).nullish().catch(null),
  errors: z.array(z.object({ message: z.string().catch('') })).nullish().catch(null),
});

export const merchantWire = z.object({
  id: idString,
  name: optText,
  logo: z.object({ url: optText }).nullish().catch(null),
  points: z
    .array(
      z.object({
        id: idString,
        name: optText,
        enabled: optBool,
        virtual: optBool,
        city: z.object({ id: idString.nullish().catch(null), name: optText }).nullish().catch(null),
        address: z.object({ name: optText }).nullish().catch(null),
      }),
    )
    .nullish()
    .catch(null),
});

export const citiesWire = z.array(z.object({ id: idString, name: z.string().catch('') }));

export const availabilityWire = z.object({
  storeId: z.string(),
  available: z.union([z.boolean(), z.string()]).nullish().catch(null),
  preOrder: optNumber,
  /** false: the seller keeps no stock figure at that point, whatever stockCount says (often 0). */
  stockSpecified: optBool,
  stockCount: optNumber,
});

export const offerWire = z.object({
  sku: idString,
  masterSku: idString.nullish().catch(null),
  shopLink: optText,
  title: optText,
  model: optText,
  masterTitle: optText,
  brand: optText,
  brandName: optText,
  masterCategory: optText,
  category: optText,
  images: z.array(z.string()).nullish().catch(null),
  price: optNumber,
  minPrice: optNumber,
  allCityPrices: z.record(z.string(), z.object({ price: optNumber }).nullish().catch(null)).nullish().catch(null),
  available: optBool,
  availabilities: z.array(availabilityWire.nullable().catch(null)).nullish().catch(null),
});

/** `total` may be missing: then only a short page tells where the list ends. */
export const offerListWire = z.object({ total: z.number().nullish().catch(null), data: z.array(z.unknown()).catch([]) });

export const orderEntryWire = z.object({
  product: z.object({ code: idString.nullish().catch(null), name: optText }).nullish().catch(null),
  merchantProduct: z.object({ code: idString.nullish().catch(null), name: optText }).nullish().catch(null),
  masterProductCode: idString.nullish().catch(null),
  merchantProductCode: idString.nullish().catch(null),
  name: optText,
  quantity: optNumber,
  totalPrice: optNumber,
});

const cityWire = z.object({ id: idString.nullish().catch(null), name: optText }).nullish().catch(null);
const placeWire = z
  .object({ __typename: optText, id: optText, name: optText, streetName: optText, streetNumber: optText, building: optText, city: cityWire })
  .nullish()
  .catch(null);

export const orderWire = z.object({
  code: idString,
  status: optText,
  totalPrice: optNumber,
  creationTime: z.union([z.string(), z.number()]).nullish().catch(null),
  modificationTime: z.union([z.string(), z.number()]).nullish().catch(null),
  customer: z.object({ firstName: optText, lastName: optText, phoneNumber: optText }).nullish().catch(null),
  destination: placeWire,
  warehouse: placeWire,
  steps: z.array(z.object({ status: optText, step: optText, timeoutTime: z.union([z.string(), z.number()]).nullish().catch(null) }).nullable().catch(null)).nullish().catch(null),
  delivery: z.object({ plannedDeliveryDate: z.union([z.string(), z.number()]).nullish().catch(null) }).nullish().catch(null),
  deliveryMethod: optText,
  kaspiDelivery: optBool,
  cancelReason: optText,
  entries: z.array(orderEntryWire).nullish().catch(null),
});

export const orderTabWire = z.object({
  tab: z.string(),
  totalCount: optNumber,
  orders: z
    .array(z.object({ code: idString, status: optText, createDate: optNumber, totalPrice: optNumber, entries: z.array(orderEntryWire).nullish().catch(null) }))
    .catch([]),
});
