import { Workbook } from '@cj-tech-master/excelts';

/**
 * Kaspi's Excel price list (kaspi-api.md §9 "Excel variant", §5 "File upload"): the first sheet,
 * columns SKU, model, brand, price, PP1..PP5, preorder — all five PP columns present, a PP cell
 * holding the stock at that point as a number, or yes / no, and `preorder` the days until delivery
 * (empty: none). Built and read with excelts, a maintained xlsx library with no dependencies.
 */
export const PRICE_LIST_COLUMNS = ['SKU', 'model', 'brand', 'price', 'PP1', 'PP2', 'PP3', 'PP4', 'PP5', 'preorder'] as const;
export const POINT_CODES = ['PP1', 'PP2', 'PP3', 'PP4', 'PP5'] as const;
export type PointCode = (typeof POINT_CODES)[number];

/** A point's cell: on sale with a stock figure, on sale without one ("yes"), off sale ("no"), or no such point (""). */
export type PointCell = number | 'yes' | 'no' | '';

export interface PriceListRow {
  sku: string;
  model: string;
  brand: string;
  price: number;
  points: Record<PointCode, PointCell>;
  /** Days until delivery, 0 for none. */
  preorder: number;
}

/** The rows as an .xlsx file, ready to upload. */
export async function buildPriceListXlsx(rows: readonly PriceListRow[]): Promise<Uint8Array> {
  const book = new Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow([...PRICE_LIST_COLUMNS]);
  for (const r of rows) sheet.addRow([r.sku, r.model, r.brand, r.price, ...POINT_CODES.map((p) => r.points[p]), r.preorder > 0 ? r.preorder : '']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Any table as an .xlsx file (the export): the first row is the header. */
export async function buildXlsx(table: readonly (readonly (string | number)[])[]): Promise<Uint8Array> {
  const book = new Workbook();
  const sheet = book.addWorksheet('Sheet1');
  for (const row of table) sheet.addRow([...row]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The cells of an .xlsx file's first sheet as text, with 1-based row numbers; empty rows left out. Throws on a file that is not xlsx. */
export async function readXlsxCells(bytes: Uint8Array): Promise<Array<{ line: number; cells: string[] }>> {
  const book = new Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const out: Array<{ line: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = values.map(cellText);
    if (cells.some((c) => c.trim() !== '')) out.push({ line, cells });
  });
  return out;
}

/** A cell as the seller typed it: numbers in plain digits, rich text and formula results as their text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; text?: unknown; richText?: Array<{ text?: string }> };
    if (v.richText) return v.richText.map((t) => t.text ?? '').join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value);
}

/** True when the bytes start like a zip archive (every .xlsx is one). */
export const looksLikeXlsx = (bytes: Uint8Array): boolean => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
