import type Database from 'better-sqlite3';

/**
 * Receipts (抽查回执) this data folder knows beyond the books' own entries (issue 10), and
 * the alarm a receipt raises:
 *
 * - `known_receipts`: every signed receipt loaded from a liaison's receipts file
 *   (`receipts.loadFile`, db/liaison/known-receipts.ts), one row per receipt (its SHA-256),
 *   kept verbatim. Each is checked again when read; every later import of its book is
 *   checked against it. Nothing updates or deletes a row.
 * - `bundle_alarms` gains the kind `checked-history` (已查历史被改写警报): a bundle that
 *   verified on its own but does not match a receipt — the liaison's signed receipt is kept
 *   in the new column `receipt`, and `pinned_checkpoint` may be empty (a data folder that
 *   never pinned the book). SQLite cannot alter a CHECK, so the table is rebuilt with every
 *   row kept; the no-update / no-delete triggers are made again.
 */
export const version = 42;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE known_receipts (
      id INTEGER PRIMARY KEY,
      digest TEXT NOT NULL UNIQUE,
      book_id TEXT NOT NULL,
      signed TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('file')),
      signer_key_id TEXT NOT NULL,
      loaded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX known_receipts_by_book ON known_receipts (book_id, id);
    CREATE TRIGGER known_receipts_no_update BEFORE UPDATE ON known_receipts
      BEGIN SELECT RAISE(ABORT, '已载入的抽查回执不可修改'); END;
    CREATE TRIGGER known_receipts_no_delete BEFORE DELETE ON known_receipts
      BEGIN SELECT RAISE(ABORT, '已载入的抽查回执不可删除'); END;

    DROP TRIGGER bundle_alarms_no_update;
    DROP TRIGGER bundle_alarms_no_delete;
    CREATE TABLE bundle_alarms_v42 (
      id INTEGER PRIMARY KEY,
      book_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('rollback', 'fork', 'key-change', 'checked-history')),
      at TEXT NOT NULL,
      message TEXT NOT NULL,
      pinned_checkpoint TEXT,
      found_checkpoint TEXT,
      bundle_sha256 TEXT NOT NULL,
      evidence_file TEXT,
      receipt TEXT,
      CHECK ((receipt IS NOT NULL) = (kind = 'checked-history')),
      CHECK (pinned_checkpoint IS NOT NULL OR kind = 'checked-history')
    ) STRICT;
    INSERT INTO bundle_alarms_v42
      (id, book_id, kind, at, message, pinned_checkpoint, found_checkpoint, bundle_sha256, evidence_file, receipt)
      SELECT id, book_id, kind, at, message, pinned_checkpoint, found_checkpoint, bundle_sha256, evidence_file, NULL
      FROM bundle_alarms;
    DROP TABLE bundle_alarms;
    ALTER TABLE bundle_alarms_v42 RENAME TO bundle_alarms;
    CREATE INDEX bundle_alarms_by_book ON bundle_alarms (book_id, id);
    CREATE TRIGGER bundle_alarms_no_update BEFORE UPDATE ON bundle_alarms
      BEGIN SELECT RAISE(ABORT, '数据包警报不可修改'); END;
    CREATE TRIGGER bundle_alarms_no_delete BEFORE DELETE ON bundle_alarms
      BEGIN SELECT RAISE(ABORT, '数据包警报不可删除'); END;
  `);
}
