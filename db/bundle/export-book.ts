import type { Ledger } from '../ledger/ledger-api';
import type { KeyStore } from '../ledger/types';
import { ledgerBundleSource, type LedgerBundleOptions } from './bundle-source';
import { writeBundle, type BundleResult, type WriteBundleOptions } from './bundle-writer';

/**
 * Exports one book of a ledger as a signed bundle at `outPath` (what `logbook export` and the
 * UI's 导出 call). Rejects with LedgerError (unknown book, …) or BundleError (see errors.ts).
 */
export async function exportBookBundle(
  ledger: Ledger,
  bookId: string,
  keys: Pick<KeyStore, 'load'>,
  outPath: string,
  options: WriteBundleOptions & LedgerBundleOptions = {},
): Promise<BundleResult> {
  const { orgName, ...writeOptions } = options;
  const source = ledgerBundleSource(ledger, bookId, keys, orgName === undefined ? {} : { orgName });
  return writeBundle(source, outPath, writeOptions);
}
