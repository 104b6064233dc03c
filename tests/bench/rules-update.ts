import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRulesService } from '../../src-main/rules/rules-service';
import { seedDatabase } from '../integration/rules/seed';

/**
 * `rules_update_10k_ms`: one change of rules for a whole catalogue of 9,457 products (the bench
 * scenario's active ones), as "select all, set the step" does it: every product checked, then one
 * transaction. It runs in the main process, so it is a stall the seller feels. Median of 5.
 */
const PRODUCTS = 9_457;

export default async function rulesUpdateBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bench-rules-'));
  try {
    const products = Array.from({ length: PRODUCTS }, (_, i) => ({ sku: `S-${i}`, rules: { floor: { kind: 'fixed', price: 1_000 + i } }, bot: true }));
    const { db, ids } = seedDatabase(dir, [{ name: 'Bench', uid: '30090001', products }]);
    const rules = createRulesService({ db, now: () => new Date() });
    const all = [...ids.values()];
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      rules.update(all, { set: { step: { unit: 'tenge', value: 1 + run } }, unset: [] });
      times.push(performance.now() - started);
    }
    db.close();
    times.sort((a, b) => a - b);
    return { rules_update_10k_ms: Math.round(times[2]!) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
