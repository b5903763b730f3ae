import { serializeSignedCheckpoint } from '../ledger/checkpoint';
import type { VerifiedBook } from '../ledger/import-book';
import type { BookInfo } from '../ledger/types';
import type { Ledger } from '../ledger/ledger-api';
import { BundleZip } from './bundle-reader';
import { BundleError } from './errors';
import { verifyBundle, type BundleReport, type VerifyBundleOptions } from './verify-bundle';

/**
 * A bundle's book for `Ledger.importBook`, read through the bundle reader again AFTER
 * `verifyBundle` passed: entries stream from `data/entries.jsonl` line by line (bounded
 * memory, sizes and CRC checked by BundleZip), attachments are read when the import asks,
 * and the checkpoint is the verified one. The file may have changed since it was verified
 * (another process, a swapped USB stick): the checkpoint in the zip must still be the
 * verified one byte for byte, and the import re-checks every entry and its root against it,
 * so what is imported is exactly what was verified or nothing.
 */
export async function withVerifiedBook<T>(bundlePath: string, report: BundleReport, use: (book: VerifiedBook) => Promise<T>): Promise<T> {
  if (!report.ok || report.bookId === null || report.checkpoint === null) {
    throw new BundleError('bundle-invalid', '数据包未通过核验，不能导入。');
  }
  const bookId = report.bookId;
  const verified = report.checkpoint;
  const zip = await BundleZip.open(bundlePath);
  try {
    const changed = () => new BundleError('bundle-invalid', '数据包在核验之后被改动过，不能导入。请重新核验。');
    if (zip.folderBookId !== bookId) throw changed();
    const checkpointFile = zip.files.get('data/checkpoint.json')!;
    const text = (await zip.readAll(checkpointFile)).toString('utf8');
    if (text !== serializeSignedCheckpoint(verified)) throw changed();
    const entriesFile = zip.files.get('data/entries.jsonl')!;
    const book: VerifiedBook = {
      bookId,
      checkpoint: verified,
      entries: (async function* () {
        for await (const { line, terminated } of zip.lines(entriesFile)) {
          if (!terminated) throw changed();
          yield line;
        }
      })(),
      attachment: async (hash) => {
        const file = zip.files.get(`data/attachments/${hash}`);
        if (!file || file.kind !== 'attachment') return null;
        const parts: Buffer[] = [];
        for await (const chunk of zip.chunks(file)) parts.push(chunk);
        return Buffer.concat(parts);
      },
    };
    return await use(book);
  } finally {
    zip.close();
  }
}

export interface ImportBundleResult {
  report: BundleReport;
  /** The imported (or already present, identical) book; null when the bundle did not verify. */
  book: BookInfo | null;
}

/**
 * Verifies the bundle in full (with `pin` / `state` as asked) and, only if every check
 * passed, imports its book into `ledger` (restore; the liaison's import). A bundle that does
 * not verify leaves the ledger untouched and comes back with its report.
 */
export async function importBundle(ledger: Ledger, bundlePath: string, options: VerifyBundleOptions = {}): Promise<ImportBundleResult> {
  const report = await verifyBundle(bundlePath, options);
  if (!report.ok) return { report, book: null };
  const book = await withVerifiedBook(bundlePath, report, (verified) => ledger.importBook(verified));
  return { report, book };
}
