import type { Database } from 'better-sqlite3';

/** A numbered schema step: SQL, or a function for steps that must move data. */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}
