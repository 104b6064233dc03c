import { msg } from '../i18n/message';
import { MessageError } from '../i18n/message-error';

/** Excel opens a UTF-8 CSV as UTF-8 only when it starts with a byte order mark. */
export const BOM = '\uFEFF';

export type Separator = ';' | ',';

export interface ParsedCsv {
  separator: Separator;
  /** Records with their 1-based line number in the file (a quoted field may span lines). */
  records: Array<{ line: number; cells: string[] }>;
}

/** A file that cannot be read as CSV; the message says where. */
export class CsvError extends MessageError {}

/**
 * The separator is whichever of `;` and `,` splits the header line into more fields outside
 * quotes: Russian Excel writes `;`, most other tools `,`.
 */
export function detectSeparator(text: string): Separator {
  const count = (sep: string) => {
    let n = 0;
    let quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) break;
      else if (!quoted && ch === sep) n++;
    }
    return n;
  };
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

/**
 * RFC 4180 with the usual tolerance: a BOM, CRLF or LF, `""` inside quotes, blank lines skipped;
 * the apostrophe our export puts before a formula-like cell is taken off again.
 */
export function parseCsv(input: string, separator: Separator = detectSeparator(input.replace(/^\uFEFF/, ''))): ParsedCsv {
  const text = input.replace(/^\uFEFF/, '');
  const records: ParsedCsv['records'] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    cells.push(cell);
    cells = cells.map(restoreCell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) { quoted = true; fieldStarted = true; continue; }
    if (ch === separator) { cells.push(cell); cell = ''; fieldStarted = false; continue; }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    cell += ch;
    if (ch.trim() !== '') fieldStarted = true;
  }
  if (quoted) throw new CsvError(msg('csv.unclosed_quote', { line: recordLine }));
  if (cell !== '' || cells.length > 0) endRecord();
  return { separator, records };
}

/**
 * OWASP's rule against CSV formula injection: titles and store names come from Kaspi, so anyone
 * selling there writes them, and Excel runs a cell that starts with = + - @ (or a tab or CR
 * before one) as a formula. Such a cell is written with a leading apostrophe; so is a cell that
 * already starts with an apostrophe the reader would strip, so reading undoes it exactly.
 * A plain negative number is data, not a formula, and is written as is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-\d+([.,]\d+)?$/;

export function restoreCell(value: string): string {
  return value.startsWith("'") && (FORMULA_START.test(value.slice(1)) || value[1] === "'") ? value.slice(1) : value;
}

export function neutraliseCell(value: string): string {
  if (PLAIN_NUMBER.test(value)) return value;
  return FORMULA_START.test(value) || restoreCell(value) !== value ? `'${value}` : value;
}

const needsQuotes = (value: string, separator: string) => value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim();

/** A CSV Excel opens correctly and safely: BOM, CRLF, fields quoted only when they must be, formulas neutralised. */
export function serialiseCsv(rows: ReadonlyArray<readonly string[]>, separator: Separator = ';'): string {
  const cell = (raw: string) => {
    const value = neutraliseCell(raw);
    return needsQuotes(value, separator) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const body = rows
    .map((row) => row.map(cell).join(separator))
    .join('\r\n');
  return `${BOM}${body}\r\n`;
}

/** A text file, not a spreadsheet binary or an image renamed to .csv. */
export function looksBinary(text: string): boolean {
  if (text.startsWith('PK\u0003\u0004') || text.startsWith('\u00D0\u00CF\u0011\u00E0')) return true;
  // eslint-disable-next-line no-control-regex
  const controls = text.slice(0, 4096).match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g);
  return (controls?.length ?? 0) > 0;
}
