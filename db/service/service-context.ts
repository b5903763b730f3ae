/**
 * What every service module shares: the ledger, the per-book read models, the holiday calendar,
 * the clock and id source, and the one path by which anything is sealed.
 */
import { randomUUID } from 'node:crypto';
import { ServiceError, type RuleFlag, type SealResult } from '../contract';
import { LedgerError, type Clock, type EntryInput, type Ledger, type SealedEntry } from '../ledger';
import { BookProjection } from './projection';
import type { CalendarStore } from './calendar-store';

export interface ServiceContext {
  ledger: Ledger;
  dataDir: string;
  clock: Clock;
  newId: () => string;
  projection(bookId: string): BookProjection;
  /** Seals entries in one transaction; refuses a read-only book. */
  seal(bookId: string, inputs: EntryInput[]): SealedEntry[];
  today(): string;
  calendar: CalendarStore;
}

export type Reflag = ConstructorParameters<typeof BookProjection>[2];

export function createContext(
  ledger: Ledger, dataDir: string, calendar: CalendarStore, clock: Clock, newId: () => string = randomUUID, reflag?: Reflag,
): ServiceContext {
  const projections = new Map<string, BookProjection>();
  const ctx: ServiceContext = {
    ledger,
    dataDir,
    calendar,
    clock,
    newId,
    projection(bookId) {
      let p = projections.get(bookId);
      if (!p) {
        guard(() => ledger.getBook(bookId));
        p = new BookProjection(ledger, bookId, reflag);
        projections.set(bookId, p);
      }
      return guard(() => p.refresh());
    },
    seal(bookId, inputs) {
      const status = guard(() => ledger.status(bookId));
      if (status.readOnly) {
        throw new ServiceError('book-readonly', `该记录本未通过完整性检查，已设为只读，不能再封存新记录：${status.reason ?? ''}`);
      }
      const before = guard(() => ledger.getBook(bookId).size);
      let sealed: SealedEntry[];
      try {
        sealed = ledger.sealBatch(bookId, inputs);
      } catch (e) {
        // The database committed but the checkpoint file beside it could not be written
        // (disk full, a locked file): the entries ARE sealed. Reporting a failure would make
        // the recorder seal them twice; the next open re-links the lagging file.
        if (!(e instanceof LedgerError) || e.code !== 'checkpoint-write-failed') throw toServiceError(e);
        const after = guard(() => ledger.getBook(bookId).size);
        if (after !== before + inputs.length) throw toServiceError(e);
        sealed = guard(() => ledger.listEntries(bookId, { fromSeq: before + 1 }));
      }
      ctx.projection(bookId);
      return sealed;
    },
    today() {
      return chinaDate(clock());
    },
  };
  return ctx;
}

/** Beijing local date of an instant (the app's dates are Beijing dates). */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
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
