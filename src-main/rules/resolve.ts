import { z } from 'zod';
import { floorPrice, productRuleOverrides, resolveRules, storeRuleDefaults, STRATEGIES } from '../../src-shared/domain/rules';
import type { PricingRules, ProductRuleOverrides, StoreRuleDefaults, Strategy } from '../../src-shared/domain/rules';
import { describeFieldError, ruleErrorMessages } from './rule-messages';
import { msg } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';
import type { FieldError } from './rule-messages';

/** What a product stores in rules_json: any subset of the overrides, a floor included or not. */
export type StoredOverrides = Partial<ProductRuleOverrides>;

export interface Resolved {
  rules: PricingRules | null;
  errors: FieldError[];
  /** What the table shows even when the rules do not resolve, so the seller sees what to fix. */
  floor: number | null;
  ceiling: number | null;
  strategy: Strategy | null;
}

/** Built once: building a zod schema (and compiling its parser) costs far more than a parse. */
export const partialOverrides = productRuleOverrides.partial();

export function parseStored(json: string): StoredOverrides {
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as StoredOverrides) : {};
  } catch {
    return {};
  }
}

export function parseDefaults(json: string): StoreRuleDefaults {
  let value: unknown = {};
  try { value = JSON.parse(json); } catch { /* a broken row falls back to the defaults */ }
  const parsed = storeRuleDefaults.safeParse(value);
  return parsed.success ? parsed.data : storeRuleDefaults.parse({});
}

/**
 * Merges and checks a product's rules. A product without a floor is a legal draft (the bot is off),
 * so its other fields are still checked and the missing floor is reported as the one error.
 */
export function resolveProduct(defaults: StoreRuleDefaults, overrides: StoredOverrides): Resolved {
  const fallbackStrategy = (STRATEGIES as readonly unknown[]).includes(overrides.strategy) ? (overrides.strategy as Strategy) : defaults.strategy;
  const rawCeiling = overrides.ceiling === undefined ? defaults.ceiling : overrides.ceiling;
  const fallback = {
    floor: overrides.floor?.kind === 'fixed' && Number.isInteger(overrides.floor.price) ? overrides.floor.price : null,
    ceiling: typeof rawCeiling === 'number' ? rawCeiling : null,
    strategy: fallbackStrategy,
  };
  if (overrides.floor === undefined) {
    const partial = partialOverrides.safeParse(overrides);
    const errors = partial.success ? [] : ruleErrorMessages(partial.error, overrides);
    return { rules: null, errors: [{ field: 'floor', message: msg('rules.no_floor') }, ...errors], ...fallback };
  }
  try {
    const rules = resolveRules(defaults, overrides as ProductRuleOverrides);
    return { rules, errors: [], floor: floorPrice(rules.floor), ceiling: rules.ceiling, strategy: rules.strategy };
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    return { rules: null, errors: ruleErrorMessages(error, overrides), ...fallback };
  }
}

/** All of a product's rule problems as one message (the table's and drawer's "what to fix"); null when none. */
export const describeErrors = (errors: readonly FieldError[]): Message | null =>
  errors.length === 0 ? null : errors.length === 1 ? describeFieldError(errors[0]!) : msg('list', { items: errors.map(describeFieldError) });
