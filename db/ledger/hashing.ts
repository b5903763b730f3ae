import crypto from 'node:crypto';
import type { Hex } from './types';

// crypto.hash (Node >= 20.12) hashes in one native call: for the ~2 KB entries of a book
// that is about twice as fast as createHash().update().digest().
const oneShot = typeof crypto.hash === 'function';

export function sha256(data: Uint8Array): Buffer {
  return oneShot ? crypto.hash('sha256', data, 'buffer') : crypto.createHash('sha256').update(data).digest();
}

export function sha256Hex(data: Uint8Array): Hex {
  return oneShot ? crypto.hash('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}

/** The all-zero "previous hash" of entry 1. */
export const ZERO_HASH: Hex = '0'.repeat(64);

const HEX64 = /^[0-9a-f]{64}$/;

/** Lowercase 64-char hex, exactly as the ledger writes hashes. */
export function isHex64(value: unknown): value is Hex {
  return typeof value === 'string' && HEX64.test(value);
}
