import { STRATEGIES } from '../../../src-shared/domain/rules';
import type { Strategy } from '../../../src-shared/domain/rules';
import { formatTenge } from '../../../src-shared/pricing/format-tenge';
import type { Language } from '../../../src-shared/contract/settings';
import type { MessageKey } from '../../i18n/catalog';
import { dateLocale } from '../../i18n/date-locale';
import type { Params } from '../../i18n/translate';
import type { FieldProblem } from './rule-input';

export type T = (key: MessageKey, params?: Params) => string;

export const strategyLabels = (t: T): Record<Strategy, string> =>
  Object.fromEntries(STRATEGIES.map((s) => [s, t(`products.strategy.${s}`)])) as Record<Strategy, string>;

export const tenge = (v: number | null): string => (v === null ? '—' : formatTenge(v));

export const problemText = (t: T, p: FieldProblem): string => t(p.key, p.params);

export function dateTime(iso: string | null, language: Language): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(dateLocale(language), { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}

const CHANGE_FIELDS = ['floor', 'cost', 'ceiling', 'step', 'strategy', 'targetPosition', 'bot'] as const;

/** A value of the import preview's diff, worded: '' is "the store default", strategies and yes/no translated. */
export function changeValue(t: T, field: string, value: string): string {
  if (value === '') return t('products.import.default');
  if (field === 'strategy' && (STRATEGIES as readonly string[]).includes(value)) return t(`products.strategy.${value as Strategy}`);
  if (field === 'bot') return value === 'true' ? t('products.bot.on') : t('products.bot.off');
  if (field === 'ceiling' && value === 'none') return t('products.noCeiling');
  return value;
}

export const changeField = (t: T, field: string): string =>
  (CHANGE_FIELDS as readonly string[]).includes(field) ? t(`products.field.${field as (typeof CHANGE_FIELDS)[number]}`) : field;
