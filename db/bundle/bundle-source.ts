import { GENESIS_KIND, ROTATION_KIND } from '../ledger/book-keys';
import { importPrivateKey, parseOpenSshLine, signBytes } from '../ledger/keys';
import type { Ledger } from '../ledger/ledger-api';
import type { KeyStore, SignedCheckpoint } from '../ledger/types';
import { BundleError } from './errors';

/**
 * What the bundle writer reads. Abstract so the writer knows nothing of the ledger's
 * storage; every method is called lazily, one entry or attachment at a time, so a source
 * never has to hold the book in memory.
 */
export interface BundleKey {
  keyId: string;
  /** OpenSSH line as enrolled, `ssh-ed25519 AAAA… comment`. */
  publicKey: string;
  /** Seq of the entry that enrolled it (1 = genesis). */
  enrolledAt: number;
}

export interface BundleSource {
  bookId: string;
  name: string;
  orgName: string;
  createdAt: string;
  /** Number of entries; equals `checkpoint.checkpoint.size`. */
  size: number;
  /** Oldest first; the last one is the current key (the one that signed `checkpoint`). */
  keyHistory: readonly BundleKey[];
  checkpoint: SignedCheckpoint;
  /** The exact canonical bytes of entry `seq` (1…size) as hashed, without the 0x00 leaf prefix. */
  entryBytes(seq: number): Buffer;
  /** The attachment with this SHA-256 (hex), or null if it is not stored. */
  attachment(hash: string): Buffer | null;
  /** Raw 64-byte Ed25519 signature of `message` with the current key. */
  sign(message: Buffer): Buffer;
  /** The current key's OpenSSH line. */
  publicKeyLine: string;
}

export interface LedgerBundleOptions {
  /**
   * The organisation's name for bag-info's Source-Organization. The ledger does not know
   * organisations (the service does: `org.setup` / `org.update`); the service names a book
   * after its organisation, so the book's name is the default.
   */
  orgName?: string;
}

/**
 * A BundleSource over the public Ledger interface. Reads the key history (genesis and
 * rotation entries only) and the newest checkpoint up front; entries and attachments are
 * read when the writer asks for them. The private key is loaded once, here, so a missing
 * key fails before anything is written.
 */
export function ledgerBundleSource(
  ledger: Ledger,
  bookId: string,
  keys: Pick<KeyStore, 'load'>,
  options: LedgerBundleOptions = {},
): BundleSource {
  const book = ledger.getBook(bookId);
  const checkpoint = ledger.checkpoint(bookId);
  if (!checkpoint) {
    throw new BundleError('bundle-source-invalid', `记录本 ${bookId} 没有已签名的检查点，无法导出。请先运行完整校验。`);
  }
  const keyHistory: BundleKey[] = [];
  for (const entry of ledger.listEntries(bookId, { kinds: [GENESIS_KIND, ROTATION_KIND] })) {
    const body = (entry.body ?? {}) as { keyId?: unknown; publicKey?: unknown };
    const key = parseOpenSshLine(body.publicKey);
    if (!key || key.keyId !== body.keyId) {
      throw new BundleError(
        'bundle-source-invalid',
        `第 ${entry.seq} 条登记的公钥格式不对，无法导出。请先运行完整校验。`,
      );
    }
    keyHistory.push({ keyId: key.keyId, publicKey: body.publicKey as string, enrolledAt: entry.seq });
  }
  const current = keyHistory.at(-1);
  if (!current || current.keyId !== book.keyId) {
    throw new BundleError(
      'bundle-source-invalid',
      `记录本 ${bookId} 的密钥记录与当前密钥不一致，无法导出。请先运行完整校验。`,
    );
  }
  const der = keys.load(current.keyId);
  if (!der) {
    throw new BundleError(
      'key-missing',
      `本机没有记录本当前密钥 ${current.keyId} 的私钥，无法签名导出包。请在保存该密钥的电脑上导出。`,
    );
  }
  const signer = importPrivateKey(der, current.keyId);
  return {
    bookId,
    name: book.name,
    orgName: options.orgName ?? book.name,
    createdAt: book.createdAt,
    size: book.size,
    keyHistory,
    checkpoint,
    entryBytes: (seq) => ledger.rawEntry(bookId, seq),
    attachment: (hash) => ledger.getAttachment(hash),
    sign: (message) => signBytes(signer.privateKey, message),
    publicKeyLine: current.publicKey,
  };
}
