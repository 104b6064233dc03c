import type { Database } from 'better-sqlite3';

/** The overview's counts that are not the products table's: changes per Kazakhstan day (migration 11 keeps them). */
export function overviewRepo(db: Database) {
  const days = db.prepare<[string], { day: string; changes: number; dry_run: number }>('SELECT day, changes, dry_run FROM price_journal_days WHERE day >= ? ORDER BY day');
  return {
    /** Pushed (or verified, or mismatched) changes and dry-run decisions per day from `firstDay` (YYYY-MM-DD), days without any left out. */
    changesByDay: (firstDay: string) => days.all(firstDay).map((r) => ({ day: r.day, changes: r.changes, dryRun: r.dry_run })),
  };
}
