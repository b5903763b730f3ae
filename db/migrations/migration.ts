import type Database from 'better-sqlite3';

/**
 * One schema step. Files are named `NNNN-what.ts` with versions in steps of 10, so a
 * fix-up can slot in between later without renumbering. `up` runs inside the single
 * transaction that applies every pending migration (see `migrateDatabase`), so it must
 * not open its own transaction nor change pragmas that cannot run in one (journal_mode).
 */
export interface Migration {
  readonly version: number;
  up(db: Database.Database): void;
}
