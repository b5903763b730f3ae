import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, openSshLineOf, signBytes } from '../ledger/keys';
import { ledgerFixture, meetingBody } from '../test-support/ledger-fixture';
import { makeTempDir } from '../test-support/temp-dir';
import { checkReceipts, describeVerdict } from './receipt-check';
import { readSignedReceipt, receiptBytes, RECEIPT_NAMESPACE, signReceipt, type Receipt } from './receipt';
import { drawSample, newSeed } from './spot-sample';

const tmp = makeTempDir('logbook-receipt-');
const liaisonKey = generateSigningKey();
const sign = (data: Buffer) => signBytes(liaisonKey.privateKey, data);
let bookId = '';
let hashes: string[] = [];
let rootAt3 = '';

function receipt(over: Partial<Receipt> = {}): Receipt {
  const sample = drawSample(newSeed(), [1, 2, 3], 2);
  return {
    type: 'dangjian-logbook-receipt',
    version: 1,
    bookId,
    orgName: '中国示例学会党建工作小组',
    size: 3,
    root: rootAt3,
    sample: {
      method: sample.method,
      seed: sample.seed,
      count: 2,
      populationSize: 3,
      scope: '全部条目',
      seqs: sample.seqs,
    },
    conclusion: 'compliant',
    checkedAt: '2026-11-30T08:00:00.000Z',
    liaison: {
      name: '刘联络',
      office: '市科协科技社团党委',
      publicKey: openSshLineOf(liaisonKey.publicKey, 'liaison'),
      keyId: liaisonKey.keyId,
    },
    ...over,
  };
}

beforeAll(() => {
  const ledger = ledgerFixture(tmp.dir).open();
  bookId = ledger.createBook('回执测试').bookId;
  ledger.sealBatch(
    bookId,
    [1, 2].map((n) => ({ kind: 'meeting', body: meetingBody(n) })),
  );
  // The root the ledger signed at size 3 (its stored tree), not recomputed by the code under test.
  rootAt3 = ledger.checkpoint(bookId)!.checkpoint.root;
  expect(ledger.checkpoint(bookId)!.checkpoint.size).toBe(3);
  ledger.sealBatch(
    bookId,
    [3, 4, 5].map((n) => ({ kind: 'meeting', body: meetingBody(n) })),
  );
  hashes = ledger.listEntries(bookId).map((e) => e.hash);
  ledger.close();
});
afterAll(() => tmp.remove());

describe('spot-check receipts', () => {
  it('signs canonical bytes that ssh-keygen -Y verify accepts, and reads them back', () => {
    const r = receipt();
    const signed = signReceipt(r, sign);
    expect(signed.receipt).toBe(receiptBytes(r));
    const read = readSignedReceipt(signed);
    expect(read).toMatchObject({ ok: true, keyId: liaisonKey.keyId });
    fs.writeFileSync(tmp.file('receipt.json'), signed.receipt);
    fs.writeFileSync(tmp.file('receipt.json.sig'), signed.signature);
    fs.writeFileSync(
      tmp.file('allowed_signers'),
      `liaison namespaces="${RECEIPT_NAMESPACE}" ${openSshLineOf(liaisonKey.publicKey, '').trim()}\n`,
    );
    const out = execFileSync(
      'ssh-keygen',
      [
        '-Y',
        'verify',
        '-f',
        tmp.file('allowed_signers'),
        '-I',
        'liaison',
        '-n',
        RECEIPT_NAMESPACE,
        '-s',
        tmp.file('receipt.json.sig'),
      ],
      {
        input: fs.readFileSync(tmp.file('receipt.json')),
        encoding: 'utf8',
        cwd: path.dirname(tmp.file('x')),
      },
    );
    expect(out).toContain('Good');
  });

  it('refuses an edited, re-ordered, re-keyed or malformed receipt with the reason', () => {
    const signed = signReceipt(receipt(), sign);
    const edited = signed.receipt.replace('"compliant"', '"rectify"');
    expect(readSignedReceipt({ ...signed, receipt: edited })).toMatchObject({ ok: false });
    const value = JSON.parse(signed.receipt) as Record<string, unknown>;
    const reordered = JSON.stringify({ version: value.version, ...value });
    expect(readSignedReceipt({ ...signed, receipt: reordered })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('规范化'),
    });
    const other = generateSigningKey();
    const forged = signReceipt(
      receipt({
        liaison: { ...receipt().liaison, publicKey: openSshLineOf(other.publicKey, 'x'), keyId: other.keyId },
      }),
      (d) => signBytes(other.privateKey, d),
    );
    expect(readSignedReceipt({ receipt: forged.receipt, signature: signed.signature })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('签名'),
    });
    expect(readSignedReceipt({ receipt: '{"__proto__":1}', signature: signed.signature })).toMatchObject({ ok: false });
    expect(
      readSignedReceipt({ receipt: signed.receipt.replace('}', ',"extra":1}'), signature: signed.signature }),
    ).toMatchObject({ ok: false });
    expect(readSignedReceipt(null)).toMatchObject({ ok: false });
    expect(() => receiptBytes(receipt({ conclusion: 'rectify' }))).toThrow();
    expect(() => receiptBytes(receipt({ sample: { ...receipt().sample, seqs: [9] } }))).toThrow();
  });

  it('checks a book against its receipts: consistent, rewritten checked history, shorter book, another book', () => {
    const r = receipt();
    expect(checkReceipts(bookId, hashes, [r])).toEqual([{ state: 'consistent', receipt: r }]);
    const rewritten = [...hashes];
    rewritten[1] = 'a'.repeat(64);
    const [v] = checkReceipts(bookId, rewritten, [r]);
    expect(v!.state).toBe('rewritten');
    expect(describeVerdict(v!)).toContain('前 3 条已被改写');
    // A rewrite after what was checked is not this receipt's concern.
    const later = [...hashes];
    later[4] = 'b'.repeat(64);
    expect(checkReceipts(bookId, later, [r])[0]!.state).toBe('consistent');
    expect(checkReceipts(bookId, hashes.slice(0, 2), [r])[0]).toMatchObject({ state: 'shorter', sizeNow: 2 });
    expect(checkReceipts('0'.repeat(8) + bookId.slice(8), hashes, [r])[0]!.state).toBe('other-book');
  });
});
