/**
 * The receipts a bundle carries (its own `receipt.received` entries) and the receipts this
 * data folder knows, checked against the bundle: run after verifyBundle passed, by every
 * import (db/bundle/liaison-import.ts) and by `logbook verify`.
 *
 * One more pass over `data/entries.jsonl`, with bounded memory: the leaf hashes (32 bytes an
 * entry, at most MAX_LEDGER_ENTRIES) and at most MAX_CARRIED receipts. The pass must end at
 * the size and root verifyBundle verified, so what is read here is what was verified (a file
 * changed in between is refused, not checked).
 */
import type { ReceiptCheckView } from '../contract/receipts';
import { BundleZip } from '../bundle/bundle-reader';
import { MAX_LEDGER_ENTRIES, MAX_LINE_BYTES } from '../bundle/bundle-limits';
import { decodeUtf8, parseSafeJson } from '../bundle/safe-json';
import type { BundleReport } from '../bundle/verify-bundle';
import { appendLeaf, leafHash, rootOfPeaks, type Peak } from '../ledger/merkle';
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

export class CarriedReceiptsError extends Error {
  override readonly name = 'CarriedReceiptsError';
}

const HASH = 32;

/** Leaf hashes and carried receipts of a verified bundle. */
async function scan(bundlePath: string, report: BundleReport) {
  const size = report.size ?? 0;
  if (!report.ok || size < 1 || size > MAX_LEDGER_ENTRIES) throw new CarriedReceiptsError('bundle not verified');
  const hashes = Buffer.alloc(size * HASH);
  const carried: { seq: number; body: unknown }[] = [];
  let carriedTooMany = false;
  let peaks: Peak[] = [];
  let seq = 0;
  const zip = await BundleZip.open(bundlePath);
  try {
    const file = zip.files.get('data/entries.jsonl');
    if (!file) throw new CarriedReceiptsError('no entries');
    for await (const { line } of zip.lines(file, MAX_LINE_BYTES)) {
      if (seq >= size) throw new CarriedReceiptsError('longer than verified');
      const hash = leafHash(line);
      hash.copy(hashes, seq * HASH);
      peaks = appendLeaf(peaks, hash).peaks;
      seq++;
      // Only lines naming the receipt kind are parsed (the verify already parsed every line).
      if (line.includes('"receipt.received"')) {
        const parsed = parseSafeJson(decodeUtf8(line) ?? '', { maxLength: MAX_LINE_BYTES });
        const value = parsed.ok ? (parsed.value as { kind?: unknown; body?: unknown }) : null;
        if (value?.kind === RECEIPT_KIND) {
          if (carried.length < MAX_CARRIED) carried.push({ seq, body: value.body });
          else carriedTooMany = true;
        }
      }
    }
  } finally {
    zip.close();
  }
  if (seq !== size || rootOfPeaks(peaks).toString('hex') !== report.root)
    throw new CarriedReceiptsError('entries changed after the verify');
  return { hashes, carried, carriedTooMany };
}

function* leaves(hashes: Buffer): Generator<string> {
  for (let at = 0; at < hashes.length; at += HASH) yield hashes.subarray(at, at + HASH).toString('hex');
}

/**
 * Every carried receipt and every `known` one (of this book), checked against the verified
 * bundle. A carried receipt that does not read (bad signature, not canonical) is `invalid`;
 * a known receipt already carried is checked once (as carried).
 */
export async function checkBundleReceipts(
  bundlePath: string,
  report: BundleReport,
  known: readonly KnownInput[],
): Promise<ReceiptCheck[]> {
  const bookId = report.bookId!;
  const { hashes, carried, carriedTooMany } = await scan(bundlePath, report);
  const checks: ReceiptCheck[] = [];
  const toCheck: { receipt: Receipt; signed: SignedReceipt; source: 'carried' | 'known'; seq?: number }[] = [];
  const seen = new Set<string>();
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
    seen.add(signed.receipt);
    toCheck.push({ receipt: read.receipt, signed, source: 'carried', seq: c.seq });
  }
  for (const k of known) {
    if (k.receipt.bookId !== bookId || seen.has(k.signed.receipt)) continue;
    seen.add(k.signed.receipt);
    toCheck.push({ ...k, source: 'known' });
  }
  const verdicts = checkReceipts(
    bookId,
    leaves(hashes),
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
