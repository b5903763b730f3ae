/**
 * The receipts file (回执汇总文件): every receipt a liaison issued (of one book, or of the
 * whole workspace) as one signed file, so receipts live outside the societies too: a forger
 * can drop the receipt entries from a bundle, not from a file another office holds.
 *
 * The file is JSON `{content, signature}`: `content` is the RFC 8785 canonical JSON of
 * `{type: 'dangjian-logbook-receipts', version: 1, issuer, receipts: SignedReceipt[]}` and
 * `signature` an SSHSIG over exactly those bytes in the namespace `dangjian-logbook-receipts`
 * by the issuer's key. Every receipt inside must itself verify and be signed by that same
 * key (a liaison vouches only for what it signed). Read as a stranger's file: bounded, strict.
 */
import { z } from 'zod';
import { MAX_RECEIPTS_FILE_TEXT } from '../contract/receipts';
import { canonicalJson } from '../ledger/canonical';
import { parseOpenSshLine } from '../ledger/keys';
import { parseSafeJson } from '../bundle/safe-json';
import { signSshsig, verifySshsig } from '../bundle/sshsig';
import { readSignedReceipt, type Receipt, type SignedReceipt } from './receipt';

export const RECEIPTS_FILE_TYPE = 'dangjian-logbook-receipts';
export const RECEIPTS_FILE_NAMESPACE = 'dangjian-logbook-receipts';
export const MAX_RECEIPTS_IN_FILE = 5_000;

export interface ReceiptsIssuer {
  name: string;
  office: string;
  publicKey: string;
  keyId: string;
}

const bounded = (max: number) => z.string().min(1).max(max);
const fileSchema = z.strictObject({ content: bounded(MAX_RECEIPTS_FILE_TEXT), signature: bounded(4000) });
const contentSchema = z.strictObject({
  type: z.literal(RECEIPTS_FILE_TYPE),
  version: z.literal(1),
  issuer: z.strictObject({ name: bounded(50), office: bounded(200), publicKey: bounded(500), keyId: bounded(100) }),
  receipts: z
    .array(z.strictObject({ receipt: bounded(64 * 1024), signature: bounded(4000) }))
    .max(MAX_RECEIPTS_IN_FILE),
});

export type ReceiptsFileRead =
  | { ok: true; issuer: ReceiptsIssuer; receipts: { signed: SignedReceipt; receipt: Receipt }[] }
  | { ok: false; reason: string };

/** The file's text (pretty enough to read, the signed bytes exact). */
export function buildReceiptsFile(
  issuer: ReceiptsIssuer,
  receipts: readonly SignedReceipt[],
  sign: (data: Buffer) => Buffer,
): string {
  const content = canonicalJson(
    {
      type: RECEIPTS_FILE_TYPE,
      version: 1,
      issuer,
      receipts: receipts.map((r) => ({ receipt: r.receipt, signature: r.signature })),
    },
    '回执汇总',
  );
  const signature = signSshsig(Buffer.from(content, 'utf8'), RECEIPTS_FILE_NAMESPACE, issuer.publicKey, sign);
  return `${JSON.stringify({ content, signature }, null, 1)}\n`;
}

/** Reads and checks a receipts file from anywhere. Never throws. */
export function readReceiptsFile(text: string): ReceiptsFileRead {
  if (text.length > MAX_RECEIPTS_FILE_TEXT + 10_000) return { ok: false, reason: '回执汇总文件过大。' };
  const outer = parseSafeJson(text, { maxLength: MAX_RECEIPTS_FILE_TEXT + 10_000 });
  if (!outer.ok) return { ok: false, reason: `回执汇总文件不是有效的 JSON：${outer.reason}` };
  const file = fileSchema.safeParse(outer.value);
  if (!file.success) return { ok: false, reason: '这不是回执汇总文件（缺少内容或签名）。' };
  const inner = parseSafeJson(file.data.content, { maxLength: MAX_RECEIPTS_FILE_TEXT });
  if (!inner.ok) return { ok: false, reason: `回执汇总的内容不是有效的 JSON：${inner.reason}` };
  const content = contentSchema.safeParse(inner.value);
  if (!content.success) return { ok: false, reason: '回执汇总的内容不符合格式（类型、版本、签发人或回执列表）。' };
  if (canonicalJson(content.data) !== file.data.content)
    return { ok: false, reason: '回执汇总不是规范化的 JSON（字节不唯一，可能被改动过）。' };
  const issuer = content.data.issuer;
  const key = parseOpenSshLine(issuer.publicKey);
  if (!key || key.keyId !== issuer.keyId) return { ok: false, reason: '签发人的公钥与其指纹不符。' };
  const verdict = verifySshsig(
    file.data.signature,
    Buffer.from(file.data.content, 'utf8'),
    RECEIPTS_FILE_NAMESPACE,
    issuer.publicKey,
  );
  if (!verdict.ok) return { ok: false, reason: `回执汇总的签名无效：${verdict.reason}` };
  const receipts: { signed: SignedReceipt; receipt: Receipt }[] = [];
  for (const [i, signed] of content.data.receipts.entries()) {
    const read = readSignedReceipt(signed);
    if (!read.ok) return { ok: false, reason: `第 ${i + 1} 份回执无效：${read.reason}` };
    if (read.keyId !== issuer.keyId)
      return { ok: false, reason: `第 ${i + 1} 份回执不是由签发人的密钥签署的（${read.keyId}）。` };
    receipts.push({ signed, receipt: read.receipt });
  }
  return { ok: true, issuer, receipts };
}
