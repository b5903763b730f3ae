import { sha256 } from './hashing';

/**
 * RFC 9162 (Certificate Transparency 2.0) Merkle tree hash, proofs and their verification.
 * Pure: the tree is reached through a `NodeGetter` that returns the hash of the perfect
 * subtree (level, index) = leaves [index·2^level, (index+1)·2^level). The ledger stores
 * exactly those nodes, so any root or proof costs O(log n) (root) to O(log² n) (the right
 * edge of a proof) lookups, never a rehash of the leaves.
 */

export type NodeGetter = (level: number, index: number) => Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = sha256(Buffer.alloc(0));

export function leafHash(bytes: Uint8Array): Buffer {
  return sha256(Buffer.concat([LEAF_PREFIX, bytes]));
}

const nodeScratch = Buffer.alloc(65);
/** HASH(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  nodeScratch[0] = 0x01;
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 33);
  return sha256(nodeScratch);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/** The largest power of two strictly smaller than n (n > 1): the RFC's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Number of trailing zero bits: how many perfect subtrees appending leaf #n (1-based) completes. */
export function trailingZeros(n: number): number {
  let count = 0;
  while (n > 0 && n % 2 === 0) {
    n /= 2;
    count++;
  }
  return count;
}

function assertSize(name: string, n: number, min: number): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${n}`);
}

/** MTH(D[start : start+size]) from stored perfect-subtree nodes. */
export function rangeHash(start: number, size: number, get: NodeGetter): Buffer {
  if (size === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(size) && start % size === 0) return get(Math.log2(size), start / size);
  const k = splitPoint(size);
  return nodeHash(rangeHash(start, k, get), rangeHash(start + k, size - k, get));
}

export function rootOf(size: number, get: NodeGetter): Buffer {
  assertSize('size', size, 0);
  return rangeHash(0, size, get);
}

/** PATH(m, D[n]) of RFC 9162 §2.1.3.1, for leaf index m (0-based) in a tree of n leaves. */
export function inclusionPath(index: number, size: number, get: NodeGetter): Buffer[] {
  assertSize('size', size, 1);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError('leaf index out of range');
  const proof: Buffer[] = [];
  const walk = (m: number, start: number, n: number): void => {
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, k);
      proof.push(rangeHash(start + k, n - k, get));
    } else {
      walk(m - k, start + k, n - k);
      proof.push(rangeHash(start, k, get));
    }
  };
  walk(index, 0, size);
  return proof;
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 9162 §2.1.4.1 (empty when m = n). */
export function consistencyPath(oldSize: number, newSize: number, get: NodeGetter): Buffer[] {
  assertSize('oldSize', oldSize, 1);
  assertSize('newSize', newSize, oldSize);
  const proof: Buffer[] = [];
  const sub = (m: number, start: number, n: number, complete: boolean): void => {
    if (m === n) {
      if (!complete) proof.push(rangeHash(start, n, get));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, start, k, complete);
      proof.push(rangeHash(start + k, n - k, get));
    } else {
      sub(m - k, start + k, n - k, false);
      proof.push(rangeHash(start, k, get));
    }
  };
  sub(oldSize, 0, newSize, true);
  return proof;
}

function validHashes(list: readonly Uint8Array[]): boolean {
  return list.every((h) => h.length === 32);
}

/** RFC 9162 §2.1.3.2: verifies that `leaf` is leaf number `index` of the tree with `root`. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (leaf.length !== 32 || root.length !== 32 || !validHashes(proof)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/**
 * RFC 9162 §2.1.4.2 for 0 < oldSize < newSize. Equal sizes are consistent only with an
 * empty proof and equal roots (the RFC defines the proof as empty there and its algorithm
 * starts by rejecting an empty path, so that case is decided here first).
 */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize)) return false;
  if (oldSize < 1 || newSize < oldSize) return false;
  if (oldRoot.length !== 32 || newRoot.length !== 32 || !validHashes(proof)) return false;
  if (oldSize === newSize) return proof.length === 0 && Buffer.from(oldRoot).equals(newRoot);
  if (proof.length === 0) return false;
  const path: Uint8Array[] = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(oldRoot) && sr.equals(newRoot) && sn === 0;
}

/** The right edge of a tree: one perfect subtree per 1-bit of its size, largest first. */
export interface Peak {
  level: number;
  hash: Buffer;
}

export function peaksOf(size: number, get: NodeGetter): Peak[] {
  assertSize('size', size, 0);
  const peaks: Peak[] = [];
  let start = 0;
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) {
      peaks.push({ level, hash: get(level, start / width) });
      start += width;
    }
  }
  return peaks;
}

/**
 * Appends one leaf. Returns the new peaks and the nodes this leaf completed, by level
 * (1, 2, …): exactly the nodes the ledger stores with that leaf's row.
 */
export function appendLeaf(peaks: readonly Peak[], leaf: Buffer): { peaks: Peak[]; completed: Buffer[] } {
  const next = peaks.slice();
  const completed: Buffer[] = [];
  let carry: Peak = { level: 0, hash: leaf };
  while (next.length > 0 && next[next.length - 1]!.level === carry.level) {
    const left = next.pop()!;
    carry = { level: carry.level + 1, hash: nodeHash(left.hash, carry.hash) };
    completed.push(carry.hash);
  }
  next.push(carry);
  return { peaks: next, completed };
}

/** Root from the peaks: fold right to left, which is MTH because every split is at a peak. */
export function rootOfPeaks(peaks: readonly Peak[]): Buffer {
  if (peaks.length === 0) return EMPTY_ROOT;
  let root = peaks[peaks.length - 1]!.hash;
  for (let i = peaks.length - 2; i >= 0; i--) root = nodeHash(peaks[i]!.hash, root);
  return root;
}
