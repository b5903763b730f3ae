/**
 * The one place outside db/ that opens the real service. Both composition roots use it:
 * electron/main.ts (keys wrapped with safeStorage) and host/serve-main.ts (plain key
 * files, as the CLI). Keeping the folder layout here means both find the same book.
 */
import path from 'node:path';
import { contract } from '../db/contract/index';
import { withDemoBook } from '../db/demo/demo-books';
import { FileKeyStore } from '../db/ledger/index';
import type { KeyStore } from '../db/ledger/types';
import { createService } from '../db/service/index';
import type { Service } from '../db/service/index';

export { contract };
export type RealService = Service;

/** Private keys live in `<dataDir>/keys` (one file per key, owner-only). */
export function keysDir(dataDir: string): string {
  return path.join(dataDir, 'keys');
}

export function plainKeyStore(dataDir: string): KeyStore {
  return new FileKeyStore(keysDir(dataDir));
}

export interface OpenServiceOptions {
  dataDir: string;
  /** Defaults to the plain file store (browser host, CLI). */
  keyStore?: KeyStore;
  /** Path of a better-sqlite3 addon built for the running runtime (Electron). */
  nativeBinding?: string;
  /** The bundled background-verify worker (packaged builds: out/worker/index.cjs). */
  verifyWorker?: string;
}

/** The real service, with the newcomer's demo book beside it in `<dataDir>/demo` (db/demo/demo-books.ts). */
export function openRealService(options: OpenServiceOptions): RealService {
  const real = createService({
    dataDir: options.dataDir,
    keyStore: options.keyStore ?? plainKeyStore(options.dataDir),
    ...(options.nativeBinding !== undefined ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.verifyWorker !== undefined ? { verifyWorker: options.verifyWorker } : {}),
  });
  return withDemoBook(real, {
    dataDir: options.dataDir,
    ...(options.nativeBinding !== undefined ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.verifyWorker !== undefined ? { verifyWorker: options.verifyWorker } : {}),
  });
}
