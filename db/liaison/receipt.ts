/**
 * 抽查回执: what a liaison signs after a spot check, so that once a book has been checked up
 * to entry N, any rewrite of those N entries is evident to every later reader, even one who
 * never saw the book before (the Merkle root of the first N entries must equal the receipt's).
 *
 * A receipt is a small RFC 8785 canonical JSON object (`receiptBytes`) and an SSHSIG over
 * exactly those bytes in the namespace `dangjian-logbook-receipt`, so anyone can check it with
 * `ssh-keygen -Y verify -f allowed_signers -I <liaison key id> -n dangjian-logbook-receipt -s
 * receipt.json.sig < receipt.json`. Everything read back is treated as a stranger's file:
 * bounded safe JSON, a strict schema (unknown fields refused), and the bytes must be the
 * canonical form of what they parse to, so there is one byte string per receipt.
 */
import { z } from 'zod';
import { line } from '../contract/common';
import { canonicalJson } from '../ledger/canonical';
import { parseOpenSshLine } from '../ledger/keys';
import { parseSafeJson } from '../bundle/safe-json';
import { signSshsig, verifySshsig } from '../bundle/sshsig';
import { SAMPLE_METHOD } from './spot-sample';

export const RECEIPT_NAMESPACE = 'dangjian-logbook-receipt';
export const RECEIPT_TYPE = 'dangjian-logbook-receipt';
const MAX_RECEIPT_CHARS = 64 * 1024;
const MAX_SAMPLE = 1_000;

/** The contract's one-line text: bounded, no control or bidi characters (NFC, trimmed: the canonical check then refuses any other form). */
const text = (max: number) => line(max);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const receiptSchema = z
  .strictObject({
    type: z.literal(RECEIPT_TYPE),
    version: z.literal(1),
    bookId: z.string().regex(/^[0-9a-f-]{36}$/),
    orgName: text(200),
    size: seq,
    root: hex64,
    sample: z.strictObject({
      method: z.literal(SAMPLE_METHOD),
      seed: hex64,
      count: z.number().int().min(1).max(MAX_SAMPLE),
      populationSize: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      scope: text(100),
      seqs: z.array(seq).max(MAX_SAMPLE),
    }),
    conclusion: z.enum(['compliant', 'rectify']),
    rectify: z.strictObject({ what: text(2000), by: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).optional(),
    checkedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/),
    liaison: z.strictObject({ name: text(50), office: text(200), publicKey: text(500), keyId: text(100) }),
  })
  .superRefine((r, ctx) => {
    if (r.sample.seqs.some((s) => s > r.size)) ctx.addIssue({ code: 'custom', message: '抽查的条目超出了被查的条数' });
    if (r.conclusion === 'rectify' && !r.rectify)
      ctx.addIssue({ code: 'custom', message: '结论为需整改时须写明整改事项和期限' });
    const key = parseOpenSshLine(r.liaison.publicKey);
    if (!key) ctx.addIssue({ code: 'custom', message: '联络员公钥不是 OpenSSH ssh-ed25519 格式' });
    else if (key.keyId !== r.liaison.keyId) ctx.addIssue({ code: 'custom', message: '联络员公钥与其指纹不符' });
  });

export type Receipt = z.infer<typeof receiptSchema>;

/** A receipt as exchanged: the canonical bytes (as text) and the armored SSHSIG over them. */
export interface SignedReceipt {
  receipt: string;
  signature: string;
}

export type ReceiptRead = { ok: true; receipt: Receipt; keyId: string } | { ok: false; reason: string };

export function receiptBytes(receipt: Receipt): string {
  return canonicalJson(receiptSchema.parse(receipt), '回执');
}

/** Signs a receipt with the liaison's key (`sign` returns the raw Ed25519 signature: keys stay in the key store). */
export function signReceipt(receipt: Receipt, sign: (data: Buffer) => Buffer): SignedReceipt {
  const bytes = receiptBytes(receipt);
  return {
    receipt: bytes,
    signature: signSshsig(Buffer.from(bytes, 'utf8'), RECEIPT_NAMESPACE, receipt.liaison.publicKey, sign),
  };
}

/** Reads and checks a signed receipt from anywhere (a bundle, an import, a file). Never throws. */
export function readSignedReceipt(signed: unknown): ReceiptRead {
  if (typeof signed !== 'object' || signed === null) return { ok: false, reason: '回执格式不对。' };
  const { receipt, signature } = signed as Partial<SignedReceipt>;
  if (typeof receipt !== 'string' || typeof signature !== 'string')
    return { ok: false, reason: '回执缺少内容或签名。' };
  const parsed = parseSafeJson(receipt, { maxLength: MAX_RECEIPT_CHARS });
  if (!parsed.ok) return { ok: false, reason: `回执不是有效的 JSON：${parsed.reason}` };
  const checked = receiptSchema.safeParse(parsed.value);
  if (!checked.success)
    return { ok: false, reason: `回执内容不符合格式：${checked.error.issues.map((i) => i.message).join('；')}` };
  if (canonicalJson(checked.data) !== receipt)
    return { ok: false, reason: '回执不是规范化的 JSON（字节不唯一，可能被改动过）。' };
  const verdict = verifySshsig(
    signature,
    Buffer.from(receipt, 'utf8'),
    RECEIPT_NAMESPACE,
    checked.data.liaison.publicKey,
  );
  if (!verdict.ok) return { ok: false, reason: `回执签名无效：${verdict.reason}` };
  return { ok: true, receipt: checked.data, keyId: verdict.keyId };
}
