import type { z } from 'zod';
import { formatTenge } from '../../src-shared/pricing/format-tenge';

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

/** rules.ts speaks English; this is the one place its messages become Russian. */
const FIXED: Record<string, string> = {
  'a percentage must be a number': 'Процент должен быть числом',
  'a percentage cannot be negative': 'Процент не может быть отрицательным',
  'a percentage has at most two decimals': 'Процент — не больше двух знаков после запятой',
  'a percentage must be above 0': 'Процент должен быть больше 0',
  'a price must be a number': 'Цена должна быть числом',
  'a price must be whole tenge, without tiyn': 'Цена должна быть целым числом тенге',
  'a price must be at least 1 ₸': 'Цена должна быть не меньше 1 ₸',
  'an amount must be a number': 'Сумма должна быть числом',
  'an amount must be whole tenge, without tiyn': 'Сумма должна быть целым числом тенге',
  'an amount cannot be negative': 'Сумма не может быть отрицательной',
  'commission and margin together must stay below 100 %': 'Комиссия и маржа вместе должны быть меньше 100 %',
  'a position is a whole number': 'Место — целое число',
  'a position starts at 1': 'Место начинается с 1',
  'a cooldown is whole seconds': 'Пауза — целое число секунд',
  'a cooldown cannot be negative': 'Пауза не может быть отрицательной',
  'a daily cap is a whole number': 'Лимит — целое число',
  'a daily cap must allow at least one change': 'Лимит должен разрешать хотя бы одно изменение',
  'a city id is 9 digits': 'Код города — 9 цифр',
};

const PATTERNS: Array<[RegExp, (...m: string[]) => string]> = [
  [/^a percentage cannot be above (\d+)$/, (max) => `Процент не может быть больше ${max}`],
  [
    /^the minimum price \((\d+) ₸\) is above the maximum price \((\d+) ₸\)$/,
    (floor, ceiling) => `Минимальная цена выше максимальной (${formatTenge(Number(floor))} > ${formatTenge(Number(ceiling))})`,
  ],
];

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), input);

/** One zod issue of a rules check, in Russian. `input` is what was checked, to quote the bad value. */
export function ruleIssueToRussian(issue: z.core.$ZodIssue, input: unknown): FieldError {
  const field = String(issue.path[0] ?? 'rules');
  const value = valueAt(input, issue.path);
  const fixed = FIXED[issue.message];
  if (fixed) return { field, message: fixed };
  for (const [pattern, word] of PATTERNS) {
    const m = pattern.exec(issue.message);
    if (m) return { field, message: word(...m.slice(1)) };
  }
  if (field === 'floor' && value === undefined) return { field, message: 'Не задана минимальная цена' };
  if (field === 'strategy' && issue.code === 'invalid_value') return { field, message: `Неизвестная стратегия «${String(value)}»` };
  if (field === 'belowFloor' && issue.code === 'invalid_value') return { field, message: `Неизвестное поведение «${String(value)}»` };
  if (issue.code === 'too_big' && field === 'targetPosition') return { field, message: 'Место — не больше 50' };
  if (issue.code === 'invalid_union' || issue.code === 'invalid_value') return { field, message: `${fieldLabel(field)}: неверное значение` };
  if (issue.code === 'invalid_type') return { field, message: `${fieldLabel(field)}: неверный формат` };
  if (issue.code === 'unrecognized_keys') return { field, message: `Неизвестные поля: ${issue.keys.join(', ')}` };
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
