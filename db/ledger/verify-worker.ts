/**
 * The full verify, run in a worker thread so the app stays responsive while every byte of
 * a large book is hashed. The worker opens its own read-only connection: WAL lets it read a
 * consistent snapshot while the main thread goes on sealing. The outside checkpoint file is
 * read BEFORE the snapshot starts: a seal writes that file only after its commit, so the
 * file can then never be ahead of the snapshot (no false "entries missing" alarm).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../open-database';
import { FileCheckpointStore, type OutsideCheckpointStore } from './checkpoint';
import { LedgerStore, type BookRow } from './store';
import type { VerifyReport } from './types';
import { runFullVerify } from './verify';

export interface VerifyJob {
  path: string;
  nativeBinding?: string;
  books: BookRow[];
}

export type VerifyMessage =
  | { type: 'progress'; bookId: string; done: number }
  | { type: 'result'; bookId: string; report: VerifyReport }
  | { type: 'failed'; reason: string };

export function runVerifyJob(job: VerifyJob, post: (message: VerifyMessage) => void): void {
  const db = openDatabase(job.path, {
    readonly: true,
    ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
  });
  try {
    const store = new LedgerStore(db);
    const files = new FileCheckpointStore(job.path);
    for (const book of job.books) {
      const before = files.read(book.bookId);
      const outside: OutsideCheckpointStore = {
        read: () => before,
        write: () => undefined,
        describe: (bookId) => files.describe(bookId),
      };
      db.exec('BEGIN');
      try {
        const ctx = {
          store,
          outside,
          readonly: true,
          ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
        };
        const { report } = runFullVerify(ctx, book, (done) => post({ type: 'progress', bookId: book.bookId, done }));
        post({ type: 'result', bookId: book.bookId, report });
      } finally {
        db.exec('COMMIT');
      }
    }
  } finally {
    db.close();
  }
}

if (parentPort && (workerData as { verifyJob?: VerifyJob } | undefined)?.verifyJob) {
  const port = parentPort;
  try {
    runVerifyJob((workerData as { verifyJob: VerifyJob }).verifyJob, (m) => port.postMessage(m));
  } catch (error) {
    port.postMessage({
      type: 'failed',
      reason: error instanceof Error ? error.message : String(error),
    } satisfies VerifyMessage);
  }
}
