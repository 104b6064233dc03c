import type { z } from 'zod';
import { MAX_TENGE } from '../../src-shared/domain/money';
import { isMessageCode, issueMessage, msg } from '../../src-shared/i18n';
import type { Message, MessageCode } from '../../src-shared/i18n';

/** A rules problem at one field, in the catalogue's words for the seller. */
export interface FieldError {
  /** The top-level rules field: floor, ceiling, step, strategy… */
  field: string;
  message: Message;
}

const FIELDS = [
  'rules', 'floor', 'ceiling', 'step', 'strategy', 'targetPosition', 'cities', 'excludedMerchantIds', 'deliveryFilter',
  'belowFloor', 'cooldownSeconds', 'maxChangesPerDay', 'maxDropPerChange', 'fees', 'botEnabled',
  'lowStockThreshold', 'lowStockRaise', 'preOrderStrategy',
] as const;
type Field = (typeof FIELDS)[number];

/** A field's name for the seller ("Минимальная цена"); an unknown one as it is spelled. */
const fieldLabel = (field: string): Message =>
  (FIELDS as readonly string[]).includes(field) ? msg(`rules.field.${field as Field}`) : msg('untranslated', { text: field });

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), input);

type Quantity = 'price' | 'amount' | 'percent' | 'position' | 'seconds' | 'count' | 'other';

/** What kind of number sits at a path, so a message can say "цена" or "сумма" whatever the schema wrote. */
function quantityAt(path: readonly PropertyKey[], input: unknown): Quantity {
  const [field] = path;
  const leaf = String(path.at(-1));
  const unit = valueAt(input, [...path.slice(0, -1), 'unit']);
  if (leaf === 'commissionPercent' || unit === 'percent') return 'percent';
  if (leaf === 'cost' || leaf === 'fixedFees' || path.includes('minMargin') || path.includes('fees')) return 'amount';
  if (field === 'ceiling' || leaf === 'price' || field === 'step' || field === 'maxDropPerChange') return 'price';
  if (field === 'targetPosition') return 'position';
  if (field === 'cooldownSeconds') return 'seconds';
  if (field === 'maxChangesPerDay' || field === 'lowStockThreshold') return 'count';
  return 'other';
}

/**
 * The one place a rules check becomes words for the seller. It reads the issue's code and path
 * (not the schema's wording, which may change) and quotes the bad value where that helps.
 */
function ruleIssueMessage(issue: z.core.$ZodIssue, input: unknown): FieldError {
  const field = String(issue.path[0] ?? 'rules');
  const value = valueAt(input, issue.path);
  const quantity = quantityAt(issue.path, input);
  const at = (message: Message): FieldError => ({ field, message });
  if (issue.code === 'custom' && issue.message === 'rules.floor_above_ceiling_at') {
    const { floor, ceiling } = (issue.params ?? {}) as { floor?: number; ceiling?: number };
    if (floor !== undefined && ceiling !== undefined) return at(msg('rules.floor_above_ceiling', { floor, ceiling }));
  }
  if (issue.code === 'custom' && issue.message === 'rules.fees_below_100') return at(msg('rules.fees_too_high'));
  if (field === 'floor' && value === undefined && issue.path.length <= 1) return at(msg('rules.no_floor'));
  if (field === 'strategy' && issue.code === 'invalid_value') return at(msg('rules.unknown_strategy', { value: String(value) }));
  if (field === 'belowFloor' && issue.code === 'invalid_value') return at(msg('rules.unknown_below_floor', { value: String(value) }));
  if (issue.code === 'invalid_type' && typeof value === 'number' && !Number.isInteger(value)) return at(msg(`rules.not_whole.${quantity}`));
  if (issue.code === 'invalid_type' && issue.expected === 'number') return at(msg('rules.number_needed', { field: fieldLabel(field), value: String(value) }));
  if (issue.code === 'too_small') return at(msg(`rules.too_small.${quantity}`));
  if (issue.code === 'too_big' && quantity === 'percent') return at(msg('rules.percent_max', { maximum: Number(issue.maximum) }));
  if (issue.code === 'too_big' && quantity === 'position') return at(msg('rules.position_max'));
  if (issue.code === 'too_big' && (quantity === 'price' || quantity === 'amount')) return at(msg(`rules.${quantity}_max`, { maximum: MAX_TENGE }));
  if (issue.code === 'unrecognized_keys') return at(msg('rules.unknown_fields', { keys: issue.keys.join(', ') }));
  if (issue.code === 'invalid_union' || issue.code === 'invalid_value') return at(msg('rules.bad_value', { field: fieldLabel(field) }));
  // The schema's own words for what is left (a percentage with three decimals, say).
  if (isMessageCode(issue.message)) return at(msg('rules.as_sentence', { problem: issueMessage(issue) }));
  return at(msg('rules.bad_value', { field: fieldLabel(field) }));
}

export function ruleErrorMessages(error: z.ZodError, input: unknown): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const e = ruleIssueMessage(issue, input);
    const key = `${e.field}|${JSON.stringify(e.message)}`;
    if (!seen.has(key)) { seen.add(key); out.push(e); }
  }
  return out;
}

/** Problems whose words already name the field (or need none): a list shows them as they are. */
const NAMES_ITS_FIELD = new Set<MessageCode>([
  'rules.floor_above_ceiling', 'rules.no_floor', 'rules.unknown_strategy', 'rules.number_needed', 'rules.bad_value', 'rules.field_problem',
]);

/** "Максимальная цена: цена должна быть целым числом тенге" — a line for lists, where the field is not next to it. */
export const describeFieldError = (e: FieldError): Message =>
  NAMES_ITS_FIELD.has(e.message.code) ? e.message : msg('rules.field_problem', { field: fieldLabel(e.field), problem: e.message });
