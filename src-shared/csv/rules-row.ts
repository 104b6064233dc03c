import type { ProductRuleOverrides } from '../domain/rules';
import { msg } from '../i18n/message';
import type { Message, MessageCode } from '../i18n/message';
import { columnName, NO_VALUE, parseBool, parseStep, parseStrategy, parseTenge } from './rules-columns';
import type { RuleColumn } from './rules-columns';

/** What one CSV line asks to change; an empty cell leaves the field as it is. */
export interface RuleRowPatch {
  sku: string;
  store: string | null;
  title: string | null;
  set: Partial<Pick<ProductRuleOverrides, 'ceiling' | 'step' | 'strategy' | 'targetPosition'>>;
  floor: { kind: 'fixed'; price: number } | { kind: 'cost'; cost: number } | null;
  bot: boolean | null;
  errors: Message[];
}

/** Cell problems whose words already name their field: shown without the column in front. */
const NAMES_ITS_FIELD = new Set<MessageCode>(['rules.unknown_strategy']);

/** Reads one data line against the matched header; every bad cell is reported, named by its column. */
export function readRuleRow(columns: ReadonlyMap<RuleColumn, number>, cells: readonly string[]): RuleRowPatch {
  const cell = (c: RuleColumn) => {
    const i = columns.get(c);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const errors: Message[] = [];
  const field = <T>(c: RuleColumn, parse: (raw: string) => { ok: true; value: T } | { ok: false; error: Message }): T | undefined => {
    const raw = cell(c);
    if (raw === '') return undefined;
    const r = parse(raw);
    if (r.ok) return r.value;
    errors.push(NAMES_ITS_FIELD.has(r.error.code) ? r.error : msg('csv.cell', { column: columnName(c), problem: r.error }));
    return undefined;
  };

  const patch: RuleRowPatch = { sku: cell('sku'), store: cell('store') || null, title: cell('title') || null, set: {}, floor: null, bot: null, errors };
  if (patch.sku === '') errors.push(msg('csv.no_sku'));

  const floor = field('floor', (raw) => parseTenge(raw));
  const cost = field('cost', (raw) => parseTenge(raw, { min: 0 }));
  if (floor !== undefined && cost !== undefined) errors.push(msg('csv.floor_and_cost'));
  else if (floor !== undefined) patch.floor = { kind: 'fixed', price: floor };
  else if (cost !== undefined) patch.floor = { kind: 'cost', cost };

  const ceiling = field('ceiling', (raw) => (NO_VALUE.includes(raw.toLowerCase()) ? { ok: true as const, value: null } : parseTenge(raw)));
  if (ceiling !== undefined) patch.set.ceiling = ceiling;
  const step = field('step', parseStep);
  if (step !== undefined) patch.set.step = step;
  const strategy = field('strategy', parseStrategy);
  if (strategy !== undefined) patch.set.strategy = strategy;
  const position = field('targetPosition', (raw) =>
    /^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 50 ? { ok: true as const, value: Number(raw) } : { ok: false as const, error: msg('csv.place', { raw }) },
  );
  if (position !== undefined) patch.set.targetPosition = position;
  const bot = field('bot', parseBool);
  if (bot !== undefined) patch.bot = bot;
  return patch;
}
