import { Workbook } from '@cj-tech-master/excelts';

/**
 * Reads Kaspi's Excel price list (kaspi-api.md §5 "File upload", §9 "Excel variant") the way the
 * simulator's upload job takes it: the first sheet, a header row naming SKU, model, brand, price,
 * PP1..PP5 and preorder (in any order, case-insensitive), one offer per row after it. Cells come
 * back as the text the seller typed; the job judges each row.
 */
export interface SheetRow {
  line: number;
  cells: Record<string, string>;
}

export async function readPriceListSheet(bytes: Uint8Array): Promise<{ header: string[]; rows: SheetRow[] }> {
  const book = new Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const lines: Array<{ line: number; cells: string[] }> = [];
  sheet?.eachRow({ includeEmpty: false }, (row, line) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells: string[] = [];
    for (let i = 0; i < values.length; i++) cells.push(cellText(values[i]));
    if (cells.some((c) => c.trim() !== '')) lines.push({ line, cells });
  });
  const [first, ...rest] = lines;
  const header = (first?.cells ?? []).map((h) => h.trim());
  const keys = header.map((h) => h.toLowerCase());
  return { header, rows: rest.map((r) => ({ line: r.line, cells: Object.fromEntries(keys.map((k, i) => [k, (r.cells[i] ?? '').trim()])) })) };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') {
    const v = value as { result?: unknown; text?: unknown; richText?: Array<{ text?: string }> };
    if (v.richText) return v.richText.map((t) => t.text ?? '').join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value);
}
