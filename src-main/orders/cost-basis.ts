import type { Database } from 'better-sqlite3';
import type { CostBasis } from '../db/repos/orders-repo';
import { parseDefaults, parseStored, resolveProduct } from '../rules/resolve';

/**
 * A product's unit economics, from the cost-based floor the seller set (cost, commission, fixed
 * fees; the store's defaults fill the fees in). A product without a cost has none: its margin is
 * shown as unknown, never guessed.
 */
export function costBasisReader(db: Database): (productId: number) => CostBasis | null {
  const row = db.prepare<[number], { rules_json: string; default_rules_json: string }>(
    'SELECT p.rules_json, s.default_rules_json FROM products p JOIN stores s ON s.id = p.store_id WHERE p.id = ?',
  );
  return (productId) => {
    const r = row.get(productId);
    if (!r) return null;
    const floor = resolveProduct(parseDefaults(r.default_rules_json), parseStored(r.rules_json)).rules?.floor;
    if (floor?.kind !== 'cost') return null;
    return { unitCost: floor.cost, fixedFee: floor.fixedFees, commissionBp: Math.round(floor.commissionPercent * 100) };
  };
}
