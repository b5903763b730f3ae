import type { KeyStore } from '../ledger/types';

/** Keeps private keys in memory (tests only). */
export class MemoryKeyStore implements KeyStore {
  readonly keys = new Map<string, Buffer>();

  save(keyId: string, pkcs8Der: Buffer): void {
    this.keys.set(keyId, Buffer.from(pkcs8Der));
  }

  load(keyId: string): Buffer | null {
    return this.keys.get(keyId) ?? null;
  }
}
