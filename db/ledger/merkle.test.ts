import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appendLeaf,
  consistencyPath,
  inclusionPath,
  peaksOf,
  rootOf,
  rootOfPeaks,
  verifyConsistency,
  verifyInclusion,
  type NodeGetter,
  type Peak,
} from './merkle';

/*
 * A plain recursive RFC 9162 implementation, written from the RFC text, as the reference.
 * D[lo:hi] is a range of `data`; MTH is memoised per range only to keep the test fast.
 */
const H = (...parts: Uint8Array[]) => crypto.createHash('sha256').update(Buffer.concat(parts)).digest();
const MAX = 128;
const data = Array.from({ length: MAX }, (_, i) => Buffer.from(`entry ${i}`));
const refLeaf = (d: Buffer) => H(Buffer.from([0]), d);
const split = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
const memo = new Map<string, Buffer>();
function MTH(lo: number, hi: number): Buffer {
  const key = `${lo}:${hi}`;
  let hash = memo.get(key);
  if (!hash) {
    const n = hi - lo;
    if (n === 0) hash = H();
    else if (n === 1) hash = refLeaf(data[lo]!);
    else hash = H(Buffer.from([1]), MTH(lo, lo + split(n)), MTH(lo + split(n), hi));
    memo.set(key, hash);
  }
  return hash;
}
function PATH(m: number, lo: number, hi: number): Buffer[] {
  const n = hi - lo;
  if (n <= 1) return [];
  const k = split(n);
  return m < k ? [...PATH(m, lo, lo + k), MTH(lo + k, hi)] : [...PATH(m - k, lo + k, hi), MTH(lo, lo + k)];
}
function SUBPROOF(m: number, lo: number, hi: number, b: boolean): Buffer[] {
  const n = hi - lo;
  if (m === n) return b ? [] : [MTH(lo, hi)];
  const k = split(n);
  return m <= k
    ? [...SUBPROOF(m, lo, lo + k, b), MTH(lo + k, hi)]
    : [...SUBPROOF(m - k, lo + k, hi, false), MTH(lo, lo + k)];
}
const PROOF = (m: number, n: number) => SUBPROOF(m, 0, n, true);

const leaves = data.map(refLeaf);
const roots = Array.from({ length: MAX + 1 }, (_, n) => MTH(0, n));
/** Perfect subtree (level, index) from the reference, i.e. what the ledger stores. */
const getNode: NodeGetter = (level, index) => MTH(index * 2 ** level, (index + 1) * 2 ** level);
const hex = (list: Buffer[]) => list.map((b) => b.toString('hex'));

function flipped(proof: Buffer[], i: number): Buffer[] {
  return proof.map((p, j) => {
    if (j !== i) return p;
    const copy = Buffer.from(p);
    copy[j % 32]! ^= 0x01;
    return copy;
  });
}

describe('Merkle tree (RFC 9162) against a plain recursive implementation', () => {
  it('roots for sizes 0–128, from stored nodes and from incremental appends', () => {
    let peaks: Peak[] = [];
    for (let n = 0; n <= MAX; n++) {
      expect(rootOf(n, getNode).equals(roots[n]!), `size ${n}`).toBe(true);
      expect(rootOfPeaks(peaks).equals(roots[n]!), `peaks ${n}`).toBe(true);
      expect(hex(peaksOf(n, getNode).map((p) => p.hash))).toEqual(hex(peaks.map((p) => p.hash)));
      if (n < MAX) {
        const appended = appendLeaf(peaks, leaves[n]!);
        // The nodes completed by leaf n+1 are exactly the stored ones, level by level.
        appended.completed.forEach((node, i) => {
          const level = i + 1;
          expect(node.equals(getNode(level, (n + 1) / 2 ** level - 1))).toBe(true);
        });
        peaks = appended.peaks;
      }
    }
  });

  it('inclusion proofs for every leaf of every size 1–128 equal PATH and verify; tampered ones fail', () => {
    let checked = 0;
    for (let n = 1; n <= MAX; n++) {
      for (let m = 0; m < n; m++) {
        const proof = inclusionPath(m, n, getNode);
        expect(hex(proof)).toEqual(hex(PATH(m, 0, n)));
        expect(verifyInclusion(m, n, leaves[m]!, proof, roots[n]!)).toBe(true);
        for (let i = 0; i < proof.length; i++)
          expect(verifyInclusion(m, n, leaves[m]!, flipped(proof, i), roots[n]!)).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion(m, n, leaves[m]!, proof.slice(0, -1), roots[n]!)).toBe(false);
          expect(verifyInclusion(m, n, leaves[m]!, proof.slice(1), roots[n]!)).toBe(false);
        }
        expect(verifyInclusion(m, n, leaves[m]!, [...proof, leaves[0]!], roots[n]!)).toBe(false);
        expect(verifyInclusion(m, n, leaves[m]!, [leaves[0]!, ...proof], roots[n]!)).toBe(false);
        // Wrong sizes (each with the true root of the size claimed) and wrong positions.
        if (n < MAX) expect(verifyInclusion(m, n + 1, leaves[m]!, proof, roots[n + 1]!)).toBe(false);
        if (m < n - 1) expect(verifyInclusion(m, n - 1, leaves[m]!, proof, roots[n - 1]!)).toBe(false);
        if (m + 1 < n) expect(verifyInclusion(m + 1, n, leaves[m]!, proof, roots[n]!)).toBe(false);
        expect(verifyInclusion(m, n, leaves[(m + 1) % MAX]!, proof, roots[n]!)).toBe(false);
        // A proof made for the tree of size n-1, offered for size n.
        if (m < n - 1)
          expect(verifyInclusion(m, n, leaves[m]!, inclusionPath(m, n - 1, getNode), roots[n]!)).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
    expect(verifyInclusion(5, 5, leaves[5]!, [], roots[5]!)).toBe(false);
    expect(verifyInclusion(-1, 5, leaves[0]!, [], roots[5]!)).toBe(false);
  });

  it('consistency proofs for all 1 <= m <= n <= 128 equal PROOF and verify; tampered ones fail', () => {
    let checked = 0;
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyPath(m, n, getNode);
        expect(hex(proof)).toEqual(hex(PROOF(m, n)));
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, proof)).toBe(true);
        for (let i = 0; i < proof.length; i++)
          expect(verifyConsistency(m, n, roots[m]!, roots[n]!, flipped(proof, i))).toBe(false);
        if (proof.length > 0) {
          expect(verifyConsistency(m, n, roots[m]!, roots[n]!, proof.slice(0, -1))).toBe(false);
          expect(verifyConsistency(m, n, roots[m]!, roots[n]!, proof.slice(1))).toBe(false);
        }
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, [...proof, leaves[0]!])).toBe(false);
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, [leaves[0]!, ...proof])).toBe(false);
        if (m < n) {
          expect(verifyConsistency(m, n, roots[n]!, roots[m]!, proof)).toBe(false);
          expect(verifyConsistency(m, n, roots[m]!, roots[m]!, proof)).toBe(false);
        }
        // Wrong sizes, each with the true roots of the sizes claimed.
        const sizes: [number, number][] = [
          [m + 1, n],
          [m - 1, n],
          [m, n + 1],
          [m, n - 1],
        ];
        for (const [m2, n2] of sizes) {
          if (m2 < 1 || n2 > MAX || m2 > n2 || (m2 === m && n2 === n)) continue;
          const honest = consistencyPath(m2, n2, getNode);
          if (hex(honest).join() === hex(proof).join()) continue; // the same proof is the right one there
          expect(verifyConsistency(m2, n2, roots[m2]!, roots[n2]!, proof), `${m}->${n} as ${m2}->${n2}`).toBe(false);
        }
        // A proof made for n-1, offered for n.
        if (m < n) {
          const older = consistencyPath(m, n - 1, getNode);
          if (hex(older).join() !== hex(proof).join()) {
            expect(verifyConsistency(m, n, roots[m]!, roots[n]!, older)).toBe(false);
          }
        }
        checked++;
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
    expect(verifyConsistency(0, 4, roots[0]!, roots[4]!, [])).toBe(false);
    expect(verifyConsistency(5, 4, roots[5]!, roots[4]!, [])).toBe(false);
  });
});
