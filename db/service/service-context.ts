/**
 * What every service module shares: the ledger, the read model, the holiday calendar, the
 * clock and id source, and the one path by which anything is sealed.
 */
import { randomUUID } from 'node:crypto';
import { ServiceError, type RuleFlag, type SealResult } from '../contract';
import {
  LedgerError,
  type Clock,
  type CorrectionRequest,
  type EntryInput,
  type InTransaction,
  type Ledger,
  type SealedEntry,
} from '../ledger';
import { chinaDateOf } from '../rules';
import type { BookState } from './book-state';
import type { CalendarStore } from './calendar-store';
import type { CorrectionRecord, ReadModel } from './read-model';

/** The client request a mutating call carries (see request-ids.ts). */
export interface ClientRequest {
  id: string;
  method: string;
  digest: string;
}

/** The read model of one book, as the service modules use it. */
export interface BookView {
  state(): BookState;
  summary(seq: number): ReturnType<ReadModel['summary']>;
  correctionsOf(seq: number): CorrectionRecord[];
  currentBody(seq: number, original: unknown): unknown;
}

export interface ServiceContext {
  ledger: Ledger;
  read: ReadModel;
  dataDir: string;
  clock: Clock;
  newId: () => string;
  /** The book's read model, caught up with its entries. */
  projection(bookId: string): BookView;
  /** The request of the call being served, if the client gave one. */
  request: ClientRequest | null;
  /** Writes the current request's id in the seal's transaction, so a repeat finds the entries. */
  requestHook(): InTransaction | undefined;
  /** Seals entries in one transaction; refuses a read-only book. */
  seal(bookId: string, inputs: EntryInput[]): SealedEntry[];
  /** Seals a correction, by the same rules as `seal`. */
  sealCorrection(bookId: string, c: CorrectionRequest): SealedEntry;
  today(): string;
  calendar: CalendarStore;
}

export function createContext(
  ledger: Ledger,
  read: ReadModel,
  dataDir: string,
  calendar: CalendarStore,
  clock: Clock,
  newId: () => string = randomUUID,
): ServiceContext {
  const refuseReadOnly = (bookId: string) => {
    const status = guard(() => ledger.status(bookId));
    if (status.readOnly) {
      throw new ServiceError(
        'book-readonly',
        `该记录本为只读，不能再封存新记录：${status.reason ?? '完整性检查未通过'}`,
      );
    }
  };
  /**
   * Runs one sealing call. The database committed but the checkpoint file beside it could not
   * be written (disk full, a locked file): the entries ARE sealed, and reporting a failure
   * would make the recorder seal them twice; the next open re-links the lagging file.
   */
  const sealing = (bookId: string, count: number, run: () => SealedEntry[]): SealedEntry[] => {
    refuseReadOnly(bookId);
    const before = guard(() => ledger.getBook(bookId).size);
    try {
      return run();
    } catch (e) {
      if (!(e instanceof LedgerError) || e.code !== 'checkpoint-write-failed') throw toServiceError(e);
      const after = guard(() => ledger.getBook(bookId).size);
      if (after !== before + count) throw toServiceError(e);
      return guard(() => ledger.listEntries(bookId, { fromSeq: before + 1 }));
    }
  };
  const ctx: ServiceContext = {
    ledger,
    read,
    dataDir,
    calendar,
    clock,
    newId,
    request: null,
    projection(bookId) {
      guard(() => ledger.getBook(bookId));
      guard(() => read.catchUp(bookId));
      return {
        state: () => guard(() => read.state(bookId)),
        summary: (seq) => guard(() => read.summary(bookId, seq)),
        correctionsOf: (seq) => guard(() => read.correctionsOf(bookId, seq)),
        currentBody: (seq, original) => guard(() => read.currentBody(bookId, seq, original)),
      };
    },
    requestHook() {
      const request = ctx.request;
      if (!request) return undefined;
      return (bookId, entries) => {
        read.requests.addRequest(request.id, {
          bookId,
          method: request.method,
          digest: request.digest,
          firstSeq: entries[0]!.seq,
          lastSeq: entries[entries.length - 1]!.seq,
        });
      };
    },
    seal(bookId, inputs) {
      return sealing(bookId, inputs.length, () => ledger.sealBatch(bookId, inputs, ctx.requestHook()));
    },
    sealCorrection(bookId, c) {
      return sealing(bookId, 1, () => [ledger.correct(bookId, c, ctx.requestHook())])[0]!;
    },
    today() {
      return chinaDate(clock());
    },
  };
  return ctx;
}

/** Beijing local date of an instant (the app's dates are Beijing dates). */
export function chinaDate(d: Date): string {
  return chinaDateOf(d.toISOString());
}

/** Runs a ledger call, turning its errors into service errors (data, in Chinese). */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toServiceError(e);
  }
}

function toServiceError(e: unknown): unknown {
  return e instanceof LedgerError ? new ServiceError(e.code, e.message) : e;
}

export function sealResult(e: SealedEntry, flags: RuleFlag[]): SealResult {
  return { seq: e.seq, hash: e.hash, recordedAt: e.recordedAt, flags };
}

export function notFound(what: string, id: string | number, field?: string): ServiceError {
  return new ServiceError('not-found', `找不到${what}：${id}`, field);
}
