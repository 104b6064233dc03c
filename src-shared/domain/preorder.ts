import { z } from 'zod';
import { MAX_TENGE } from './money';
import { message, msg } from '../i18n/message';
import type { Message } from '../i18n/message';

/** draft (kept here) → processing (journaled, sent, being read back) → active, or failed with Kaspi's reason; ended: back to regular sale. */
export const PREORDER_STATUSES = ['draft', 'processing', 'active', 'failed', 'ended'] as const;
export const preorderStatus = z.enum(PREORDER_STATUSES);
export type PreorderStatus = z.infer<typeof preorderStatus>;

/** Days until delivery Kaspi takes for a pre-order (kaspi-api.md §9: preOrder 0–30; 0 is no pre-order). */
export const MAX_PREORDER_DAYS = 30;
/** The seed's system put 30 days on a new pre-order. */
export const DEFAULT_PREORDER_DAYS = 30;

/** One point of sale of an entry: days until delivery there (0: sold from stock) and, optionally, the stock to send. */
export const preorderPoint = z.object({
  /** `{merchantUid}_PPn`. */
  pointId: z.string().min(1),
  days: z.number().int().min(0).max(MAX_PREORDER_DAYS),
  /** Units at the point to send with the change; null: keep the figure Kaspi holds. */
  stock: z.number().int().min(0).nullable(),
});
export type PreorderPoint = z.infer<typeof preorderPoint>;

export const preorderView = z.object({
  id: z.number().int(),
  storeId: z.number().int(),
  storeName: z.string(),
  /** The synced product; null for a new article listed from a file that no sync has found yet. */
  productId: z.number().int().nullable(),
  sku: z.string(),
  name: z.string(),
  brand: z.string().nullable(),
  price: z.number().int(),
  status: preorderStatus,
  /** Why it failed: Kaspi's reason, or ours. */
  error: message.nullable(),
  points: z.array(preorderPoint),
  /** How the last change went: one offer's push, or the price-list file. */
  via: z.enum(['push', 'file']).nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PreorderView = z.infer<typeof preorderView>;

/** What the checks need to know of the entry's offer and store. */
export interface EntryContext {
  /** The store's points, `{uid}_PPn`. */
  storePoints: readonly string[];
  /** A new article (no synced offer): it goes by file, where one row has one delivery time. */
  newArticle: boolean;
  /** The product's floor and ceiling when the bot manages its price; null otherwise. */
  bounds: { floor: number; ceiling: number | null } | null;
}

const shortPoint = (pointId: string): string => pointId.slice(pointId.lastIndexOf('_') + 1);

/**
 * The rules of issue #16, before anything is sent: days 1–30 where the offer is on pre-order (0 to
 * sell from stock), only points the store has, whole-tenge prices within the floor and ceiling when
 * the bot manages the price. Every violation is a message; an entry with any is not sent.
 */
export function checkEntry(entry: { price: number; points: readonly PreorderPoint[] }, ctx: EntryContext): Message[] {
  const errors: Message[] = [];
  if (!Number.isInteger(entry.price) || entry.price < 1 || entry.price > MAX_TENGE) errors.push(msg('preorders.price_whole', { price: String(entry.price) }));
  else if (ctx.bounds && entry.price < ctx.bounds.floor) errors.push(msg('preorders.price_below_floor', { price: entry.price, floor: ctx.bounds.floor }));
  else if (ctx.bounds && ctx.bounds.ceiling !== null && entry.price > ctx.bounds.ceiling) errors.push(msg('preorders.price_above_ceiling', { price: entry.price, ceiling: ctx.bounds.ceiling }));
  if (entry.points.length === 0) errors.push(msg('preorders.no_points'));
  const seen = new Set<string>();
  for (const p of entry.points) {
    const code = shortPoint(p.pointId);
    if (!ctx.storePoints.includes(p.pointId)) errors.push(msg('preorders.unknown_point', { point: code }));
    if (seen.has(p.pointId)) errors.push(msg('preorders.point_twice', { point: code }));
    seen.add(p.pointId);
    if (!Number.isInteger(p.days) || p.days < 0 || p.days > MAX_PREORDER_DAYS) errors.push(msg('preorders.days_range', { point: code, days: String(p.days) }));
    if (p.stock !== null && (!Number.isInteger(p.stock) || p.stock < 0)) errors.push(msg('preorders.stock_whole', { point: code, stock: String(p.stock) }));
  }
  if (ctx.newArticle && new Set(entry.points.map((p) => p.days)).size > 1) errors.push(msg('preorders.new_article_one_days'));
  if (ctx.newArticle && entry.points.every((p) => p.days === 0)) errors.push(msg('preorders.new_article_needs_days'));
  return errors;
}
