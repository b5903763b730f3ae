import type Database from 'better-sqlite3';

/**
 * Derived tables, written in the seal's own transaction and rebuildable from the entries at
 * any time: they are never a source of truth (every row a reader gets is proven against the
 * ledger first) and are not protected by triggers. Keeping them in SQLite means opening a
 * book no longer replays it into memory, and memory no longer grows with the book.
 *
 * - `rm_books`: how far the read model has caught up, and the folded organisation / profile /
 *   roster (small: the roster, never the entries).
 * - `rm_entries`: one timeline row per entry (its summary as JSON, the hash it was derived
 *   from, and the columns the timeline filters on: kind, its group — the part before the
 *   first dot, `member` for `member.join` — and the event date); covering indexes answer a
 *   filtered count and page from the index alone. `rm_entry_members`, `rm_entry_flags`: the
 *   person and flag filters; `rm_corrections`: which entries correct which.
 * - `rm_state_rows`: the entries the roster is folded from (organisation, profile, members).
 * - `service_requests`: client request ids of seals, so a repeated request returns the entry
 *   already sealed instead of sealing it twice (written in the seal's transaction).
 * - `book_alarms`: failed full verifies, remembered (also in a file outside the database).
 */
export const version = 20;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE rm_books (
      book_id TEXT PRIMARY KEY,
      through_seq INTEGER NOT NULL,
      state TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE rm_entries (
      book_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      grp TEXT NOT NULL,
      date TEXT NOT NULL,
      hash TEXT NOT NULL,
      corrected INTEGER NOT NULL DEFAULT 0,
      summary TEXT NOT NULL,
      PRIMARY KEY (book_id, seq)
    ) WITHOUT ROWID;
    CREATE INDEX rm_entries_by_kind ON rm_entries(book_id, kind, seq, date, corrected);
    CREATE INDEX rm_entries_by_group ON rm_entries(book_id, grp, seq, date, corrected);
    CREATE INDEX rm_entries_by_date ON rm_entries(book_id, date, seq);
    CREATE INDEX rm_entries_corrected ON rm_entries(book_id, seq) WHERE corrected = 1;

    CREATE TABLE rm_entry_members (
      book_id TEXT NOT NULL,
      member_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (book_id, member_id, seq)
    ) WITHOUT ROWID;

    CREATE TABLE rm_entry_flags (
      book_id TEXT NOT NULL,
      code TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (book_id, code, seq)
    ) WITHOUT ROWID;

    CREATE TABLE rm_corrections (
      book_id TEXT NOT NULL,
      target_seq INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (book_id, target_seq, seq)
    ) WITHOUT ROWID;

    CREATE TABLE rm_state_rows (
      book_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (book_id, seq)
    ) WITHOUT ROWID;

    CREATE TABLE service_requests (
      request_id TEXT PRIMARY KEY,
      book_id TEXT NOT NULL,
      method TEXT NOT NULL,
      digest TEXT NOT NULL,
      first_seq INTEGER NOT NULL,
      last_seq INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE book_alarms (
      book_id TEXT NOT NULL,
      at TEXT NOT NULL,
      problems TEXT NOT NULL
    );
  `);
}
