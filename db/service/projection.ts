/**
 * An in-memory read model of one book, caught up incrementally from the ledger: timeline
 * summaries, the corrections of every entry, and the org/member rows the roster is folded from.
 * Derived and disposable: the sealed entries stay the only truth, so nothing here is persisted.
 */
import type { EntrySummary, RuleFlag } from '../contract';
import type { Ledger, SealedEntry } from '../ledger';
import { foldState, STATE_KINDS, type BookState, type StateRow } from './book-state';
import { asCorrection, changesOf, type CorrectionBody } from './entry-body';
import { setAt } from './json-pointer';
import { CORRECTION_KIND } from './kinds';
import { summarize } from './summarize';

export interface CorrectionRecord { seq: number; recordedAt: string; body: CorrectionBody }

export class BookProjection {
  private size = 0;
  private readonly summaries: EntrySummary[] = [];
  private readonly corrections = new Map<number, CorrectionRecord[]>();
  private readonly stateRows: StateRow[] = [];
  private cachedState: BookState | null = null;

  /**
   * `reflag` re-runs the rules on a corrected reading (meetings), so the timeline's flags and
   * filters follow the current reading, as the entry view does.
   */
  constructor(
    private readonly ledger: Ledger,
    readonly bookId: string,
    private readonly reflag?: (projection: BookProjection, kind: string, current: unknown, sealedFlags: RuleFlag[]) => RuleFlag[] | null,
  ) {}

  /** Reads the entries sealed since the last call. */
  refresh(): this {
    const head = this.ledger.getBook(this.bookId).size;
    if (head > this.size) {
      for (const e of this.ledger.listEntries(this.bookId, { fromSeq: this.size + 1 })) this.ingest(e);
    }
    return this;
  }

  get length(): number {
    return this.size;
  }

  allSummaries(): readonly EntrySummary[] {
    return this.summaries;
  }

  summary(seq: number): EntrySummary | undefined {
    return this.summaries[seq - 1];
  }

  correctionsOf(seq: number): readonly CorrectionRecord[] {
    return this.corrections.get(seq) ?? [];
  }

  /** The body with every correction applied in seq order. */
  currentBody(seq: number, original: unknown): unknown {
    let body = original;
    for (const c of this.correctionsOf(seq)) for (const x of changesOf(c.body)) body = setAt(body, x.field, x.value);
    return body;
  }

  state(): BookState {
    if (!this.cachedState) {
      const rows = this.stateRows.map((r) => ({ ...r, body: this.currentBody(r.seq, r.body) }));
      this.cachedState = foldState(rows);
    }
    return this.cachedState;
  }

  memberName(memberId: string): string {
    return this.state().members.get(memberId)?.person.name ?? memberId;
  }

  private ingest(e: SealedEntry): void {
    if (e.seq !== this.size + 1) throw new Error(`记录序号不连续：期望 ${this.size + 1}，读到 ${e.seq}`);
    this.size = e.seq;
    if (STATE_KINDS.includes(e.kind)) {
      this.stateRows.push({ seq: e.seq, kind: e.kind, body: e.body });
      this.cachedState = null;
    }
    this.summaries.push(summarize(e, (id) => this.memberName(id)));
    if (e.kind === CORRECTION_KIND) this.ingestCorrection(e);
  }

  private ingestCorrection(e: SealedEntry): void {
    const body = asCorrection(e.body);
    if (!body) return;
    const target = body.target;
    const list = this.corrections.get(target) ?? [];
    list.push({ seq: e.seq, recordedAt: e.recordedAt, body });
    this.corrections.set(target, list);
    const old = this.summaries[target - 1];
    if (!old) return;
    if (this.stateRows.some((r) => r.seq === target)) this.cachedState = null;
    const original = this.ledger.getEntry(this.bookId, target);
    if (original) {
      const current = { ...original, body: this.currentBody(target, original.body) };
      const fresh = summarize(current, (id) => this.memberName(id));
      fresh.correctedBy = [...old.correctedBy, e.seq];
      const flags = this.reflag?.(this, original.kind, current.body, fresh.flags);
      if (flags) fresh.flags = flags;
      this.summaries[target - 1] = fresh;
    }
  }
}
