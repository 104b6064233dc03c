import { json, springError, type Ctx } from './http';
import { applyPush, type OfferChange } from './pricefeed';
import { token, type McSession } from './sessions';
import type { PushRecord, SimState } from './sim-state';

/**
 * `POST /pricefeed/upload/merchant/upload?merchantUid={uid}`, multipart field `file` (kaspi-api.md
 * §5 "Related endpoints"): the XML price list of §9 uploaded by hand. Only the XML form is
 * simulated (the Excel form would need a spreadsheet reader). The whole file is refused with 400
 * when any offer is wrong, like a feed that must not be half-applied; each offer is one change
 * for the 250-per-30-min budget, and the upload is one request for the per-second limit.
 */
export async function pricefeedUpload(sim: SimState, ctx: Ctx, session: McSession): Promise<void> {
  const uid = ctx.query.get('merchantUid') ?? ctx.query.get('m');
  const now = sim.clock.now();
  const record: PushRecord = { id: null, at: now, ip: ctx.ip, merchantUid: uid, sku: null, status: 0, body: null, appliedAt: null };
  sim.pushes.push(record);
  const fail = (status: number, message: string): void => {
    record.status = status;
    record.error = message;
    if (status === 400) json(ctx.res, 400, { timestamp: new Date().toISOString(), status, error: 'Bad Request', message, path: ctx.path });
    else springError(ctx, status, status === 429 ? 'Too Many Requests' : 'Forbidden');
  };
  if (!uid || !session.merchantUids.includes(uid)) return fail(403, 'merchantUid is not one of this session');
  const lim = sim.limits.pushes;
  if (sim.pushBlocks.remaining(uid, now) > 0) return fail(429, 'merchant is blocked');
  if (sim.pushHits.hit(uid, now, lim.maxPerWindow, sim.clock.scaled(lim.windowMs))) {
    sim.pushBlocks.block(uid, now + sim.clock.scaled(lim.blockMs));
    return fail(429, 'too many requests per second');
  }
  const file = filePart(ctx.header('content-type') ?? '', await ctx.body());
  if (file === null) return fail(400, 'multipart field "file" is missing');
  if (!file.includes('<kaspi_catalog')) return fail(400, 'only the XML price list (kaspi_catalog) is simulated');
  const merchantId = /<merchantid>\s*([^<\s]+)\s*<\/merchantid>/.exec(file)?.[1];
  if (merchantId !== uid) return fail(400, `<merchantid> ${merchantId ?? '(none)'} is not ${uid}`);
  const { bodies, problems } = parseOffers(sim, uid, file);
  record.body = { offers: bodies };
  if (problems.length > 0) return fail(400, problems.join('; '));
  for (let i = 0; i < bodies.length; i++) {
    if (sim.changeHits.hit(uid, now, lim.maxChanges, sim.clock.scaled(lim.changesWindowMs))) {
      sim.pushBlocks.block(uid, now + sim.clock.scaled(lim.blockMs));
      return fail(429, 'more than maxChanges changes in the window');
    }
  }
  record.id = token(12);
  record.status = 200;
  json(ctx.res, 200, { id: record.id });
  sim.clock.after(sim.limits.pushApplyDelayMs, () => {
    for (const body of bodies) applyPush(sim, uid, body, { wholeSet: false });
    record.appliedAt = sim.clock.now();
  });
}

/** The text of the `file` part of a multipart/form-data body, or null. */
function filePart(contentType: string, body: string): string | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return null;
  for (const part of body.split(`--${b}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) continue;
    if (!/name="file"/i.test(part.slice(0, split))) continue;
    return part.slice(split + 4).replace(/\r\n$/, '');
  }
  return null;
}

/** §9 offers: sku, model, availabilities (short PPn store ids), price or cityprices. */
function parseOffers(sim: SimState, uid: string, xml: string): { bodies: OfferChange[]; problems: string[] } {
  const bodies: OfferChange[] = [];
  const problems: string[] = [];
  const merchant = sim.world.merchants.get(uid);
  const seen = new Set<string>();
  for (const m of xml.matchAll(/<offer\s+sku="([^"]*)"\s*>([\s\S]*?)<\/offer>/g)) {
    const sku = m[1] ?? '';
    const inner = m[2] ?? '';
    if (seen.has(sku)) problems.push(`duplicate sku ${sku}`);
    seen.add(sku);
    if (!sim.world.ownOffer(uid, sku)) problems.push(`offer with sku ${sku} not found`);
    const body: OfferChange = { merchantUid: uid, sku };
    const model = /<model>([\s\S]*?)<\/model>/.exec(inner)?.[1]?.trim();
    if (model) body.model = model;
    const price = /<price>\s*([^<]*?)\s*<\/price>/.exec(inner)?.[1];
    if (price !== undefined) {
      if (!/^[1-9]\d*$/.test(price)) problems.push(`${sku}: price "${price}" must be a whole positive number`);
      else body.price = Number(price);
    }
    const cityPrices = [...inner.matchAll(/<cityprice\s+cityId="([^"]*)"\s*>\s*([^<]*?)\s*<\/cityprice>/g)].map((c) => ({ cityId: c[1] ?? '', value: Number(c[2]) }));
    for (const c of cityPrices) if (!/^\d{9}$/.test(c.cityId) || !Number.isInteger(c.value) || c.value < 1) problems.push(`${sku}: bad cityprice ${c.cityId}`);
    if (cityPrices.length > 0) body.cityPrices = cityPrices;
    const availabilities = [...inner.matchAll(/<availability\s+([^>]*?)\/?>/g)].map((a) => {
      const attr = (name: string): string | undefined => new RegExp(`${name}="([^"]*)"`).exec(a[1] ?? '')?.[1];
      const store = attr('storeId') ?? '';
      const preOrder = Number(attr('preOrder') ?? 0);
      const stock = attr('stockCount');
      const available = attr('available');
      if (available !== 'yes' && available !== 'no') problems.push(`${sku}: available must be yes or no`);
      if (!merchant?.points.some((p) => p.name === store)) problems.push(`${sku}: storeId "${store}" is not a point code of ${uid} (PPn)`);
      if (!Number.isInteger(preOrder) || preOrder < 0 || preOrder > 30) problems.push(`${sku}: preOrder must be 0..30`);
      return { available: available === 'no' ? ('no' as const) : ('yes' as const), storeId: `${uid}_${store}`, stockCount: stock === undefined ? null : Number(stock), preOrder };
    });
    if (availabilities.length > 0) body.availabilities = availabilities;
    if (body.price === undefined && !body.cityPrices && !body.availabilities) problems.push(`${sku}: nothing to change`);
    bodies.push(body);
  }
  if (bodies.length === 0) problems.push('no <offer> elements');
  return { bodies, problems };
}
