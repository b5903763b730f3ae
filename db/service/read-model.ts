/**
 * The read model of every book, in SQLite (derived tables of migration 0020): timeline
 * rows with their filter columns, the corrections index and the folded roster. Written in
 * each seal's own transaction (`apply`, the ledger's onSeal hook), caught up from the entries
 * when it lags (a database from before the read model, entries sealed by the bare ledger),
 * and rebuildable at any time. Never a source of truth: every row handed to a reader is
 * proven against the ledger first, and bodies always come from proven entries.
 */
import type { EntrySummary, ProblemView, RuleFlag } from '../contract';
import { LedgerError, type Ledger, type SealedEntry } from '../ledger';
import { applyStateRow, emptyState, parseState, serializeState, STATE_KINDS, type BookState } from './book-state';
import { asCorrection, changesOf, isDomainBody, type CorrectionBody } from './entry-body';
import { getAt, setAt } from '../contract/json-pointer';
import { CORRECTION_KIND, labelKind } from './kinds';
import { ReadModelStore, type PageQuery, type RowOut } from './read-model-store';
import { indexEntry } from './search-index';
import { entryText, type SearchHeading, type SearchText } from './search-text';
import { summarize } from './summarize';

export interface CorrectionRecord {
  seq: number;
  recordedAt: string;
  body: CorrectionBody;
}

/** Re-runs the rules on a corrected reading (meetings), so timeline flags follow the current reading. */
export type Reflag = (state: BookState, kind: string, current: unknown, sealedFlags: RuleFlag[]) => RuleFlag[] | null;

const CATCH_UP_BATCH = 500;

interface Cached {
  throughSeq: number;
  state: BookState;
}

/** A timeline row standing for an entry that failed its proof: the problem, never the forged text. */
export function damagedSummary(seq: number, kind: string, problem: ProblemView): EntrySummary {
  return {
    seq,
    kind,
    kindLabel: labelKind(kind),
    title: `第 ${seq} 条无法通过校验`,
    date: '',
    recordedAt: '',
    flags: [],
    memberIds: [],
    correctedBy: [],
    problem: {
      code: problem.code,
      ...(problem.seq !== undefined ? { seq: problem.seq } : {}),
      message: problem.message,
    },
  };
}

export class ReadModel {
  private readonly store: ReadModelStore;
  private readonly cache = new Map<string, Cached>();
  /** Entries of the seal in progress: not provable until it commits, but already known. */
  private pending = new Map<number, SealedEntry>();

  constructor(
    private readonly ledger: () => Ledger,
    private readonly reflag: Reflag,
  ) {
    this.store = new ReadModelStore(ledger().database);
  }

  get requests(): Pick<ReadModelStore, 'request' | 'addRequest'> {
    return this.store;
  }

  private cached(bookId: string): Cached {
    let c = this.cache.get(bookId);
    if (!c) {
      const row = this.store.book(bookId);
      c = row ? { throughSeq: row.throughSeq, state: parseState(row.state) } : { throughSeq: 0, state: emptyState() };
      this.cache.set(bookId, c);
    }
    return c;
  }

  /** The ledger's onSeal hook: runs inside the seal's transaction. */
  apply(bookId: string, entries: readonly SealedEntry[]): void {
    this.catchUp(bookId, entries[0]!.seq - 1);
    this.pending = new Map(entries.map((e) => [e.seq, e]));
    const c = this.cached(bookId);
    const before = { throughSeq: c.throughSeq, state: c.state };
    try {
      for (const e of entries) this.ingest(bookId, c, e);
      this.store.saveBook(bookId, c.throughSeq, serializeState(c.state));
    } catch (error) {
      // The transaction rolls back: so must the cache.
      this.cache.set(bookId, { throughSeq: before.throughSeq, state: before.state });
      throw error;
    } finally {
      this.pending = new Map();
    }
  }

  /**
   * Brings the book's rows up to `upTo` (default: the ledger's size) from the entries, in
   * batches of one transaction each. An entry that cannot be read gets a row naming its
   * problem, so one damaged entry never stops the rest.
   */
  catchUp(bookId: string, upTo?: number): void {
    const ledger = this.ledger();
    const target = upTo ?? ledger.getBook(bookId).size;
    const c = this.cached(bookId);
    while (c.throughSeq < target) {
      const from = c.throughSeq + 1;
      const to = Math.min(target, from + CATCH_UP_BATCH - 1);
      const run = () => {
        for (let seq = from; seq <= to; seq++) {
          const entry = this.readForCatchUp(bookId, seq);
          if ('problem' in entry) {
            const summary = damagedSummary(seq, entry.kind, entry.problem);
            this.store.putEntry(
              bookId,
              { seq, kind: entry.kind, date: '', hash: '', corrected: false, summary: JSON.stringify(summary) },
              { memberIds: [], flags: [] },
            );
            c.throughSeq = seq;
          } else {
            this.ingest(bookId, c, entry);
          }
        }
        this.store.saveBook(bookId, c.throughSeq, serializeState(c.state));
      };
      const before = { throughSeq: c.throughSeq, state: c.state };
      try {
        if (ledger.database.inTransaction) run();
        else ledger.database.transaction(run).immediate();
      } catch (error) {
        this.cache.set(bookId, before);
        throw error;
      }
    }
  }

  private readForCatchUp(bookId: string, seq: number): SealedEntry | { kind: string; problem: ProblemView } {
    try {
      const [entry] = this.ledger().listEntries(bookId, { fromSeq: seq, toSeq: seq });
      if (entry) return entry;
      return { kind: '', problem: { code: 'seq-gap', seq, message: `第 ${seq} 条缺失。` } };
    } catch (error) {
      const problem: ProblemView =
        error instanceof LedgerError && error.problem
          ? error.problem
          : { code: 'database-corrupt', seq, message: `第 ${seq} 条无法读取：数据库中的内容已损坏。请运行完整校验。` };
      return { kind: '', problem };
    }
  }

  private ingest(bookId: string, c: Cached, e: SealedEntry): void {
    if (e.seq !== c.throughSeq + 1)
      throw new Error(`读模型序号不连续：期望第 ${c.throughSeq + 1} 条，收到第 ${e.seq} 条`);
    if (STATE_KINDS.includes(e.kind)) {
      this.store.addStateRow(bookId, e.seq);
      const next = structuredClone(c.state);
      applyStateRow(next, { seq: e.seq, kind: e.kind, body: e.body });
      c.state = next;
    }
    const summary = summarize(e, (id) => c.state.members.get(id)?.person.name ?? id);
    this.write(bookId, e, summary, false);
    indexEntry(this.store.db, bookId, e.seq, this.searchText(bookId, e, summary));
    c.throughSeq = e.seq;
    if (e.kind === CORRECTION_KIND) this.ingestCorrection(bookId, c, e);
    if (e.kind === 'work') this.ingestFiling(bookId, e);
  }

  /** A 会议纪要备案 work item marks its meeting filed (date, to whom), in the meeting's own row. */
  private ingestFiling(bookId: string, e: SealedEntry): void {
    if (!isDomainBody(e.body)) return;
    const input = e.body.input as { type?: unknown; meetingSeq?: unknown; date?: unknown; to?: unknown };
    if (input.type !== 'filing' || typeof input.meetingSeq !== 'number') return;
    const meeting = this.store.entry(bookId, input.meetingSeq);
    if (!meeting || meeting.kind !== 'meeting') return;
    const summary = JSON.parse(meeting.summary) as EntrySummary;
    if (summary.filed || summary.problem) return;
    const computed = e.body.computed as { status?: unknown };
    summary.filed = {
      seq: e.seq,
      date: typeof input.date === 'string' ? input.date : '',
      to: typeof input.to === 'string' ? input.to : '',
      late: computed.status === 'late',
    };
    this.store.putEntry(
      bookId,
      {
        seq: meeting.seq,
        kind: meeting.kind,
        date: summary.date,
        hash: meeting.hash,
        corrected: summary.correctedBy.length > 0,
        summary: JSON.stringify(summary),
      },
      { memberIds: summary.memberIds, flags: summary.flags.map((f) => f.code) },
      { memberIds: summary.memberIds, flags: summary.flags.map((f) => f.code) },
    );
  }

  private write(
    bookId: string,
    e: { seq: number; kind: string; hash: string },
    s: EntrySummary,
    corrected: boolean,
    previous?: EntrySummary,
  ): void {
    this.store.putEntry(
      bookId,
      { seq: e.seq, kind: e.kind, date: s.date, hash: e.hash, corrected, summary: JSON.stringify(s) },
      { memberIds: s.memberIds, flags: s.flags.map((f) => f.code) },
      previous ? { memberIds: previous.memberIds, flags: previous.flags.map((f) => f.code) } : undefined,
    );
  }

  private ingestCorrection(bookId: string, c: Cached, e: SealedEntry): void {
    const body = asCorrection(e.body);
    if (!body) return;
    const target = body.target;
    this.store.addCorrection(bookId, target, e.seq);
    const old = this.summary(bookId, target);
    const original = this.entryAt(bookId, target);
    if (!old || !original) return;
    const before = c.state;
    if (this.store.isStateRow(bookId, target)) c.state = this.foldState(bookId);
    const current = { ...original, body: this.currentBody(bookId, target, original.body) };
    const fresh = summarize(current, (id) => c.state.members.get(id)?.person.name ?? id);
    fresh.correctedBy = [...old.correctedBy, e.seq];
    // What other entries said of this one stays true of its corrected reading.
    if (old.filed) fresh.filed = old.filed;
    const flags = this.reflag(c.state, original.kind, current.body, fresh.flags);
    if (flags) fresh.flags = flags;
    this.write(bookId, original, fresh, true, old);
    indexEntry(this.store.db, bookId, target, this.searchText(bookId, original, fresh), true);
    if (c.state !== before) this.reindexRenamed(bookId, before, c.state, target);
  }

  /**
   * A corrected name is searched for in every entry that names the person (the people and
   * pinyin columns are written from the roster at indexing time), so those entries are
   * indexed again with the corrected name. Rare (a name is corrected once, if ever), and
   * bounded by the entries that concern that person.
   */
  private reindexRenamed(bookId: string, before: BookState, after: BookState, skip: number): void {
    for (const [memberId, member] of after.members) {
      if (before.members.get(memberId)?.person.name === member.person.name) continue;
      for (const seq of this.store.seqsOfMember(bookId, memberId)) {
        if (seq === skip) continue;
        const entry = this.entryAt(bookId, seq);
        const summary = this.summary(bookId, seq);
        if (entry && summary && !summary.problem)
          indexEntry(this.store.db, bookId, seq, this.searchText(bookId, entry, summary), true);
      }
    }
  }

  /**
   * What search indexes of an entry: its current reading; for a correction, also the values
   * it replaced (the target's reading just before it), so old wording leads to the correction.
   */
  searchText(bookId: string, e: SealedEntry, summary: EntrySummary): SearchText {
    const names = (id: string) => this.cached(bookId).state.members.get(id)?.person.name ?? '';
    const correction = e.kind === CORRECTION_KIND ? asCorrection(e.body) : null;
    if (!correction) return entryText({ kind: e.kind, body: this.currentBody(bookId, e.seq, e.body) }, summary, names);
    const target = this.entryAt(bookId, correction.target);
    let before: unknown = target?.body;
    for (const c of this.correctionsOf(bookId, correction.target)) {
      if (c.seq < e.seq) for (const x of changesOf(c.body)) before = setAt(before, x.field, x.value);
    }
    return entryText(e, summary, names, target ? changesOf(correction).map((x) => getAt(before, x.field)) : []);
  }

  /** The roster folded again from every organisation / member entry's current reading. */
  private foldState(bookId: string): BookState {
    const state = emptyState();
    for (const seq of this.store.stateSeqs(bookId)) {
      const entry = this.entryAt(bookId, seq);
      if (entry) applyStateRow(state, { seq, kind: entry.kind, body: this.currentBody(bookId, seq, entry.body) });
    }
    return state;
  }

  /** A proven entry, or one of the seal in progress. */
  private entryAt(bookId: string, seq: number): SealedEntry | null {
    const pending = this.pending.get(seq);
    if (pending) return pending;
    try {
      return this.ledger().getEntry(bookId, seq);
    } catch (error) {
      // A damaged entry contributes nothing derived; its own row names the problem.
      if (error instanceof LedgerError && error.code === 'entry-damaged') return null;
      throw error;
    }
  }

  state(bookId: string): BookState {
    this.catchUp(bookId);
    return this.cached(bookId).state;
  }

  /** The stored timeline row of an entry (not proven: callers prove the entry itself). */
  summary(bookId: string, seq: number): EntrySummary | undefined {
    const row = this.store.entry(bookId, seq);
    return row ? (JSON.parse(row.summary) as EntrySummary) : undefined;
  }

  /** A row's title and the names it concerns, to rank a search match (not proven: ordering only). */
  heading(bookId: string, seq: number): SearchHeading | null {
    const row = this.summary(bookId, seq);
    if (!row) return null;
    const members = this.cached(bookId).state.members;
    return { title: row.title, people: row.memberIds.map((id) => members.get(id)?.person.name ?? '').filter(Boolean) };
  }

  /** The corrections of an entry, each read as a proven entry, in seq order. */
  correctionsOf(bookId: string, seq: number): CorrectionRecord[] {
    const out: CorrectionRecord[] = [];
    for (const c of this.store.correctionSeqs(bookId, seq)) {
      const entry = this.entryAt(bookId, c);
      const body = entry ? asCorrection(entry.body) : null;
      if (entry && body && body.target === seq) out.push({ seq: c, recordedAt: entry.recordedAt, body });
    }
    return out;
  }

  /** The body with every correction applied in seq order. */
  currentBody(bookId: string, seq: number, original: unknown): unknown {
    let body = original;
    for (const c of this.correctionsOf(bookId, seq))
      for (const x of changesOf(c.body)) body = setAt(body, x.field, x.value);
    return body;
  }

  /** A timeline page; each row is proven against the ledger, a damaged one shown as its problem. */
  page(q: PageQuery): { total: number; items: EntrySummary[] } {
    this.catchUp(q.bookId);
    const { total, rows } = this.store.page(q, this.cached(q.bookId).throughSeq);
    return { total, items: this.proven(q.bookId, rows) };
  }

  /** Rows of the given kinds, proven, oldest first. */
  ofKinds(bookId: string, kinds: readonly string[]): EntrySummary[] {
    this.catchUp(bookId);
    return this.proven(bookId, this.store.ofKinds(bookId, kinds));
  }

  /** The rows of these entries, proven as the timeline's are (search results); a missing row is a mismatch. */
  provenSeqs(bookId: string, seqs: readonly number[]): EntrySummary[] {
    return this.proven(
      bookId,
      seqs.map((seq) => this.store.entry(bookId, seq) ?? { seq, kind: '', hash: '', summary: '' }),
    );
  }

  private proven(bookId: string, rows: readonly RowOut[]): EntrySummary[] {
    const checks = this.ledger().checkEntries(
      bookId,
      rows.map((r) => r.seq),
    );
    return rows.map((row, i) => {
      const check = checks[i]!;
      if (check.problem) return damagedSummary(row.seq, row.kind, check.problem);
      if (check.hash !== row.hash) {
        return damagedSummary(row.seq, row.kind, {
          code: 'read-model-mismatch',
          seq: row.seq,
          message: `第 ${row.seq} 条的时间线摘要与记录本中的记录不符（派生数据被改动或损坏）。记录本身完好；请重新打开记录本以重建时间线。`,
        });
      }
      return JSON.parse(row.summary) as EntrySummary;
    });
  }

  /** Drops and rebuilds a book's rows from its entries (after damage to the derived tables). */
  rebuild(bookId: string): void {
    const ledger = this.ledger();
    ledger.database.transaction(() => this.store.clearBook(bookId)).immediate();
    this.cache.delete(bookId);
    this.catchUp(bookId);
  }

  /** Whether the derived rows cover exactly the entries they should, each bound to its entry's hash. */
  consistent(bookId: string): boolean {
    const c = this.cached(bookId);
    return this.store.count(bookId) === c.throughSeq && this.store.unboundRows(bookId) === 0;
  }
}
