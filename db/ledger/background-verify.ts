import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { BookRow } from './store';
import type { VerifyReport } from './types';
import type { VerifyJob, VerifyMessage } from './verify-worker';

/**
 * Runs full verifies in a worker thread, one job (a list of books, verified one after the
 * other) per worker, so a workspace of hundreds of books costs one thread, not hundreds.
 * Progress is kept per book for the integrity badge. If the worker cannot run at all (a
 * packaged build without its bundle, a native module that does not load in a worker), the
 * caller's inline verify takes over: a book is never left unverified because of a thread.
 */

export interface VerifyProgress {
  done: number;
  total: number;
}

export interface BackgroundJobOptions {
  path: string;
  nativeBinding?: string;
  worker: URL | string;
  books: (BookRow & { total: number })[];
  onProgress: (bookId: string, progress: VerifyProgress) => void;
  onResult: (bookId: string, report: VerifyReport) => void;
  /** The worker failed before it reported these books. */
  onFailure: (books: BookRow[], reason: string) => void;
}

export class BackgroundJob {
  private readonly worker: Worker;
  private readonly pending = new Map<string, BookRow>();
  private ended = false;

  constructor(private readonly options: BackgroundJobOptions) {
    for (const book of options.books) this.pending.set(book.bookId, book);
    const job: VerifyJob = {
      path: options.path,
      books: options.books.map(({ bookNo, bookId }) => ({ bookNo, bookId })),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    };
    // A missing bundle is known now: let the caller verify inline at once.
    if (!existsSync(options.worker)) throw new Error('verify worker file missing');
    this.worker = new Worker(options.worker, { workerData: { verifyJob: job } });
    // A verify in progress must not keep a closing app (or a finished CLI) alive.
    this.worker.unref();
    this.worker.on('message', (message: VerifyMessage) => this.receive(message));
    this.worker.on('error', (error) => this.fail(error.message));
    this.worker.on('exit', (code) => this.fail(`校验线程意外退出（${code}）`));
  }

  private receive(message: VerifyMessage): void {
    if (this.ended) return;
    if (message.type === 'progress') {
      const book = this.options.books.find((b) => b.bookId === message.bookId);
      this.options.onProgress(message.bookId, { done: message.done, total: book?.total ?? message.done });
    } else if (message.type === 'result') {
      this.pending.delete(message.bookId);
      this.options.onResult(message.bookId, message.report);
    } else {
      this.fail(message.reason);
    }
  }

  private fail(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    const left = [...this.pending.values()];
    this.pending.clear();
    if (left.length > 0) this.options.onFailure(left, reason);
  }

  /** Stops the worker; books not yet reported stay unverified (the ledger is closing). */
  stop(): void {
    this.ended = true;
    this.pending.clear();
    void this.worker.terminate();
  }
}

/**
 * The worker entry when running from source; packaged builds pass their bundled file. Null
 * where this module was bundled without one (no module URL, or no entry file beside it):
 * the ledger then verifies in its own thread.
 */
export function defaultVerifyWorker(): URL | null {
  const here: unknown = import.meta.url;
  if (typeof here !== 'string' || !here.startsWith('file:')) return null;
  const entry = new URL('./verify-worker-entry.mjs', here);
  return existsSync(entry) ? entry : null;
}
