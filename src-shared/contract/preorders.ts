import { z } from 'zod';
import { call } from './define';
import { preorderPoint, preorderStatus, preorderView } from '../domain/preorder';
import { message } from '../i18n/message';

const id = z.number().int().positive();

export const preordersFilter = z.object({
  status: preorderStatus.optional(),
  storeId: id.optional(),
  /** `{uid}_PPn`: entries offered at that point. */
  pointId: z.string().max(60).optional(),
});
export type PreordersFilter = z.input<typeof preordersFilter>;

/** An entry a change was refused for, with each reason: nothing of it was saved or sent. */
export const preorderRejection = z.object({ entries: z.array(z.object({ sku: z.string(), errors: z.array(message) })) });

/** The store's points of sale, for the page's filters and the per-point columns. */
export const preorderStorePoints = z.object({ storeId: id, name: z.string(), points: z.array(z.object({ pointId: z.string(), name: z.string(), cityId: z.string().nullable() })) });

/** How the account's change budget is shared: the Demper page shows both users. */
export const preorderOutcome = z.object({ ids: z.array(id), sent: z.boolean() });

export const preordersCalls = {
  'preorders.list': call(z.object({ filter: preordersFilter.default({}) }), z.array(preorderView)),
  'preorders.points': call(z.object({}), z.array(preorderStorePoints)),
  'preorders.history': call(z.object({ id }), z.array(z.object({ at: z.string(), event: z.string(), status: preorderStatus, detail: z.unknown() }))),
  /** Puts products on pre-order: one entry each, at the given points (all the store's when left out), in draft. */
  'preorders.addFromProducts': call(z.object({ productIds: z.array(id).min(1).max(10_000), days: z.number().int(), pointIds: z.array(z.string()).optional() }), preorderOutcome),
  /** Edits one entry: price (new articles), and days (and stock) per point; back to draft. */
  'preorders.update': call(z.object({ id, price: z.number().optional(), points: z.array(preorderPoint.extend({ days: z.number(), stock: z.number().nullable() })) }), preorderView),
  /** Sets the days of a selection, at one point or at all of each entry's points. */
  'preorders.setDays': call(z.object({ ids: z.array(id).min(1), days: z.number(), pointId: z.string().optional() }), preorderOutcome),
  /** Journals the entries and sends them (per-offer push or price-list file); status follows by event. */
  'preorders.send': call(z.object({ ids: z.array(id).min(1) }), preorderOutcome),
  /** Back to regular sale: days 0 at every point, sent like any change; the entry ends when Kaspi shows it. */
  'preorders.end': call(z.object({ ids: z.array(id).min(1) }), preorderOutcome),
  /** Reads a price list (.xlsx as base64, or CSV text); apply=false is the preview and writes nothing; rows with errors are never applied. */
  'preorders.importFile': call(
    z.object({ storeId: id.optional(), format: z.enum(['xlsx', 'csv']), data: z.string().max(15_000_000), apply: z.boolean() }),
    z.object({
      rows: z.array(z.object({ line: z.number().int(), sku: z.string(), productId: id.nullable(), name: z.string().nullable(), changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })), errors: z.array(message) })),
      fileErrors: z.array(message),
      applied: z.number().int(),
    }),
  ),
  /** The entries (or a selection) in Kaspi's price-list columns: .xlsx as base64, or CSV text. */
  'preorders.exportFile': call(z.object({ format: z.enum(['xlsx', 'csv']), ids: z.array(id).optional() }), z.object({ fileName: z.string(), data: z.string() })),
  /** Each store's account budget now: changes in the window by writer and the limit (the Demper page, stopped or running). */
  'preorders.budget': call(z.object({}), z.array(z.object({ storeId: id, price: z.number().int(), stock: z.number().int(), limit: z.number().int(), first: z.enum(['price', 'stock']) }))),
  'preorders.remove': call(z.object({ ids: z.array(id).min(1) }), preorderOutcome),
};

export const preordersEvents = {
  /** Entries changed (added, edited, sent, checked): lists re-read. */
  'preorders.changed': z.object({ ids: z.array(id).nullable() }),
};
