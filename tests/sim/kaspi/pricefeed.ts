import { z } from 'zod';
import { price } from '../../../src-shared/domain/money';
import { cityId } from '../../../src-shared/domain/offer';
import { isMessageCode, issueMessage, renderMessage } from '../../../src-shared/i18n';
import { json, springError, type Ctx } from './http';
import type { Availability, MarketOffer } from './model';
import type { McSession } from './sessions';
import { token } from './sessions';
import type { PushRecord, SimState } from './sim-state';

/**
 * `POST /pricefeed/upload/merchant/process` (kaspi-api.md §5), as strict as the live captures:
 *  - the body INV captured live: `merchantUid`, `sku`, `model`, `availabilities[{available,
 *    storeId, stockCount, preOrder?}]`, `cityPrices[{cityId, value}]`. The code-only variants
 *    (top-level `price` or `preOrder`, `stockEnabled`) are refused: the research is unsure of
 *    them, so a client must not lean on them;
 *  - prices are whole tenge (§0); a city must hold one of the merchant's points; a `storeId` must
 *    be one of the merchant's points (`{uid}_PPn`), once;
 *  - `availabilities` replace the offer's set: a point left out (or a body without any) goes off
 *    sale there, which is how a push without them took offers off sale live ("Не указано наличие в
 *    прайс листе", INV). Accepted, not refused: Kaspi answered those pushes with 200.
 * Limits per merchant account (§5, §10): more than `pushes.maxPerWindow` per window or more than
 * `maxChanges` accepted changes per `changesWindowMs` → 429 and a block of `blockMs`.
 */
const availability = z.strictObject({
  available: z.enum(['yes', 'no']),
  storeId: z.string().min(1),
  stockCount: z.number().int().nonnegative().nullable().optional(),
  preOrder: z.number().int().min(0).max(30).optional(),
});

const processBody = z.strictObject({
  merchantUid: z.string().min(1),
  sku: z.string().min(1),
  model: z.string().optional(),
  cityPrices: z.array(z.strictObject({ cityId, value: price })).min(1, 'cityPrices: at least one city price is required'),
  availabilities: z.array(availability).optional(),
});

/** Fields working code sends that the live captures do not: named in the refusal. */
const NOT_LIVE: Record<string, string> = {
  price: 'top-level price is not the captured shape: send cityPrices[{cityId, value}]',
  preOrder: 'top-level preOrder is not the captured shape: send preOrder per availability',
};

/** One offer's change as the storefront applies it: a /process body or one offer of an XML upload. */
export interface OfferChange {
  merchantUid: string;
  sku: string;
  model?: string;
  /** XML price lists only (§9 `<price>`): the price of every city without its own. */
  price?: number;
  cityPrices?: { cityId: string; value: number }[];
  /** The offer's whole set of points; points left out go off sale. Absent in an XML offer: unchanged. */
  availabilities?: { available: 'yes' | 'no'; storeId: string; stockCount?: number | null; preOrder?: number }[];
}

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

  const problem = bodyProblem(sim, uid, raw);
  if (typeof problem === 'string') return reply(400, problem);
  const body = problem.body;

  if (sim.changeHits.hit(uid, now, lim.maxChanges, sim.clock.scaled(lim.changesWindowMs))) {
    sim.pushBlocks.block(uid, now + sim.clock.scaled(lim.blockMs));
    return reply(429, 'more than maxChanges changes in the window');
  }

  record.id = token(12);
  record.offSale = leftOut(problem.offer, body);
  reply(200);
  sim.clock.after(sim.limits.pushApplyDelayMs, () => {
    applyPush(sim, uid, body);
    record.appliedAt = sim.clock.now();
  });
}

/** What is wrong with a /process body (400 message), or the body and its offer. */
function bodyProblem(sim: SimState, uid: string, raw: unknown): string | { body: OfferChange; offer: MarketOffer } {
  const notLive = Object.keys(NOT_LIVE).filter((k) => typeof raw === 'object' && raw !== null && k in raw);
  if (notLive.length > 0) return notLive.map((k) => NOT_LIVE[k]).join('; ');
  const rawAvailabilities = (raw as { availabilities?: unknown }).availabilities;
  if (Array.isArray(rawAvailabilities) && rawAvailabilities.some((a) => typeof a === 'object' && a !== null && 'stockEnabled' in a)) {
    return 'availabilities[].stockEnabled is not the captured shape: send stockCount (a number, or null when stock is not kept)';
  }
  const parsed = processBody.safeParse(raw);
  // A shared schema names its problem by catalogue code; Kaspi answers in English words.
  const said = (i: z.core.$ZodIssue) => (isMessageCode(i.message) ? renderMessage(issueMessage(i), 'en') : i.message);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${said(i)}`).join('; ');
  const body = parsed.data;
  const offer = sim.world.ownOffer(uid, body.sku);
  if (!offer) return `offer with sku ${body.sku} not found`;
  const points = sim.world.merchants.get(uid)?.points ?? [];
  const stores = (body.availabilities ?? []).map((a) => a.storeId);
  const foreign = stores.find((s) => !points.some((p) => p.id === s));
  if (foreign) return `storeId ${foreign} is not a point of merchant ${uid} (expected ${uid}_PPn)`;
  const twice = stores.find((s, i) => stores.indexOf(s) !== i);
  if (twice) return `storeId ${twice} is listed twice`;
  const cities = body.cityPrices.map((c) => c.cityId);
  const pointless = cities.find((c) => !points.some((p) => p.cityId === c));
  if (pointless) return `city ${pointless} has no point of sale of merchant ${uid}`;
  const twiceCity = cities.find((c, i) => cities.indexOf(c) !== i);
  if (twiceCity) return `city ${twiceCity} is listed twice`;
  return { body, offer };
}

/** Points where the offer is on sale now and the body leaves out: they go off sale. */
function leftOut(offer: MarketOffer, body: OfferChange): string[] {
  const sent = new Set((body.availabilities ?? []).map((a) => a.storeId));
  return offer.availabilities.filter((a) => a.available === 'yes' && !sent.has(a.storeId)).map((a) => a.storeId);
}

/**
 * Applies an accepted change to the storefront. City prices set those cities (cities left out keep
 * theirs); an XML `<price>` alone sets the base price and drops city overrides. Availabilities, when
 * a /process body is applied, are the whole set: points left out stay listed, off sale.
 */
export function applyPush(sim: SimState, uid: string, body: OfferChange, opts: { wholeSet?: boolean } = { wholeSet: true }): void {
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
  if (body.availabilities || opts.wholeSet) offer.availabilities = nextAvailabilities(offer.availabilities, body.availabilities ?? []);
  offer.updatedAt = sim.clock.now();
  sim.world.changed(offer.productId, offer);
}

function nextAvailabilities(before: Availability[], sent: NonNullable<OfferChange['availabilities']>): Availability[] {
  const next: Availability[] = sent.map((a) => ({ storeId: a.storeId, available: a.available, stockCount: a.stockCount ?? null, preOrder: a.preOrder ?? 0 }));
  for (const old of before) if (!next.some((a) => a.storeId === old.storeId)) next.push({ ...old, available: 'no' });
  return next;
}
