import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openDatabase } from '../open-database';
import { BookAlarms } from './alarms';
import { BackgroundJob, defaultVerifyWorker } from './background-verify';
import { BookStates, type BookState } from './book-state';
import { GENESIS_KIND, ROTATION_KIND, CORRECTION_KIND, rotationBody } from './book-keys';
import { canonicalJson } from './canonical';
import {
  FileCheckpointStore,
  MemoryCheckpointStore,
  parseSignedCheckpoint,
  type OutsideCheckpointStore,
} from './checkpoint';
import { parseLeaf } from './entry-bytes';
import { proveRow, provenEntry } from './entry-proof';
import { prepareInput, type PreparedInput } from './entry-input';
import { importedBookIds, importVerifiedBook, type VerifiedBook } from './import-book';
import { errorDetail, LedgerError, toLedgerError } from './errors';
import { isHex64, sha256Hex } from './hashing';
import { isCorrectable } from '../contract/json-pointer';
import { exportPrivateKey, generateSigningKey, importPrivateKey, openSshLineOf, type SigningKey } from './keys';
import { consistencyPath, inclusionPath, rootOf } from './merkle';
import { runQuickCheck, type CheckContext } from './quick-check';
import { readProblems } from './read-problems';
import { sealEntries, type CheckpointSigner, type SealOutcome } from './sealing';
import { entryId, LedgerStore, SEQ_SPAN } from './store';
import type { EntryCheck, ImportOptions, InTransaction, Ledger, OpenLedgerOptions } from './ledger-api';
import type {
  BookInfo,
  Clock,
  CorrectionRequest,
  EntryInput,
  Hex,
  SealedEntry,
  SignedCheckpoint,
  VerifyReport,
} from './types';

export type { Ledger, OpenLedgerOptions } from './ledger-api';
import { runFullVerify } from './verify';

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
const INLINE_VERIFY_BELOW = 5_000;

/** Opens (creating if needed) the ledger in one SQLite file and quick-checks every book. */
export function openLedger(options: OpenLedgerOptions): Ledger {
  let db: Database.Database;
  try {
    db = openDatabase(options.path, { readonly: options.readonly, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw toLedgerError(error, '打开数据库');
  }
  try {
    return new LedgerImpl(db, options);
  } catch (error) {
    db.close();
    throw toLedgerError(error, '打开记录本');
  }
}

function requireText(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new LedgerError('invalid-input', `${what}不能为空，且不超过 ${max} 个字符。`);
  }
  return value;
}

class LedgerImpl implements Ledger {
  readonly path: string;
  private readonly store: LedgerStore;
  private readonly outside: OutsideCheckpointStore;
  private readonly books: BookStates;
  private readonly clock: Clock;
  private readonly keys = new Map<string, SigningKey>();
  private readonly alarms: BookAlarms;
  private readonly jobs = new Set<BackgroundJob>();
  private readonly waiting = new Map<string, { promise: Promise<VerifyReport>; resolve: (r: VerifyReport) => void }>();
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly options: OpenLedgerOptions,
  ) {
    this.path = options.path;
    this.clock = options.clock ?? (() => new Date());
    this.store = new LedgerStore(db);
    this.outside = db.memory ? new MemoryCheckpointStore() : new FileCheckpointStore(options.path);
    this.books = new BookStates(this.checkContext(), options.readonly === true);
    this.books.load();
    this.alarms = new BookAlarms(db, db.memory ? null : `${options.path}.checkpoints`, options.readonly === true);
    for (const book of this.books.all()) {
      const alarm = this.alarms.read(book.bookId);
      if (alarm) this.books.remember(book, alarm);
    }
    for (const bookId of importedBookIds(db)) {
      const book = this.books.all().find((b) => b.bookId === bookId);
      if (book) this.books.markImported(book);
    }
    if (options.verifyOnOpen !== false) this.startFullVerify(this.books.all());
  }

  get database(): Database.Database {
    return this.db;
  }

  /**
   * Every open verifies every book in full. Small books are done here and now (milliseconds);
   * larger ones in a worker thread, so opening a big book or a workspace of hundreds of books
   * stays instant and the badge shows the progress.
   */
  private startFullVerify(books: BookState[]): void {
    if (books.length === 0) return;
    const total = books.reduce((n, b) => n + b.size, 0);
    const worker = this.options.verifyWorker === undefined ? defaultVerifyWorker() : this.options.verifyWorker;
    if (this.db.memory || worker === null || total < (this.options.inlineVerifyBelow ?? INLINE_VERIFY_BELOW)) {
      for (const book of books) this.verifyHere(book);
      return;
    }
    for (const book of books) book.verification = { state: 'running', done: 0, total: book.size };
    let job: BackgroundJob;
    try {
      job = new BackgroundJob({
        path: this.path,
        worker,
        books: books.map((b) => ({ bookNo: b.bookNo, bookId: b.bookId, total: b.size })),
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        onProgress: (bookId, p) => {
          const book = this.books.get(bookId);
          if (book.verification.state === 'running')
            book.verification = { state: 'running', done: p.done, total: p.total };
        },
        onResult: (bookId, report) => this.finishVerify(this.books.get(bookId), report),
        onFailure: (left) => {
          this.jobs.delete(job);
          // No thread could verify them: do it here rather than leave them unverified.
          if (!this.closed) for (const row of left) this.verifyHere(this.books.get(row.bookId));
        },
      });
    } catch {
      for (const book of books) this.verifyHere(book);
      return;
    }
    this.jobs.add(job);
  }

  private verifyHere(book: BookState): VerifyReport {
    book.verification = { state: 'running', done: 0, total: book.size };
    // A verify reads every page once: map the file instead of copying pages through the cache.
    if (!this.db.memory) this.db.pragma('mmap_size = 1073741824');
    try {
      const { report } = runFullVerify(this.checkContext(), { bookNo: book.bookNo, bookId: book.bookId });
      this.finishVerify(book, report);
      return report;
    } finally {
      if (!this.db.memory) this.db.pragma('mmap_size = 0');
    }
  }

  private finishVerify(book: BookState, report: VerifyReport): void {
    if (!report.ok && !book.alarm) {
      const alarm = { bookId: book.bookId, at: this.clock().toISOString(), problems: report.problems };
      this.alarms.record(alarm);
      this.books.verified(book, report);
      book.alarm = alarm;
    } else {
      this.books.verified(book, report);
    }
    const waiter = this.waiting.get(book.bookId);
    if (waiter) {
      this.waiting.delete(book.bookId);
      waiter.resolve(report);
    }
  }

  private checkContext(): CheckContext {
    return {
      store: this.store,
      outside: this.outside,
      readonly: this.options.readonly === true,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    };
  }

  /** Runs `fn`, turning SQLite errors (corruption included) into LedgerErrors. */
  private guard<T>(what: string, fn: () => T): T {
    if (this.closed) throw new LedgerError('ledger-closed', '记录本已关闭。');
    try {
      return fn();
    } catch (error) {
      throw toLedgerError(error, what);
    }
  }

  private writable(bookId: string): BookState {
    if (this.options.readonly) throw new LedgerError('ledger-readonly', '数据库以只读方式打开，不能写入。');
    const book = this.books.get(bookId);
    if (book.readOnly) {
      throw new LedgerError('book-readonly', `这本记录本处于只读状态，不能再封存：${book.reason ?? '校验未通过'}`);
    }
    return book;
  }

  private signerOf(keyId: string): SigningKey {
    let key = this.keys.get(keyId);
    if (!key) {
      const der = this.options.keyStore.load(keyId);
      if (!der) {
        throw new LedgerError(
          'key-missing',
          `这台电脑上没有这本记录本当前的签名私钥（${keyId}），不能在此封存。请在原来的电脑上办理密钥移交，或导入私钥。`,
        );
      }
      key = importPrivateKey(der, keyId);
      this.keys.set(keyId, key);
    }
    return key;
  }

  /**
   * Seals in one transaction, then writes the outside checkpoint. A crash in between leaves
   * the file behind the database, which the next open accepts and brings up to date. A new
   * book is the exception: its file is written just before COMMIT, so a book never exists
   * without one (a crash there leaves only a stray file for a book that does not exist).
   */
  private commit(
    book: BookState,
    inputs: PreparedInput[],
    author: string,
    signer: CheckpointSigner,
    publicKeyLine: string,
    inTransaction?: InTransaction,
  ) {
    const isNew = book.isNew === true;
    const writeOutside = (signed: SignedCheckpoint) => {
      try {
        this.outside.write(book.bookId, { signed, publicKey: publicKeyLine });
      } catch (error) {
        throw new LedgerError(
          'checkpoint-write-failed',
          (isNew ? '数据库外的检查点文件未能写入，记录本未建立' : '条目已封存，但数据库外的检查点文件未能写入') +
            `（${errorDetail(error)}）。请检查磁盘空间和文件夹权限${isNew ? '' : '；下次打开时会自动补写'}。`,
          { cause: error },
        );
      }
    };
    const beforeCommit = (outcome: SealOutcome) => {
      this.options.onSeal?.(book.bookId, outcome.entries);
      inTransaction?.(book.bookId, outcome.entries);
      if (isNew) writeOutside(outcome.signed);
    };
    const outcome = sealEntries(this.db, this.store, this.clock, book, inputs, author, signer, beforeCommit);
    this.books.applySeal(book, outcome);
    if (!isNew) writeOutside(outcome.signed);
    return outcome.entries;
  }

  createBook(
    name: string,
    genesis: Record<string, unknown> = {},
    initial: EntryInput[] = [],
    inTransaction?: InTransaction,
  ): BookInfo {
    return this.guard('建立记录本', () => {
      if (this.options.readonly) throw new LedgerError('ledger-readonly', '数据库以只读方式打开，不能写入。');
      requireText(name, '记录本名称', 200);
      if (typeof genesis !== 'object' || genesis === null || Array.isArray(genesis)) {
        throw new LedgerError('invalid-input', '建账信息必须是对象。');
      }
      for (const reserved of ['name', 'publicKey', 'keyId']) {
        if (reserved in genesis) throw new LedgerError('invalid-input', `建账信息中不能包含保留字段 ${reserved}。`);
      }
      const bookId = randomUUID();
      const key = generateSigningKey();
      const publicKey = openSshLineOf(key.publicKey, `dangjian-logbook:${bookId}`);
      const input = prepareInput({ kind: GENESIS_KIND, body: { ...genesis, name, publicKey, keyId: key.keyId } }, true);
      if (!Array.isArray(initial)) throw new LedgerError('invalid-input', '建账时的初始条目必须是数组。');
      const first = initial.map((entry) => prepareInput(entry));
      this.options.keyStore.save(key.keyId, exportPrivateKey(key.privateKey));
      this.keys.set(key.keyId, key);
      const book = this.books.newBook(this.store.nextBookNo(), bookId, name, key, publicKey);
      try {
        this.commit(book, [input, ...first], key.keyId, key, publicKey, inTransaction);
      } catch (error) {
        if (book.size === 0) this.books.forget(bookId);
        throw error;
      }
      // A new book is small: its first full verify is done now, so the badge never says "0 条".
      this.verifyHere(book);
      return this.books.info(book);
    });
  }

  importBook(book: VerifiedBook, options: ImportOptions = {}): BookInfo {
    return this.guard('导入记录本', () => {
      if (this.options.readonly) throw new LedgerError('ledger-readonly', '数据库以只读方式打开，不能写入。');
      if (typeof book !== 'object' || book === null || typeof book.bookId !== 'string') {
        throw new LedgerError('invalid-input', '要导入的记录本必须是 {bookId, entries, attachment, checkpoint}。');
      }
      const existing = this.books.all().find((b) => b.bookId === book.bookId) ?? null;
      if (existing && options.extendFrom === undefined) return this.sameBook(existing, book);
      if (!existing && options.extendFrom !== undefined && options.extendFrom !== 0) {
        throw new LedgerError('import-conflict', `本机没有要续接的记录本 ${book.bookId}，请重新导入。`);
      }
      const extend =
        existing && options.extendFrom !== undefined
          ? { bookNo: existing.bookNo, size: options.extendFrom }
          : undefined;
      const bookNo = extend?.bookNo ?? this.store.nextBookNo();
      const outcome = importVerifiedBook(
        {
          db: this.db,
          store: this.store,
          outside: this.outside,
          ctx: this.checkContext(),
          bookNo,
          maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
          ...(extend ? { existing: extend } : {}),
          ...(options.inTransaction ? { inTransaction: options.inTransaction } : {}),
        },
        book,
      );
      if (existing) this.books.forget(existing.bookId);
      const state = this.books.add({ bookNo, bookId: book.bookId });
      if (options.imported) this.books.markImported(state);
      // The import's own full verify ran on exactly these rows, just before COMMIT.
      this.finishVerify(state, outcome.report);
      try {
        outcome.writeOutside?.();
      } catch {
        // Committed: like a seal's, the outside file is brought up to date on the next open.
      }
      return this.books.info(state);
    });
  }

  /** The book is already here: the same one (size and root) is a no-op, another is refused. */
  private sameBook(existing: BookState, book: VerifiedBook): BookInfo {
    const cp = book.checkpoint?.checkpoint;
    const same =
      cp !== undefined &&
      cp.size === existing.size &&
      existing.size > 0 &&
      rootOf(existing.size, this.store.nodeGetter(existing.bookNo)).toString('hex') === cp.root;
    if (!same) {
      throw new LedgerError(
        'book-exists',
        `本机已有记录本 ${book.bookId}，内容与要导入的不同（本机 ${existing.size} 条，数据包 ${cp?.size ?? '?'} 条或树根不同）。不会覆盖或合并；请导入到新的数据文件夹，两份都保留作为证据。`,
      );
    }
    return this.books.info(existing);
  }

  listBooks(): BookInfo[] {
    return this.guard('列出记录本', () => this.books.all().map((b) => this.books.info(b)));
  }

  getBook(bookId: string): BookInfo {
    return this.guard('读取记录本', () => this.books.info(this.books.get(bookId)));
  }

  seal(bookId: string, input: EntryInput): SealedEntry {
    return this.sealBatch(bookId, [input])[0]!;
  }

  sealBatch(bookId: string, inputs: EntryInput[], inTransaction?: InTransaction): SealedEntry[] {
    return this.guard('封存条目', () => {
      const book = this.writable(bookId);
      if (!Array.isArray(inputs)) throw new LedgerError('invalid-input', '要封存的条目必须是数组。');
      const prepared = inputs.map((input) => prepareInput(input));
      if (prepared.length === 0) return [];
      const epoch = this.books.currentEpoch(book);
      const signer = this.signerOf(epoch.keyId);
      return this.commit(book, prepared, epoch.keyId, signer, epoch.publicKeyLine, inTransaction);
    });
  }

  putAttachment(bytes: Buffer): Hex {
    return this.guard('保存附件', () => {
      if (this.options.readonly) throw new LedgerError('ledger-readonly', '数据库以只读方式打开，不能写入。');
      if (!Buffer.isBuffer(bytes)) throw new LedgerError('invalid-input', '附件内容必须是二进制数据（Buffer）。');
      if (bytes.length > MAX_ATTACHMENT_BYTES) {
        throw new LedgerError(
          'attachment-too-large',
          `附件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），单个附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB。请压缩或拆分后再添加。`,
        );
      }
      const hash = sha256Hex(bytes);
      this.db
        .transaction(() => {
          if (!this.store.attachmentExists(hash)) this.store.insertAttachment(hash, bytes);
        })
        .immediate();
      return hash;
    });
  }

  hasAttachment(hash: Hex): boolean {
    return this.guard('查找附件', () => isHex64(hash) && this.store.attachmentExists(hash));
  }

  getAttachment(hash: Hex): Buffer | null {
    return this.guard('读取附件', () => {
      const bytes = isHex64(hash) ? this.store.attachment(hash) : undefined;
      if (bytes === undefined) return null;
      if (!Buffer.isBuffer(bytes) || sha256Hex(bytes) !== hash) {
        const problem = readProblems.attachmentDamaged(hash);
        throw new LedgerError('attachment-damaged', problem.message, { problem });
      }
      return bytes;
    });
  }

  getEntry(bookId: string, seq: number): SealedEntry | null {
    return this.guard('读取条目', () => {
      const book = this.books.get(bookId);
      if (!Number.isSafeInteger(seq) || seq < 1 || seq >= SEQ_SPAN) return null;
      const row = this.store.entryRow(book.bookNo, seq);
      if (!row) return null;
      return provenEntry(bookId, seq, row, book.trusted, this.store.nodeGetter(book.bookNo), (n) =>
        this.store.entryRow(book.bookNo, n),
      );
    });
  }

  checkEntries(bookId: string, seqs: readonly number[]): EntryCheck[] {
    return this.guard('校验条目', () => {
      const book = this.books.get(bookId);
      // One node cache for the whole list: neighbouring seqs share most of their proof.
      const get = this.store.nodeGetter(book.bookNo);
      return seqs.map((seq) => {
        const row =
          Number.isSafeInteger(seq) && seq >= 1 && seq < SEQ_SPAN ? this.store.entryRow(book.bookNo, seq) : undefined;
        const problem = proveRow(seq, row, book.trusted, get, (n) => this.store.entryRow(book.bookNo, n));
        return { seq, hash: problem ? null : row!.tree.slice(0, 64), problem };
      });
    });
  }

  listEntries(bookId: string, opts: { fromSeq?: number; toSeq?: number; kinds?: string[] } = {}): SealedEntry[] {
    return this.guard('列出条目', () => {
      const book = this.books.get(bookId);
      const from = Math.max(1, Math.floor(opts.fromSeq ?? 1));
      const to = Math.min(SEQ_SPAN - 1, Math.floor(opts.toSeq ?? SEQ_SPAN - 1));
      const kinds = opts.kinds ? new Set(opts.kinds) : null;
      const out: SealedEntry[] = [];
      if (!(from <= to)) return out;
      if (kinds && kinds.size <= 8) {
        // Few kinds: use the kind index instead of reading every row.
        for (const kind of kinds) {
          for (const row of this.store.rowsOfKind(book.bookNo, kind)) {
            const seq = row.id - entryId(book.bookNo, 0);
            if (seq >= from && seq <= to) out.push(parseLeaf(bookId, row.leaf, row.tree.slice(0, 64)));
          }
        }
        return out.sort((a, b) => a.seq - b.seq);
      }
      for (const row of this.store.rowsInRange(book.bookNo, from, to)) {
        if (!kinds || kinds.has(row.kind)) out.push(parseLeaf(bookId, row.leaf, row.tree.slice(0, 64)));
      }
      return out;
    });
  }

  rawEntry(bookId: string, seq: number): Buffer {
    return this.guard('读取条目', () => {
      const book = this.books.get(bookId);
      const row =
        Number.isSafeInteger(seq) && seq >= 1 && seq < SEQ_SPAN ? this.store.entryRow(book.bookNo, seq) : undefined;
      if (!row) throw new LedgerError('invalid-input', `第 ${seq} 条不存在。`);
      return Buffer.from(row.leaf.subarray(1));
    });
  }

  checkpoint(bookId: string): SignedCheckpoint | null {
    return this.guard('读取检查点', () =>
      parseSignedCheckpoint(this.store.checkpointText(this.books.get(bookId).bookNo)),
    );
  }

  rotateKey(bookId: string, reason: string, inTransaction?: InTransaction): SealedEntry {
    return this.guard('轮换密钥', () => {
      const book = this.writable(bookId);
      requireText(reason, '密钥轮换原因', 500);
      const current = this.books.currentEpoch(book);
      const previous = this.signerOf(current.keyId);
      const next = generateSigningKey();
      const publicKey = openSshLineOf(next.publicKey, `dangjian-logbook:${bookId}`);
      const statement = {
        book: bookId,
        seq: book.size + 1,
        prev: book.headHash,
        previousKeyId: current.keyId,
        keyId: next.keyId,
        publicKey,
        reason,
      };
      const body = rotationBody(statement, previous.privateKey, next.privateKey);
      const input = prepareInput({ kind: ROTATION_KIND, body }, true);
      this.options.keyStore.save(next.keyId, exportPrivateKey(next.privateKey));
      this.keys.set(next.keyId, next);
      let entry: SealedEntry;
      try {
        entry = this.commit(book, [input], current.keyId, next, publicKey, inTransaction)[0]!;
      } catch (error) {
        // Committed but the outside file failed: the rotation IS sealed, so the new key must
        // be enrolled before the error goes up, or later seals would be signed by the old key.
        if (error instanceof LedgerError && error.code === 'checkpoint-write-failed') {
          this.books.enrol(book, next, publicKey, book.size);
        }
        throw error;
      }
      this.books.enrol(book, next, publicKey, entry.seq);
      return entry;
    });
  }

  correct(bookId: string, c: CorrectionRequest, inTransaction?: InTransaction): SealedEntry {
    return this.guard('更正条目', () => {
      const book = this.writable(bookId);
      if (typeof c !== 'object' || c === null) throw new LedgerError('invalid-input', '更正内容必须是对象。');
      const target = Number.isSafeInteger(c.target) && c.target >= 1 ? this.getEntry(bookId, c.target) : null;
      if (!target) throw new LedgerError('correction-target-not-found', `要更正的第 ${String(c.target)} 条不存在。`);
      // One field, or several that only make sense together (e.g. who was present and who absent).
      const changes = c.changes ?? [{ field: c.field, value: c.value }];
      if (!Array.isArray(changes) || changes.length === 0 || changes.length > 50) {
        throw new LedgerError('invalid-input', '一次更正应包含 1 至 50 处修改。');
      }
      for (const change of changes) {
        if (
          typeof change.field !== 'string' ||
          !change.field.startsWith('/') ||
          !isCorrectable(target.body, change.field)
        ) {
          throw new LedgerError(
            'correction-field-not-found',
            `第 ${target.seq} 条中没有字段“${String(change.field)}”（应为 JSON Pointer，例如 /topics/0/title）。`,
          );
        }
        canonicalJson(change.value, '更正后的值');
      }
      requireText(c.reason, '更正原因', 2000);
      if (c.by !== undefined) requireText(c.by, '更正人', 100);
      const what = c.changes
        ? { changes: changes.map((x) => ({ field: x.field, value: x.value })) }
        : { field: c.field, value: c.value };
      const body = {
        target: target.seq,
        targetHash: target.hash,
        ...what,
        reason: c.reason,
        ...(c.by !== undefined ? { by: c.by } : {}),
      };
      const input = prepareInput({ kind: CORRECTION_KIND, body }, true);
      const epoch = this.books.currentEpoch(book);
      return this.commit(
        book,
        [input],
        epoch.keyId,
        this.signerOf(epoch.keyId),
        epoch.publicKeyLine,
        inTransaction,
      )[0]!;
    });
  }

  private sizeFor(bookId: string, size: number, what: string): BookState {
    const book = this.books.get(bookId);
    if (!Number.isSafeInteger(size) || size < 1 || size > book.size) {
      throw new LedgerError('proof-out-of-range', `${what}的树大小 ${size} 超出范围（这本记录本有 ${book.size} 条）。`);
    }
    return book;
  }

  inclusionProof(bookId: string, seq: number, size: number): Hex[] {
    return this.guard('生成包含证明', () => {
      const book = this.sizeFor(bookId, size, '包含证明');
      if (!Number.isSafeInteger(seq) || seq < 1 || seq > size) {
        throw new LedgerError('proof-out-of-range', `第 ${seq} 条不在前 ${size} 条之内。`);
      }
      return inclusionPath(seq - 1, size, this.store.nodeGetter(book.bookNo)).map((h) => h.toString('hex'));
    });
  }

  consistencyProof(bookId: string, oldSize: number, newSize: number): Hex[] {
    return this.guard('生成一致性证明', () => {
      const book = this.sizeFor(bookId, newSize, '一致性证明');
      if (!Number.isSafeInteger(oldSize) || oldSize < 1 || oldSize > newSize) {
        throw new LedgerError('proof-out-of-range', `一致性证明的旧树大小 ${oldSize} 超出范围（1–${newSize}）。`);
      }
      return consistencyPath(oldSize, newSize, this.store.nodeGetter(book.bookNo)).map((h) => h.toString('hex'));
    });
  }

  rootAt(bookId: string, size: number): Hex {
    return this.guard('计算树根', () => {
      const book = this.sizeFor(bookId, size, '树根');
      return rootOf(size, this.store.nodeGetter(book.bookNo)).toString('hex');
    });
  }

  quickCheck(bookId: string): VerifyReport {
    return this.guard('快速校验', () => this.books.recheck(this.books.get(bookId), runQuickCheck));
  }

  verify(bookId: string): VerifyReport {
    return this.guard('完整校验', () => this.verifyHere(this.books.get(bookId)));
  }

  verifyInBackground(bookId: string): Promise<VerifyReport> {
    try {
      return this.guard('完整校验', () => {
        const book = this.books.get(bookId);
        const running = this.waiting.get(bookId);
        if (running) return running.promise;
        if (book.verification.state === 'running' && this.jobs.size > 0) {
          let resolve!: (r: VerifyReport) => void;
          const promise = new Promise<VerifyReport>((r) => (resolve = r));
          this.waiting.set(bookId, { promise, resolve });
          return promise;
        }
        let resolve!: (r: VerifyReport) => void;
        const promise = new Promise<VerifyReport>((r) => (resolve = r));
        this.waiting.set(bookId, { promise, resolve });
        this.startFullVerify([book]);
        return promise;
      });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  status(bookId: string) {
    return this.guard('读取状态', () => this.books.status(this.books.get(bookId)));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.jobs) job.stop();
    this.jobs.clear();
    this.db.close();
  }
}
