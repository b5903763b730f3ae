import type Database from 'better-sqlite3';

/**
 * The liaison's side of a data folder (issue 10):
 *
 * - `liaison_book`: which book of this folder is the liaison's own (联络员信息, its key signs
 *   receipts). At most one row (`one = 1`), written in the transaction that creates the book,
 *   so a second identity cannot be set up even by two racing calls. Never updated or deleted.
 * - `workspace_rows`: the overview's row of each imported book (organisation, size, what the
 *   rules find open this year), computed by db/rules/year-ledger.ts right after each import
 *   that changed the book and recomputed when the year or the book changed. Derived data:
 *   rebuilt from the book whenever it disagrees (size, year), never a source of truth.
 */
export const version = 41;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE liaison_book (
      one INTEGER PRIMARY KEY CHECK (one = 1),
      book_id TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE TRIGGER liaison_book_no_update BEFORE UPDATE ON liaison_book
      BEGIN SELECT RAISE(ABORT, '联络员身份不可修改'); END;
    CREATE TRIGGER liaison_book_no_delete BEFORE DELETE ON liaison_book
      BEGIN SELECT RAISE(ABORT, '联络员身份不可删除'); END;

    CREATE TABLE workspace_rows (
      book_id TEXT PRIMARY KEY,
      year INTEGER NOT NULL,
      size INTEGER NOT NULL,
      row TEXT NOT NULL
    ) STRICT;
  `);
}
