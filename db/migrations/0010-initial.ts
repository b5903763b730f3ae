import type Database from 'better-sqlite3';

/**
 * The ledger's tables (see db/ledger/types.ts for the design).
 *
 * - `ledger_entries.id` is `book_no * 2^32 + seq`: a book's entries are one contiguous
 *   rowid range stored in seq order, so a full verify is a clustered range scan (no index
 *   seek per row) and every column of the row, the rowid included, is checked.
 * - `tree` (lowercase hex) holds the entry's leaf hash followed by the hashes of the
 *   perfect Merkle subtrees this leaf completes (levels 1..trailingZeros(seq)), so the
 *   node (level L, index k) lives in the row with seq (k+1)·2^L at hex offset 64·L, is
 *   written in the same row insert as its entry, and is protected by the same triggers.
 * - `leaf` is `0x00 || canonical bytes`, the exact RFC 9162 leaf preimage: hashing it needs
 *   no copy (about 40 % faster over a 100k-entry book than prepending the byte each time).
 * - Only explicit INTEGER PRIMARY KEYs or WITHOUT ROWID: no hidden rowid a verify could
 *   not see.
 * - Triggers refuse UPDATE/DELETE (and INSERT OR REPLACE, which would delete without firing
 *   the DELETE trigger) of sealed data. They catch bugs; the hash chain and the signed
 *   checkpoint catch tampering.
 */
export const version = 10;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE ledger_books (
      book_no INTEGER PRIMARY KEY,
      book_id TEXT NOT NULL UNIQUE
    );

    CREATE TABLE ledger_entries (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      author TEXT NOT NULL,
      flags TEXT NOT NULL,
      attachments TEXT NOT NULL,
      tree TEXT NOT NULL,
      leaf BLOB NOT NULL
    );
    CREATE INDEX ledger_entries_by_kind ON ledger_entries(kind);

    CREATE TABLE ledger_attachments (
      hash TEXT PRIMARY KEY,
      bytes BLOB NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE ledger_checkpoints (
      book_no INTEGER PRIMARY KEY REFERENCES ledger_books(book_no),
      signed TEXT NOT NULL
    );

    CREATE TRIGGER ledger_books_no_update BEFORE UPDATE ON ledger_books
    BEGIN SELECT RAISE(ABORT, '账本登记不可修改。'); END;
    CREATE TRIGGER ledger_books_no_delete BEFORE DELETE ON ledger_books
    BEGIN SELECT RAISE(ABORT, '账本登记不可删除。'); END;

    CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
    BEGIN SELECT RAISE(ABORT, '已封存的条目不可修改：记录本只允许追加，写错的内容请用“更正”条目更正。'); END;
    CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
    BEGIN SELECT RAISE(ABORT, '已封存的条目不可删除：记录本只允许追加。'); END;
    CREATE TRIGGER ledger_entries_no_replace BEFORE INSERT ON ledger_entries
    WHEN EXISTS (SELECT 1 FROM ledger_entries WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, '该序号的条目已经封存，不可覆盖。'); END;

    CREATE TRIGGER ledger_attachments_no_update BEFORE UPDATE ON ledger_attachments
    BEGIN SELECT RAISE(ABORT, '已保存的附件不可修改。'); END;
    CREATE TRIGGER ledger_attachments_no_delete BEFORE DELETE ON ledger_attachments
    BEGIN SELECT RAISE(ABORT, '已保存的附件不可删除。'); END;
    CREATE TRIGGER ledger_attachments_no_replace BEFORE INSERT ON ledger_attachments
    WHEN EXISTS (SELECT 1 FROM ledger_attachments WHERE hash = NEW.hash)
    BEGIN SELECT RAISE(ABORT, '该附件已经保存，不可覆盖。'); END;
  `);
}
