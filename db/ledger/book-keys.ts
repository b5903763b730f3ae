import type { KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical';
import { ZERO_HASH } from './hashing';
import { decodeSignature, parseOpenSshLine, signBytes, verifyBytes } from './keys';
import type { Hex, SealedEntry } from './types';

/**
 * Keys are log entries: entry 1 (`ledger.genesis`) enrols the first key, each
 * `ledger.key-rotation` entry enrols the next one with a statement signed by BOTH the key
 * in force and the new key (handover to a new recorder or a new PC, 移交). The rotation
 * entry itself is authored by the old key; every later entry and checkpoint by the new one.
 */

export const GENESIS_KIND = 'ledger.genesis';
export const ROTATION_KIND = 'ledger.key-rotation';
export const CORRECTION_KIND = 'ledger.correction';

export interface KeyEpoch {
  keyId: string;
  /** OpenSSH line as enrolled. */
  publicKeyLine: string;
  publicKey: KeyObject;
  /** Seq of the entry that enrolled the key (1 for the genesis key). */
  enrolledAt: number;
}

/** Key that must have authored entry `seq`: enrolled strictly before it (genesis authors itself). */
export function authorEpochAt(epochs: readonly KeyEpoch[], seq: number): KeyEpoch | undefined {
  let found: KeyEpoch | undefined = epochs[0];
  for (const epoch of epochs) if (epoch.enrolledAt < seq) found = epoch;
  return found;
}

/** Key that must have signed the checkpoint of size `size`: the newest enrolled at or before it. */
export function checkpointEpochAt(epochs: readonly KeyEpoch[], size: number): KeyEpoch | undefined {
  let found: KeyEpoch | undefined;
  for (const epoch of epochs) if (epoch.enrolledAt <= size) found = epoch;
  return found;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Reads the genesis entry; returns the first epoch and the book's name, or a reason (Chinese). */
export function readGenesis(entry: SealedEntry): { epoch: KeyEpoch; name: string } | string {
  if (entry.seq !== 1 || entry.kind !== GENESIS_KIND) return '第 1 条不是建账条目';
  if (entry.prev !== ZERO_HASH) return '建账条目的“前一条哈希”不是全零';
  const body = asRecord(entry.body);
  if (!body || typeof body.name !== 'string') return '建账条目缺少记录本名称';
  const key = parseOpenSshLine(body.publicKey);
  if (!key) return '建账条目中的公钥格式不对';
  if (key.keyId !== body.keyId || key.keyId !== entry.author) return '建账条目中的公钥与其密钥标识或作者不符';
  return {
    name: body.name,
    epoch: { keyId: key.keyId, publicKeyLine: body.publicKey as string, publicKey: key.publicKey, enrolledAt: 1 },
  };
}

export interface RotationStatementInput {
  book: string;
  seq: number;
  prev: Hex;
  previousKeyId: string;
  keyId: string;
  publicKey: string;
  reason: string;
}

/** The bytes both keys sign: binds the new key to this book, this position and the old key. */
export function rotationStatement(s: RotationStatementInput): Buffer {
  return Buffer.from(
    canonicalJson(
      {
        book: s.book,
        keyId: s.keyId,
        kind: ROTATION_KIND,
        prev: s.prev,
        previousKeyId: s.previousKeyId,
        publicKey: s.publicKey,
        reason: s.reason,
        seq: s.seq,
      },
      '密钥轮换声明',
    ),
  );
}

export function rotationBody(
  s: RotationStatementInput,
  previousKey: KeyObject,
  nextKey: KeyObject,
): Record<string, unknown> {
  const statement = rotationStatement(s);
  return {
    keyId: s.keyId,
    publicKey: s.publicKey,
    previousKeyId: s.previousKeyId,
    reason: s.reason,
    signatures: {
      previous: signBytes(previousKey, statement).toString('base64'),
      next: signBytes(nextKey, statement).toString('base64'),
    },
  };
}

/** Checks a rotation entry against the key in force; returns the new epoch or a reason (Chinese). */
export function readRotation(entry: SealedEntry, current: KeyEpoch): KeyEpoch | string {
  const body = asRecord(entry.body);
  const signatures = asRecord(body?.signatures);
  if (!body || !signatures || typeof body.reason !== 'string') return '密钥轮换条目格式不对';
  if (entry.author !== current.keyId || body.previousKeyId !== current.keyId) {
    return '密钥轮换条目不是由当时生效的密钥发起的';
  }
  const key = parseOpenSshLine(body.publicKey);
  if (!key || key.keyId !== body.keyId) return '密钥轮换条目中的新公钥与其密钥标识不符';
  const statement = rotationStatement({
    book: entry.bookId,
    seq: entry.seq,
    prev: entry.prev,
    previousKeyId: current.keyId,
    keyId: key.keyId,
    publicKey: body.publicKey as string,
    reason: body.reason,
  });
  const previous = decodeSignature(signatures.previous);
  const next = decodeSignature(signatures.next);
  if (!previous || !verifyBytes(current.publicKey, statement, previous)) return '密钥轮换声明上旧密钥的签名无效';
  if (!next || !verifyBytes(key.publicKey, statement, next)) return '密钥轮换声明上新密钥的签名无效';
  return { keyId: key.keyId, publicKeyLine: body.publicKey as string, publicKey: key.publicKey, enrolledAt: entry.seq };
}
