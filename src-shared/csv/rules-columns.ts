import type { ProductRuleOverrides, Strategy } from '../domain/rules';
import { MAX_TENGE } from '../domain/money';
import { msg } from '../i18n/message';
import type { Message } from '../i18n/message';

/**
 * Columns of the rules CSV. Headers are matched by any alias, case and spacing aside. The words
 * here are the file's vocabulary (what sellers type in headers and cells), not messages: the
 * messages about a file are in the catalogue.
 */
export const RULE_COLUMNS = {
  store: { ru: 'Магазин', en: 'Store', aliases: ['магазин', 'store', 'shop', 'merchant'] },
  sku: { ru: 'Артикул', en: 'SKU', aliases: ['артикул', 'sku', 'код товара', 'vendor code', 'article'] },
  title: { ru: 'Название', en: 'Title', aliases: ['название', 'наименование', 'товар', 'title', 'name', 'product'] },
  floor: { ru: 'Минимальная цена', en: 'Floor', aliases: ['минимальная цена', 'минимум', 'мин цена', 'мин. цена', 'floor', 'min price', 'minimum price', 'minimum'] },
  cost: { ru: 'Себестоимость', en: 'Cost', aliases: ['себестоимость', 'закупочная цена', 'cost', 'cost price'] },
  ceiling: { ru: 'Максимальная цена', en: 'Ceiling', aliases: ['максимальная цена', 'максимум', 'макс цена', 'макс. цена', 'ceiling', 'max price', 'maximum price', 'maximum'] },
  step: { ru: 'Шаг', en: 'Step', aliases: ['шаг', 'шаг снижения', 'step'] },
  strategy: { ru: 'Стратегия', en: 'Strategy', aliases: ['стратегия', 'strategy'] },
  targetPosition: { ru: 'Целевое место', en: 'Target position', aliases: ['целевое место', 'место', 'target position', 'position', 'target place'] },
  bot: { ru: 'Бот', en: 'Bot', aliases: ['бот', 'bot', 'демпинг', 'автоцена'] },
} as const;
export type RuleColumn = keyof typeof RULE_COLUMNS;
export const EXPORT_COLUMNS: RuleColumn[] = ['store', 'sku', 'title', 'floor', 'cost', 'ceiling', 'step', 'strategy', 'targetPosition', 'bot'];

export const STRATEGY_WORDS: Record<Strategy, { ru: string; en: string; aliases: string[] }> = {
  undercut: { ru: 'Ниже конкурента', en: 'undercut', aliases: ['ниже конкурента', 'ниже', 'снижать', 'демпинг', 'undercut'] },
  match: { ru: 'Как у конкурента', en: 'match', aliases: ['как у конкурента', 'равняться', 'как у лучшего', 'match'] },
  top_n: { ru: 'Держать место', en: 'top_n', aliases: ['держать место', 'место', 'топ-n', 'топ n', 'top_n', 'top-n', 'top n'] },
  monitor: { ru: 'Наблюдение', en: 'monitor', aliases: ['наблюдение', 'только наблюдение', 'мониторинг', 'monitor', 'watch'] },
};

const norm = (s: string) => s.toLowerCase().replace(/[\u00A0\u202F\s]+/g, ' ').replace(/[(),]*\s*(₸|тг|kzt)\s*\)?$/u, '').trim();

/** Maps header cells to columns; unknown headers are ignored, a repeated column is an error. */
export function matchHeaders(cells: readonly string[]): { columns: Map<RuleColumn, number>; errors: Message[] } {
  const columns = new Map<RuleColumn, number>();
  const errors: Message[] = [];
  cells.forEach((cell, index) => {
    const h = norm(cell);
    const entry = (Object.entries(RULE_COLUMNS) as Array<[RuleColumn, (typeof RULE_COLUMNS)[RuleColumn]]>).find(([, c]) => (c.aliases as readonly string[]).includes(h));
    if (!entry) return;
    if (columns.has(entry[0])) errors.push(msg('csv.column_twice', { column: columnName(entry[0]) }));
    else columns.set(entry[0], index);
  });
  return { columns, errors };
}

/** A column's name in the seller's language (the catalogue's `csv.column.*`). */
export const columnName = (column: RuleColumn): Message => msg(`csv.column.${column}`);

type Parsed<T> = { ok: true; value: T } | { ok: false; error: Message };
const bad = (error: Message): Parsed<never> => ({ ok: false, error });

export type TengeProblem = 'not_number' | 'fraction' | 'negative' | 'too_small' | 'too_big';

/** "12 990", "12990 ₸", "12 990,00 тг" → 12990; anything else is named by what is wrong with it. */
export function readTenge(raw: string, min = 1): { ok: true; value: number } | { ok: false; problem: TengeProblem } {
  const text = raw.replace(/[\u00A0\u202F\s]/g, '').replace(/(₸|тг\.?|kzt)$/iu, '');
  if (!/^[-+]?\d+([.,]\d+)?$/.test(text)) return { ok: false, problem: 'not_number' };
  const [whole, fraction = ''] = text.split(/[.,]/);
  const value = Number(whole);
  if (value < 0 || text.startsWith('-')) return { ok: false, problem: 'negative' };
  if (/[1-9]/.test(fraction)) return { ok: false, problem: 'fraction' };
  if (!Number.isSafeInteger(value) || value > MAX_TENGE) return { ok: false, problem: 'too_big' };
  if (value < min) return { ok: false, problem: 'too_small' };
  return { ok: true, value };
}

/** readTenge with the problem in words, quoting the cell (the CSV preview); `what` names the quantity. */
export function parseTenge(raw: string, { min = 1, what = 'price' }: { min?: number; what?: 'price' | 'step' } = {}): Parsed<number> {
  const r = readTenge(raw, min);
  if (r.ok) return r;
  const q = raw.trim();
  const words: Record<TengeProblem, Message> = {
    not_number: msg('csv.not_a_number', { raw: q }),
    fraction: msg('csv.fraction', { what, raw: q }),
    negative: msg('csv.negative', { what, raw: q }),
    too_small: msg('csv.too_small', { what, min, raw: q }),
    too_big: msg('csv.too_big', { what, max: MAX_TENGE, raw: q }),
  };
  return bad(words[r.problem]);
}

export type StepValue = NonNullable<ProductRuleOverrides['step']>;

/** "10", "10 ₸" → 10 tenge; "2,5%" → 2.5 percent. */
export function parseStep(raw: string): Parsed<StepValue> {
  const text = raw.replace(/[\u00A0\u202F\s]/g, '');
  if (text.endsWith('%')) {
    const n = text.slice(0, -1).replace(',', '.');
    if (!/^\d+(\.\d{1,2})?$/.test(n)) return bad(msg('csv.step_percent_format', { raw: raw.trim() }));
    const value = Number(n);
    if (value <= 0 || value > 100) return bad(msg('csv.step_percent_range', { raw: raw.trim() }));
    return { ok: true, value: { unit: 'percent', value } };
  }
  const t = parseTenge(raw, { what: 'step' });
  return t.ok ? { ok: true, value: { unit: 'tenge', value: t.value } } : t;
}

export function parseStrategy(raw: string): Parsed<Strategy> {
  const h = norm(raw);
  const hit = (Object.entries(STRATEGY_WORDS) as Array<[Strategy, (typeof STRATEGY_WORDS)[Strategy]]>).find(([, w]) => w.aliases.includes(h));
  return hit ? { ok: true, value: hit[0] } : bad(msg('rules.unknown_strategy', { value: raw.trim() }));
}

const YES = ['да', 'вкл', 'включен', 'включён', 'yes', 'y', 'on', 'true', '1', '+'];
const NO = ['нет', 'выкл', 'выключен', 'no', 'n', 'off', 'false', '0', '-'];
export function parseBool(raw: string): Parsed<boolean> {
  const h = norm(raw);
  if (YES.includes(h)) return { ok: true, value: true };
  if (NO.includes(h)) return { ok: true, value: false };
  return bad(msg('csv.yes_or_no', { raw: raw.trim() }));
}

export const NO_VALUE = ['нет', 'none', 'no', '-', '—', 'без максимума'];

export const formatStep = (step: StepValue): string => (step.unit === 'percent' ? `${step.value}%` : String(step.value));
export const strategyWord = (s: Strategy, language: 'ru' | 'en'): string => STRATEGY_WORDS[s][language];
export const boolWord = (b: boolean, language: 'ru' | 'en'): string => (language === 'ru' ? (b ? 'да' : 'нет') : b ? 'yes' : 'no');
/** "No ceiling" as the export writes it (NO_VALUE reads it back). */
export const noneWord = (language: 'ru' | 'en'): string => (language === 'ru' ? 'нет' : 'none');
/** The export's file name, in the file's language: правила-2026-12-01.csv. */
export const exportFileName = (language: 'ru' | 'en', date: string): string => `${language === 'ru' ? 'правила' : 'rules'}-${date}.csv`;
