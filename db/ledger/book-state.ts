import type { Alarm } from './alarms';
import type { TrustedRoot } from './entry-proof';
import type { SigningKey } from './keys';
import { readProblems } from './read-problems';
import { GENESIS_KIND, type KeyEpoch } from './book-keys';
import { LedgerError } from './errors';
import { ZERO_HASH } from './hashing';
import { rootOfPeaks } from './merkle';
import type { CheckContext, CheckResult } from './quick-check';
import { runQuickCheck } from './quick-check';
import type { SealOutcome, SealTarget } from './sealing';
import type { BookRow } from './store';
import type { BookInfo, VerifyReport } from './types';

/**
 * The ledger's in-memory view of each book: what the quick check derived on open, kept
 * current by every seal, and where its full verify stands. A book whose check failed is
 * read-only for the rest of the session; a failed FULL verify is also remembered (alarms.ts)
 * and keeps the book read-only on every later open. Nothing here is ever repaired.
 */

/** Where the full verify of a book stands in this session. */
export interface Verification {
  state: 'waiting' | 'running' | 'done';
  done: number;
  total: number;
  /** The full verify's report, once done. */
  report?: VerifyReport;
}

export interface BookState extends SealTarget {
  name: string;
  createdAt: string;
  epochs: KeyEpoch[];
  readOnly: boolean;
  reason?: string;
  /** The latest check: the quick check on open, then the full verify when it is done. */
  report: VerifyReport;
  trusted: TrustedRoot | null;
  verification: Verification;
  alarm?: Alarm;
  /** Imported from a signed bundle: read-only for good. */
  imported?: boolean;
}

export interface BookCheckStatus {
  readOnly: boolean;
  reason?: string;
  report: VerifyReport;
  verification: Verification;
  alarm?: Alarm;
}

const READONLY_DATABASE = '数据库以只读方式打开。';
/** Why an imported copy is read-only; every screen puts 只读 in front of it, so it does not say it again. */
export const IMPORTED_READONLY = '这是从数据包导入的副本，只能查看和核验。';

export class BookStates {
  private readonly byId = new Map<string, BookState>();

  constructor(
    private readonly ctx: CheckContext,
    private readonly readonlyDatabase: boolean,
  ) {}

  /** Quick-checks every book in the file. */
  load(): void {
    for (const row of this.ctx.store.listBooks()) this.add(row);
  }

  /** Quick-checks one book of the file and adds it (on open, and after an import commits). */
  add(row: BookRow): BookState {
    const { report, derived } = runQuickCheck(this.ctx, row);
    const state: BookState = {
      bookNo: row.bookNo,
      bookId: row.bookId,
      name: derived?.name ?? '',
      createdAt: derived?.createdAt ?? '',
      epochs: derived?.epochs ?? [],
      size: derived?.size ?? report.size,
      headHash: derived?.headHash ?? ZERO_HASH,
      headRecordedAt: derived?.headRecordedAt ?? '',
      peaks: null,
      trusted: derived?.trusted ?? null,
      verification: { state: 'waiting', done: 0, total: derived?.size ?? report.size },
      readOnly: this.readonlyDatabase,
      ...(this.readonlyDatabase ? { reason: READONLY_DATABASE } : {}),
      report,
    };
    this.judge(state, report);
    this.byId.set(row.bookId, state);
    return state;
  }

  /** A remembered failure: read-only whatever today's checks say. */
  remember(state: BookState, alarm: Alarm): void {
    state.alarm = alarm;
    state.readOnly = true;
    // A problem found now says more than the memory of an earlier one.
    if (state.reason === undefined || state.reason === READONLY_DATABASE) {
      state.reason = readProblems.remembered(alarm.at, alarm.problems[0]).message;
    }
  }

  /** A copy imported from a signed bundle: read-only, whatever its checks say. */
  markImported(state: BookState): void {
    state.imported = true;
    state.readOnly = true;
    if (state.reason === undefined || state.reason === READONLY_DATABASE) state.reason = IMPORTED_READONLY;
  }

  /** The full verify finished: its report becomes the book's latest check. */
  verified(state: BookState, report: VerifyReport): void {
    state.verification = { state: 'done', done: report.size, total: report.size, report };
    this.judge(state, report);
  }

  private judge(state: BookState, report: VerifyReport): void {
    state.report = report;
    if (!report.ok || state.epochs.length === 0) {
      state.readOnly = true;
      if (state.reason === undefined || state.reason === READONLY_DATABASE) {
        state.reason = report.problems[0]?.message ?? '记录本的校验未通过。';
      }
    }
  }

  get(bookId: string): BookState {
    const state = typeof bookId === 'string' ? this.byId.get(bookId) : undefined;
    if (!state) throw new LedgerError('book-not-found', `找不到记录本 ${String(bookId)}。`);
    return state;
  }

  all(): BookState[] {
    return [...this.byId.values()];
  }

  newBook(bookNo: number, bookId: string, name: string, key: SigningKey, publicKeyLine: string): BookState {
    const state: BookState = {
      bookNo,
      bookId,
      isNew: true,
      size: 0,
      headHash: ZERO_HASH,
      headRecordedAt: '',
      peaks: [],
      trusted: null,
      verification: {
        state: 'done',
        done: 0,
        total: 0,
        report: { bookId, ok: true, size: 0, root: null, problems: [], ms: 0 },
      },
      name,
      createdAt: '',
      epochs: [{ keyId: key.keyId, publicKeyLine, publicKey: key.publicKey, enrolledAt: 1 }],
      readOnly: false,
      report: { bookId, ok: true, size: 0, root: null, problems: [], ms: 0 },
    };
    this.byId.set(bookId, state);
    return state;
  }

  forget(bookId: string): void {
    this.byId.delete(bookId);
  }

  applySeal(state: BookState, outcome: SealOutcome): void {
    const last = outcome.entries[outcome.entries.length - 1]!;
    if (state.isNew) {
      state.isNew = false;
      state.createdAt = outcome.entries[0]!.recordedAt;
    }
    state.size = last.seq;
    state.headHash = last.hash;
    state.headRecordedAt = last.recordedAt;
    state.peaks = outcome.peaks;
    state.trusted = { size: outcome.signed.checkpoint.size, root: outcome.signed.checkpoint.root };
    if (state.report.ok) {
      state.report = { ...state.report, size: last.seq, root: rootOfPeaks(outcome.peaks).toString('hex') };
    }
  }

  enrol(state: BookState, key: SigningKey, publicKeyLine: string, seq: number): void {
    state.epochs.push({ keyId: key.keyId, publicKeyLine, publicKey: key.publicKey, enrolledAt: seq });
  }

  currentEpoch(state: BookState): KeyEpoch {
    const epoch = state.epochs[state.epochs.length - 1];
    if (!epoch)
      throw new LedgerError(
        'key-invalid',
        `记录本 ${state.bookId} 没有可用的签名密钥（${GENESIS_KIND} 条目无法读取）。`,
      );
    return epoch;
  }

  recheck(state: BookState, check: (ctx: CheckContext, book: BookRow) => CheckResult): VerifyReport {
    const { report } = check(this.ctx, { bookNo: state.bookNo, bookId: state.bookId });
    this.judge(state, report);
    return report;
  }

  info(state: BookState): BookInfo {
    const epoch = state.epochs[state.epochs.length - 1];
    return {
      bookId: state.bookId,
      name: state.name,
      size: state.size,
      keyId: epoch?.keyId ?? '',
      publicKey: epoch?.publicKeyLine ?? '',
      createdAt: state.createdAt,
      ...(state.imported ? { imported: true } : {}),
    };
  }

  status(state: BookState): BookCheckStatus {
    return {
      readOnly: state.readOnly,
      ...(state.reason !== undefined ? { reason: state.reason } : {}),
      report: state.report,
      verification: { ...state.verification },
      ...(state.alarm ? { alarm: state.alarm } : {}),
    };
  }
}
