import type { Database } from 'better-sqlite3';
import { AppError } from '../../src-shared/contract';
import { BOM, CsvError, looksBinary, parseCsv, serialiseCsv } from '../../src-shared/csv';
import { checkEntry, type PreorderPoint } from '../../src-shared/domain/preorder';
import { msg } from '../../src-shared/i18n/message';
import type { Message } from '../../src-shared/i18n/message';
import { preordersRepo } from '../db/repos/preorders-repo';
import { buildXlsx, looksLikeXlsx, POINT_CODES, PRICE_LIST_COLUMNS, readXlsxCells } from '../kaspi/price-list-file';

export type FileFormat = 'xlsx' | 'csv';
/** Larger files are refused with a message (a price list of 10,000 rows is well under it). */
export const MAX_FILE_MB = 10;

export interface ImportRow {
  line: number;
  sku: string;
  productId: number | null;
  name: string | null;
  changes: Array<{ field: string; from: string; to: string }>;
  errors: Message[];
}

interface Parsed {
  storeId: number;
  merchantUid: string;
  rows: Array<ImportRow & { entry: { productId: number | null; sku: string; name: string; brand: string | null; price: number; points: PreorderPoint[] } | null; existingId: number | null }>;
}

const SKU_FORMAT = /^[A-Za-z0-9_-]{1,20}$/;

/**
 * The Pre-orders page's import and export (issue #16): Kaspi's price-list columns (SKU, model,
 * brand, price, PP1..PP5, preorder) as .xlsx or CSV; an import is a preview with each row's changes
 * and errors, then applied in one transaction (rows with errors are not applied), as the rules import.
 */
export function createPreordersFile(db: Database, now: () => Date, onChanged: (ids: number[]) => void) {
  const repo = preordersRepo(db);

  async function cellsOf(format: FileFormat, data: string): Promise<Array<{ line: number; cells: string[] }>> {
    if (data.length > MAX_FILE_MB * 1024 * 1024 * 1.4) throw new AppError('invalid_input', msg('preorders.file_too_big', { mb: MAX_FILE_MB }));
    if (format === 'xlsx') {
      const bytes = new Uint8Array(Buffer.from(data, 'base64'));
      if (!looksLikeXlsx(bytes)) throw new AppError('invalid_input', msg('preorders.file_unreadable', { problem: 'not an .xlsx workbook' }));
      try {
        return await readXlsxCells(bytes);
      } catch (error) {
        throw new AppError('invalid_input', msg('preorders.file_unreadable', { problem: error instanceof Error ? error.message.slice(0, 120) : 'unknown' }));
      }
    }
    if (looksBinary(data)) throw new AppError('invalid_input', msg('preorders.file_unreadable', { problem: 'binary, not CSV text' }));
    try {
      return parseCsv(data).records;
    } catch (error) {
      if (error instanceof CsvError) throw new AppError('invalid_input', error.userMessage);
      throw error;
    }
  }

  async function parse(input: { storeId?: number; format: FileFormat; data: string }): Promise<Parsed | { fileErrors: Message[] }> {
    const all = repo.stores();
    if (all.length === 0) return { fileErrors: [msg('preorders.no_stores')] };
    const store = input.storeId ? all.find((s) => s.id === input.storeId) : all.length === 1 ? all[0] : undefined;
    if (!store) return { fileErrors: [msg('preorders.choose_store')] };
    const records = await cellsOf(input.format, input.data);
    const [head, ...body] = records;
    const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
    const col = (name: string): number => header.indexOf(name.toLowerCase());
    const fileErrors: Message[] = [];
    if (col('sku') === -1) fileErrors.push(msg('preorders.file_no_sku'));
    if (col('preorder') === -1) fileErrors.push(msg('preorders.file_no_days'));
    if (fileErrors.length > 0) return { fileErrors };
    const points = repo.storePoints(store.id).map((p) => p.pointId);
    const seen = new Set<string>();
    const rows: Parsed['rows'] = body.map(({ line, cells }) => {
      const cell = (name: string): string => (col(name) === -1 ? '' : (cells[col(name)] ?? '').trim());
      const sku = cell('sku');
      const errors: Message[] = [];
      const product = repo.productBySku(store.id, sku);
      const existingId = repo.idBySku(store.id, sku);
      const existing = existingId === null ? null : repo.get(existingId);
      if (!product && !existing && !SKU_FORMAT.test(sku)) errors.push(msg('preorders.row_sku_format', { sku }));
      if (seen.has(sku)) errors.push(msg('preorders.row_sku_twice', { sku }));
      seen.add(sku);
      const daysText = cell('preorder');
      const days = daysText === '' ? 0 : Number(daysText);
      if (!/^\d*$/.test(daysText) || days > 30) errors.push(msg('preorders.row_days', { days: daysText }));
      const rowPoints: PreorderPoint[] = [];
      for (const code of POINT_CODES) {
        const value = cell(code);
        const lower = value.toLowerCase();
        if (value === '' || lower === 'no') continue;
        const pointId = `${store.merchantUid}_${code}`;
        if (lower === 'yes') rowPoints.push({ pointId, days, stock: null });
        else if (/^\d+$/.test(value)) rowPoints.push({ pointId, days, stock: Number(value) });
        else errors.push(msg('preorders.row_point_value', { point: code, value }));
      }
      if (rowPoints.length === 0 && errors.length === 0) errors.push(msg('preorders.row_no_point'));
      const name = cell('model') || product?.title || existing?.name || '';
      const priceText = cell('price');
      const price = priceText === '' ? (existing?.price ?? product?.price ?? NaN) : Number(priceText.replace(/\s/g, ''));
      if (!product && !existing && (!name || priceText === '')) errors.push(msg('preorders.row_new_needs_name', { sku }));
      const productId = product?.id ?? existing?.productId ?? null;
      const entry = { productId, sku, name, brand: cell('brand') || product?.brand || existing?.brand || null, price, points: rowPoints };
      if (errors.length === 0) errors.push(...checkEntry(entry, { storePoints: points, newArticle: productId === null, bounds: null }));
      const changes = describeChanges(existing, entry, productId === null);
      return { line, sku, productId, name: name || null, changes, errors, entry: errors.length === 0 ? entry : null, existingId };
    });
    return { storeId: store.id, merchantUid: store.merchantUid, rows };
  }

  return {
    async importFile(input: { storeId?: number; format: FileFormat; data: string; apply: boolean }): Promise<{ rows: ImportRow[]; fileErrors: Message[]; applied: number }> {
      const parsed = await parse(input);
      if ('fileErrors' in parsed) return { rows: [], fileErrors: parsed.fileErrors, applied: 0 };
      const rows = parsed.rows.map(({ entry: _entry, existingId: _existing, ...row }) => row);
      if (!input.apply) return { rows, fileErrors: [], applied: 0 };
      const ids = repo.saveMany(parsed.rows.flatMap((r) => (r.entry ? [{ existingId: r.existingId, entry: { storeId: parsed.storeId, ...r.entry } }] : [])), now().toISOString());
      onChanged(ids);
      return { rows, fileErrors: [], applied: ids.length };
    },

    async exportFile(format: FileFormat, ids?: readonly number[]): Promise<{ fileName: string; data: string }> {
      const entries = repo.list().filter((e) => !ids || ids.includes(e.id));
      const table: string[][] = [[...PRICE_LIST_COLUMNS]];
      for (const e of entries) {
        const cells = POINT_CODES.map((code) => {
          const p = e.points.find((x) => x.pointId.endsWith(`_${code}`));
          return p ? (p.stock === null ? 'yes' : String(p.stock)) : '';
        });
        const days = Math.max(0, ...e.points.map((p) => p.days));
        table.push([e.sku, e.name, e.brand ?? '', String(e.price), ...cells, days > 0 ? String(days) : '']);
      }
      const day = now().toISOString().slice(0, 10);
      if (format === 'csv') return { fileName: `preorders-${day}.csv`, data: BOM + serialiseCsv(table) };
      const numeric = table.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === 3 || (c >= 4 && /^\d+$/.test(v)) ? Number(v) : v))));
      return { fileName: `preorders-${day}.xlsx`, data: Buffer.from(await buildXlsx(numeric)).toString('base64') };
    },
  };
}

/** What a row would change, field by field, in plain values the renderer shows. */
function describeChanges(existing: { price: number; points: PreorderPoint[] } | null, entry: { price: number; points: PreorderPoint[] }, newArticle: boolean): ImportRow['changes'] {
  if (!existing) return [{ field: newArticle ? 'new_article' : 'new', from: '', to: entry.points.map((p) => `${short(p.pointId)}: ${p.days}`).join(', ') }];
  const changes: ImportRow['changes'] = [];
  if (existing.price !== entry.price) changes.push({ field: 'price', from: String(existing.price), to: String(entry.price) });
  const codes = new Set([...existing.points, ...entry.points].map((p) => p.pointId));
  for (const id of codes) {
    const before = existing.points.find((p) => p.pointId === id);
    const after = entry.points.find((p) => p.pointId === id);
    const text = (p: PreorderPoint | undefined): string => (p ? `${p.days}${p.stock === null ? '' : ` / ${p.stock}`}` : '—');
    if (text(before) !== text(after)) changes.push({ field: short(id), from: text(before), to: text(after) });
  }
  return changes;
}

const short = (pointId: string): string => pointId.slice(pointId.lastIndexOf('_') + 1);
