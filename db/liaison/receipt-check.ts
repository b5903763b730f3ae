/**
 * Every receipt carried by (or loaded beside) a book, checked against that book's entries:
 * the Merkle root of the book's first `size` entries must equal the root the liaison signed.
 * One pass over the entry hashes, whatever the number of receipts (prefix roots from the
 * running peaks, RFC 9162 as the ledger computes them).
 */
import { appendLeaf, rootOfPeaks, type Peak } from '../ledger/merkle';
import type { Receipt } from './receipt';

export type ReceiptVerdict =
  | { state: 'consistent'; receipt: Receipt }
  /** The entries the liaison checked were rewritten afterwards. */
  | { state: 'rewritten'; receipt: Receipt; rootNow: string }
  /** The book is shorter than what was checked: an older copy or entries removed. */
  | { state: 'shorter'; receipt: Receipt; sizeNow: number }
  | { state: 'other-book'; receipt: Receipt };

/** `leafHashes`: the book's entry hashes (hex, = RFC 9162 leaf hashes) in seq order. */
export function checkReceipts(
  bookId: string,
  leafHashes: Iterable<string>,
  receipts: readonly Receipt[],
): ReceiptVerdict[] {
  const mine = receipts.filter((r) => r.bookId === bookId);
  const wanted = new Map<number, string | null>(mine.map((r) => [r.size, null]));
  let peaks: Peak[] = [];
  let size = 0;
  for (const hash of leafHashes) {
    peaks = appendLeaf(peaks, Buffer.from(hash, 'hex')).peaks;
    size++;
    if (wanted.has(size)) wanted.set(size, rootOfPeaks(peaks).toString('hex'));
  }
  return receipts.map((receipt): ReceiptVerdict => {
    if (receipt.bookId !== bookId) return { state: 'other-book', receipt };
    const root = wanted.get(receipt.size) ?? null;
    if (root === null) return { state: 'shorter', receipt, sizeNow: size };
    return root === receipt.root ? { state: 'consistent', receipt } : { state: 'rewritten', receipt, rootNow: root };
  });
}

/** The Chinese line a verdict is reported with (import, `logbook verify`, the workspace). */
export function describeVerdict(v: ReceiptVerdict): string {
  const who = `${v.receipt.liaison.name}（${v.receipt.liaison.office}）于 ${v.receipt.checkedAt.slice(0, 10)} 抽查至第 ${v.receipt.size} 条`;
  switch (v.state) {
    case 'consistent':
      return `${who}：与本记录本一致。`;
    case 'rewritten':
      return `${who}：前 ${v.receipt.size} 条已被改写——与联络员签字确认的内容不一致（已查历史被改写）。`;
    case 'shorter':
      return `${who}：本记录本只有 ${v.sizeNow} 条，少于已查的条数（可能是旧副本或条目被删除）。`;
    case 'other-book':
      return `${who}：该回执属于另一本记录本。`;
  }
}
