import type { DeliveryDuration } from '../../../src-shared/domain/offer';
import { applyPush, type OfferChange } from './pricefeed';
import { readPriceListSheet, type SheetRow } from './price-list-xlsx';
import type { MarketOffer } from './model';
import type { SimState } from './sim-state';

/**
 * The Excel price-list upload as a job (kaspi-api.md §5 "File upload"): the upload answers
 * `{id}` at once, the rows are judged and applied after `pushApplyDelayMs`, and
 * `GET /pricefeed/upload/merchant/upload/{id}` reports the job's status and each row's fate
 * [uncertain: no capture of a status endpoint; the shape is the simulator's, and the client also
 * reads the offers back]. A row is refused, alone, for: days outside 1–30, a PP column of a point
 * the merchant does not have, a price that is not whole tenge, or an article Kaspi cannot match
 * (an unknown SKU whose model names no catalogue product). Good rows of the same file still apply.
 */
export interface UploadJob {
  id: string;
  merchantUid: string;
  status: 'PROCESSING' | 'DONE';
  rows: Array<{ line: number; sku: string; status: 'OK' | 'ERROR'; message: string | null }>;
}

const POINT_COLUMNS = ['pp1', 'pp2', 'pp3', 'pp4', 'pp5'] as const;
const REQUIRED = ['sku', 'model', 'price', ...POINT_COLUMNS, 'preorder'];

/** The file's rows judged: changes to apply (with the new offers they need) and refusals. A whole-file problem is a string. */
export async function judgeXlsx(sim: SimState, uid: string, bytes: Uint8Array): Promise<string | { good: Array<{ line: number; change: OfferChange; create: MarketOffer | null }>; bad: UploadJob['rows'] }> {
  let sheet: Awaited<ReturnType<typeof readPriceListSheet>>;
  try {
    sheet = await readPriceListSheet(bytes);
  } catch {
    return 'the file is not a readable .xlsx workbook';
  }
  const missing = REQUIRED.filter((c) => !sheet.header.some((h) => h.toLowerCase() === c));
  if (missing.length > 0) return `columns missing: ${missing.join(', ')}`;
  if (sheet.rows.length === 0) return 'no rows after the header';
  const good: Array<{ line: number; change: OfferChange; create: MarketOffer | null }> = [];
  const bad: UploadJob['rows'] = [];
  const seen = new Set<string>();
  for (const row of sheet.rows) {
    const judged = judgeRow(sim, uid, row, seen);
    if (typeof judged === 'string') bad.push({ line: row.line, sku: row.cells.sku ?? '', status: 'ERROR', message: judged });
    else good.push({ line: row.line, ...judged });
  }
  return { good, bad };
}

function judgeRow(sim: SimState, uid: string, row: SheetRow, seen: Set<string>): string | { change: OfferChange; create: MarketOffer | null } {
  const c = row.cells;
  const sku = c.sku ?? '';
  if (!sku) return `row ${row.line}: SKU is empty`;
  if (seen.has(sku)) return `row ${row.line}: SKU ${sku} is listed twice`;
  seen.add(sku);
  const price = c.price ?? '';
  if (!/^[1-9]\d*$/.test(price)) return `row ${row.line}: price "${price}" must be a whole positive number`;
  const days = c.preorder ?? '';
  if (days !== '' && (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 30)) return `row ${row.line}: preorder "${days}" must be a whole number of days from 1 to 30`;
  const preOrder = days === '' ? 0 : Number(days);
  const merchant = sim.world.merchants.get(uid);
  const availabilities: NonNullable<OfferChange['availabilities']> = [];
  for (const col of POINT_COLUMNS) {
    const cell = (c[col] ?? '').toLowerCase();
    if (cell === '') continue;
    const code = col.toUpperCase();
    const point = merchant?.points.find((p) => p.name === code);
    if (!point) return `row ${row.line}: ${code} is not a point of sale of merchant ${uid}`;
    if (cell === 'no') availabilities.push({ available: 'no', storeId: point.id, stockCount: null, preOrder: 0 });
    else if (cell === 'yes') availabilities.push({ available: 'yes', storeId: point.id, stockCount: null, preOrder });
    else if (/^\d+$/.test(cell)) availabilities.push({ available: 'yes', storeId: point.id, stockCount: Number(cell), preOrder });
    else return `row ${row.line}: ${code} "${c[col]}" must be a stock count, yes or no`;
  }
  if (availabilities.length === 0) return `row ${row.line}: no point of sale is given (PP1..PP5)`;
  const change: OfferChange = { merchantUid: uid, sku, price: Number(price), availabilities };
  if (c.model) change.model = c.model;
  if (sim.world.ownOffer(uid, sku)) return { change, create: null };
  // A new article: Kaspi matches it to a catalogue card by its model (and brand when given).
  const model = (c.model ?? '').toLowerCase();
  const product = [...sim.world.products.values()].find((p) => p.title.toLowerCase() === model && (!c.brand || p.brand.toLowerCase() === c.brand.toLowerCase()));
  if (!product) return `row ${row.line}: SKU ${sku} is not an offer of merchant ${uid} and no catalogue card matches model "${c.model ?? ''}"`;
  if (sim.world.offer(product.masterSku, uid)) return `row ${row.line}: merchant ${uid} already sells ${product.masterSku} under another SKU`;
  const deliveryByCity = new Map<string, DeliveryDuration>(sim.world.cities.map((city) => [city.id, 'TOMORROW']));
  const create: MarketOffer = {
    productId: product.masterSku,
    merchantUid: uid,
    merchantSku: sku,
    model: c.model || product.title,
    basePrice: null,
    cityPrices: new Map(),
    availabilities: [],
    deliveryByCity,
    kaspiDelivery: false,
    purchaseCount: 0,
    away: false,
    bot: null,
    updatedAt: sim.clock.now(),
  };
  return { change, create };
}

/** Applies a judged file's good rows (creating the offers of new articles) and closes the job. */
export function finishJob(sim: SimState, job: UploadJob, good: Array<{ change: OfferChange; create: MarketOffer | null }>): void {
  for (const g of good) {
    if (g.create && !sim.world.ownOffer(job.merchantUid, g.change.sku)) sim.world.addOwnOffer(g.create);
    applyPush(sim, job.merchantUid, g.change, { wholeSet: false });
  }
  job.status = 'DONE';
}
