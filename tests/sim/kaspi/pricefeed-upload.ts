import { json, springError, type Ctx } from './http';
import { applyPush, type OfferChange } from './pricefeed';
import { token, type McSession } from './sessions';
import type { PushRecord, SimState } from './sim-state';
import { finishJob, judgeXlsx, type UploadJob } from './upload-jobs';

/**
 * `POST /pricefeed/upload/merchant/upload?merchantUid={uid}`, multipart field `file` (kaspi-api.md
 * §5 "Related endpoints"): the XML price list of §9, or the Excel price list (SKU, model, brand,
 * price, PP1..PP5, preorder). The XML file is refused whole with 400 when any offer is wrong, like a
 * feed that must not be half-applied; the Excel file becomes a job (upload-jobs.ts) whose bad rows
 * are refused one by one while the good ones apply. Each offer (good row) is one change for the
 * 250-per-30-min budget, and the upload is one request for the per-second limit.
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
  const part = filePart(ctx.header('content-type') ?? '', await ctx.bytes());
  if (part === null) return fail(400, 'multipart field "file" is missing');
  if (isZip(part)) return excelUpload(sim, ctx, uid, part, record, fail);
  const file = part.toString('utf8');
  if (!file.includes('<kaspi_catalog')) return fail(400, 'the file is neither an XML price list (kaspi_catalog) nor an Excel (.xlsx) one');
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

/** An Excel price list: rows judged now, the good ones counted against the budget, applied as a job. */
async function excelUpload(sim: SimState, ctx: Ctx, uid: string, bytes: Buffer, record: PushRecord, fail: (status: number, message: string) => void): Promise<void> {
  const judged = await judgeXlsx(sim, uid, bytes);
  if (typeof judged === 'string') return fail(400, judged);
  record.body = { rows: judged.good.map((g) => g.change), refused: judged.bad };
  const lim = sim.limits.pushes;
  const now = sim.clock.now();
  for (let i = 0; i < judged.good.length; i++) {
    if (sim.changeHits.hit(uid, now, lim.maxChanges, sim.clock.scaled(lim.changesWindowMs))) {
      sim.pushBlocks.block(uid, now + sim.clock.scaled(lim.blockMs));
      return fail(429, 'more than maxChanges changes in the window');
    }
  }
  const job: UploadJob = {
    id: token(12),
    merchantUid: uid,
    status: 'PROCESSING',
    rows: [...judged.good.map((g) => ({ line: g.line, sku: g.change.sku, status: 'OK' as const, message: null })), ...judged.bad].sort((a, b) => a.line - b.line),
  };
  sim.uploadJobs.set(job.id, job);
  record.id = job.id;
  record.status = 200;
  json(ctx.res, 200, { id: job.id });
  sim.clock.after(sim.limits.pushApplyDelayMs, () => {
    finishJob(sim, job, judged.good);
    record.appliedAt = sim.clock.now();
  });
}

/** `GET /pricefeed/upload/merchant/upload/{id}?merchantUid=`: the job's status and its rows. */
export function uploadJobStatus(sim: SimState, ctx: Ctx, session: McSession, jobId: string): void {
  const uid = ctx.query.get('merchantUid') ?? ctx.query.get('m');
  const job = sim.uploadJobs.get(jobId);
  if (!uid || !session.merchantUids.includes(uid)) return springError(ctx, 403, 'Forbidden');
  if (!job || job.merchantUid !== uid) return springError(ctx, 404, 'Not Found');
  json(ctx.res, 200, { id: job.id, status: job.status, rows: job.status === 'DONE' ? job.rows : [] });
}

const isZip = (b: Buffer): boolean => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The bytes of the `file` part of a multipart/form-data body, or null. */
function filePart(contentType: string, body: Buffer): Buffer | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return null;
  const delimiter = Buffer.from(`--${b}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    const next = body.indexOf(delimiter, start);
    const part = body.subarray(start, next === -1 ? body.length : next);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1 && /name="file"/i.test(part.subarray(0, split).toString('utf8'))) {
      let content = part.subarray(split + 4);
      if (content.length >= 2 && content[content.length - 2] === 0x0d && content[content.length - 1] === 0x0a) content = content.subarray(0, content.length - 2);
      return content;
    }
    at = next;
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
