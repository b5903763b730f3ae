import type Database from 'better-sqlite3';
import { parseSignedCheckpoint, serializeSignedCheckpoint } from '../ledger/checkpoint';
import type { SignedCheckpoint } from '../ledger/types';
import { MAX_CHECKPOINT_JSON_BYTES } from './bundle-limits';
import { validatePin, type PinRead, type PinReader, type PinRecord } from './pin-state';
import { parseSafeJson } from './safe-json';
import type { BundleAlarm } from './verify-bundle';

/**
 * The liaison's pinned state in its own SQLite database (migration 0040): the same record as
 * pin-state.ts's files, one row per imported book, validated in full (signature included)
 * on every read, so an edited row is an invalid pin — and an invalid pin refuses every
 * import of that book. `write` runs inside the caller's transaction (the import's), so the
 * pin moves together with the entries it pins. Alarms are kept as evidence, never changed.
 */

export interface StoredBundleAlarm {
  id: number;
  bookId: string;
  kind: BundleAlarm['kind'] | 'checked-history';
  at: string;
  message: string;
  /** Null only for `checked-history` in a data folder that never pinned the book. */
  pinned: SignedCheckpoint | null;
  found: SignedCheckpoint | null;
  bundleSha256: string;
  evidenceFile: string | null;
  /** `checked-history` (migration 0042): the liaison's signed receipt the bundle does not match, as JSON `{receipt, signature}`. */
  receipt?: string | null;
}

interface AlarmRow {
  id: number;
  book_id: string;
  kind: StoredBundleAlarm['kind'];
  at: string;
  message: string;
  pinned_checkpoint: string | null;
  found_checkpoint: string | null;
  bundle_sha256: string;
  evidence_file: string | null;
  receipt: string | null;
}

export class PinStore implements PinReader {
  constructor(private readonly db: Database.Database) {}

  read(bookId: string): PinRead {
    const text = this.db.prepare('SELECT record FROM bundle_pins WHERE book_id = ?').pluck().get(bookId) as
      string | undefined;
    if (text === undefined) return { state: 'missing' };
    const parsed = parseSafeJson(text, { maxLength: MAX_CHECKPOINT_JSON_BYTES });
    if (!parsed.ok) return { state: 'invalid', reason: parsed.reason };
    const record = validatePin(parsed.value, bookId);
    return typeof record === 'string' ? { state: 'invalid', reason: record } : { state: 'present', record };
  }

  /** Inserts or advances the book's pin (inside the caller's transaction). */
  write(record: PinRecord): void {
    this.db
      .prepare(
        'INSERT INTO bundle_pins (book_id, record) VALUES (?, ?) ON CONFLICT (book_id) DO UPDATE SET record = excluded.record',
      )
      .run(record.bookId, JSON.stringify(record));
  }

  pinnedBookIds(): string[] {
    return this.db.prepare('SELECT book_id FROM bundle_pins ORDER BY book_id').pluck().all() as string[];
  }

  addAlarm(alarm: Omit<StoredBundleAlarm, 'id'>): number {
    const info = this.db
      .prepare(
        `INSERT INTO bundle_alarms (book_id, kind, at, message, pinned_checkpoint, found_checkpoint, bundle_sha256, evidence_file, receipt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        alarm.bookId,
        alarm.kind,
        alarm.at,
        alarm.message,
        alarm.pinned ? serializeSignedCheckpoint(alarm.pinned) : null,
        alarm.found ? serializeSignedCheckpoint(alarm.found) : null,
        alarm.bundleSha256,
        alarm.evidenceFile,
        alarm.receipt ?? null,
      );
    return Number(info.lastInsertRowid);
  }

  /** Every alarm kept, newest first (of one book, or of all). */
  alarms(bookId?: string): StoredBundleAlarm[] {
    const rows = (
      bookId === undefined
        ? this.db.prepare('SELECT * FROM bundle_alarms ORDER BY id DESC').all()
        : this.db.prepare('SELECT * FROM bundle_alarms WHERE book_id = ? ORDER BY id DESC').all(bookId)
    ) as AlarmRow[];
    return rows.map((r) => ({
      id: r.id,
      bookId: r.book_id,
      kind: r.kind,
      at: r.at,
      message: r.message,
      pinned: r.pinned_checkpoint === null ? null : parseSignedCheckpoint(r.pinned_checkpoint),
      found: r.found_checkpoint === null ? null : parseSignedCheckpoint(r.found_checkpoint),
      bundleSha256: r.bundle_sha256,
      evidenceFile: r.evidence_file,
      receipt: r.receipt,
    }));
  }
}
