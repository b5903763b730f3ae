import type Database from 'better-sqlite3';

/**
 * `ledger_attachments` becomes an ordinary rowid table with a unique index on `hash`
 * (issue 9: the import of a book with 1 GB of attachments spent half its time here).
 *
 * It was WITHOUT ROWID: the whole row, megabytes of `bytes`, is then the b-tree key, and
 * SQLite reads a key in full wherever it compares one while it descends the tree, so every
 * lookup by hash read several whole attachments (5 ms an attachment among 250 of 4 MB, against
 * 4 µs through an index; a full verify read every attachment five times slower, an insert
 * took 1.7 times as long; measured with better-sqlite3 on this layout). The rows are copied
 * as they are, hash and bytes; the three guards (no update, no delete, no overwrite) are
 * made again on the new table. The old table's pages go to the free list and are reused by
 * later writes. Runs in the one transaction of migrateDatabase: a failure (a full disk)
 * leaves the file as it was.
 */
export const version = 43;

export function up(db: Database.Database): void {
  db.exec(`
    DROP TRIGGER ledger_attachments_no_update;
    DROP TRIGGER ledger_attachments_no_delete;
    DROP TRIGGER ledger_attachments_no_replace;
    CREATE TABLE ledger_attachments_v43 (
      id INTEGER PRIMARY KEY,
      hash TEXT NOT NULL,
      bytes BLOB NOT NULL
    );
    INSERT INTO ledger_attachments_v43 (hash, bytes) SELECT hash, bytes FROM ledger_attachments ORDER BY hash;
    DROP TABLE ledger_attachments;
    ALTER TABLE ledger_attachments_v43 RENAME TO ledger_attachments;
    CREATE UNIQUE INDEX ledger_attachments_by_hash ON ledger_attachments (hash);

    CREATE TRIGGER ledger_attachments_no_update BEFORE UPDATE ON ledger_attachments
    BEGIN SELECT RAISE(ABORT, '已保存的附件不可修改。'); END;
    CREATE TRIGGER ledger_attachments_no_delete BEFORE DELETE ON ledger_attachments
    BEGIN SELECT RAISE(ABORT, '已保存的附件不可删除。'); END;
    CREATE TRIGGER ledger_attachments_no_replace BEFORE INSERT ON ledger_attachments
    WHEN EXISTS (SELECT 1 FROM ledger_attachments WHERE hash = NEW.hash)
    BEGIN SELECT RAISE(ABORT, '该附件已经保存，不可覆盖。'); END;
  `);
}
