import { checkpointEpochAt, type KeyEpoch } from './book-keys';
import { parseSignedCheckpoint, verifyCheckpointSignature, type OutsideCheckpointStore } from './checkpoint';
import { parseOpenSshLine } from './keys';
import { consistencyPath, verifyConsistency, type NodeGetter } from './merkle';
import { problems } from './problems';
import type { Problem, SignedCheckpoint } from './types';

/**
 * Checks shared by the quick check and the full verify: the newest checkpoint in the
 * database against the entries, and the outside checkpoint file against the database.
 */

export interface DbCheckpointResult {
  signed: SignedCheckpoint | null;
  problems: Problem[];
}

/** The in-database checkpoint must be well-formed, for this book, of this size and root, signed by the key in force. */
export function checkDbCheckpoint(
  text: unknown,
  bookId: string,
  size: number,
  rootHex: string,
  epochs: readonly KeyEpoch[],
): DbCheckpointResult {
  if (text === undefined || text === null) return { signed: null, problems: [problems.checkpointMissing()] };
  const signed = parseSignedCheckpoint(text);
  if (!signed || signed.checkpoint.book !== bookId) return { signed: null, problems: [problems.checkpointInvalid()] };
  const cp = signed.checkpoint;
  const found: Problem[] = [];
  const epoch = checkpointEpochAt(epochs, cp.size);
  if (!epoch || epoch.keyId !== cp.keyId || !verifyCheckpointSignature(signed, epoch.publicKey)) {
    found.push(problems.badSignature(epoch?.keyId ?? cp.keyId));
  }
  if (cp.size !== size) found.push(problems.sizeMismatch(cp.size, size));
  else if (cp.root !== rootHex) found.push(problems.rootMismatch(size));
  return { signed: found.length === 0 ? signed : null, problems: found };
}

export interface OutsideCheckInput {
  outside: OutsideCheckpointStore;
  bookId: string;
  size: number;
  rootHex: string;
  get: NodeGetter;
  epochs: readonly KeyEpoch[];
  /** The sound in-database checkpoint, used to bring a lagging outside file up to date. */
  dbSigned: SignedCheckpoint | null;
  /** False when the file must not be touched (read-only, or other problems already found). */
  mayRewrite: boolean;
}

/**
 * Outside file vs database. Ahead: entries are missing from the database (older copy, lost
 * -wal). Same size, other root: fork. Behind: normal after a crash between the database
 * commit and the file rename, accepted only if a consistency proof from the stored nodes
 * links the two roots; the file is then rewritten.
 */
export function checkOutsideCheckpoint(input: OutsideCheckInput): Problem[] {
  const { outside, bookId, size, rootHex, get, epochs, dbSigned } = input;
  // The file's name for the messages (never its path: they reach the UI).
  const file = outside.describe(bookId);
  const rewrite = (): Problem[] => {
    if (input.mayRewrite && dbSigned) {
      const epoch = checkpointEpochAt(epochs, dbSigned.checkpoint.size);
      try {
        if (epoch) outside.write(bookId, { signed: dbSigned, publicKey: epoch.publicKeyLine });
      } catch {
        // Not evidence of tampering; the next seal reports a failing checkpoint write itself.
      }
    }
    return [];
  };
  const read = outside.read(bookId);
  // Never legitimately missing: a new book's file is written before its genesis commits.
  if (read.state === 'missing') return [problems.outsideMissing(file)];
  if (read.state === 'invalid') return [problems.outsideInvalid(file, read.reason)];
  const { signed, publicKey } = read.value;
  const cp = signed.checkpoint;
  if (cp.book !== bookId) return [problems.outsideInvalid(file, '它属于另一本记录本')];
  const key = parseOpenSshLine(publicKey);
  if (!key || key.keyId !== cp.keyId || !verifyCheckpointSignature(signed, key.publicKey)) {
    return [problems.outsideInvalid(file, '签名无效')];
  }
  // A key enrolled after the database's head is possible only when the file is ahead.
  if (cp.size > size) return [problems.outsideAhead(size, cp.size, file)];
  const epoch = checkpointEpochAt(epochs, cp.size);
  if (!epoch || epoch.keyId !== cp.keyId) return [problems.outsideInvalid(file, '签名密钥不是当时生效的密钥')];
  if (cp.size === size) return cp.root === rootHex ? [] : [problems.outsideFork(size, file)];
  const proof = consistencyPath(cp.size, size, get);
  const linked = verifyConsistency(cp.size, size, Buffer.from(cp.root, 'hex'), Buffer.from(rootHex, 'hex'), proof);
  return linked ? rewrite() : [problems.outsideFork(cp.size, file)];
}
