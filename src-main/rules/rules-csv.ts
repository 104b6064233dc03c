import type { Database } from 'better-sqlite3';
import type { CallOutput } from '../../src-shared/contract';
import {
  boolWord, CsvError, EXPORT_COLUMNS, exportFileName, formatStep, looksBinary, matchHeaders, noneWord, parseCsv, readRuleRow, RULE_COLUMNS, serialiseCsv, strategyWord,
} from '../../src-shared/csv';
import { msg } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';
import type { RuleRowPatch } from '../../src-shared/csv';
import { formatTenge } from '../../src-shared/pricing/format-tenge';
import { kzDate, kzDay } from '../../src-shared/domain/kazakhstan-time';
import { parseStored } from './resolve';
import type { StoredOverrides } from './resolve';
import { describeFieldError } from './rule-messages';
import type { RulesService } from './rules-service';
import { productsRepo } from '../db/repos/products-repo';
import type { ProductRulesEntry } from '../db/repos/products-repo';

type ImportResult = CallOutput<'rules.importCsv'>;
type ImportRow = ImportResult['rows'][number];

/** The fields a change list names; the renderer words them in the seller's language. */
export const CHANGE_FIELDS = ['floor', 'cost', 'ceiling', 'step', 'strategy', 'targetPosition', 'bot'] as const;

/** Display values of a product's own rules: '' means "not set here" (the store default applies). */
function describe(o: StoredOverrides, bot: boolean): Record<(typeof CHANGE_FIELDS)[number], string> {
  return {
    floor: o.floor?.kind === 'fixed' ? formatTenge(o.floor.price) : '',
    cost: o.floor?.kind === 'cost' ? formatTenge(o.floor.cost) : '',
    ceiling: o.ceiling === undefined ? '' : o.ceiling === null ? 'none' : formatTenge(o.ceiling),
    step: o.step ? (o.step.unit === 'percent' ? `${o.step.value}%` : formatTenge(o.step.value)) : '',
    strategy: o.strategy ?? '',
    targetPosition: o.targetPosition === undefined ? '' : String(o.targetPosition),
    bot: String(bot),
  };
}

/** Rules as a spreadsheet and back: export what each product sets; import with a preview, then in one transaction. */
export function createRulesCsv({ db, rules, now, onChanged }: { db: Database; rules: RulesService; now: () => Date; onChanged?: (ids: number[] | null) => void }) {
  const products = productsRepo(db);

  function exportCsv(storeId: number | undefined, language: 'ru' | 'en'): CallOutput<'rules.exportCsv'> {
    const header = EXPORT_COLUMNS.map((c) => RULE_COLUMNS[c][language]);
    const body = products.rulesCatalogue(storeId).map((p) => {
      const o = parseStored(p.rulesJson);
      const values: Record<(typeof EXPORT_COLUMNS)[number], string> = {
        store: p.storeName,
        sku: p.sku,
        title: p.title,
        floor: o.floor?.kind === 'fixed' ? String(o.floor.price) : '',
        cost: o.floor?.kind === 'cost' ? String(o.floor.cost) : '',
        ceiling: o.ceiling === undefined ? '' : o.ceiling === null ? noneWord(language) : String(o.ceiling),
        step: o.step ? formatStep(o.step) : '',
        strategy: o.strategy ? strategyWord(o.strategy, language) : '',
        targetPosition: o.targetPosition === undefined ? '' : String(o.targetPosition),
        bot: boolWord(p.botEnabled, language),
      };
      return EXPORT_COLUMNS.map((c) => values[c]);
    });
    // The seller's day, like every date the app writes (kazakhstan-time.ts).
    const date = kzDate(kzDay(now().getTime()));
    return { fileName: exportFileName(language, date), csv: serialiseCsv([header, ...body], ';') };
  }

  function fileError(message: Message): ImportResult {
    return { rows: [], fileErrors: [message], applied: 0 };
  }

  function importCsv(text: string, apply: boolean): ImportResult {
    if (text.replace(/^\uFEFF/, '').trim() === '') return fileError(msg('csv.empty'));
    if (looksBinary(text)) return fileError(msg('csv.binary'));
    let records;
    try {
      records = parseCsv(text).records;
    } catch (error) {
      if (error instanceof CsvError) return fileError(msg('csv.unreadable', { problem: error.userMessage }));
      throw error;
    }
    const [head, ...data] = records;
    if (!head) return fileError(msg('csv.empty'));
    const { columns, errors: headerErrors } = matchHeaders(head.cells);
    if (!columns.has('sku')) headerErrors.unshift(msg('csv.no_sku_column'));
    else if (!['floor', 'cost', 'ceiling', 'step', 'strategy', 'targetPosition', 'bot'].some((c) => columns.has(c as never))) {
      headerErrors.push(msg('csv.no_rule_columns'));
    }
    if (headerErrors.length > 0) return { rows: [], fileErrors: headerErrors, applied: 0 };
    if (data.length === 0) return fileError(msg('csv.header_only'));

    rules.resetCache();
    const bySku = new Map<string, ProductRulesEntry[]>();
    for (const p of products.rulesCatalogue()) {
      const list = bySku.get(p.sku);
      if (list) list.push(p); else bySku.set(p.sku, [p]);
    }
    const seen = new Map<number, number>();
    const planned: Array<{ id: number; rulesJson: string; botEnabled: boolean }> = [];
    const rows: ImportRow[] = data.map(({ line, cells }) => {
      const patch = readRuleRow(columns, cells);
      const row: ImportRow = { line, sku: patch.sku, productId: null, title: patch.title, changes: [], errors: [...patch.errors] };
      if (patch.sku === '') return row;
      const product = findProduct(bySku, patch, row.errors);
      if (!product) return row;
      row.productId = product.id;
      row.title = product.title;
      const earlier = seen.get(product.id);
      if (earlier !== undefined) {
        row.errors.push(msg('csv.row_repeats', { line: earlier }));
        return row;
      }
      seen.set(product.id, line);
      const current = parseStored(product.rulesJson);
      const next = nextOverrides(current, patch);
      const bot = patch.bot ?? product.botEnabled;
      if (row.errors.length === 0) row.errors.push(...rules.checkRules(product.storeId, next, bot).map(describeFieldError));
      const before = describe(current, product.botEnabled);
      const after = describe(next, bot);
      row.changes = CHANGE_FIELDS.filter((f) => before[f] !== after[f]).map((f) => ({ field: f, from: before[f], to: after[f] }));
      if (row.errors.length === 0 && row.changes.length > 0) planned.push({ id: product.id, rulesJson: JSON.stringify(next), botEnabled: bot });
      return row;
    });
    if (apply && planned.length > 0) {
      const at = now().toISOString();
      products.setRulesAndBot(planned, at);
      onChanged?.(planned.map((p) => p.id));
    }
    return { rows, fileErrors: [], applied: apply ? planned.length : 0 };
  }

  return { exportCsv, importCsv };
}

function findProduct(bySku: Map<string, ProductRulesEntry[]>, patch: RuleRowPatch, errors: Message[]): ProductRulesEntry | undefined {
  let candidates = bySku.get(patch.sku) ?? [];
  if (patch.store) {
    const store = patch.store.toLowerCase();
    candidates = candidates.filter((p) => p.storeName.toLowerCase() === store || p.merchantUid === patch.store);
  }
  if (candidates.length === 0) {
    errors.push(patch.store ? msg('csv.sku_not_in_store', { sku: patch.sku, store: patch.store }) : msg('csv.sku_not_found', { sku: patch.sku }));
    return undefined;
  }
  if (candidates.length > 1) {
    errors.push(msg('csv.sku_in_many_stores', { sku: patch.sku }));
    return undefined;
  }
  return candidates[0];
}

/** A cost from the file keeps the product's own fee settings; every other cell replaces its field. */
function nextOverrides(current: StoredOverrides, patch: RuleRowPatch): StoredOverrides {
  const next: StoredOverrides = { ...current, ...patch.set };
  if (patch.floor?.kind === 'cost' && current.floor?.kind === 'cost') next.floor = { ...current.floor, cost: patch.floor.cost };
  else if (patch.floor) next.floor = patch.floor;
  return next;
}
