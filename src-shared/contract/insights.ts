import { z } from 'zod';
import { call } from './define';

const id = z.number().int().positive();

export const FLOOR_CONFIDENCES = ['high', 'medium', 'low'] as const;

/** The lowest price a rival held in one listing: its floor as far as the snapshots show. */
export const rivalFloor = z.object({ productId: id, cityId: z.string(), floor: z.number().int(), confidence: z.enum(FLOOR_CONFIDENCES) });

/** A rival merchant as the app's own looks at the storefront saw it (src-shared/insights/rival-scan.ts). */
export const rivalProfile = z.object({
  merchantId: z.string(),
  name: z.string(),
  products: z.number().int(),
  cities: z.array(z.string()),
  changes: z.number().int(),
  changesPerDay: z.number(),
  /** Median delay of its answers to our moves, and their interquartile range (ms); null: never answered. */
  reactionMedianMs: z.number().nullable(),
  reactionSpreadMs: z.number().nullable(),
  reactionSamples: z.number().int(),
  /** How far under the cheapest other offer it usually goes (₸). */
  usualStep: z.number().nullable(),
  /** Local hours (0-23) with at least 5% of its changes. */
  activeHours: z.array(z.number().int()),
  botScore: z.number(),
  bot: z.boolean(),
  floors: z.array(rivalFloor),
  firstSeenMs: z.number(),
  lastSeenMs: z.number(),
});
export type RivalProfileDto = z.infer<typeof rivalProfile>;

export const insightsCalls = {
  /** Every rival seen, or the rivals of one product (their floors there only); refreshed from the new snapshots first. */
  'insights.rivals': call(z.object({ productId: id.optional() }), z.object({ rivals: z.array(rivalProfile), refreshedAt: z.number() })),
};
