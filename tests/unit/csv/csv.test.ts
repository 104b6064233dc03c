import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOM, CsvError, detectSeparator, looksBinary, parseCsv, serialiseCsv } from '../../../src-shared/csv';

describe('CSV parse and serialise', () => {
  it('strips the BOM Excel writes and detects `;` or `,` from the header line', () => {
    expect(parseCsv(`${BOM}SKU;Floor\r\nA;1\r\n`)).toEqual({ separator: ';', records: [{ line: 1, cells: ['SKU', 'Floor'] }, { line: 2, cells: ['A', '1'] }] });
    expect(parseCsv('SKU,Floor\nA,1\n').separator).toBe(',');
    expect(detectSeparator('"a;b",c,d\n1;2;3;4;5')).toBe(',');
  });

  it('reads quoted fields with separators, doubled quotes and line breaks, keeping line numbers', () => {
    const { records } = parseCsv('SKU;Title\n1;"Чайник; ""Tefal""\nбелый"\n\n2;x\n');
    expect(records).toEqual([
      { line: 1, cells: ['SKU', 'Title'] },
      { line: 2, cells: ['1', 'Чайник; "Tefal"\nбелый'] },
      { line: 5, cells: ['2', 'x'] },
    ]);
  });

  it('fails on an unclosed quote instead of swallowing the rest of the file', () => {
    expect(() => parseCsv('SKU;Floor\n"A;1\nB;2\n')).toThrow(CsvError);
  });

  it('writes a BOM, CRLF and quotes only where needed', () => {
    expect(serialiseCsv([['SKU', 'Title'], ['1', 'a;b'], ['2', 'say "hi"'], ['3', ' padded']])).toBe(
      `${BOM}SKU;Title\r\n1;"a;b"\r\n2;"say ""hi"""\r\n3;" padded"\r\n`,
    );
  });

  it('reads back whatever it writes, with either separator', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'я', ';', ',', '"', '\n', ' ', '1') , maxLength: 8 });
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(';' as const, ',' as const), (rows, sep) => {
      const header = ['SKU', 'Floor', 'Ceiling', 'Bot'].slice(0, rows[0]!.length);
      const all = [header, ...rows.map((r) => r.slice(0, header.length).concat(Array(Math.max(0, header.length - r.length)).fill('')))];
      // A line of one empty cell is skipped as blank; keep rows meaningful.
      const meaningful = all.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
      const parsed = parseCsv(serialiseCsv(meaningful, sep), sep).records.map((r) => r.cells);
      expect(parsed).toEqual(meaningful);
    }));
  });

  it('tells a spreadsheet binary from a text file', () => {
    expect(looksBinary('PK\u0003\u0004rest')).toBe(true);
    expect(looksBinary('SKU;Floor\n\u0000\u0001')).toBe(true);
    expect(looksBinary('Артикул;Минимальная цена\r\nA;1\t2\r\n')).toBe(false);
  });
});

describe('CSV formula injection (OWASP)', () => {
  it('prefixes a cell that starts with = + - @ tab or CR with an apostrophe, leaving plain negative numbers alone', () => {
    const text = serialiseCsv([['=1+1', '+1', '-A1', '@x', '\tx', '\rx', '-12', '-3,5', 'ok']]);
    expect(text).toBe(`${BOM}'=1+1;'+1;'-A1;'@x;'\tx;"'\rx";-12;-3,5;ok\r\n`);
  });

  it('reads back exactly what it wrote, whatever the cell starts with', () => {
    const cell = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', '1', ';', '"'), maxLength: 6 });
    fc.assert(fc.property(fc.array(cell, { minLength: 2, maxLength: 4 }), (row) => {
      const rows = [['SKU', 'A', 'B', 'C'].slice(0, row.length), row];
      expect(parseCsv(serialiseCsv(rows, ';'), ';').records.map((r) => r.cells)).toEqual(rows);
    }));
  });
});
