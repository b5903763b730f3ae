import { CORRECTION_KIND, GENESIS_KIND, readGenesis, readRotation, ROTATION_KIND, type KeyEpoch } from './book-keys';
import { entryPrefix, entrySuffixHead, entrySuffixTail, parseLeaf } from './entry-bytes';
import { diagnoseEnvelope } from './entry-check';
import { sha256Hex, ZERO_HASH } from './hashing';
import { problems } from './problems';
import { entryId, type BookRow, type LedgerStore } from './store';
import type { Problem } from './types';

/**
 * The hot loop of the full verify (about 100k entries a second per core is the budget:
 * roughly three times the cost of hashing the bytes alone). Everything here avoids
 * per-row allocation where it can: hashes stay lowercase hex (as stored, so a changed
 * letter case in the `tree` column is a mismatch, not a silent decode), the Merkle nodes
 * are hashed from a reused 65-byte buffer, and the prefix and the suffix head are cached
 * while consecutive rows share author, attachments, flags and kind.
 */

export interface Correction {
  seq: number;
  target: unknown;
  targetHash: unknown;
}

export interface ScanResult {
  size: number;
  /** Seqs of the ledger's own entries (genesis, rotations, corrections), by kind. */
  ledgerKinds: Map<string, number[]>;
  rootHex: string | null;
  epochs: KeyEpoch[];
  /** Attachment hash → first seq that references it. */
  attachments: Map<string, number>;
  corrections: Correction[];
  problem: Problem | null;
}

const nodeInput = Buffer.alloc(65);
nodeInput[0] = 0x01;

/** HASH(0x01 || left || right) on hex strings produced by this module (always valid hex). */
function nodeHex(leftHex: string, rightHex: string): string {
  nodeInput.write(leftHex, 1, 'hex');
  nodeInput.write(rightHex, 33, 'hex');
  return sha256Hex(nodeInput);
}

/** Trailing zero bits of seq (< 2^32): the number of Merkle nodes the row stores. */
function levelsOf(seq: number): number {
  return 31 - Math.clz32(seq & -seq);
}

/** Compares the envelope of a leaf with the columns, caching what repeats between rows. */
class EnvelopeMatcher {
  private scratch = Buffer.alloc(1024);
  private prefixKey: [string, string] = ['', ''];
  private prefix = Buffer.alloc(0);
  private headKey: [string, string] = ['', ''];
  private head = Buffer.alloc(0);

  constructor(private readonly bookId: string) {}

  matches(
    leaf: Buffer,
    attachments: string,
    author: string,
    flags: string,
    kind: string,
    prevHex: string,
    recordedAt: string,
    seq: number,
  ): boolean {
    if (attachments !== this.prefixKey[0] || author !== this.prefixKey[1]) {
      this.prefixKey = [attachments, author];
      this.prefix = Buffer.from(entryPrefix(attachments, author));
    }
    if (flags !== this.headKey[0] || kind !== this.headKey[1]) {
      this.headKey = [flags, kind];
      this.head = Buffer.from(entrySuffixHead(this.bookId, flags, kind));
    }
    const tail = entrySuffixTail(prevHex, recordedAt, seq);
    if (this.scratch.length < tail.length * 3) this.scratch = Buffer.alloc(tail.length * 3);
    const t = this.scratch.write(tail, 0);
    const p = this.prefix.length;
    const h = this.head.length;
    const end = leaf.length;
    // 0x00, prefix, at least one byte of body, suffix head, suffix tail.
    if (end < 1 + p + 1 + h + t || leaf[0] !== 0x00) return false;
    return (
      leaf.compare(this.prefix, 0, p, 1, 1 + p) === 0 &&
      leaf.compare(this.scratch, 0, t, end - t, end) === 0 &&
      leaf.compare(this.head, 0, h, end - t - h, end - t) === 0
    );
  }
}

/** Called every PROGRESS_EVERY rows with the number of rows checked so far. */
export type VerifyProgress = (done: number) => void;
export const PROGRESS_EVERY = 4096;

export function scanEntries(store: LedgerStore, book: BookRow, onProgress?: VerifyProgress): ScanResult {
  const base = entryId(book.bookNo, 0);
  const bookId = book.bookId;
  const matcher = new EnvelopeMatcher(bookId);
  const peaks: string[] = [];
  const epochs: KeyEpoch[] = [];
  const attachments = new Map<string, number>();
  const corrections: Correction[] = [];
  const ledgerKinds = new Map<string, number[]>();
  let authorId = '';
  let expected = 1;
  let prevHex: string = ZERO_HASH;
  let problem: Problem | null = null;

  for (const row of store.verifyRows(book.bookNo)) {
    const seq = (row[0] as number) - base;
    const [, kind, recordedAt, author, flags, attachmentList, tree, leaf] = row;
    if (seq !== expected) {
      problem = problems.seqGap(expected, seq);
      break;
    }
    if (
      typeof kind !== 'string' ||
      typeof recordedAt !== 'string' ||
      typeof author !== 'string' ||
      typeof flags !== 'string' ||
      typeof attachmentList !== 'string' ||
      typeof tree !== 'string' ||
      !Buffer.isBuffer(leaf)
    ) {
      problem = problems.columnsMismatch(seq, '列的数据类型');
      break;
    }
    const hashHex = sha256Hex(leaf);
    if (!tree.startsWith(hashHex)) {
      problem = problems.hashMismatch(seq);
      break;
    }
    const levels = levelsOf(seq);
    if (tree.length !== 64 * (1 + levels)) {
      problem = problems.merkleNodeMismatch(seq);
      break;
    }
    if (!matcher.matches(leaf, attachmentList, author, flags, kind, prevHex, recordedAt, seq)) {
      problem = diagnoseEnvelope(bookId, seq, prevHex, {
        kind,
        recordedAt,
        author,
        flags,
        attachments: attachmentList,
        tree,
        leaf,
      });
      break;
    }
    if (seq === 1) {
      const genesis = readGenesis(parseLeaf(bookId, leaf, hashHex));
      if (typeof genesis === 'string') {
        problem = problems.keyInvalid(1, genesis + '。');
        break;
      }
      epochs.push(genesis.epoch);
      authorId = genesis.epoch.keyId;
    } else if (author !== authorId) {
      problem = problems.keyInvalid(seq, `作者 ${author} 不是当时生效的密钥 ${authorId}。`);
      break;
    }
    if (kind.startsWith('ledger.') || seq === 1) {
      const seqs = ledgerKinds.get(kind);
      if (seqs) seqs.push(seq);
      else ledgerKinds.set(kind, [seq]);
      if (kind === ROTATION_KIND && seq > 1) {
        const epoch = readRotation(parseLeaf(bookId, leaf, hashHex), epochs[epochs.length - 1]!);
        if (typeof epoch === 'string') {
          problem = problems.keyInvalid(seq, epoch + '。');
          break;
        }
        epochs.push(epoch);
        authorId = epoch.keyId;
      } else if (kind === CORRECTION_KIND && seq > 1) {
        const body = parseLeaf(bookId, leaf, hashHex).body as Record<string, unknown> | null;
        corrections.push({ seq, target: body?.target, targetHash: body?.targetHash });
      } else if (kind !== GENESIS_KIND || seq !== 1) {
        problem = problems.keyInvalid(
          seq,
          seq === 1 ? '第 1 条不是建账条目。' : `条目类型 ${kind} 不是账本允许的类型。`,
        );
        break;
      }
    }
    if (attachmentList !== '[]') {
      for (const item of JSON.parse(attachmentList) as unknown[]) {
        if (typeof item === 'string' && !attachments.has(item)) attachments.set(item, seq);
      }
    }
    let node = hashHex;
    for (let level = 1; level <= levels; level++) {
      node = nodeHex(peaks.pop()!, node);
      if (!tree.startsWith(node, 64 * level)) {
        problem = problems.merkleNodeMismatch(seq);
        break;
      }
    }
    if (problem) break;
    peaks.push(node);
    prevHex = hashHex;
    if (onProgress && expected % PROGRESS_EVERY === 0) onProgress(expected);
    expected++;
  }

  let rootHex: string | null = null;
  if (!problem && peaks.length > 0) {
    rootHex = peaks[peaks.length - 1]!;
    for (let i = peaks.length - 2; i >= 0; i--) rootHex = nodeHex(peaks[i]!, rootHex);
  }
  return { size: expected - 1, ledgerKinds, rootHex, epochs, attachments, corrections, problem };
}
