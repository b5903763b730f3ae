import type Database from 'better-sqlite3';

/**
 * The liaison's memory of the books it imported from signed bundles (db/bundle/pin-store.ts):
 *
 * - `bundle_pins`: one row per imported book — the key it was last verified with (and the
 *   public key, so the row is self-contained), the genesis key, the pinned `(size, root)` and
 *   the signed checkpoint that proves them. It is written in the SAME transaction as the
 *   entries an import adds, so the pin and the data never disagree. A book with a pin row is
 *   an imported copy: read-only in this store (ledger.ts marks it so on open).
 * - `bundle_alarms`: a bundle that was NOT a consistent extension of the pin (rollback, fork,
 *   key change) — kept as evidence, never merged: both signed checkpoints, the SHA-256 of
 *   the bundle file, and the name of the copy kept in the data folder's `evidence/`.
 *
 * Neither table is derived data: nothing rebuilds them, nothing deletes from them.
 */
export const version = 40;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE bundle_pins (
      book_id TEXT PRIMARY KEY,
      record TEXT NOT NULL
    ) STRICT;

    CREATE TABLE bundle_alarms (
      id INTEGER PRIMARY KEY,
      book_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('rollback', 'fork', 'key-change')),
      at TEXT NOT NULL,
      message TEXT NOT NULL,
      pinned_checkpoint TEXT NOT NULL,
      found_checkpoint TEXT,
      bundle_sha256 TEXT NOT NULL,
      evidence_file TEXT
    ) STRICT;
    CREATE INDEX bundle_alarms_by_book ON bundle_alarms (book_id, id);

    CREATE TRIGGER bundle_pins_no_delete BEFORE DELETE ON bundle_pins
      BEGIN SELECT RAISE(ABORT, '导入记录本的固定状态不可删除'); END;
    CREATE TRIGGER bundle_alarms_no_update BEFORE UPDATE ON bundle_alarms
      BEGIN SELECT RAISE(ABORT, '数据包警报不可修改'); END;
    CREATE TRIGGER bundle_alarms_no_delete BEFORE DELETE ON bundle_alarms
      BEGIN SELECT RAISE(ABORT, '数据包警报不可删除'); END;
  `);
}
