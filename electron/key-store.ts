/**
 * The desktop KeyStore: db/'s file store underneath, each private key wrapped with
 * Electron's `safeStorage` (DPAPI on Windows, the Secret Service / KWallet on Linux,
 * Keychain on macOS). Only the main process ever holds the key; it never crosses IPC.
 *
 * Stored record: `LBKS` 0x01 <mode> <payload>, mode `E` = safeStorage ciphertext of the
 * base64 PKCS#8 DER, `P` = plain DER (only when the OS offers no encryption: some Linux
 * desktops without a keyring; the file then relies on owner-only permissions, as in the
 * browser host, and `protection()` says so for the UI to warn). A plain or legacy record
 * is re-wrapped as soon as encryption is available.
 *
 * Sync `encryptString/decryptString` are used because the KeyStore interface is sync
 * (deprecated in favour of the async pair in recent Electron, still supported in 45).
 */
import type { SafeStorage } from 'electron';
import { ServiceError } from '../db/contract/contract-types';
import type { KeyProtection, KeyStore } from '../db/ledger/types';

const MAGIC = Buffer.from('LBKS\x01', 'latin1');
const MODE_ENCRYPTED = 0x45; // 'E'
const MODE_PLAIN = 0x50; // 'P'

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/** `os`: protected by the OS keychain; `weak`: Linux fallback with a fixed password; `none`: file permissions only. */
export type { KeyProtection };

export interface ProtectedKeyStore extends KeyStore {
  protection(): KeyProtection;
}

export function createSafeStorageKeyStore(
  inner: KeyStore,
  safeStorage: SafeStorageLike,
  platform: string = process.platform,
): ProtectedKeyStore {
  const available = (): boolean => {
    try {
      return safeStorage.isEncryptionAvailable();
    } catch {
      return false;
    }
  };

  const wrap = (pkcs8Der: Buffer): Buffer => {
    if (available()) {
      const sealed = safeStorage.encryptString(pkcs8Der.toString('base64'));
      return Buffer.concat([MAGIC, Buffer.from([MODE_ENCRYPTED]), sealed]);
    }
    return Buffer.concat([MAGIC, Buffer.from([MODE_PLAIN]), pkcs8Der]);
  };

  return {
    save(keyId, pkcs8Der) {
      inner.save(keyId, wrap(pkcs8Der));
    },
    load(keyId) {
      const stored = inner.load(keyId);
      if (stored === null) return null;
      const hasMagic = stored.length > MAGIC.length && stored.subarray(0, MAGIC.length).equals(MAGIC);
      const mode = hasMagic ? stored[MAGIC.length] : undefined;
      if (mode === MODE_ENCRYPTED) {
        try {
          return Buffer.from(safeStorage.decryptString(stored.subarray(MAGIC.length + 1)), 'base64');
        } catch {
          throw new ServiceError(
            'key-locked',
            '无法解开本机保存的签名密钥：系统密钥环不可用或已更换（例如换了操作系统账户）。请用原账户登录后重试；如已无法恢复，请按“密钥移交”流程重新登记密钥。',
          );
        }
      }
      // Plain record, or a legacy record written by the plain file store: upgrade when possible.
      const der = mode === MODE_PLAIN ? Buffer.from(stored.subarray(MAGIC.length + 1)) : stored;
      if (available()) inner.save(keyId, wrap(der));
      return der;
    },
    protection() {
      if (!available()) return 'none';
      if (platform === 'linux') {
        try {
          if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') return 'weak';
        } catch {
          return 'weak';
        }
      }
      return 'os';
    },
  };
}
