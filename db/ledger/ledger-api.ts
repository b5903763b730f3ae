import type Database from 'better-sqlite3';
import type { BookCheckStatus } from './book-state';
import type { VerifiedBook } from './import-book';
import type {
  BookInfo,
  Clock,
  CorrectionRequest,
  EntryInput,
  Hex,
  KeyStore,
  Problem,
  SealedEntry,
  SignedCheckpoint,
  VerifyReport,
} from './types';

export type { BookCheckStatus, Verification } from './book-state';

export interface EntryCheck {
  seq: number;
  /** The entry's hash, once proven. */
  hash: Hex | null;
  problem: Problem | null;
}

/**
 * Runs inside a seal's transaction, after the entries and the checkpoint are written and
 * before COMMIT: derived tables (the read model, request ids) are written here so they can
 * never disagree with the entries. Throwing aborts the seal.
 */
export type InTransaction = (bookId: string, entries: readonly SealedEntry[]) => void;

export interface ImportOptions {
  /**
   * Extend the book already here, which has exactly this many entries (the liaison's pinned
   * size): the bundle's first entries must be the stored ones byte for byte. 0 = a first import.
   */
  extendFrom?: number;
  /** The liaison's copy: read-only here for good (marked in books' info; every seal refuses it). */
  imported?: boolean;
  /** Runs inside the import's transaction before COMMIT (the liaison's pin); throwing aborts the import. */
  inTransaction?: () => void;
}

/** The ledger's public interface (implementation: ledger.ts; design: types.ts). */

export interface OpenLedgerOptions {
  /** SQLite file (created if missing), or ':memory:' for tests (outside checkpoints then live in memory). */
  path: string;
  keyStore: KeyStore;
  /** Source of `recordedAt`; defaults to the system clock. Callers never set recordedAt. */
  clock?: Clock;
  /** Path of better_sqlite3.node, for packaged apps. */
  nativeBinding?: string;
  /** Open without writing: every book is read-only, nothing is migrated or rewritten. */
  readonly?: boolean;
  /** Called inside every seal's transaction (see InTransaction). */
  onSeal?: InTransaction;
  /**
   * Where the background verify's worker code is: defaults to the source entry (run through
   * tsx); packaged builds pass their bundled file; null verifies in this thread.
   */
  verifyWorker?: URL | string | null;
  /** Books smaller than this (entries in all books together) are fully verified during open, in this thread. Default 5,000. */
  inlineVerifyBelow?: number;
  /**
   * False only for tools that time or run the full verify themselves (the benchmark): the
   * app always verifies every book on open. Default true.
   */
  verifyOnOpen?: boolean;
}

/** Every method throws LedgerError (stable `code`, Chinese `message`); checks never throw on damaged data. */
export interface Ledger {
  readonly path: string;
  /** Seals entry 1 (`ledger.genesis`) enrolling a new Ed25519 key: body = `genesis` fields + name, publicKey, keyId. */
  /**
   * Enrols a new key in entry 1 (`ledger.genesis`); `initial` entries (e.g. the organisation and
   * its first roster) are sealed in the same transaction, so a book never exists half set up.
   */
  createBook(
    name: string,
    genesis?: Record<string, unknown>,
    initial?: EntryInput[],
    inTransaction?: InTransaction,
  ): BookInfo;
  listBooks(): BookInfo[];
  /**
   * Imports a book sealed elsewhere (restore, the liaison's copy) from the bytes of a verified
   * bundle, re-checking everything, in one transaction (import-book.ts); it then passes this
   * ledger's full verify. The same book again (same size and root) is a no-op; the same id
   * with other content is refused (`book-exists`); anything that does not check out is
   * refused (`import-invalid`) with the database unchanged. Without its private key in the
   * key store the book can be read and verified but not sealed into. Synchronous: the
   * caller reads and stages the bundle first (db/bundle/staging.ts), so no other write ever
   * waits on an import's await.
   */
  importBook(book: VerifiedBook, options?: ImportOptions): BookInfo;
  /** `book-not-found` if unknown. */
  getBook(bookId: string): BookInfo;
  /** Returns after the database commit AND the outside checkpoint file are durable. */
  seal(bookId: string, input: EntryInput): SealedEntry;
  /** One transaction and one checkpoint for all inputs (bulk import, multi-entry actions); all or nothing. */
  sealBatch(bookId: string, inputs: EntryInput[], inTransaction?: InTransaction): SealedEntry[];
  /** Stores by SHA-256 (hex) of the bytes, idempotent; at most 50 MB (`attachment-too-large`). */
  putAttachment(bytes: Buffer): Hex;
  /** Whether an attachment is stored, without reading its bytes. */
  hasAttachment(hash: Hex): boolean;
  /** The bytes, after hashing them: `attachment-damaged` when they are not what was stored. */
  getAttachment(hash: Hex): Buffer | null;
  /**
   * The entry, proven: its bytes hash to the leaf the signed checkpoint's tree holds at its seq.
   * Null when there is no such seq; `entry-damaged` (with `problem`) when the proof fails.
   */
  getEntry(bookId: string, seq: number): SealedEntry | null;
  /** Proves each seq as getEntry does, without parsing: its proven hash, or the problem. */
  checkEntries(bookId: string, seqs: readonly number[]): EntryCheck[];
  /**
   * Entries as stored, NOT proven: for rebuilding derived data and for checks that prove
   * the whole range themselves. Readers that show or hand out entries use getEntry.
   */
  listEntries(bookId: string, opts?: { fromSeq?: number; toSeq?: number; kinds?: string[] }): SealedEntry[];
  /** The exact canonical bytes that were hashed (the leaf is SHA-256(0x00 || these bytes)). */
  rawEntry(bookId: string, seq: number): Buffer;
  /** The newest signed checkpoint kept in the database. */
  checkpoint(bookId: string): SignedCheckpoint | null;
  /**
   * Seals `ledger.key-rotation` with a statement signed by the old and the new key; later checkpoints use the new key.
   * `inTransaction` runs inside the seal's transaction, as for sealBatch (the service's request id).
   */
  rotateKey(bookId: string, reason: string, inTransaction?: InTransaction): SealedEntry;
  /** Seals `ledger.correction` {target, targetHash, field, value, reason, by?}; `field` is a JSON Pointer that must resolve in the target's body. */
  correct(bookId: string, c: CorrectionRequest, inTransaction?: InTransaction): SealedEntry;
  /** RFC 9162 inclusion proof of entry `seq` in the tree of the first `size` entries. */
  inclusionProof(bookId: string, seq: number, size: number): Hex[];
  /** RFC 9162 consistency proof between the trees of `oldSize` and `newSize` entries (empty when equal). */
  consistencyProof(bookId: string, oldSize: number, newSize: number): Hex[];
  rootAt(bookId: string, size: number): Hex;
  /** Milliseconds whatever the size: newest checkpoint, stored root, head entry, outside file. */
  quickCheck(bookId: string): VerifyReport;
  /** Everything: every byte, link, Merkle node, key rotation, the checkpoint, the outside file, attachments. In this thread. */
  verify(bookId: string): VerifyReport;
  /**
   * The full verify in the background (started for every book on open): the running one,
   * or a new one. A failure is remembered across restarts and the book stays read-only.
   */
  verifyInBackground(bookId: string): Promise<VerifyReport>;
  /** A book whose check failed is read-only (with the reason); never repaired silently. */
  status(bookId: string): BookCheckStatus;
  /** The SQLite connection, for the derived tables (never for the ledger's own tables). */
  readonly database: Database.Database;
  close(): void;
}
