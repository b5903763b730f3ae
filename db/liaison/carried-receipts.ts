/**
 * The receipts a bundle carries (its own `receipt.received` entries) and the receipts this
 * data folder knows, checked against the bundle: by every import (db/bundle/liaison-import.ts)
 * and by `logbook verify`, after verifyBundle passed.
 *
 * No read of its own: a CarriedReceipts is verifyBundle's `onEntry`, so it sees each line as
 * the verify checks it, and keeps, with bounded memory, the leaf hashes (32 bytes an entry,
 * at most MAX_LEDGER_ENTRIES) and at most MAX_CARRIED receipts. It counts only for a verify
 * that passed and that it saw whole (as many lines as the verified size).
 */
import type { ReceiptCheckView } from '../contract/receipts';
import { MAX_LEDGER_ENTRIES } from '../bundle/bundle-limits';
import type { CheckedEntry } from '../bundle/entries-stream';
import type { BundleReport } from '../bundle/verify-bundle';
import type { Receipt, SignedReceipt } from './receipt';
import { checkReceipts, describeVerdict } from './receipt-check';
import { RECEIPT_KIND, readReceiptOf, signedReceiptOf } from './receipt-entries';

export const MAX_CARRIED = 1_000;

export interface ReceiptCheck extends ReceiptCheckView {
  /** The carried receipt's entry in the bundle. */
  seq?: number;
  receipt?: Receipt;
  signed?: SignedReceipt;
}

export interface KnownInput {
  signed: SignedReceipt;
  receipt: Receipt;
}

const HASH = 32;
const BLOCK = 4096;

/** Leaf hashes and carried receipts of the lines a verify checked (pass `onEntry` to verifyBundle). */
export class CarriedReceipts {
  private blocks: Buffer[] = [];
  private count = 0;
  readonly carried: { seq: number; body: unknown }[] = [];
  carriedTooMany = false;

  readonly onEntry = (entry: CheckedEntry): void => {
    if (entry.seq !== this.count + 1 || this.count >= MAX_LEDGER_ENTRIES) return;
    const at = this.count % BLOCK;
    if (at === 0) this.blocks.push(Buffer.alloc(BLOCK * HASH));
    entry.leaf.copy(this.blocks[this.blocks.length - 1]!, at * HASH);
    this.count++;
    if (entry.value.kind === RECEIPT_KIND) {
      if (this.carried.length < MAX_CARRIED) this.carried.push({ seq: entry.seq, body: entry.value.body });
      else this.carriedTooMany = true;
    }
  };

  /** The leaf hashes (hex) of a passed verify this saw whole; throws otherwise (a caller's mistake). */
  *leaves(report: BundleReport): Generator<string> {
    if (!report.ok || report.size !== this.count) throw new Error('receipts: not the lines of a verify that passed');
    for (let i = 0; i < this.count; i++) {
      const block = this.blocks[Math.floor(i / BLOCK)]!;
      const at = (i % BLOCK) * HASH;
      yield block.subarray(at, at + HASH).toString('hex');
    }
  }
}

/**
 * Every carried receipt and every `known` one (of this book), checked against the verified
 * bundle. A carried receipt that does not read (bad signature, not canonical) is `invalid`;
 * a known receipt already carried is checked once (as carried).
 */
export function checkBundleReceipts(
  seen: CarriedReceipts,
  report: BundleReport,
  known: readonly KnownInput[],
): ReceiptCheck[] {
  const bookId = report.bookId!;
  const { carried, carriedTooMany } = seen;
  const checks: ReceiptCheck[] = [];
  const toCheck: { receipt: Receipt; signed: SignedReceipt; source: 'carried' | 'known'; seq?: number }[] = [];
  const listed = new Set<string>();
  for (const c of carried) {
    const read = readReceiptOf(c.body);
    if (!read.ok) {
      checks.push({
        source: 'carried',
        seq: c.seq,
        state: 'invalid',
        text: `第 ${c.seq} 条“收到抽查回执”无法核验：${read.reason}`,
      });
      continue;
    }
    const signed = signedReceiptOf(c.body)!;
    listed.add(signed.receipt);
    toCheck.push({ receipt: read.receipt, signed, source: 'carried', seq: c.seq });
  }
  for (const k of known) {
    if (k.receipt.bookId !== bookId || listed.has(k.signed.receipt)) continue;
    listed.add(k.signed.receipt);
    toCheck.push({ ...k, source: 'known' });
  }
  const verdicts = checkReceipts(
    bookId,
    seen.leaves(report),
    toCheck.map((t) => t.receipt),
  );
  verdicts.forEach((v, i) => {
    const t = toCheck[i]!;
    const where = t.source === 'carried' ? `数据包第 ${t.seq} 条所附回执` : '本机已载入的回执';
    checks.push({
      source: t.source,
      ...(t.seq !== undefined ? { seq: t.seq } : {}),
      state: v.state,
      text: `${where}：${describeVerdict(v)}`,
      receipt: t.receipt,
      signed: t.signed,
    });
  });
  if (carriedTooMany)
    checks.push({
      source: 'carried',
      state: 'invalid',
      text: `数据包所附的抽查回执超过 ${MAX_CARRIED} 份，其余未核对。`,
    });
  return checks.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
}

/** Known receipts as the check wants them (rows that no longer read are left out, and said so by the caller). */
export function knownInputs(rows: readonly { signed: SignedReceipt; receipt: Receipt | null }[]): KnownInput[] {
  return rows.flatMap((r) => (r.receipt ? [{ signed: r.signed, receipt: r.receipt }] : []));
}

export function mismatches(checks: readonly ReceiptCheck[]): ReceiptCheck[] {
  return checks.filter((c) => c.state === 'rewritten' || c.state === 'shorter');
}
