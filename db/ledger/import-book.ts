import type Database from 'better-sqlite3';
import {
  authorEpochAt,
  checkpointEpochAt,
  CORRECTION_KIND,
  GENESIS_KIND,
  readGenesis,
  readRotation,
  ROTATION_KIND,
  type KeyEpoch,
} from './book-keys';
import { isCanonicalText } from './canonical';
import {
  isIsoUtc,
  parseSignedCheckpoint,
  serializeSignedCheckpoint,
  verifyCheckpointSignature,
  type OutsideCheckpointStore,
} from './checkpoint';
import { ByteMatcher, ENTRY_VERSION, listJson } from './entry-bytes';
import { entryProblem } from './entry-check';
import { isValidKind, MAX_ATTACHMENTS_PER_ENTRY } from './entry-input';
import { LedgerError } from './errors';
import { isHex64, sha256, sha256Hex, ZERO_HASH } from './hashing';
import { isKeyId } from './keys';
import { appendLeaf, rootOfPeaks, type Peak } from './merkle';
import type { CheckContext } from './quick-check';
import { entryId, SEQ_SPAN, type LedgerStore } from './store';
import type { Hex, LedgerFlag, SealedEntry, SignedCheckpoint, VerifyReport } from './types';
import { runFullVerify } from './verify';

/**
 * Importing a book someone else sealed (a restore from its bundle, or the liaison's copy)
 * into this ledger file, without trusting the source: the caller has already verified the
 * bundle and staged its entries and attachments in files (db/bundle/staging.ts), and every
 * check that matters is made again here on the bytes actually written.
 *
 * One SYNCHRONOUS transaction (better-sqlite3 `.immediate()`): nothing else can run while it
 * is open, and no other write ever waits on an await. It writes the ledger_books row with a
 * new book_no (or, to extend a book imported before, checks that its first `existing.size`
 * entries are the stored bytes exactly and adds the rest), every entry in the row layout
 * sealing.ts writes (columns parsed from the bytes, `tree` = leaf hash + the Merkle nodes the
 * leaf completes, `leaf` = 0x00 || bytes), the attachments, the checkpoint row, whatever the
 * caller writes with it (`inTransaction`: the liaison's pin), and — for a new book — the
 * outside checkpoint file just before COMMIT (an extension's is written after COMMIT, as a
 * seal's is). On the way: each line is the canonical JSON of an entry of this book with the
 * next seq and the previous hash; its columns rebuild its bytes exactly (entry-check.ts, the
 * full verify's own test); genesis and each rotation (both signatures) give the key in force
 * and every author is that key; the Merkle root is the checkpoint's and the checkpoint is
 * signed by the key in force at its size. Before COMMIT the ledger's own full verify runs on
 * the uncommitted rows, so a book that would not verify is never committed (the attachments
 * this transaction inserted were hashed just before their insert: the verify takes them as
 * there, without looking them up or hashing them again; any it did not insert are hashed as
 * usual). Any failure rolls everything back: the database is as it was.
 */

/** What an import reads: produced by the bundle reader after `verifyBundle` passed (db/bundle/verified-book.ts). */
export interface VerifiedBook {
  bookId: string;
  /**
   * The exact canonical bytes of entries 1…n, in order (no 0x00 leaf prefix, no LF); read
   * synchronously. A StagedEntry also brings the envelope the verify parsed from those bytes
   * (every field but the body): with the verified root, the import then does not parse the
   * line again. The envelope is not trusted: its fields are checked as a parsed line's are,
   * and they must rebuild the bytes around the body exactly (entryProblem's prefix and suffix).
   */
  entries: Iterable<Buffer | StagedEntry>;
  /** The attachment whose SHA-256 is `hash`, or null. Asked only for attachments entries name and this ledger lacks. */
  attachment(hash: Hex): Buffer | null;
  /** The bundle's signed checkpoint: its size and root must be those of the entries. */
  checkpoint: SignedCheckpoint;
  /**
   * The Merkle root `verifyBundle` computed from entries it found, line by line, to be
   * canonical JSON (set by db/bundle/staging.ts from a report that passed). When it is the
   * checkpoint's root, the canonical check is not made a second time here: the root this
   * import computes from the bytes it writes must equal that root before COMMIT, so they are
   * the bytes verified (SHA-256 leaves). Every other check is made on every line as usual.
   */
  verifiedRoot?: Hex;
}

export interface StagedEntry {
  bytes: Buffer;
  envelope: unknown;
}

export interface ImportTarget {
  db: Database.Database;
  store: LedgerStore;
  outside: OutsideCheckpointStore;
  ctx: CheckContext;
  bookNo: number;
  maxAttachmentBytes: number;
  /** Extend this book of the ledger (its first `size` entries must be the bundle's first ones, byte for byte). */
  existing?: { bookNo: number; size: number };
  /** Runs inside the transaction after the rows are written and verified, before COMMIT; throwing aborts the import. */
  inTransaction?: () => void;
}

export interface ImportOutcome {
  report: VerifyReport;
  epochs: KeyEpoch[];
  /** Entries written (all of them for a new book; those beyond `existing.size` for an extension). */
  added: number;
  /** Writes the outside checkpoint file of an extension; call after COMMIT (null for a new book: written before COMMIT). */
  writeOutside: (() => void) | null;
}

const ENTRY_KEYS = ['attachments', 'author', 'body', 'book', 'flags', 'kind', 'prev', 'recordedAt', 'seq', 'v'];
const LEDGER_FLAGS: readonly string[] = ['clock-behind'] satisfies LedgerFlag[];
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function importRefused(message: string, cause?: unknown): LedgerError {
  return new LedgerError(
    'import-invalid',
    `导入已停止，记录本未写入：${message}`,
    cause === undefined ? undefined : { cause },
  );
}

const entryBase = (bookNo: number): number => entryId(bookNo, 0);

/** Entries whose body the import reads (the key history): always parsed from their bytes. */
const KEY_KINDS: readonly string[] = [GENESIS_KIND, ROTATION_KIND];

/** A staged envelope as a record without its body, or null if it is not one. */
function envelopeRecord(envelope: unknown): Record<string, unknown> | null {
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) return null;
  const record = envelope as Record<string, unknown>;
  const keys = Object.keys(record);
  const wanted = ENTRY_KEYS.filter((k) => k !== 'body');
  if (keys.length !== wanted.length || !wanted.every((k) => Object.hasOwn(record, k))) return null;
  return record;
}

function parseEntry(bytes: Buffer, seq: number, canonicalChecked: boolean): Record<string, unknown> {
  let text: string;
  let value: unknown;
  try {
    text = utf8.decode(bytes);
    value = JSON.parse(text);
  } catch (error) {
    throw importRefused(`第 ${seq} 条不是有效的 UTF-8 JSON。`, error);
  }
  const record = value as Record<string, unknown>;
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(record) : [];
  if (keys.length !== ENTRY_KEYS.length || !ENTRY_KEYS.every((k) => Object.hasOwn(record, k))) {
    throw importRefused(`第 ${seq} 条不是一条记录（字段不对）。`);
  }
  // No canonical form at all (a lone surrogate, nesting too deep) is refused as well.
  if (!canonicalChecked && !isCanonicalText(value, text))
    throw importRefused(`第 ${seq} 条不是规范化 JSON（RFC 8785），字节被改动过。`);
  return record;
}

/** The columns sealing.ts would have written for these bytes, after checking the envelope's fields. */
function envelopeOf(record: Record<string, unknown>, bookId: string, seq: number, prev: Hex) {
  if (record.seq !== seq)
    throw importRefused(
      `第 ${seq} 条的位置读到的是第 ${JSON.stringify(record.seq)} 条（记录缺失、重复或顺序被打乱）。`,
    );
  if (record.book !== bookId) throw importRefused(`第 ${seq} 条不属于记录本 ${bookId}。`);
  if (record.prev !== prev) throw importRefused(`第 ${seq} 条的“前一条哈希”与上一条不符（记录链断开）。`);
  if (record.v !== ENTRY_VERSION) throw importRefused(`第 ${seq} 条的格式版本 ${JSON.stringify(record.v)} 不受支持。`);
  const { kind, author, recordedAt, flags, attachments } = record;
  if (!isValidKind(kind) || !isKeyId(author) || !isIsoUtc(recordedAt))
    throw importRefused(`第 ${seq} 条的类型、作者或记录时间格式不对。`);
  const list = attachments;
  if (
    !Array.isArray(list) ||
    list.length > MAX_ATTACHMENTS_PER_ENTRY ||
    !list.every(isHex64) ||
    new Set(list).size !== list.length ||
    !Array.isArray(flags) ||
    !flags.every((f) => typeof f === 'string' && LEDGER_FLAGS.includes(f))
  ) {
    throw importRefused(`第 ${seq} 条的附件列表或标记格式不对。`);
  }
  return { kind, author, recordedAt, flags: listJson(flags as string[]), attachments: listJson(list), list };
}

/** Genesis enrols the first key, each rotation the next (both signatures); every author is the key in force. */
function checkKeys(entry: SealedEntry, epochs: KeyEpoch[]): void {
  const seq = entry.seq;
  if (seq === 1) {
    const genesis = readGenesis(entry);
    if (typeof genesis === 'string') throw importRefused(`${genesis}。`);
    epochs.push(genesis.epoch);
    return;
  }
  const inForce = authorEpochAt(epochs, seq)!;
  if (entry.author !== inForce.keyId) throw importRefused(`第 ${seq} 条的作者不是当时生效的密钥 ${inForce.keyId}。`);
  if (entry.kind === ROTATION_KIND) {
    const next = readRotation(entry, epochs[epochs.length - 1]!);
    if (typeof next === 'string') throw importRefused(`第 ${seq} 条：${next}。`);
    epochs.push(next);
  } else if (entry.kind.startsWith('ledger.') && entry.kind !== CORRECTION_KIND) {
    throw importRefused(
      `第 ${seq} 条的类型 ${entry.kind} 不是账本允许的类型${entry.kind === GENESIS_KIND ? '（建账条目只能是第 1 条）' : ''}。`,
    );
  }
}

function checkedCheckpoint(book: VerifiedBook): SignedCheckpoint {
  let signed: SignedCheckpoint | null;
  try {
    signed = parseSignedCheckpoint(serializeSignedCheckpoint(book.checkpoint));
  } catch {
    signed = null;
  }
  if (!signed || signed.checkpoint.book !== book.bookId) throw importRefused('检查点格式不对，或不属于这本记录本。');
  return signed;
}

/** Writes the book's rows and runs the full verify in one transaction; commits only if everything holds. */
export function importVerifiedBook(target: ImportTarget, book: VerifiedBook): ImportOutcome {
  const { db, store, existing } = target;
  const bookId = book.bookId;
  const signed = checkedCheckpoint(book);
  const bookNo = existing?.bookNo ?? target.bookNo;
  const run = db.transaction((): ImportOutcome => {
    if (existing) {
      if (store.bookNoOf(bookId) !== existing.bookNo)
        throw new LedgerError('book-not-found', `本机没有要续接的记录本 ${bookId}。`);
      const head = store.headRow(existing.bookNo);
      if ((head ? head.id - entryBase(existing.bookNo) : 0) !== existing.size) {
        throw new LedgerError('import-conflict', `本机的记录本 ${bookId} 在核验之后发生了变化，请重新导入。`);
      }
    } else {
      if (store.bookNoOf(bookId) !== undefined)
        throw new LedgerError('book-exists', `记录本 ${bookId} 已在本机的数据库中。`);
      store.insertBook(bookNo, bookId);
    }
    const keep = existing?.size ?? 0;
    const canonicalChecked = typeof book.verifiedRoot === 'string' && book.verifiedRoot === signed.checkpoint.root;
    const matcher = new ByteMatcher();
    const epochs: KeyEpoch[] = [];
    const named = new Set<Hex>();
    let peaks: Peak[] = [];
    let prev: Hex = ZERO_HASH;
    let seq = 0;
    for (const item of book.entries) {
      seq++;
      const bytes = Buffer.isBuffer(item) ? item : (item as Partial<StagedEntry> | null)?.bytes;
      if (!Buffer.isBuffer(bytes) || seq >= SEQ_SPAN) throw importRefused(`第 ${seq} 条无法读取。`);
      // The verify's envelope stands in for a parse only with the verified root (see VerifiedBook).
      const staged = canonicalChecked && !Buffer.isBuffer(item) ? envelopeRecord(item.envelope) : null;
      const record =
        staged && typeof staged.kind === 'string' && !KEY_KINDS.includes(staged.kind)
          ? staged
          : parseEntry(bytes, seq, canonicalChecked);
      const columns = envelopeOf(record, bookId, seq, prev);
      const leaf = Buffer.allocUnsafe(bytes.length + 1);
      leaf[0] = 0x00;
      bytes.copy(leaf, 1);
      const hash = sha256(leaf);
      const hashHex = hash.toString('hex');
      const stored = {
        kind: columns.kind,
        recordedAt: columns.recordedAt,
        author: columns.author,
        flags: columns.flags,
        attachments: columns.attachments,
        leaf,
      };
      // The hash was just taken from these bytes: only the envelope is compared.
      const problem = entryProblem(bookId, seq, prev, { ...stored, tree: hashHex }, matcher, { hashed: true });
      if (problem) throw importRefused(problem.message);
      const entry: SealedEntry = {
        bookId,
        seq,
        prev,
        recordedAt: columns.recordedAt,
        author: columns.author,
        kind: columns.kind,
        body: record.body,
        attachments: columns.list,
        flags: record.flags as LedgerFlag[],
        hash: hashHex,
      };
      checkKeys(entry, epochs);
      const appended = appendLeaf(peaks, hash);
      peaks = appended.peaks;
      if (seq <= keep) {
        // Already here: it must be the stored entry, byte for byte (a fork is never merged).
        const row = store.entryRow(bookNo, seq);
        if (!row || !Buffer.from(row.leaf).equals(leaf))
          throw importRefused(`第 ${seq} 条与本机已导入的不同（历史被改写）。`);
      } else {
        store.insertEntry(bookNo, seq, {
          ...stored,
          tree: hashHex + appended.completed.map((n) => n.toString('hex')).join(''),
        });
        for (const h of columns.list) named.add(h);
      }
      prev = hashHex;
    }
    if (seq === 0) throw importRefused('数据包中没有记录。');
    if (seq < keep) throw importRefused(`数据包只有 ${seq} 条记录，本机已有 ${keep} 条（旧的数据包）。`);
    const cp = signed.checkpoint;
    const root = rootOfPeaks(peaks).toString('hex');
    if (cp.size !== seq) throw importRefused(`数据包中有 ${seq} 条记录，检查点是 ${cp.size} 条。`);
    if (cp.root !== root) throw importRefused('由记录计算的默克尔根与检查点的不符。');
    const epoch = checkpointEpochAt(epochs, cp.size)!;
    if (cp.keyId !== epoch.keyId || !verifyCheckpointSignature(signed, epoch.publicKey)) {
      throw importRefused(`检查点不是第 ${cp.size} 条时生效的密钥 ${epoch.keyId} 所签。`);
    }
    const hashedNow = new Set<Hex>();
    for (const hash of [...named].sort()) {
      if (store.attachmentExists(hash)) continue;
      const bytes = book.attachment(hash);
      if (!Buffer.isBuffer(bytes)) throw importRefused(`缺少记录引用的附件 ${hash.slice(0, 12)}…。`);
      if (bytes.length > target.maxAttachmentBytes || sha256Hex(bytes) !== hash) {
        throw importRefused(`附件 ${hash.slice(0, 12)}… 的内容与其哈希不符。`);
      }
      store.insertAttachment(hash, bytes);
      hashedNow.add(hash);
    }
    store.upsertCheckpoint(bookNo, serializeSignedCheckpoint(signed));
    const writeOutside = () => target.outside.write(bookId, { signed, publicKey: epoch.publicKeyLine });
    if (!existing) {
      try {
        writeOutside();
      } catch (error) {
        throw new LedgerError(
          'checkpoint-write-failed',
          '数据库外的检查点文件未能写入，记录本未导入。请检查磁盘空间和文件夹权限。',
          { cause: error },
        );
      }
    }
    // The ledger's own full verify, on the rows as they will be committed. An extension's
    // outside file is still the old (shorter) one: checked, but not rewritten before COMMIT.
    const ctx = existing ? { ...target.ctx, readonly: true } : target.ctx;
    const { report } = runFullVerify(ctx, { bookNo, bookId }, undefined, { hashedNow });
    if (!report.ok) throw importRefused(`导入后的完整校验未通过：${report.problems[0]?.message ?? ''}`);
    target.inTransaction?.();
    return { report, epochs, added: seq - keep, writeOutside: existing ? writeOutside : null };
  });
  return run.immediate();
}

/** The books this file holds as imported copies (the liaison's pins, migration 0040); none before that migration ran. */
export function importedBookIds(db: Database.Database): string[] {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bundle_pins'`).get();
  return has ? (db.prepare('SELECT book_id FROM bundle_pins').pluck().all() as string[]) : [];
}
