import { z } from 'zod';

/** Whole tenge. Kaspi accepts only integer prices (kaspi-api.md §0); money never goes through floats. */
export const tenge = z.number().int().nonnegative();
export type Tenge = z.infer<typeof tenge>;

/** Positive whole tenge: a price an offer can actually carry. */
export const price = z.number().int().min(1);
