import { describe, expect, it } from 'vitest';
import { csvText } from '../../../src-shared/csv';

describe('text cells of an export', () => {
  it('start with an apostrophe when a spreadsheet would run them as a formula', () => {
    for (const bad of ['=1+1', '+7 777', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) expect(csvText(bad)).toBe(`'${bad}`);
  });
  it('stay as they are otherwise, and empty for nothing', () => {
    for (const ok of ['Товар', '512345678', 'a=b', ' =x', '']) expect(csvText(ok)).toBe(ok);
    expect(csvText(null)).toBe('');
  });
});
