import type { z } from 'zod';
import { formatTenge } from '../../src-shared/pricing/format-tenge';
import { MAX_TENGE_TEXT } from '../../src-shared/domain/money';

/** A rules problem at one field, worded for a Russian-speaking seller. */
export interface FieldError {
  /** The top-level rules field: floor, ceiling, step, strategy… */
  field: string;
  message: string;
}

const FIELD_LABELS: Record<string, string> = {
  floor: 'Минимальная цена',
  ceiling: 'Максимальная цена',
  step: 'Шаг',
  strategy: 'Стратегия',
  targetPosition: 'Целевое место',
  cities: 'Города',
  excludedMerchantIds: 'Исключённые продавцы',
  deliveryFilter: 'Фильтр по доставке',
  belowFloor: 'Если конкурент ниже минимума',
  cooldownSeconds: 'Пауза между изменениями',
  maxChangesPerDay: 'Лимит изменений в день',
  maxDropPerChange: 'Макс. снижение за раз',
  fees: 'Комиссии',
  botEnabled: 'Бот',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

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
  if (field === 'maxChangesPerDay') return 'count';
  return 'other';
}

const NOT_WHOLE: Record<Quantity, string> = {
  price: 'Цена должна быть целым числом тенге',
  amount: 'Сумма должна быть целым числом тенге',
  percent: 'Процент должен быть числом',
  position: 'Место — целое число',
  seconds: 'Пауза — целое число секунд',
  count: 'Лимит — целое число',
  other: 'Нужно целое число',
};
const TOO_SMALL: Record<Quantity, string> = {
  price: 'Цена должна быть не меньше 1 ₸',
  amount: 'Сумма не может быть отрицательной',
  percent: 'Процент не может быть отрицательным или нулевым',
  position: 'Место начинается с 1',
  seconds: 'Пауза не может быть отрицательной',
  count: 'Лимит должен разрешать хотя бы одно изменение',
  other: 'Слишком маленькое значение',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The one place a rules check becomes words for the seller. It reads the issue's code and path
 * (not the schema's wording, which may change) and quotes the bad value where that helps.
 */
export function ruleIssueToRussian(issue: z.core.$ZodIssue, input: unknown): FieldError {
  const field = String(issue.path[0] ?? 'rules');
  const value = valueAt(input, issue.path);
  const quantity = quantityAt(issue.path, input);
  if (issue.code === 'custom' && field === 'ceiling') {
    const [floor, ceiling] = (issue.message.match(/\d+/g) ?? []).map(Number);
    if (floor !== undefined && ceiling !== undefined) {
      return { field, message: `Минимальная цена выше максимальной (${formatTenge(floor)} > ${formatTenge(ceiling)})` };
    }
  }
  if (issue.code === 'custom' && field === 'floor') return { field, message: 'Комиссия и маржа вместе должны быть меньше 100 %' };
  if (field === 'floor' && value === undefined && issue.path.length <= 1) return { field, message: 'Не задана минимальная цена' };
  if (field === 'strategy' && issue.code === 'invalid_value') return { field, message: `Неизвестная стратегия «${String(value)}»` };
  if (field === 'belowFloor' && issue.code === 'invalid_value') return { field, message: `Неизвестное правило «${String(value)}»` };
  if (issue.code === 'invalid_type' && typeof value === 'number' && !Number.isInteger(value)) return { field, message: NOT_WHOLE[quantity] };
  if (issue.code === 'invalid_type' && issue.expected === 'number') return { field, message: `${fieldLabel(field)}: нужно число, а не «${String(value)}»` };
  if (issue.code === 'too_small') return { field, message: TOO_SMALL[quantity] };
  if (issue.code === 'too_big' && quantity === 'percent') return { field, message: `Процент не может быть больше ${String(issue.maximum)}` };
  if (issue.code === 'too_big' && quantity === 'position') return { field, message: 'Место — не дальше 50-го' };
  if (issue.code === 'too_big' && (quantity === 'price' || quantity === 'amount')) {
    return { field, message: `${quantity === 'price' ? 'Цена' : 'Сумма'} не может быть больше ${MAX_TENGE_TEXT}` };
  }
  if (issue.code === 'custom' && quantity === 'percent') return { field, message: capitalise(issue.message) };
  if (issue.code === 'unrecognized_keys') return { field, message: `Неизвестные поля: ${issue.keys.join(', ')}` };
  if (issue.code === 'invalid_union' || issue.code === 'invalid_value') return { field, message: `${fieldLabel(field)}: неверное значение` };
  if (/[а-яё]/i.test(issue.message)) return { field, message: capitalise(issue.message) };
  return { field, message: `${fieldLabel(field)}: неверное значение` };
}

export function ruleErrorsToRussian(error: z.ZodError, input: unknown): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const e = ruleIssueToRussian(issue, input);
    const key = `${e.field}|${e.message}`;
    if (!seen.has(key)) { seen.add(key); out.push(e); }
  }
  return out;
}

/** "Максимальная цена: Цена должна быть целым числом тенге" — a line for lists, where the field is not next to it. */
export const describeFieldError = (e: FieldError): string =>
  e.message.startsWith(fieldLabel(e.field)) || e.message.startsWith('Минимальная цена выше') || e.message.startsWith('Не задана') || e.message.startsWith('Неизвестная стратегия')
    ? e.message
    : `${fieldLabel(e.field)}: ${lowerFirst(e.message)}`;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
