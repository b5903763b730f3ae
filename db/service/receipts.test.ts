/**
 * Receipts through the service, on real data folders (issue 10): the society imports a
 * liaison's signed receipt (sealed as 收到抽查回执) and records 整改情况; a wrong, forged or
 * non-canonical receipt is refused in Chinese; the next bundle carries the receipt and
 * imports consistent. Then the society rewrites entry 3 and re-signs with its own key: the
 * liaison's folder sees a fork, a fresh folder is told the carried receipt does not match
 * (alarm kept, nothing imported); with the receipt entries also dropped the forgery is
 * accepted until the liaison's receipts file is loaded, and refused on the next import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../bundle/bundle-test-kit';
import { verifyBundle } from '../bundle/verify-bundle';
import { bookKey, forgeHistory, testLiaison } from '../liaison/receipt-test-kit';
import { FIVE, member, openHarness, ORG, type Harness } from './test/service-harness';

const open: Harness[] = [];
const harness = (start?: string) => {
  const h = openHarness(start);
  open.push(h);
  return h;
};
afterAll(() => {
  for (const h of open.splice(0)) h.cleanup();
});

const liaison = testLiaison();
let society: Harness;
let bookId = '';
let keyId = '';
let receiptSeq = 0;
let signedText = '';
let checked = { size: 0, root: '' };
const zips: Record<string, string> = {};

async function exportAndVerify(name: string) {
  const file = path.join(society.dir, `${name}.zip`);
  await society.service.exportBundle(bookId, file);
  zips[name] = file;
  const report = await verifyBundle(file);
  expect(report.ok).toBe(true);
  return { size: report.size!, root: report.root! };
}

async function importInto(h: Harness, file: string, fingerprint?: string) {
  const upload = await h.service.stageBundle(file);
  return h.call('bundles.import', { upload, ...(fingerprint ? { fingerprint } : {}) });
}

beforeAll(async () => {
  society = harness('2025-01-06T09:00');
  const created = await society.call('books.create', {
    organisation: ORG,
    profile: { id: 'beijing-work-group' },
    members: FIVE,
  });
  bookId = created.bookId;
  keyId = created.keyId;
  checked = await exportAndVerify('checked');
  society.setNow('2025-02-12T10:00');
});

describe('receipts in the society’s book', () => {
  it('refuses a receipt of another book, a forged signature, non-canonical bytes and a rewritten root, in Chinese', async () => {
    const refuse = (text: string) => society.call('receipts.import', { bookId, text });
    const other = liaison.signed(liaison.receipt('0b7e0000-0000-4000-8000-000000000000', checked.size, checked.root));
    await expect(refuse(JSON.stringify(other))).rejects.toMatchObject({
      code: 'receipt-other-book',
      message: expect.stringContaining('另一本记录本'),
    });
    const good = liaison.signed(liaison.receipt(bookId, checked.size, checked.root));
    const forged = { ...good, signature: liaison.signed(liaison.receipt(bookId, 1, checked.root)).signature };
    await expect(refuse(JSON.stringify(forged))).rejects.toMatchObject({
      code: 'receipt-invalid',
      message: expect.stringContaining('签名无效'),
    });
    const spaced = { ...good, receipt: JSON.stringify(JSON.parse(good.receipt), null, 1) };
    await expect(refuse(JSON.stringify(spaced))).rejects.toMatchObject({ message: expect.stringContaining('规范化') });
    const rewritten = liaison.signed(liaison.receipt(bookId, checked.size, 'ab'.repeat(32)));
    await expect(refuse(JSON.stringify(rewritten))).rejects.toMatchObject({
      code: 'receipt-mismatch',
      message: expect.stringContaining('已被改写'),
    });
    const longer = liaison.signed(liaison.receipt(bookId, checked.size + 5, checked.root));
    await expect(refuse(JSON.stringify(longer))).rejects.toMatchObject({ message: expect.stringContaining('少于') });
    await expect(refuse('不是 JSON')).rejects.toMatchObject({ code: 'receipt-invalid' });
    expect((await society.call('books.status', { bookId })).size).toBe(checked.size);
  });

  it('seals a consistent receipt as 收到抽查回执, once, not correctable; 整改情况 is linked to it', async () => {
    const signed = liaison.signed(liaison.receipt(bookId, checked.size, checked.root));
    // As receipts.export writes it: the signed receipt plus its allowed_signers line.
    signedText = JSON.stringify({ ...signed, allowedSigners: `liaison ${liaison.publicKey}` });
    const sealed = await society.call('receipts.import', { bookId, text: signedText });
    receiptSeq = sealed.seq;
    expect(sealed).toMatchObject({ seq: checked.size + 1, verdict: expect.stringContaining('一致') });
    await expect(society.call('receipts.import', { bookId, text: signedText })).rejects.toMatchObject({
      code: 'receipt-duplicate',
    });
    const entry = await society.call('entries.get', { bookId, seq: receiptSeq });
    expect(entry.summary).toMatchObject({ kind: 'receipt.received', kindLabel: '收到抽查回执' });
    expect(entry.summary.title).toContain('刘联络');
    await expect(
      society.call('entries.correct', {
        bookId,
        seq: receiptSeq,
        field: '/liaison/name',
        value: '别人',
        reason: '改',
        by: '王记录',
      }),
    ).rejects.toMatchObject({ code: 'not-correctable' });

    await expect(
      society.call('rectifications.seal', {
        bookId,
        rectification: { receiptSeq: 2, date: '2025-02-12', done: '已补充', by: '王记录' },
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('不是“收到抽查回执”') });
    await expect(
      society.call('rectifications.seal', {
        bookId,
        rectification: { receiptSeq, date: '2025-03-01', done: '已补充', by: '王记录' },
      }),
    ).rejects.toMatchObject({ code: 'invalid-date' });
    const fixed = await society.call('rectifications.seal', {
      bookId,
      rectification: { receiptSeq, date: '2025-02-12', done: '已补充第 3 条会议的请假说明。', by: '王记录' },
    });
    expect((await society.call('entries.get', { bookId, seq: fixed.seq })).summary.kindLabel).toBe('整改情况');
    expect(await society.call('receipts.list', { bookId })).toEqual([
      expect.objectContaining({
        seq: receiptSeq,
        liaisonName: '刘联络',
        liaisonKeyId: liaison.keyId,
        size: checked.size,
        conclusion: 'rectify',
        conclusionText: '存在问题，需整改',
        rectify: { what: expect.stringContaining('请假说明'), by: '2025-03-31' },
        verdict: 'consistent',
        rectifications: [{ seq: fixed.seq, date: '2025-02-12', done: expect.stringContaining('已补充'), by: '王记录' }],
      }),
    ]);
  });
});

describe('receipts carried in bundles', () => {
  let liaisonFolder: Harness;
  let fresh: Harness;

  it('a bundle exported after the receipt carries it and imports consistent, also as an extension', async () => {
    await exportAndVerify('withReceipt');
    liaisonFolder = harness('2025-02-13T09:00');
    const first = await importInto(liaisonFolder, zips.withReceipt!, keyId);
    expect(first).toMatchObject({
      outcome: 'imported',
      receipts: [
        { state: 'consistent', source: 'carried', text: expect.stringContaining(`第 ${receiptSeq} 条所附回执`) },
      ],
    });
    expect(await liaisonFolder.call('receipts.list', { bookId })).toMatchObject([{ verdict: 'consistent' }]);
    await society.call('members.join', { bookId, ...member('孙新', 'member') });
    await exportAndVerify('grown');
    expect(await importInto(liaisonFolder, zips.grown!)).toMatchObject({
      outcome: 'extended',
      receipts: [{ state: 'consistent' }],
    });
  });

  it('history rewritten at entry 3 and re-signed: the liaison sees a fork, a fresh folder a carried receipt that does not match', async () => {
    const key = bookKey(society.keyStore, keyId);
    const publicKey = (await society.call('books.status', { bookId })).publicKey;
    const rewrite = (e: { seq: number; body: unknown }) => {
      if (e.seq === 3) (e.body as { input: { note?: string } }).input.note = '事后改写';
    };
    zips.forged = path.join(society.dir, 'forged.zip');
    await forgeHistory(zips.grown!, zips.forged, { edit: rewrite }, key, publicKey, bookId);
    expect((await verifyBundle(zips.forged)).ok).toBe(true);

    const fork = await importInto(liaisonFolder, zips.forged);
    expect(fork).toMatchObject({ outcome: 'alarm', alarms: [{ kind: 'fork' }] });

    fresh = harness('2025-02-14T09:00');
    const told = await importInto(fresh, zips.forged);
    expect(told).toMatchObject({
      outcome: 'alarm',
      message: expect.stringContaining('已查历史被改写警报'),
      alarms: [
        {
          kind: 'checked-history',
          kindLabel: '已查历史被改写警报',
          pinned: { size: checked.size, root: checked.root, keyId: liaison.keyId },
        },
      ],
      receipts: [{ state: 'rewritten', source: 'carried', text: expect.stringContaining('已被改写') }],
    });
    expect(await fresh.call('books.list', {})).toEqual([]);
    expect(await fresh.call('bundles.alarms', { bookId })).toHaveLength(1);
    // The same forged bundle again adds nothing.
    await importInto(fresh, zips.forged);
    expect(await fresh.call('bundles.alarms', { bookId })).toHaveLength(1);

    const evidence = await fresh.call('evidence.get', { alarmId: told.alarms[0]!.id });
    expect(evidence).toMatchObject({ alarm: { kind: 'checked-history' }, divergence: null });
    const pack = await fresh.call('evidence.export', { alarmId: told.alarms[0]!.id });
    const zip = path.join(fresh.dir, 'pack.zip');
    fs.writeFileSync(zip, Buffer.from(pack.dataBase64, 'base64'));
    const names = (await readZip(zip)).map((f) => f.name.split('/').slice(1).join('/'));
    expect(names).toEqual(
      expect.arrayContaining([
        'README.txt',
        'found-checkpoint.json',
        'receipt.json',
        'receipt.json.sig',
        'allowed_signers',
      ]),
    );
  });

  it('with the receipt entries dropped too: accepted until the receipts file is loaded, then reported and refused on the next import', async () => {
    const key = bookKey(society.keyStore, keyId);
    const publicKey = (await society.call('books.status', { bookId })).publicKey;
    zips.dropped = path.join(society.dir, 'dropped.zip');
    await forgeHistory(
      zips.grown!,
      zips.dropped,
      {
        edit: (e) => {
          if (e.seq === 3) (e.body as { input: { note?: string } }).input.note = '事后改写';
        },
        drop: (e) => e.kind === 'receipt.received' || e.kind === 'rectification',
      },
      key,
      publicKey,
      bookId,
    );
    const third = harness('2025-02-15T09:00');
    expect(await importInto(third, zips.dropped, keyId)).toMatchObject({ outcome: 'imported', receipts: [] });

    const file = liaison.file([JSON.parse(signedText) as { receipt: string; signature: string }]);
    const loaded = await third.call('receipts.loadFile', { text: file });
    expect(loaded).toMatchObject({
      loaded: 1,
      added: 1,
      signerKeyId: liaison.keyId,
      verdicts: [{ bookId, state: 'rewritten', text: expect.stringContaining('已被改写') }],
    });
    expect((await third.call('receipts.loadFile', { text: file })).added).toBe(0);
    const sizeBefore = (await third.call('books.status', { bookId })).size;
    expect(await importInto(third, zips.dropped)).toMatchObject({
      outcome: 'alarm',
      alarms: [{ kind: 'checked-history' }],
      receipts: [{ state: 'rewritten', source: 'known' }],
    });
    expect((await third.call('books.status', { bookId })).size).toBe(sizeBefore);

    const tampered = JSON.parse(file) as { content: string; signature: string };
    const edited = JSON.stringify({ ...tampered, content: tampered.content.replace('刘联络', '冒名者') });
    await expect(third.call('receipts.loadFile', { text: edited })).rejects.toMatchObject({
      code: 'receipts-file-invalid',
      message: expect.stringContaining('签名无效'),
    });
  });

  it('a carried receipt whose signature does not verify is reported, not trusted and not an alarm', async () => {
    const key = bookKey(society.keyStore, keyId);
    const publicKey = (await society.call('books.status', { bookId })).publicKey;
    const other = liaison.signed(liaison.receipt(bookId, 1, checked.root));
    zips.badReceipt = path.join(society.dir, 'bad-receipt.zip');
    await forgeHistory(
      zips.grown!,
      zips.badReceipt,
      {
        edit: (e) => {
          if (e.kind === 'receipt.received')
            (e.body as { input: { signed: { signature: string } } }).input.signed.signature = other.signature;
        },
      },
      key,
      publicKey,
      bookId,
    );
    const h = harness('2025-02-16T09:00');
    expect(await importInto(h, zips.badReceipt)).toMatchObject({
      outcome: 'needs-fingerprint',
      receipts: [{ state: 'invalid', source: 'carried', text: expect.stringContaining('签名无效') }],
    });
    expect(await h.call('bundles.alarms', {})).toEqual([]);
  });

  it('the fork alarm’s evidence lists both checkpoints and the diverging entries from entry 3', async () => {
    const [alarm] = await liaisonFolder.call('bundles.alarms', { bookId });
    const evidence = await liaisonFolder.call('evidence.get', { alarmId: alarm!.id });
    expect(evidence.divergence).toMatchObject({ firstSeq: 3 });
    const d = evidence.divergence!;
    expect(d.pinned.map((e) => e.seq)).toEqual(d.found.map((e) => e.seq));
    expect(d.pinned[0]!.hash).not.toBe(d.found[0]!.hash);
    expect(d.pinned.length).toBe(evidence.alarm.pinned.size - 2);
    const pack = await liaisonFolder.call('evidence.export', { alarmId: alarm!.id });
    expect(pack).toMatchObject({ mediaType: 'application/zip', fileName: expect.stringMatching(/\.zip$/u) });
    const zip = path.join(liaisonFolder.dir, 'pack.zip');
    fs.writeFileSync(zip, Buffer.from(pack.dataBase64, 'base64'));
    const files = new Map((await readZip(zip)).map((f) => [f.name.split('/').slice(1).join('/'), f.data]));
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'README.txt',
        'pinned-checkpoint.json',
        'found-checkpoint.json',
        'diverging-entries.json',
      ]),
    );
    expect([...files.keys()].some((n) => n.startsWith('bundle/'))).toBe(true);
    const diverging = JSON.parse(files.get('diverging-entries.json')!.toString('utf8')) as {
      firstSeq: number;
      pinned: { seq: number }[];
      found: { seq: number }[];
    };
    expect(diverging.firstSeq).toBe(3);
    expect(diverging.found.map((e) => e.seq)).toEqual(d.found.map((e) => e.seq));
    expect(files.get('README.txt')!.toString('utf8')).toContain('第一处分歧 / first difference: 第 3 条');
    await expect(liaisonFolder.call('evidence.get', { alarmId: 999 })).rejects.toMatchObject({ code: 'not-found' });
  });
});
