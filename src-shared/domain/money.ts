import { z } from 'zod';

/** Whole tenge. Kaspi accepts only integer prices (kaspi-api.md §0); money never goes through floats. */
export const tenge = z.number().int().nonnegative();
export type Tenge = z.infer<typeof tenge>;

/** Positive whole tenge: a price an offer can actually carry. */
export const price = z.number().int().min(1);

/**
 * The largest amount a rule accepts: Kaspi publishes no maximum price, and no product on it comes
 * near a billion tenge, so anything above is a typo or a decimal shift, refused before it is stored.
 */
export const MAX_TENGE = 1_000_000_000;
