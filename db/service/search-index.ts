/**
 * The search index (migration 0030): one contentless FTS5 row per entry, written by the read
 * model in the seal's own transaction and by its catch-up, and the query that reads it.
 *
 * Relevance, and why it is judged among the newest matches. Chinese is indexed one character
 * a token, so a common character or pair (会, 会议) matches nearly every entry of a book, and
 * anything that reads a whole doclist with its positions costs ~40 ms on 100,000 entries:
 * FTS5's bm25 does (its IDF pass), and so does a full count. Everything here streams newest
 * first and stops early instead:
 * - `total` counts up to 1,000 matches (`capped` beyond: the page says 1,000+).
 * - The newest 200 matches are ranked: first those matching every term in the title, then
 *   those matching in the title or the people's names (or their pinyin), then matches in the
 *   text; newest first within each. The tiers are judged on each match's heading (title and
 *   names, from the read model: 200 primary-key reads) with the same token rule as the index
 *   (search-text.ts `headingTier`), not by more FTS queries: a column filter makes FTS5 read
 *   every position of a common character's doclist (15–35 ms for a 6-character query on
 *   100,000 entries, against ~1 ms for the heading reads).
 * - Older matches follow, newest first.
 * Filters (kinds, year, member, flag) are conditions on the same streaming query, answered by
 * the read model's primary keys.
 */
import type Database from 'better-sqlite3';
import { headingTier, indexColumns, parseQuery, snippet, type SearchHeading, type SearchText } from './search-text';

/** Row ids are `book_no * SPAN + seq`: a book's rows are one range. */
const SPAN = 2 ** 32;
const RANKED = 200;
const COUNT_CAP = 1_000;

export interface SearchFilters {
  kinds?: readonly string[] | undefined;
  year?: number | undefined;
  memberId?: string | undefined;
  flag?: string | undefined;
  limit: number;
  offset: number;
}

export interface SearchResult {
  total: number;
  capped: boolean;
  items: { seq: number; snippet: string }[];
}

function prepare(db: Database.Database) {
  return {
    bookNo: db.prepare(`SELECT book_no FROM search_books WHERE book_id = ?`).pluck(),
    addBook: db.prepare(`INSERT INTO search_books (book_id) VALUES (?)`),
    insert: db.prepare(`INSERT INTO search_fts (rowid, title, body, people, pinyin) VALUES (?, ?, ?, ?, ?)`),
    remove: db.prepare(`DELETE FROM search_fts WHERE rowid = ?`),
    clear: db.prepare(`DELETE FROM search_fts WHERE rowid BETWEEN ? AND ?`),
  };
}

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function s(db: Database.Database): ReturnType<typeof prepare> {
  let p = statements.get(db);
  if (!p) statements.set(db, (p = prepare(db)));
  return p;
}

function bookNo(db: Database.Database, bookId: string, create: boolean): number | null {
  const no = s(db).bookNo.get(bookId) as number | undefined;
  if (no !== undefined) return no;
  if (!create) return null;
  return Number(s(db).addBook.run(bookId).lastInsertRowid);
}

/** Indexes one entry; `replace` for an entry indexed before (a corrected one). */
export function indexEntry(
  db: Database.Database,
  bookId: string,
  seq: number,
  text: SearchText,
  replace = false,
): void {
  const id = bookNo(db, bookId, true)! * SPAN + seq;
  if (replace) s(db).remove.run(id);
  s(db).insert.run(id, ...indexColumns(text));
}

/** Drops every search row of a book (the read model's clearBook). */
export function clearBookSearch(db: Database.Database, bookId: string): void {
  const no = bookNo(db, bookId, false);
  if (no !== null) s(db).clear.run(no * SPAN, no * SPAN + SPAN - 1);
}

function filterSql(f: SearchFilters, params: Record<string, unknown>): string {
  const where: string[] = [];
  const entry: string[] = [];
  if (f.kinds && f.kinds.length > 0) {
    // As the timeline: a kind without a dot is a group ('member' → 'member.join').
    params.groups = JSON.stringify(f.kinds.filter((k) => !k.includes('.')));
    params.exact = JSON.stringify(f.kinds.filter((k) => k.includes('.')));
    entry.push('(e.grp IN (SELECT value FROM json_each(@groups)) OR e.kind IN (SELECT value FROM json_each(@exact)))');
  }
  if (f.year !== undefined) {
    entry.push('e.date >= @from AND e.date < @to');
    Object.assign(params, { from: String(f.year), to: String(f.year + 1) });
  }
  if (f.flag === 'corrected') entry.push('e.corrected = 1');
  else if (f.flag !== undefined) {
    where.push('search_fts.rowid - @base IN (SELECT seq FROM rm_entry_flags WHERE book_id = @bookId AND code = @flag)');
    params.flag = f.flag;
  }
  if (f.memberId !== undefined) {
    where.push(
      'search_fts.rowid - @base IN (SELECT seq FROM rm_entry_members WHERE book_id = @bookId AND member_id = @memberId)',
    );
    params.memberId = f.memberId;
  }
  if (entry.length > 0) {
    where.push(
      `EXISTS (SELECT 1 FROM rm_entries e WHERE e.book_id = @bookId AND e.seq = search_fts.rowid - @base AND ${entry.join(' AND ')})`,
    );
  }
  return where.map((w) => ` AND ${w}`).join('');
}

/** The SQL of a search (exported for the query-plan test). */
export function searchSql(match: string, f: SearchFilters, bookId: string, no: number) {
  const params: Record<string, unknown> = { match, bookId, base: no * SPAN, lo: no * SPAN, hi: no * SPAN + SPAN - 1 };
  const cond = filterSql(f, params);
  const from = `FROM search_fts WHERE search_fts MATCH @match AND search_fts.rowid BETWEEN @lo AND @hi${cond}`;
  return {
    params,
    count: `SELECT count(*) FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1})`,
    newest: `SELECT rowid ${from} ORDER BY rowid DESC LIMIT @limit OFFSET @offset`,
  };
}

/**
 * Searches one book. `textOf` gives the proven entry's current text for its snippet (null:
 * the entry failed its proof, and the caller shows it as a problem, never as text).
 */
export function search(
  db: Database.Database,
  bookId: string,
  query: string,
  f: SearchFilters,
  textOf: (seq: number) => SearchText | null,
  headingOf: (seq: number) => SearchHeading | null,
): SearchResult {
  const q = parseQuery(query);
  const no = bookNo(db, bookId, false);
  if (q.match === null || no === null) return { total: 0, capped: false, items: [] };
  const base = no * SPAN;
  const sql = searchSql(q.match, f, bookId, no);
  const counted = db.prepare(sql.count).pluck().get(sql.params) as number;
  const newest = db.prepare(sql.newest).pluck();
  const ids = (params: Record<string, unknown>) => newest.all(params) as number[];

  const window = ids({ ...sql.params, limit: RANKED, offset: 0 });
  let order = window;
  if (window.length > 1) {
    const tiers = new Map(window.map((id) => [id, headingTier(headingOf(id - base), q)]));
    // Stable: newest first within a tier.
    order = [...window].sort((a, b) => tiers.get(a)! - tiers.get(b)!);
  }
  let page = order.slice(f.offset, f.offset + f.limit);
  if (window.length === RANKED && f.offset + f.limit > RANKED) {
    const rest = ids({
      ...sql.params,
      hi: window[window.length - 1]! - 1,
      limit: f.offset + f.limit - Math.max(f.offset, RANKED),
      offset: Math.max(0, f.offset - RANKED),
    });
    page = [...page, ...rest];
  }
  const items = page.map((id) => {
    const seq = id - base;
    const text = textOf(seq);
    return { seq, snippet: text ? snippet(text, q) : '' };
  });
  return { total: Math.min(counted, COUNT_CAP), capped: counted > COUNT_CAP, items };
}
