/**
 * Receipts as the society's book holds them: the `receipt.received` entry (收到抽查回执) keeps
 * the signed receipt verbatim in its input, beside the fields shown. Only the signed receipt
 * is ever trusted, and only after readSignedReceipt checked it again: never the shown fields,
 * never a correction (receipts are not corrected: db/service/kinds.ts UNCORRECTABLE_KINDS).
 */
import { CONCLUSIONS, type ReceiptReceivedInput, type ReceiptState } from '../contract/receipts';
import type { Ledger } from '../ledger/ledger-api';
import { chinaDateOf } from '../rules';
import { readSignedReceipt, type Receipt, type ReceiptRead, type SignedReceipt } from './receipt';
import type { ReceiptVerdict } from './receipt-check';

export const RECEIPT_KIND = 'receipt.received';
export const RECTIFICATION_KIND = 'rectification';

/** The signed receipt a sealed `receipt.received` body holds, or null when it has none of that shape. */
export function signedReceiptOf(body: unknown): SignedReceipt | null {
  const input = (body as { input?: { signed?: unknown } } | null)?.input;
  const signed = input?.signed as Partial<SignedReceipt> | undefined;
  if (typeof signed !== 'object' || signed === null) return null;
  if (typeof signed.receipt !== 'string' || typeof signed.signature !== 'string') return null;
  return { receipt: signed.receipt, signature: signed.signature };
}

/** The receipt a sealed body holds, read and checked again. */
export function readReceiptOf(body: unknown): ReceiptRead {
  const signed = signedReceiptOf(body);
  return signed ? readSignedReceipt(signed) : { ok: false, reason: '该记录中没有抽查回执。' };
}

/** 第 3、5、8 条（前 20 条中随机抽取 3 条，全部条目） */
export function sampledText(r: Receipt): string {
  const seqs = r.sample.seqs.length > 0 ? `第 ${r.sample.seqs.join('、')} 条` : '（无）';
  return `${seqs}（${r.sample.populationSize} 条中随机抽取 ${r.sample.count} 条，${r.sample.scope}）`;
}

/** The input sealed for a receipt received: the signed receipt and what is shown of it. */
export function receiptEntryInput(signed: SignedReceipt, r: Receipt): ReceiptReceivedInput {
  return {
    signed: { receipt: signed.receipt, signature: signed.signature },
    liaison: { name: r.liaison.name, office: r.liaison.office, keyId: r.liaison.keyId },
    checkedAt: r.checkedAt,
    checkedOn: chinaDateOf(r.checkedAt),
    size: r.size,
    sampled: sampledText(r),
    conclusion: r.conclusion,
    ...(r.rectify ? { rectify: { what: r.rectify.what, by: r.rectify.by } } : {}),
  };
}

export function conclusionText(r: Receipt): string {
  return CONCLUSIONS[r.conclusion];
}

/**
 * A receipt checked against a book of this ledger, by its stored tree: the same verdicts as
 * receipt-check.ts `checkReceipts` (the ledger's full verify proves the tree).
 */
export function verdictInLedger(ledger: Ledger, bookId: string, receipt: Receipt): ReceiptVerdict {
  if (receipt.bookId !== bookId) return { state: 'other-book', receipt };
  const size = ledger.getBook(bookId).size;
  if (size < receipt.size) return { state: 'shorter', receipt, sizeNow: size };
  const root = ledger.rootAt(bookId, receipt.size);
  return root === receipt.root ? { state: 'consistent', receipt } : { state: 'rewritten', receipt, rootNow: root };
}

/** A mismatch is a rewrite of checked history (or the checked entries are missing). */
export function isMismatch(state: ReceiptState | 'invalid'): boolean {
  return state === 'rewritten' || state === 'shorter';
}
