import { z } from 'zod';

/**
 * One order model for both sources (the shop API with a token, the cabinet without one). Kaspi's
 * own words (status, tab) are kept as they came; `state` and `outcome` are what the app groups by:
 * the cabinet's tabs, and how an archived order ended.
 */
export const ORDER_STATES = ['new', 'sign_required', 'pickup', 'delivery', 'kaspi_delivery', 'archive'] as const;
export const orderState = z.enum(ORDER_STATES);
export type OrderState = z.infer<typeof orderState>;

export const ORDER_OUTCOMES = ['completed', 'cancelled', 'returned'] as const;
export const orderOutcome = z.enum(ORDER_OUTCOMES);
export type OrderOutcome = z.infer<typeof orderOutcome>;

export const ORDER_SOURCES = ['shop_api', 'cabinet'] as const;
export const orderSource = z.enum(ORDER_SOURCES);
export type OrderSource = z.infer<typeof orderSource>;

/** The app's state for a shop API `state` (§7b) or a cabinet tab code (§7a). */
export function stateOfKaspi(stateOrTab: string | null | undefined): OrderState | null {
  const value = (stateOrTab ?? '').toUpperCase();
  if (value === 'NEW') return 'new';
  if (value === 'SIGN_REQUIRED') return 'sign_required';
  if (value === 'PICKUP') return 'pickup';
  if (value === 'DELIVERY') return 'delivery';
  if (value.startsWith('KASPI_DELIVERY')) return 'kaspi_delivery';
  if (value === 'ARCHIVE' || value === 'ARCHIVED') return 'archive';
  return null;
}

/**
 * How an order ended, from Kaspi's status word. The cabinet's vocabulary differs from the shop
 * API's (TRANSMITTED, CANCELLED_BY_MERCHANT, RETURNING…), so words are matched by their stem.
 */
export function outcomeOfKaspi(state: OrderState, status: string | null | undefined): OrderOutcome | null {
  const word = (status ?? '').toUpperCase();
  if (/RETURN/.test(word)) return state === 'archive' || word === 'RETURNED' ? 'returned' : null;
  if (/CANCEL/.test(word)) return state === 'archive' || word === 'CANCELLED' ? 'cancelled' : null;
  if (word === 'COMPLETED') return 'completed';
  return null;
}

/** A sale counts in revenue unless it was cancelled or came back. */
export const countsAsSale = (outcome: OrderOutcome | null): boolean => outcome === null || outcome === 'completed';

export const orderEntryView = z.object({
  entryNo: z.number().int(),
  productId: z.number().int().nullable(),
  masterSku: z.string().nullable(),
  sku: z.string().nullable(),
  name: z.string(),
  quantity: z.number().int(),
  /** What the buyer paid for the line, whole tenge. */
  totalPrice: z.number().int(),
  unitPrice: z.number().int(),
  /** The market as the bot last saw it before the order: our place and price, the best rival. */
  positionAtSale: z.number().int().nullable(),
  ourPriceAtSale: z.number().int().nullable(),
  rivalPriceAtSale: z.number().int().nullable(),
  marketAt: z.number().nullable(),
});
export type OrderEntryView = z.infer<typeof orderEntryView>;

export const orderStatusChange = z.object({
  at: z.number(),
  observedAt: z.number(),
  state: orderState,
  outcome: orderOutcome.nullable(),
  status: z.string().nullable(),
  kaspiTab: z.string().nullable(),
});
export type OrderStatusChange = z.infer<typeof orderStatusChange>;
