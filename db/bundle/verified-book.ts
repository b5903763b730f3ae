import os from 'node:os';
import path from 'node:path';
import type { ImportOptions, Ledger } from '../ledger/ledger-api';
import type { BookInfo } from '../ledger/types';
import { EntriesStage } from './staging';
import { verifyBundle, type BundleReport, type VerifyBundleOptions } from './verify-bundle';

/**
 * A verified bundle into a ledger (restore; the liaison's import in liaison-import.ts): the
 * async part (verify, with the entries staged as they are checked) runs first without
 * touching the ledger, then the ledger's synchronous import writes everything in one
 * transaction.
 */

export interface ImportBundleResult {
  report: BundleReport;
  /** The imported (or already present, identical) book; null when the bundle did not verify. */
  book: BookInfo | null;
}

/** Where a ledger's imports stage their files: a folder beside its database (the temp folder for an in-memory one). */
export function stagingRootOf(ledger: Pick<Ledger, 'path'>): string {
  return ledger.path === ':memory:' ? tempStagingRoot() : `${ledger.path}.staging`;
}

/** Staging outside any data folder (a restore into a folder that must stay empty until the bundle verified). */
export function tempStagingRoot(): string {
  return path.join(os.tmpdir(), 'logbook-staging');
}

/**
 * Verifies the bundle (with `options` as asked) while staging its entries (staging.ts): the
 * one read of the bundle an import needs. Call `stage.remove()` in every case.
 */
export async function verifyStaged(
  bundlePath: string,
  stagingRoot: string,
  options: VerifyBundleOptions = {},
): Promise<{ report: BundleReport; stage: EntriesStage }> {
  const { onEntry, ...verifyOptions } = options;
  const stage = new EntriesStage(stagingRoot);
  try {
    const report = await verifyBundle(bundlePath, {
      ...verifyOptions,
      onEntry: (entry) => {
        stage.onEntry(entry);
        onEntry?.(entry);
      },
    });
    return { report, stage };
  } catch (error) {
    stage.remove();
    throw error;
  }
}

/** Imports the book of a verify that passed, from the stage that verify filled (then removed). */
export async function importVerifiedBundle(
  ledger: Ledger,
  bundlePath: string,
  report: BundleReport,
  stage: EntriesStage,
  options: ImportOptions = {},
): Promise<BookInfo> {
  try {
    // The import itself asks only for the attachments it lacks (one lookup each).
    const staged = await stage.finish(bundlePath, report);
    return ledger.importBook(staged, options);
  } finally {
    stage.remove();
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
  const { report, stage } = await verifyStaged(bundlePath, stagingRootOf(ledger), options);
  try {
    if (!report.ok) return { report, book: null };
    return { report, book: await importVerifiedBundle(ledger, bundlePath, report, stage) };
  } finally {
    stage.remove();
  }
}
