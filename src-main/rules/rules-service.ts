import type { Database } from 'better-sqlite3';
import { AppError } from '../../src-shared/contract';
import type { CallOutput } from '../../src-shared/contract';
import type { RulesRejection, JournalEntryView } from '../../src-shared/contract/products';
import { productRuleOverrides, storeRuleDefaults } from '../../src-shared/domain/rules';
import type { StoreRuleDefaults } from '../../src-shared/domain/rules';
import { productsRepo } from '../db/repos/products-repo';
import type { ProductRuleState } from '../db/repos/products-repo';
import { storesRepo } from '../db/repos/stores-repo';
import { snapshotsRepo } from '../db/repos/snapshots-repo';
import { createSqliteJournal } from '../db/repos/journal-repo';
import type { JournalEntry } from '../demper/ports';
import { describeErrors, parseDefaults, parseStored, partialOverrides, resolveProduct } from './resolve';
import type { Resolved, StoredOverrides } from './resolve';
import { describeFieldError, ruleErrorMessages } from './rule-messages';
import { msg } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';

export interface RulesServiceDeps {
  db: Database;
  now: () => Date;
  /** Told the products whose rules, bot flag or table row changed (null: many or all). */
  onChanged?: (productIds: number[] | null) => void;
}

export type RulesUpdate = { set: StoredOverrides; unset: readonly string[] };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const journalView = (e: JournalEntry): JournalEntryView => ({
  id: e.id,
  storeId: e.storeId,
  productId: e.productId,
  cityId: e.cityId,
  oldPrice: e.oldPrice,
  newPrice: e.newPrice,
  reason: e.reason,
  status: e.status,
  error: e.error,
  createdAt: new Date(e.createdAt).toISOString(),
  pushedAt: iso(e.pushedAt),
  verifiedAt: iso(e.verifiedAt),
});

/** Stored overrides as the schema reads them: unknown nested keys dropped, nothing else changed. */
const normalise = (overrides: StoredOverrides): StoredOverrides => partialOverrides.parse(overrides) as StoredOverrides;

/** Overrides after a change: set fields replace, unset fields go back to the store default. */
export function applyUpdate(current: StoredOverrides, update: RulesUpdate): StoredOverrides {
  const next: Record<string, unknown> = { ...current, ...update.set };
  for (const key of update.unset) delete next[key];
  return next as StoredOverrides;
}

/**
 * Product rules, bot flags and store defaults over SQLite. Every write checks all products first
 * and then writes in one transaction, so a refused change leaves nothing half-saved.
 */
export function createRulesService({ db, now, onChanged }: RulesServiceDeps) {
  const products = productsRepo(db);
  const snapshots = snapshotsRepo(db);
  const journal = createSqliteJournal(db);

  const stores = storesRepo(db);

  const defaultsCache = new Map<number, StoreRuleDefaults>();
  const defaultsOf = (storeId: number): StoreRuleDefaults => {
    let d = defaultsCache.get(storeId);
    if (!d) {
      const stored = stores.rulesOf(storeId);
      if (!stored) throw new AppError('not_found', msg('rules.store_not_found', { storeId }));
      d = parseDefaults(stored.defaultRulesJson);
      defaultsCache.set(storeId, d);
    }
    return d;
  };
  const ownMerchantIds = () => stores.merchantUids();

  const rowsFor = (ids: readonly number[]): ProductRuleState[] => {
    const states = products.ruleStates(ids);
    return ids.map((id) => {
      const row = states.get(id);
      if (!row) throw new AppError('not_found', msg('rules.product_not_found', { productId: id }));
      return row;
    });
  };

  const reject = (rejection: RulesRejection, headline: Message): never => {
    const examples = rejection.products.slice(0, 3).map((p) => msg('rules.product_problems', { sku: p.sku, errors: p.errors }));
    const more = Math.max(0, rejection.products.length - 3);
    throw new AppError('invalid_input', msg('rules.rejected', { headline, examples, more }), rejection);
  };

  /** Checks one product's next rules; returns its errors (empty when fine). */
  const check = (defaults: StoreRuleDefaults, overrides: StoredOverrides, botEnabled: boolean): Resolved['errors'] => {
    const resolved = resolveProduct(defaults, overrides);
    const draftWithoutFloor = !botEnabled && overrides.floor === undefined;
    return draftWithoutFloor ? resolved.errors.filter((e) => e.field !== 'floor') : resolved.errors;
  };

  const service = {
    detail(productId: number, historyDays: number): CallOutput<'products.detail'> {
      const product = products.get(productId);
      if (!product) throw new AppError('not_found', msg('rules.product_not_found', { productId }));
      defaultsCache.delete(product.storeId);
      const storeDefaults = defaultsOf(product.storeId);
      const overrides = parseStored(products.ruleState(productId)!.rulesJson);
      const resolved = resolveProduct(storeDefaults, overrides);
      const since = new Date(now().getTime() - historyDays * 86_400_000).toISOString();
      return {
        product,
        overrides: overrides as Record<string, unknown>,
        storeDefaults,
        rules: resolved.rules,
        rulesError: describeErrors(resolved.errors),
        ownMerchantIds: ownMerchantIds(),
        markets: snapshots.latestOf(productId).map(({ cityId, takenAt, ourPrice, ourPosition, bestRivalPrice, offers }) => ({ cityId, takenAt, ourPrice, ourPosition, bestRivalPrice, offers })),
        history: snapshots.history(productId, since).map(({ cityId, takenAt, ourPrice, ourPosition, bestRivalPrice }) => ({ cityId, takenAt, ourPrice, ourPosition, bestRivalPrice })),
        journal: journal.list({ productId, limit: 200 }).map(journalView),
      };
    },

    /** All or nothing: every product's next rules are checked before the one transaction writes them. */
    update(productIds: readonly number[], update: RulesUpdate): { updated: number } {
      defaultsCache.clear();
      const unknown = Object.keys(update.set).filter((k) => !Object.hasOwn(productRuleOverrides.shape, k));
      if (unknown.length > 0) {
        throw new AppError('invalid_input', msg('rules.unknown_rule_fields', { fields: unknown.join(', ') }), { fieldErrors: {}, products: [] } satisfies RulesRejection);
      }
      const rows = rowsFor(productIds);
      const planned: Array<{ id: number; rulesJson: string }> = [];
      const rejection: RulesRejection = { fieldErrors: {}, products: [] };
      for (const row of rows) {
        const next = applyUpdate(parseStored(row.rulesJson), update);
        const errors = check(defaultsOf(row.storeId), next, row.botEnabled);
        if (errors.length > 0) {
          for (const e of errors) rejection.fieldErrors[e.field] ??= e.message;
          rejection.products.push({ productId: row.id, sku: row.sku, errors: errors.map(describeFieldError) });
        } else {
          planned.push({ id: row.id, rulesJson: JSON.stringify(normalise(next)) });
        }
      }
      if (rejection.products.length > 0) reject(rejection, msg('rules.not_saved'));
      const at = now().toISOString();
      products.setRules(planned, at);
      onChanged?.([...productIds]);
      return { updated: planned.length };
    },

    /** Turning the bot on needs rules it can price with; one product without a floor refuses them all. */
    setBot(productIds: readonly number[], enabled: boolean): { updated: number } {
      defaultsCache.clear();
      const rows = rowsFor(productIds);
      if (enabled) {
        const rejection: RulesRejection = { fieldErrors: {}, products: [] };
        for (const row of rows) {
          const { errors } = resolveProduct(defaultsOf(row.storeId), parseStored(row.rulesJson));
          if (errors.length > 0) {
            rejection.fieldErrors.botEnabled ??= errors.some((e) => e.field === 'floor' && e.message.code === 'rules.no_floor')
              ? msg('rules.set_floor_first')
              : msg('rules.fix_first');
            rejection.products.push({ productId: row.id, sku: row.sku, errors: errors.map(describeFieldError) });
          }
        }
        if (rejection.products.length > 0) {
          reject(rejection, msg('rules.bot_not_enabled', { bad: rejection.products.length, total: rows.length }));
        }
      }
      const at = now().toISOString();
      products.setBot(rows.map((row) => row.id), enabled, at);
      onChanged?.([...productIds]);
      return { updated: rows.length };
    },

    storeDefaults(storeId: number): StoreRuleDefaults {
      defaultsCache.delete(storeId);
      return defaultsOf(storeId);
    },

    /** New defaults must keep every product with the bot on priceable (a lower ceiling can cross a floor). */
    updateStoreDefaults(storeId: number, input: unknown): StoreRuleDefaults {
      const parsed = storeRuleDefaults.safeParse(input);
      if (!parsed.success) {
        const errors = ruleErrorMessages(parsed.error, input);
        throw new AppError('invalid_input', msg('list', { items: errors.map(describeFieldError) }), {
          fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
          products: [],
        } satisfies RulesRejection);
      }
      defaultsOf(storeId);
      const botProducts = products.botOnRuleStates(storeId);
      const rejection: RulesRejection = { fieldErrors: {}, products: [] };
      for (const row of botProducts) {
        const { errors } = resolveProduct(parsed.data, parseStored(row.rulesJson));
        if (errors.length > 0) {
          for (const e of errors) rejection.fieldErrors[e.field] ??= e.message;
          rejection.products.push({ productId: row.id, sku: row.sku, errors: errors.map(describeFieldError) });
        }
      }
      if (rejection.products.length > 0) reject(rejection, msg('rules.defaults_not_saved'));
      stores.setDefaultRules(storeId, JSON.stringify(parsed.data));
      defaultsCache.set(storeId, parsed.data);
      onChanged?.(null);
      return parsed.data;
    },

    journal(query: { storeId?: number; productId?: number; limit: number }): JournalEntryView[] {
      return journal.list(query).map(journalView);
    },

    /** For the CSV import: the same checks as update, without writing. */
    checkRules(storeId: number, overrides: StoredOverrides, botEnabled: boolean) {
      return check(defaultsOf(storeId), overrides, botEnabled);
    },
    resetCache(): void { defaultsCache.clear(); },
  };
  return service;
}

export type RulesService = ReturnType<typeof createRulesService>;
