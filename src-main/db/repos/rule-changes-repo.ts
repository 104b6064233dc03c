import type { Database } from 'better-sqlite3';

export interface RuleChange {
  source: 'recommendation' | 'backtest';
  kind: string;
  change: unknown;
  productIds: readonly number[];
  atMs: number;
}

/**
 * The journal of rules the seller changed from a recommendation or a backtest (migration 009):
 * the entry and the change are one transaction, so neither exists without the other.
 */
export function ruleChangesRepo(db: Database) {
  const insert = db.prepare<[number, string, string, string, string]>('INSERT INTO rule_changes (at_ms, source, kind, change_json, products_json) VALUES (?, ?, ?, ?, ?)');
  return {
    /** Journals the change and makes it (`apply`, e.g. the rules service's update) all or nothing. */
    record<T>(entry: RuleChange, apply: () => T): { changeId: number; applied: T } {
      return db.transaction(() => {
        const changeId = Number(insert.run(entry.atMs, entry.source, entry.kind, JSON.stringify(entry.change), JSON.stringify(entry.productIds)).lastInsertRowid);
        return { changeId, applied: apply() };
      })();
    },
  };
}
