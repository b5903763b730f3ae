import os from 'node:os';
import path from 'node:path';
import type { ImportOptions, Ledger } from '../ledger/ledger-api';
import type { BookInfo } from '../ledger/types';
import { stageVerifiedBundle } from './staging';
import { verifyBundle, type BundleReport, type VerifyBundleOptions } from './verify-bundle';

/**
 * A verified bundle into a ledger (restore; the liaison's import in liaison-import.ts): the
 * async part (verify, staging) runs first without touching the ledger, then the ledger's
 * synchronous import writes everything in one transaction.
 */

export interface ImportBundleResult {
  report: BundleReport;
  /** The imported (or already present, identical) book; null when the bundle did not verify. */
  book: BookInfo | null;
}

/** Where a ledger's imports stage their files: a folder beside its database (the temp folder for an in-memory one). */
export function stagingRootOf(ledger: Pick<Ledger, 'path'>): string {
  return ledger.path === ':memory:' ? path.join(os.tmpdir(), 'logbook-staging') : `${ledger.path}.staging`;
}

/** Stages the verified bundle and imports it (the staging folder is removed in every case). */
export async function importVerifiedBundle(
  ledger: Ledger,
  bundlePath: string,
  report: BundleReport,
  options: ImportOptions & { stagingRoot?: string } = {},
): Promise<BookInfo> {
  const { stagingRoot, ...importOptions } = options;
  const staged = await stageVerifiedBundle(
    bundlePath,
    report,
    stagingRoot ?? stagingRootOf(ledger),
    (hash) => !ledger.hasAttachment(hash),
  );
  try {
    return ledger.importBook(staged, importOptions);
  } finally {
    staged.remove();
  }
}

/**
 * Verifies the bundle in full (with `pin` / `state` as asked) and, only if every check
 * passed, imports its book into `ledger` (restore). A bundle that does not verify leaves the
 * ledger untouched and comes back with its report.
 */
export async function importBundle(
  ledger: Ledger,
  bundlePath: string,
  options: VerifyBundleOptions = {},
): Promise<ImportBundleResult> {
  const report = await verifyBundle(bundlePath, options);
  if (!report.ok) return { report, book: null };
  const book = await importVerifiedBundle(ledger, bundlePath, report);
  return { report, book };
}
