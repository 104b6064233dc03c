export { BOM, CsvError, detectSeparator, looksBinary, parseCsv, serialiseCsv } from './csv';
export { csvText } from './formula-guard';
export type { ParsedCsv, Separator } from './csv';
export * from './rules-columns';
export { readRuleRow } from './rules-row';
export type { RuleRowPatch } from './rules-row';
