import type Database from 'better-sqlite3';

/**
 * Full-text search over every entry of every book (db/service/search-index.ts), derived like
 * the read model of 0020: written in the seal's own transaction, rebuilt by its catch-up.
 *
 * - `search_fts`: one FTS5 row per entry, columns `title` (the entry's title), `body` (every
 *   text field of its current, corrected input, attachment names, correction reasons, dates
 *   in both `2025-03-18` and `2025年3月18日` form), `people` (the names of the people it
 *   concerns, guests included) and `pinyin` (those names' initials and full pinyin,
 *   `wzq wangzhiqiang`). Chinese is stored as space-separated single characters, so the
 *   `unicode61` tokenizer sees one token per character and a Chinese query of any length is
 *   a phrase of its characters: an index lookup, never a LIKE scan. Latin words and digits
 *   stay words.
 * - **Contentless** (`content=''`, `contentless_delete=1`): the index keeps the tokens and
 *   positions only, not a second copy of the text (spaced Chinese is 4 bytes a character;
 *   a 100,000-entry book would carry hundreds of MB of duplicate text). Snippets are cut in
 *   the service from the proven entry itself (never from derived data), so nothing needs
 *   the stored text; `contentless_delete` lets a corrected entry's row be replaced and a
 *   book's rows be dropped.
 * - The row id carries book and seq: `book_no * 2^32 + seq`, with `search_books` numbering
 *   the books. A book's rows are one rowid range, so the book filter is a range FTS5 reads
 *   from its doclists (no join, no column to match), and `seq = rowid - book_no * 2^32`.
 *   (This replaces `book_id` / `seq UNINDEXED` columns, which a contentless table would not
 *   even store.)
 *
 * The read model's rows of databases from before this migration were built without search
 * rows: they are dropped here (all derived, never a source of truth) so the next open
 * rebuilds them, search included. Client request ids and alarms are not derived: kept.
 */
export const version = 30;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE search_books (
      book_no INTEGER PRIMARY KEY,
      book_id TEXT NOT NULL UNIQUE
    );

    CREATE VIRTUAL TABLE search_fts USING fts5(
      title, body, people, pinyin,
      content = '', contentless_delete = 1, tokenize = 'unicode61'
    );

    DELETE FROM rm_books;
    DELETE FROM rm_entries;
    DELETE FROM rm_entry_members;
    DELETE FROM rm_entry_flags;
    DELETE FROM rm_corrections;
    DELETE FROM rm_state_rows;
  `);
}
