import { z } from 'zod';
import { price } from '../../../src-shared/domain/money';
import { cityId } from '../../../src-shared/domain/offer';
import { json, springError, type Ctx } from './http';
import type { McSession } from './sessions';
import { token } from './sessions';
import type { PushRecord, SimState } from './sim-state';

/**
 * `POST /pricefeed/upload/merchant/process` (kaspi-api.md §5). Body as INV captured it live, plus
 * the variants CDF and HAS send (top-level `price`, `stockEnabled`, `preOrder`). Prices are whole
 * tenge (§0). Limits per merchant account (§5, §10): more than `pushes.maxPerWindow` per window
 * or more than `maxChanges` accepted changes per `changesWindowMs` → 429 and a block of `blockMs`.
 */
const availability = z.object({
  available: z.enum(['yes', 'no']),
  storeId: z.string().min(1),
  stockCount: z.number().int().nonnegative().nullable().optional(),
  stockEnabled: z.boolean().optional(),
  preOrder: z.number().int().min(0).max(30).optional(),
});

export const pricefeedBody = z
  .object({
    merchantUid: z.string().min(1),
    sku: z.string().min(1),
    model: z.string().optional(),
    price: price.optional(),
    cityPrices: z.array(z.object({ cityId, value: price })).optional(),
    availabilities: z.array(availability).optional(),
    preOrder: z.number().int().min(0).max(30).optional(),
  })
  .refine((b) => b.price !== undefined || (b.cityPrices?.length ?? 0) > 0 || (b.availabilities?.length ?? 0) > 0, { message: 'nothing to change: send price, cityPrices or availabilities' });
export type PricefeedBody = z.infer<typeof pricefeedBody>;

export async function pricefeedProcess(sim: SimState, ctx: Ctx, session: McSession): Promise<void> {
  const now = sim.clock.now();
  const record: PushRecord = { id: null, at: now, ip: ctx.ip, merchantUid: null, sku: null, status: 0, body: null, appliedAt: null };
  sim.pushes.push(record);
  const reply = (status: number, error?: string): void => {
    record.status = status;
    if (error) record.error = error;
    if (status === 200) json(ctx.res, 200, { id: record.id });
    else if (status === 400) json(ctx.res, 400, { timestamp: new Date().toISOString(), status: 400, error: 'Bad Request', message: error, path: ctx.path });
    else springError(ctx, status, status === 429 ? 'Too Many Requests' : 'Forbidden');
  };

  let raw: unknown;
  try {
    raw = JSON.parse(await ctx.body());
  } catch {
    return reply(400, 'body is not JSON');
  }
  record.body = raw;
  const uid = typeof raw === 'object' && raw !== null && 'merchantUid' in raw ? String((raw as { merchantUid: unknown }).merchantUid) : null;
  record.merchantUid = uid;
  record.sku = typeof raw === 'object' && raw !== null && 'sku' in raw ? String((raw as { sku: unknown }).sku) : null;
  if (!uid || !session.merchantUids.includes(uid)) return reply(403, 'merchantUid is not one of this session');

  const lim = sim.limits.pushes;
  if (sim.pushBlocks.remaining(uid, now) > 0) return reply(429, 'merchant is blocked');
  if (sim.pushHits.hit(uid, now, lim.maxPerWindow, sim.clock.scaled(lim.windowMs))) {
    sim.pushBlocks.block(uid, now + sim.clock.scaled(lim.blockMs));
    return reply(429, 'too many requests per second');
  }

  const parsed = pricefeedBody.safeParse(raw);
  if (!parsed.success) return reply(400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const body = parsed.data;
  const offer = sim.world.ownOffer(uid, body.sku);
  if (!offer) return reply(400, `offer with sku ${body.sku} not found`);
  const merchant = sim.world.merchants.get(uid);
  const foreign = body.availabilities?.find((a) => !merchant?.points.some((p) => p.id === a.storeId));
  if (foreign) return reply(400, `storeId ${foreign.storeId} is not a point of merchant ${uid} (expected ${uid}_PPn)`);

  if (sim.changeHits.hit(uid, now, lim.maxChanges, sim.clock.scaled(lim.changesWindowMs))) {
    sim.pushBlocks.block(uid, now + sim.clock.scaled(lim.blockMs));
    return reply(429, 'more than maxChanges changes in the window');
  }

  record.id = token(12);
  reply(200);
  sim.clock.after(sim.limits.pushApplyDelayMs, () => {
    applyPush(sim, uid, body);
    record.appliedAt = sim.clock.now();
  });
}

/**
 * Applies an accepted push to the storefront. City prices set those cities; a lone `price` sets
 * the base price and drops city overrides. Availabilities, when sent, replace the whole set
 * (CDF omits them "to avoid removing product from real PPs", §5).
 */
export function applyPush(sim: SimState, uid: string, body: PricefeedBody): void {
  const offer = sim.world.ownOffer(uid, body.sku);
  if (!offer) return;
  if (body.cityPrices && body.cityPrices.length > 0) {
    if (body.price !== undefined) offer.basePrice = body.price;
    for (const cp of body.cityPrices) offer.cityPrices.set(cp.cityId, cp.value);
  } else if (body.price !== undefined) {
    offer.basePrice = body.price;
    offer.cityPrices.clear();
  }
  if (body.model) offer.model = body.model;
  if (body.availabilities && body.availabilities.length > 0) {
    offer.availabilities = body.availabilities.map((a) => ({ storeId: a.storeId, available: a.available, stockCount: a.stockCount ?? null, preOrder: a.preOrder ?? body.preOrder ?? 0 }));
  } else if (body.preOrder !== undefined) {
    for (const a of offer.availabilities) a.preOrder = body.preOrder;
  }
  offer.updatedAt = sim.clock.now();
  sim.world.changed(offer.productId, offer);
}
