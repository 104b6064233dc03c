/**
 * Spreadsheet formula injection: a cell that starts with = + - @, a tab or a carriage return is
 * run as a formula by Excel and LibreOffice (OWASP "CSV Injection"). Every text cell an export
 * writes goes through here and gets a leading apostrophe, which the spreadsheet shows as text.
 * Numbers the app writes itself (whole tenge, counts) are not text cells and stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(value: string | null | undefined): string {
  const text = value ?? '';
  return FORMULA_START.test(text) ? `'${text}` : text;
}
