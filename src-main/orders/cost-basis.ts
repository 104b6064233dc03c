import type { Database } from 'better-sqlite3';
import type { CostBasis } from '../db/repos/orders-repo';
import { productsRepo } from '../db/repos/products-repo';
import { parseDefaults, parseStored, resolveProduct } from '../rules/resolve';

/**
 * A product's unit economics, from the cost-based floor the seller set (cost, commission, fixed
 * fees; the store's defaults fill the fees in). A product without a cost has none: its margin is
 * shown as unknown, never guessed.
 */
export function costBasisReader(db: Database): (productId: number) => CostBasis | null {
  const products = productsRepo(db);
  return (productId) => {
    const stored = products.rulesOf(productId);
    if (!stored) return null;
    const floor = resolveProduct(parseDefaults(stored.defaultRulesJson), parseStored(stored.rulesJson)).rules?.floor;
    if (floor?.kind !== 'cost') return null;
    return { unitCost: floor.cost, fixedFee: floor.fixedFees, commissionBp: Math.round(floor.commissionPercent * 100) };
  };
}
