import type Database from 'better-sqlite3';
import { LedgerError } from './errors';
import { isHex64 } from './hashing';
import type { NodeGetter } from './merkle';
import { SCHEMA_SQL } from './schema-check';

/**
 * All SQL of the ledger, as prepared statements. A book's entries are the rowid range
 * `book_no·2^32 + 1 … book_no·2^32 + 2^32-1` (see migrations/0010-initial.ts).
 */

export const SEQ_SPAN = 2 ** 32;

export function entryId(bookNo: number, seq: number): number {
  return bookNo * SEQ_SPAN + seq;
}

export interface EntryRow {
  id: number;
  kind: string;
  recordedAt: string;
  author: string;
  flags: string;
  attachments: string;
  tree: string;
  leaf: Buffer;
}

export interface BookRow {
  bookNo: number;
  bookId: string;
}

const ROW = `id, kind, recorded_at AS recordedAt, author, flags, attachments, tree, leaf`;
export const VERIFY_COLUMNS = `id, kind, recorded_at, author, flags, attachments, tree, leaf`;

function prepareStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    books: p(`SELECT book_no AS bookNo, book_id AS bookId FROM ledger_books ORDER BY book_no`),
    nextBookNo: p(`SELECT coalesce(max(book_no), 0) + 1 FROM ledger_books`).pluck(),
    bookNoOf: p(
      `SELECT book_no FROM ledger_books INDEXED BY sqlite_autoindex_ledger_books_1 WHERE book_id = ?`,
    ).pluck(),
    seqsOfKind: p(
      `SELECT id FROM ledger_entries INDEXED BY ledger_entries_by_kind WHERE kind = ? AND id BETWEEN ? AND ? ORDER BY id`,
    ).pluck(),
    insertBook: p(`INSERT INTO ledger_books (book_no, book_id) VALUES (?, ?)`),
    head: p(`SELECT ${ROW} FROM ledger_entries WHERE id BETWEEN ? AND ? ORDER BY id DESC LIMIT 1`),
    entry: p(`SELECT ${ROW} FROM ledger_entries WHERE id = ?`),
    tree: p(`SELECT tree FROM ledger_entries WHERE id = ?`).pluck(),
    ofKind: p(`SELECT ${ROW} FROM ledger_entries WHERE kind = ? AND id BETWEEN ? AND ? ORDER BY id`),
    range: p(`SELECT ${ROW} FROM ledger_entries WHERE id BETWEEN ? AND ? ORDER BY id`),
    insertEntry: p(
      `INSERT INTO ledger_entries (id, kind, recorded_at, author, flags, attachments, tree, leaf)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    attachmentExists: p(`SELECT 1 FROM ledger_attachments WHERE hash = ?`).pluck(),
    attachment: p(`SELECT bytes FROM ledger_attachments WHERE hash = ?`).pluck(),
    insertAttachment: p(`INSERT INTO ledger_attachments (hash, bytes) VALUES (?, ?)`),
    checkpoint: p(`SELECT signed FROM ledger_checkpoints WHERE book_no = ?`).pluck(),
    upsertCheckpoint: p(
      `INSERT INTO ledger_checkpoints (book_no, signed) VALUES (?, ?)
       ON CONFLICT (book_no) DO UPDATE SET signed = excluded.signed`,
    ),
    verifyRows: p(`SELECT ${VERIFY_COLUMNS} FROM ledger_entries WHERE id BETWEEN ? AND ? ORDER BY id`).raw(true),
    schema: p(SCHEMA_SQL),
  };
}

export class LedgerStore {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(readonly db: Database.Database) {
    this.s = prepareStatements(db);
  }

  listBooks(): BookRow[] {
    return this.s.books.all() as BookRow[];
  }

  nextBookNo(): number {
    return this.s.nextBookNo.get() as number;
  }

  /** Looks the book up through its unique index (so a damaged index shows up in the quick check). */
  bookNoOf(bookId: string): number | undefined {
    return this.s.bookNoOf.get(bookId) as number | undefined;
  }

  insertBook(bookNo: number, bookId: string): void {
    this.s.insertBook.run(bookNo, bookId);
  }

  headRow(bookNo: number): EntryRow | undefined {
    return this.s.head.get(entryId(bookNo, 1), entryId(bookNo, SEQ_SPAN - 1)) as EntryRow | undefined;
  }

  entryRow(bookNo: number, seq: number): EntryRow | undefined {
    return this.s.entry.get(entryId(bookNo, seq)) as EntryRow | undefined;
  }

  treeOf(bookNo: number, seq: number): string | undefined {
    return this.s.tree.get(entryId(bookNo, seq)) as string | undefined;
  }

  rowsOfKind(bookNo: number, kind: string): EntryRow[] {
    return this.s.ofKind.all(kind, entryId(bookNo, 1), entryId(bookNo, SEQ_SPAN - 1)) as EntryRow[];
  }

  /** Seqs of one kind, read from the kind index only. */
  seqsOfKind(bookNo: number, kind: string): number[] {
    const base = entryId(bookNo, 0);
    return (this.s.seqsOfKind.all(kind, entryId(bookNo, 1), entryId(bookNo, SEQ_SPAN - 1)) as number[]).map(
      (id) => id - base,
    );
  }

  rowsInRange(bookNo: number, fromSeq: number, toSeq: number): IterableIterator<EntryRow> {
    return this.s.range.iterate(entryId(bookNo, fromSeq), entryId(bookNo, toSeq)) as IterableIterator<EntryRow>;
  }

  insertEntry(bookNo: number, seq: number, row: Omit<EntryRow, 'id'>): void {
    this.s.insertEntry.run(
      entryId(bookNo, seq),
      row.kind,
      row.recordedAt,
      row.author,
      row.flags,
      row.attachments,
      row.tree,
      row.leaf,
    );
  }

  attachmentExists(hash: string): boolean {
    return this.s.attachmentExists.get(hash) !== undefined;
  }

  attachment(hash: string): Buffer | undefined {
    return this.s.attachment.get(hash) as Buffer | undefined;
  }

  insertAttachment(hash: string, bytes: Buffer): void {
    this.s.insertAttachment.run(hash, bytes);
  }

  checkpointText(bookNo: number): unknown {
    return this.s.checkpoint.get(bookNo);
  }

  upsertCheckpoint(bookNo: number, text: string): void {
    this.s.upsertCheckpoint.run(bookNo, text);
  }

  /** Raw rows `[id, kind, recorded_at, author, flags, attachments, tree, leaf]` in seq order. */
  verifyRows(bookNo: number): IterableIterator<unknown[]> {
    return this.s.verifyRows.iterate(entryId(bookNo, 1), entryId(bookNo, SEQ_SPAN - 1)) as IterableIterator<unknown[]>;
  }

  schemaRows(): { type: string; name: string; tableName: string; sql: string | null; rootpage: number }[] {
    return this.s.schema.all() as {
      type: string;
      name: string;
      tableName: string;
      sql: string | null;
      rootpage: number;
    }[];
  }

  /** Merkle nodes from the `tree` columns: node (L, k) is in the row with seq (k+1)·2^L. */
  nodeGetter(bookNo: number): NodeGetter {
    const cache = new Map<number, string>();
    return (level, index) => {
      const seq = (index + 1) * 2 ** level;
      let tree = cache.get(seq);
      if (tree === undefined) {
        const found = this.treeOf(bookNo, seq);
        if (typeof found !== 'string') {
          throw new LedgerError('database-corrupt', `第 ${seq} 条缺失，无法计算默克尔树。`);
        }
        tree = found;
        cache.set(seq, tree);
      }
      const hex = tree.slice(64 * level, 64 * level + 64);
      if (!isHex64(hex)) throw new LedgerError('database-corrupt', `第 ${seq} 条保存的默克尔树节点已损坏。`);
      return Buffer.from(hex, 'hex');
    };
  }
}
