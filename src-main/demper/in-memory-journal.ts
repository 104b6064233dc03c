import type { JournalEntry, JournalPlan, JournalStore } from './ports';

/** The journal port over a Map: engine tests, the market benchmark, and a model for the SQLite one. */
export class InMemoryJournal implements JournalStore {
  readonly entries = new Map<number, JournalEntry>();
  private nextId = 1;

  async plan(p: JournalPlan): Promise<number> {
    const id = this.nextId++;
    this.entries.set(id, {
      id,
      storeId: p.storeId,
      productId: p.productId,
      cityId: p.cityId,
      oldPrice: p.oldPrice,
      newPrice: p.newPrice,
      reason: p.reason,
      status: p.dryRun ? 'dry_run' : 'planned',
      jobId: null,
      error: null,
      createdAt: p.at,
      pushedAt: null,
      verifiedAt: null,
    });
    return id;
  }

  private update(id: number, patch: Partial<JournalEntry>): void {
    const e = this.entries.get(id);
    if (!e) throw new Error(`journal entry ${id} does not exist`);
    this.entries.set(id, { ...e, ...patch });
  }

  async markPushed(id: number, jobId: string, at: number): Promise<void> {
    this.update(id, { status: 'pushed', jobId, pushedAt: at });
  }

  async markFailed(id: number, error: string, _at: number): Promise<void> {
    this.update(id, { status: 'failed', error });
  }

  async markVerified(id: number, at: number): Promise<void> {
    this.update(id, { status: 'verified', verifiedAt: at });
  }

  async markMismatch(id: number, observedPrice: number | null, at: number): Promise<void> {
    this.update(id, { status: 'mismatch', verifiedAt: at, error: `Kaspi shows ${observedPrice ?? 'no offer'}` });
  }

  async listUnfinished(): Promise<JournalEntry[]> {
    return [...this.entries.values()].filter((e) => e.status === 'planned' || e.status === 'pushed');
  }

  async changesSince(since: number): Promise<{ productId: number; cityId: string; at: number }[]> {
    return [...this.entries.values()]
      .filter((e) => e.pushedAt !== null && e.pushedAt >= since)
      .map((e) => ({ productId: e.productId, cityId: e.cityId, at: e.pushedAt! }));
  }
}
