/** Latin letters are moved past the Cyrillic block (U+0400–U+04FF), as the Russian alphabet orders them. */
const LATIN_AFTER_CYRILLIC = 0x0500 - 0x61;
/** ё sorts as е (written by code point: Cyrillic literals belong to the message catalogue). */
const CYRILLIC_IE = String.fromCodePoint(0x0435);
/** Digit runs are compared by value: "9" before "10". Longer runs (barcodes) stay as they are. */
const NUMBER_WIDTH = 12;

/**
 * A text's key for sorting in SQLite the way a Russian reader orders it (Intl.Collator('ru',
 * { sensitivity: 'base', numeric: true }) on the titles and SKUs a catalogue has): case and
 * accents ignored, ё as е, numbers by value, Cyrillic before Latin. SQLite compares keys as bytes,
 * so the table sorts on an index instead of in JavaScript.
 */
export function sortKey(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/\u0451/g, CYRILLIC_IE)
    // Accents off Latin letters only: й and the Kazakh letters stay themselves.
    .normalize('NFD')
    .replace(/([a-z])\p{M}+/gu, '$1')
    .normalize('NFC');
  return folded
    .replace(/\d+/g, (digits) => (digits.length < NUMBER_WIDTH ? digits.padStart(NUMBER_WIDTH, '0') : digits))
    .replace(/[a-z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) + LATIN_AFTER_CYRILLIC));
}

/** What a search matches in: the title, the SKU and the catalogue id, lower-cased once. */
export const searchText = (title: string, sku: string, masterSku: string | null): string => `${title}\n${sku}\n${masterSku ?? ''}`.toLowerCase();
