/**
 * All SQL of the read model (see migrations/0020-read-model.ts): prepared once per service.
 * Derived data only; nothing here is ever a source of truth.
 */
import type Database from 'better-sqlite3';
import { clearBookSearch } from './search-index';

export interface RowOut {
  seq: number;
  kind: string;
  hash: string;
  summary: string;
}

export interface PageQuery {
  bookId: string;
  kinds?: readonly string[] | undefined;
  year?: number | undefined;
  memberId?: string | undefined;
  flag?: string | undefined;
  offset: number;
  limit: number;
}

export interface RequestRow {
  bookId: string;
  method: string;
  digest: string;
  firstSeq: number;
  lastSeq: number;
}

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    book: p(`SELECT through_seq AS throughSeq, state FROM rm_books WHERE book_id = ?`),
    upsertBook: p(`INSERT INTO rm_books (book_id, through_seq, state) VALUES (?, ?, ?)
      ON CONFLICT (book_id) DO UPDATE SET through_seq = excluded.through_seq, state = excluded.state`),
    insertEntry:
      p(`INSERT INTO rm_entries (book_id, seq, kind, grp, date, hash, corrected, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (book_id, seq) DO UPDATE SET kind = excluded.kind, grp = excluded.grp, date = excluded.date, hash = excluded.hash,
        corrected = excluded.corrected, summary = excluded.summary`),
    entry: p(`SELECT seq, kind, hash, summary FROM rm_entries WHERE book_id = ? AND seq = ?`),
    insertMember: p(`INSERT OR IGNORE INTO rm_entry_members (book_id, member_id, seq) VALUES (?, ?, ?)`),
    deleteMembers: p(
      `DELETE FROM rm_entry_members WHERE book_id = ? AND seq = ? AND member_id IN (SELECT value FROM json_each(?))`,
    ),
    seqsOfMember: p(`SELECT seq FROM rm_entry_members WHERE book_id = ? AND member_id = ? ORDER BY seq`).pluck(),
    insertFlag: p(`INSERT OR IGNORE INTO rm_entry_flags (book_id, code, seq) VALUES (?, ?, ?)`),
    deleteFlags: p(
      `DELETE FROM rm_entry_flags WHERE book_id = ? AND seq = ? AND code IN (SELECT value FROM json_each(?))`,
    ),
    insertCorrection: p(`INSERT OR IGNORE INTO rm_corrections (book_id, target_seq, seq) VALUES (?, ?, ?)`),
    corrections: p(`SELECT seq FROM rm_corrections WHERE book_id = ? AND target_seq = ? ORDER BY seq`).pluck(),
    insertStateRow: p(`INSERT OR IGNORE INTO rm_state_rows (book_id, seq) VALUES (?, ?)`),
    stateRows: p(`SELECT seq FROM rm_state_rows WHERE book_id = ? ORDER BY seq`).pluck(),
    isStateRow: p(`SELECT 1 FROM rm_state_rows WHERE book_id = ? AND seq = ?`).pluck(),
    newest: p(
      `SELECT seq, kind, hash, summary FROM rm_entries WHERE book_id = ? AND seq <= ? ORDER BY seq DESC LIMIT ?`,
    ),
    count: p(`SELECT count(*) FROM rm_entries WHERE book_id = ?`).pluck(),
    request: p(
      `SELECT book_id AS bookId, method, digest, first_seq AS firstSeq, last_seq AS lastSeq FROM service_requests WHERE request_id = ?`,
    ),
    insertRequest: p(
      `INSERT INTO service_requests (request_id, book_id, method, digest, first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    clear: [
      p(`DELETE FROM rm_books WHERE book_id = ?`),
      p(`DELETE FROM rm_entries WHERE book_id = ?`),
      p(`DELETE FROM rm_entry_members WHERE book_id = ?`),
      p(`DELETE FROM rm_entry_flags WHERE book_id = ?`),
      p(`DELETE FROM rm_corrections WHERE book_id = ?`),
      p(`DELETE FROM rm_state_rows WHERE book_id = ?`),
    ],
  };
}

export class ReadModelStore {
  private readonly s: ReturnType<typeof prepare>;

  constructor(readonly db: Database.Database) {
    this.s = prepare(db);
  }

  book(bookId: string): { throughSeq: number; state: string } | undefined {
    return this.s.book.get(bookId) as { throughSeq: number; state: string } | undefined;
  }

  saveBook(bookId: string, throughSeq: number, state: string): void {
    this.s.upsertBook.run(bookId, throughSeq, state);
  }

  /** Writes (or rewrites, for a corrected entry) one timeline row and its filter rows. */
  putEntry(
    bookId: string,
    row: { seq: number; kind: string; date: string; hash: string; corrected: boolean; summary: string },
    filters: { memberIds: readonly string[]; flags: readonly string[] },
    previous?: { memberIds: readonly string[]; flags: readonly string[] },
  ): void {
    if (previous) {
      this.s.deleteMembers.run(bookId, row.seq, JSON.stringify(previous.memberIds));
      this.s.deleteFlags.run(bookId, row.seq, JSON.stringify(previous.flags));
    }
    this.s.insertEntry.run(
      bookId,
      row.seq,
      row.kind,
      row.kind.split('.')[0]!,
      row.date,
      row.hash,
      row.corrected ? 1 : 0,
      row.summary,
    );
    for (const id of filters.memberIds) this.s.insertMember.run(bookId, id, row.seq);
    for (const code of filters.flags) this.s.insertFlag.run(bookId, code, row.seq);
  }

  entry(bookId: string, seq: number): RowOut | undefined {
    return this.s.entry.get(bookId, seq) as RowOut | undefined;
  }

  addCorrection(bookId: string, target: number, seq: number): void {
    this.s.insertCorrection.run(bookId, target, seq);
  }

  correctionSeqs(bookId: string, target: number): number[] {
    return this.s.corrections.all(bookId, target) as number[];
  }

  /** The entries that concern a member (its timeline member filter). */
  seqsOfMember(bookId: string, memberId: string): number[] {
    return this.s.seqsOfMember.all(bookId, memberId) as number[];
  }

  addStateRow(bookId: string, seq: number): void {
    this.s.insertStateRow.run(bookId, seq);
  }

  stateSeqs(bookId: string): number[] {
    return this.s.stateRows.all(bookId) as number[];
  }

  isStateRow(bookId: string, seq: number): boolean {
    return this.s.isStateRow.get(bookId, seq) !== undefined;
  }

  count(bookId: string): number {
    return this.s.count.get(bookId) as number;
  }

  /**
   * One timeline page, newest first. Without filters the page is a seq range (every entry
   * has a row), so a page deep in a 100,000-entry book costs what the first one does.
   */
  page(q: PageQuery, size: number): { total: number; rows: RowOut[] } {
    const filtered =
      (q.kinds && q.kinds.length > 0) || q.year !== undefined || q.memberId !== undefined || q.flag !== undefined;
    if (!filtered) {
      const top = size - q.offset;
      const rows = top >= 1 ? (this.s.newest.all(q.bookId, top, q.limit) as RowOut[]) : [];
      return { total: size, rows };
    }
    const where = ['e.book_id = @bookId'];
    const params: Record<string, unknown> = { bookId: q.bookId, limit: q.limit, offset: q.offset };
    if (q.kinds && q.kinds.length > 0) {
      // A kind without a dot is a group and matches its sub-kinds ('member' → 'member.join');
      // a dotted one matches itself. Each is one indexed condition.
      const groups = q.kinds.filter((k) => !k.includes('.'));
      const exact = q.kinds.filter((k) => k.includes('.'));
      const any: string[] = [];
      const list = (column: string, prefix: string, values: string[]) => {
        values.forEach((v, i) => (params[`${prefix}${i}`] = v));
        const names = values.map((_, i) => `@${prefix}${i}`);
        any.push(names.length === 1 ? `e.${column} = ${names[0]!}` : `e.${column} IN (${names.join(', ')})`);
      };
      if (groups.length > 0) list('grp', 'g', groups);
      if (exact.length > 0) list('kind', 'k', exact);
      where.push(any.length === 1 ? any[0]! : `(${any.join(' OR ')})`);
    }
    if (q.year !== undefined) {
      // With a kind, the kind's covering index answers (its date column filters in the index);
      // `+` keeps the planner from preferring the date index, which would read every row.
      const d = q.kinds && q.kinds.length > 0 ? '+e.date' : 'e.date';
      where.push(`${d} >= @from AND ${d} < @to`);
      Object.assign(params, { from: String(q.year), to: String(q.year + 1) });
    }
    if (q.memberId !== undefined) {
      where.push('e.seq IN (SELECT seq FROM rm_entry_members WHERE book_id = @bookId AND member_id = @memberId)');
      params.memberId = q.memberId;
    }
    if (q.flag === 'corrected') where.push('e.corrected = 1');
    else if (q.flag !== undefined) {
      where.push('e.seq IN (SELECT seq FROM rm_entry_flags WHERE book_id = @bookId AND code = @flag)');
      params.flag = q.flag;
    }
    const clause = where.join(' AND ');
    const total = this.db.prepare(`SELECT count(*) FROM rm_entries e WHERE ${clause}`).pluck().get(params) as number;
    const rows = this.db
      .prepare(
        `SELECT e.seq, e.kind, e.hash, e.summary FROM rm_entries e WHERE ${clause} ORDER BY e.seq DESC LIMIT @limit OFFSET @offset`,
      )
      .all(params) as RowOut[];
    return { total, rows };
  }

  /** Rows of the given kinds (exact), oldest first: the yearly ledger's meetings and work items. */
  ofKinds(bookId: string, kinds: readonly string[]): RowOut[] {
    return this.db
      .prepare(
        `SELECT seq, kind, hash, summary FROM rm_entries WHERE book_id = ? AND kind IN (SELECT value FROM json_each(?)) ORDER BY seq`,
      )
      .all(bookId, JSON.stringify(kinds)) as RowOut[];
  }

  /**
   * Rows whose recorded hash is not their entry's stored hash, or that have no entry (the
   * ledger's `tree` column starts with the entry's hash; ids are book_no·2^32 + seq).
   */
  unboundRows(bookId: string): number {
    return this.db
      .prepare(
        `SELECT count(*) FROM rm_entries r
         LEFT JOIN ledger_entries e ON e.id = (SELECT book_no FROM ledger_books WHERE book_id = r.book_id) * 4294967296 + r.seq
         WHERE r.book_id = ? AND r.hash <> '' AND (e.id IS NULL OR substr(e.tree, 1, 64) <> r.hash)`,
      )
      .pluck()
      .get(bookId) as number;
  }

  request(requestId: string): RequestRow | undefined {
    return this.s.request.get(requestId) as RequestRow | undefined;
  }

  addRequest(requestId: string, row: RequestRow): void {
    this.s.insertRequest.run(requestId, row.bookId, row.method, row.digest, row.firstSeq, row.lastSeq);
  }

  clearBook(bookId: string): void {
    for (const statement of this.s.clear) statement.run(bookId);
    clearBookSearch(this.db, bookId);
  }
}
