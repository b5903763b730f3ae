/**
 * 抽查回执 in the society's book, receipts carried in bundles and loaded from a liaison's
 * receipts file, and the evidence kept for an alarm (issue 10, "owner: receipts" in
 * notes/tasks/liaison-design.md). The receipt itself is db/liaison/receipt.ts's SignedReceipt.
 */
import { z } from 'zod';
import { bookId, count, dateString, line, prose, seqNumber } from './common';
import type { BundleAlarmView } from './bundles';

/** The largest receipt or receipts file text accepted (a receipt is < 4 KB; a workspace's file of many). */
export const MAX_RECEIPT_TEXT = 64 * 1024;
export const MAX_RECEIPTS_FILE_TEXT = 8 * 1024 * 1024;

export const receiptText = z
  .string()
  .min(1, { message: '回执文件是空的' })
  .max(MAX_RECEIPT_TEXT, { message: '回执文件过大（超过 64 KB），不是抽查回执' });
export const receiptsFileText = z
  .string()
  .min(1, { message: '回执汇总文件是空的' })
  .max(MAX_RECEIPTS_FILE_TEXT, { message: '回执汇总文件过大（超过 8 MB）' });

/** 整改情况: what was done against a receipt's findings. */
export const rectificationInput = z.object({
  receiptSeq: seqNumber,
  date: dateString,
  done: prose(5000).pipe(z.string().refine((s) => s.trim().length > 0, { message: '请填写整改情况' })),
  by: line(50),
});
export type RectificationInput = z.infer<typeof rectificationInput>;

export const receiptsExportFileInput = z.object({ bookId: bookId.optional() });
export const alarmIdInput = z.object({ alarmId: count.pipe(z.number().min(1, { message: '警报编号无效' })) });

/** How a receipt compares with a book (db/liaison/receipt-check.ts). */
export type ReceiptState = 'consistent' | 'rewritten' | 'shorter' | 'other-book';

export interface ReceiptRow {
  /** The `receipt.received` entry in the book. */
  seq: number;
  liaisonName: string;
  office: string;
  liaisonKeyId: string;
  /** ISO UTC time of the check. */
  checkedAt: string;
  /** How many entries the liaison checked (the book's size then). */
  size: number;
  sampledSeqs: number[];
  conclusion: 'compliant' | 'rectify';
  /** 符合要求 / 存在问题，需整改 */
  conclusionText: string;
  rectify: { what: string; by: string } | null;
  /** `invalid`: the entry's receipt no longer verifies (a forged bundle's entry). */
  verdict: ReceiptState | 'invalid';
  /** One Chinese sentence (describeVerdict). */
  verdictText: string;
  rectifications: { seq: number; date: string; done: string; by: string }[];
}

/** One receipt checked against a bundle on import (and by `logbook verify`). */
export interface ReceiptCheckView {
  state: ReceiptState | 'invalid';
  /** Chinese sentence naming the liaison, the date and the checked size. */
  text: string;
  /** Where the receipt came from: carried in the bundle, or known to this data folder. */
  source: 'carried' | 'known';
}

export interface ReceiptsFileView {
  fileName: string;
  mediaType: 'application/json';
  dataBase64: string;
  size: number;
  /** How many receipts the file holds. */
  count: number;
}

export interface ReceiptsLoadView {
  /** Receipts in the file (signature and schema checked). */
  loaded: number;
  /** Of those, new to this data folder. */
  added: number;
  /** The issuing liaison of the file (its signing key). */
  signerKeyId: string;
  verdicts: { bookId: string; orgName: string; state: ReceiptState; text: string }[];
}

export interface EvidenceEntryView {
  seq: number;
  kindLabel: string;
  title: string;
  hash: string;
}

export interface EvidenceView {
  alarm: BundleAlarmView;
  /** Where the kept bundle leaves what this computer verified before (null: nothing to compare, e.g. a key alarm). */
  divergence: { firstSeq: number; pinned: EvidenceEntryView[]; found: EvidenceEntryView[] } | null;
}

export interface EvidenceFileView {
  fileName: string;
  mediaType: 'application/zip';
  dataBase64: string;
  size: number;
}

export const CONCLUSIONS = { compliant: '符合要求', rectify: '存在问题，需整改' } as const;

const shown = z.string().max(5000);
/**
 * What a `receipt.received` entry (收到抽查回执) holds: the signed receipt verbatim (it alone
 * is ever checked: db/liaison/receipt-entries.ts reads it again) and the fields shown, taken
 * from it when it was imported.
 */
export const receiptReceivedInput = z.object({
  signed: z.object({ receipt: z.string().max(MAX_RECEIPT_TEXT), signature: z.string().max(MAX_RECEIPT_TEXT) }),
  liaison: z.object({ name: shown, office: shown, keyId: shown }),
  checkedAt: shown,
  /** Beijing date of the check. */
  checkedOn: shown,
  size: z.number().int().min(1),
  /** 抽查的条目, e.g. 第 3、5、8 条（共 20 条中随机抽取 3 条）. */
  sampled: shown,
  conclusion: z.enum(['compliant', 'rectify']),
  rectify: z.object({ what: shown, by: shown }).optional(),
});
export type ReceiptReceivedInput = z.infer<typeof receiptReceivedInput>;
