import type { EngineMemoryStore, KillSwitchStop, PairMemoryRow } from './ports';

/** The engine-memory port over Maps (engine tests, the market benchmark). Saves deep copies, as a database would. */
export class InMemoryEngineMemory implements EngineMemoryStore {
  readonly pairs = new Map<string, PairMemoryRow>();
  readonly blocks = new Map<string, number>();
  readonly stops = new Map<number, KillSwitchStop>();

  async load() {
    return {
      pairs: [...this.pairs.values()].map((r) => structuredClone(r)),
      blocks: [...this.blocks].map(([merchantId, until]) => ({ merchantId, until })),
      stops: [...this.stops].map(([storeId, stop]) => ({ storeId, stop: structuredClone(stop) })),
    };
  }

  async savePairs(rows: readonly PairMemoryRow[]): Promise<void> {
    for (const r of rows) this.pairs.set(`${r.productId}:${r.cityId}`, structuredClone(r));
  }

  async saveBlock(merchantId: string, until: number): Promise<void> {
    this.blocks.set(merchantId, until);
  }

  async saveStop(storeId: number, stop: KillSwitchStop | null): Promise<void> {
    if (stop) this.stops.set(storeId, structuredClone(stop));
    else this.stops.delete(storeId);
  }
}
