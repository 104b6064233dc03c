import { z } from 'zod';
import { call } from './define';
import { message } from '../i18n/message';

/** The seller's morning glance: what the bot did, where the catalogue stands, what needs a hand. */
export const overviewSummary = z.object({
  changesToday: z.number().int(),
  changesWeek: z.number().int(),
  /** Pushed or verified changes per local day, oldest first (14 days). */
  changesByDay: z.array(z.object({ day: z.string(), changes: z.number().int(), dryRun: z.number().int() })),
  products: z.object({
    total: z.number().int(),
    botOn: z.number().int(),
    /** Among products whose market was seen: in first place. */
    seen: z.number().int(),
    firstPlace: z.number().int(),
    atFloor: z.number().int(),
    noRivals: z.number().int(),
    rulesErrors: z.number().int(),
  }),
  positions: z.array(z.object({ position: z.string(), count: z.number().int() })),
  blockedStores: z.array(z.object({ storeId: z.number().int(), name: z.string(), until: z.number() })),
  storesNeedingLogin: z.array(z.object({ storeId: z.number().int(), name: z.string() })),
  proxies: z.object({ total: z.number().int(), cooling: z.number().int(), dead: z.number().int() }),
  recentErrors: z.array(z.object({ at: z.number(), message })),
});
export type OverviewSummary = z.infer<typeof overviewSummary>;

export const overviewCalls = {
  'overview.summary': call(z.object({}), overviewSummary),
};
