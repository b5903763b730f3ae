import crypto from 'node:crypto';
import fs from 'node:fs';
import canonicalize from 'canonicalize';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFixture, meetingBody, type LedgerFixture } from '../test-support/ledger-fixture';
import { MemoryKeyStore } from '../test-support/memory-key-store';
import { makeTempDir } from '../test-support/temp-dir';
import { canonicalCheckpoint } from './checkpoint';
import { LedgerError } from './errors';
import { parseOpenSshLine } from './keys';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle';
import { openLedger, type Ledger } from './ledger';

let tmp: ReturnType<typeof makeTempDir>;
let fx: LedgerFixture;
let ledger: Ledger;
beforeEach(() => {
  tmp = makeTempDir('ledger-');
  fx = ledgerFixture(tmp.dir);
  ledger = fx.open();
});
afterEach(() => {
  ledger.close();
  tmp.remove();
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).message).toMatch(/[\u4e00-\u9fff]/);
    return (error as LedgerError).code;
  }
  return undefined;
}

describe('sealing', () => {
  it('seals a chain: seq 1,2,3…, prev links, recordedAt from the clock, author = key id', () => {
    fx.clock.set('2025-05-04T09:00:00.000Z');
    const book = ledger.createBook('某学会党建工作小组', { organisation: '中国某学会' });
    const a = ledger.seal(book.bookId, { kind: 'meeting', body: meetingBody(1) });
    const b = ledger.seal(book.bookId, { kind: 'meeting', body: meetingBody(2) });
    const genesis = ledger.getEntry(book.bookId, 1)!;
    expect(genesis.kind).toBe('ledger.genesis');
    expect(genesis.prev).toBe('0'.repeat(64));
    expect(genesis.body).toMatchObject({
      name: '某学会党建工作小组',
      organisation: '中国某学会',
      keyId: book.keyId,
      publicKey: book.publicKey,
    });
    expect([a.seq, b.seq]).toEqual([2, 3]);
    expect(a.prev).toBe(genesis.hash);
    expect(b.prev).toBe(a.hash);
    expect(genesis.recordedAt).toBe('2025-05-04T09:00:00.000Z');
    expect(a.recordedAt).toBe('2025-05-04T09:00:01.000Z');
    expect(a.author).toBe(book.keyId);
    expect(ledger.getBook(book.bookId)).toMatchObject({
      size: 3,
      name: '某学会党建工作小组',
      createdAt: genesis.recordedAt,
    });
    expect(ledger.getEntry(book.bookId, 2)).toEqual(a);
    expect(ledger.getEntry(book.bookId, 4)).toBeNull();
  });

  it('ignores a recordedAt the caller tries to pass and refuses ledger.* kinds and bad input', () => {
    const { bookId } = ledger.createBook('书');
    const forged = { kind: 'meeting', body: { x: 1 }, recordedAt: '2000-01-01T00:00:00.000Z', seq: 99 };
    const entry = ledger.seal(bookId, forged);
    expect(entry.recordedAt).not.toBe('2000-01-01T00:00:00.000Z');
    expect(entry.seq).toBe(2);
    expect(codeOf(() => ledger.seal(bookId, { kind: 'ledger.key-rotation', body: {} }))).toBe('invalid-input');
    expect(codeOf(() => ledger.seal(bookId, { kind: '会议', body: {} }))).toBe('invalid-input');
    expect(codeOf(() => ledger.seal(bookId, { kind: 'meeting', body: { a: undefined } }))).toBe('invalid-json');
    expect(codeOf(() => ledger.seal('no-such-book', { kind: 'meeting', body: {} }))).toBe('book-not-found');
    expect(ledger.getBook(bookId).size).toBe(2);
  });

  it('stores the exact RFC 8785 bytes whose leaf hash is the entry hash', () => {
    const { bookId } = ledger.createBook('书');
    const entry = ledger.seal(bookId, { kind: 'member.join', body: { 姓名: '张伟', n: 1.5e21, note: 'a"b\\c\n' } });
    const raw = ledger.rawEntry(bookId, entry.seq);
    const { hash, bookId: book, ...rest } = entry;
    const expected = canonicalize({ ...rest, book, v: 1 })!;
    expect(raw.toString('utf8')).toBe(expected);
    expect(leafHash(raw).toString('hex')).toBe(hash);
  });

  it('sealBatch writes one transaction and one checkpoint at the end', () => {
    const { bookId } = ledger.createBook('书');
    const entries = ledger.sealBatch(
      bookId,
      Array.from({ length: 25 }, (_, i) => ({ kind: 'meeting', body: meetingBody(i) })),
    );
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
    expect(ledger.checkpoint(bookId)!.checkpoint.size).toBe(26);
    // A failing input anywhere refuses the whole batch.
    expect(
      codeOf(() =>
        ledger.sealBatch(bookId, [
          { kind: 'meeting', body: {} },
          { kind: 'meeting', body: { x: NaN } },
        ]),
      ),
    ).toBe('invalid-json');
    expect(
      codeOf(() =>
        ledger.sealBatch(bookId, [
          { kind: 'meeting', body: {} },
          { kind: 'meeting', body: {}, attachments: ['a'.repeat(64)] },
        ]),
      ),
    ).toBe('attachment-missing');
    expect(ledger.getBook(bookId).size).toBe(26);
    expect(ledger.verify(bookId).ok).toBe(true);
  });

  it('signs a checkpoint after each seal, in the database and in the outside file', () => {
    const book = ledger.createBook('书');
    ledger.seal(book.bookId, { kind: 'meeting', body: meetingBody(1) });
    const signed = ledger.checkpoint(book.bookId)!;
    expect(signed.checkpoint).toMatchObject({
      book: book.bookId,
      size: 2,
      keyId: book.keyId,
      root: ledger.rootAt(book.bookId, 2),
    });
    const key = parseOpenSshLine(book.publicKey)!;
    expect(
      crypto.verify(
        null,
        Buffer.from(canonicalCheckpoint(signed.checkpoint)),
        key.publicKey,
        Buffer.from(signed.signature, 'base64'),
      ),
    ).toBe(true);
    const outside = JSON.parse(fs.readFileSync(`${fx.dbPath}.checkpoints/${book.bookId}.json`, 'utf8')) as Record<
      string,
      unknown
    >;
    expect(outside).toMatchObject({
      checkpoint: signed.checkpoint,
      signature: signed.signature,
      publicKey: book.publicKey,
    });
  });
});

describe('a checkpoint file that cannot be written', () => {
  it('still enrols the new key of a committed rotation, so the book verifies after reopening', () => {
    const book = ledger.createBook('书');
    ledger.seal(book.bookId, { kind: 'meeting', body: meetingBody(1) });
    const realRename = fs.renameSync;
    fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
      if (String(to).includes('.checkpoints')) throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
      return realRename(from, to);
    };
    try {
      expect(codeOf(() => ledger.rotateKey(book.bookId, '移交'))).toBe('checkpoint-write-failed');
    } finally {
      fs.renameSync = realRename;
    }
    const next = ledger.seal(book.bookId, { kind: 'meeting', body: meetingBody(2) });
    expect(next.author).toBe(ledger.getBook(book.bookId).keyId);
    expect(next.author).not.toBe(book.keyId);
    ledger.close();
    ledger = fx.open();
    expect(ledger.status(book.bookId).readOnly).toBe(false);
    expect(ledger.verify(book.bookId).ok).toBe(true);
  });
});

describe('creating a book with its first entries', () => {
  it('seals genesis and the initial entries in one transaction, or nothing', () => {
    const book = ledger.createBook('书', {}, [
      { kind: 'org.setup', body: { name: '组织' } },
      { kind: 'member.join', body: { name: '张三' } },
    ]);
    expect(ledger.getBook(book.bookId).size).toBe(3);
    expect(ledger.getEntry(book.bookId, 3)!.kind).toBe('member.join');
    expect(ledger.verify(book.bookId).ok).toBe(true);

    const before = ledger.listBooks().length;
    expect(codeOf(() => ledger.createBook('坏书', {}, [{ kind: 'ledger.genesis', body: {} }]))).toBeDefined();
    expect(
      codeOf(() => ledger.createBook('坏书', {}, [{ kind: 'org.setup', body: { bad: Number.NaN } }])),
    ).toBeDefined();
    expect(ledger.listBooks()).toHaveLength(before);
  });
});

describe('attachments', () => {
  it('are stored by content hash, idempotently, must exist before sealing and are verified', () => {
    const { bookId } = ledger.createBook('书');
    const bytes = crypto.randomBytes(10_000);
    const hash = ledger.putAttachment(bytes);
    expect(hash).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(ledger.putAttachment(Buffer.from(bytes))).toBe(hash);
    expect(ledger.getAttachment(hash)!.equals(bytes)).toBe(true);
    expect(ledger.getAttachment('0'.repeat(64))).toBeNull();
    expect(ledger.hasAttachment(hash)).toBe(true);
    expect(ledger.hasAttachment('0'.repeat(64))).toBe(false);
    expect(ledger.hasAttachment('../x')).toBe(false);
    expect(codeOf(() => ledger.seal(bookId, { kind: 'activity', body: {}, attachments: ['b'.repeat(64)] }))).toBe(
      'attachment-missing',
    );
    expect(codeOf(() => ledger.seal(bookId, { kind: 'activity', body: {}, attachments: ['XYZ'] }))).toBe(
      'invalid-input',
    );
    const entry = ledger.seal(bookId, { kind: 'activity', body: { photo: '合影' }, attachments: [hash] });
    expect(entry.attachments).toEqual([hash]);
    expect(ledger.rawEntry(bookId, entry.seq).toString()).toContain(`"attachments":["${hash}"]`);
    expect(ledger.verify(bookId).ok).toBe(true);
  });

  it('refuses an attachment over 50 MB with a Chinese message', () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1);
    expect(codeOf(() => ledger.putAttachment(big))).toBe('attachment-too-large');
  });
});

describe('keys', () => {
  it('rotates the key with a statement signed by both keys; later checkpoints use the new key', () => {
    const book = ledger.createBook('书');
    ledger.seal(book.bookId, { kind: 'meeting', body: meetingBody(1) });
    const rotation = ledger.rotateKey(book.bookId, '记录人变更（移交）');
    const body = rotation.body as Record<string, unknown>;
    expect(rotation.kind).toBe('ledger.key-rotation');
    expect(rotation.author).toBe(book.keyId);
    expect(body.previousKeyId).toBe(book.keyId);
    const after = ledger.getBook(book.bookId);
    expect(after.keyId).toBe(body.keyId);
    expect(after.keyId).not.toBe(book.keyId);
    expect(ledger.checkpoint(book.bookId)!.checkpoint.keyId).toBe(after.keyId);
    const next = ledger.seal(book.bookId, { kind: 'meeting', body: meetingBody(2) });
    expect(next.author).toBe(after.keyId);
    expect(ledger.verify(book.bookId).ok).toBe(true);
    ledger.close();
    ledger = fx.open();
    expect(ledger.status(book.bookId).readOnly).toBe(false);
    expect(ledger.getBook(book.bookId).keyId).toBe(after.keyId);
    expect(ledger.verify(book.bookId).ok).toBe(true);
  });

  it("runs the caller's hook inside the rotation's transaction: a throwing hook seals nothing", () => {
    const book = ledger.createBook('书');
    const seen: number[] = [];
    expect(
      codeOf(() =>
        ledger.rotateKey(book.bookId, '移交', (_id, entries) => {
          seen.push(...entries.map((e) => e.seq));
          throw new LedgerError('invalid-input', '请求编号冲突');
        }),
      ),
    ).toBe('invalid-input');
    expect(seen).toEqual([2]);
    expect(ledger.getBook(book.bookId)).toMatchObject({ size: 1, keyId: book.keyId });
    const rotation = ledger.rotateKey(book.bookId, '移交', (_id, entries) => seen.push(entries[0]!.seq));
    expect(rotation.seq).toBe(2);
    expect(seen).toEqual([2, 2]);
    expect(ledger.getBook(book.bookId).keyId).toBe((rotation.body as { keyId: string }).keyId);
    expect(ledger.verify(book.bookId).ok).toBe(true);
  });

  it('without the private key the book opens but cannot seal (key-missing)', () => {
    const { bookId } = ledger.createBook('书');
    ledger.close();
    ledger = openLedger({ path: fx.dbPath, keyStore: new MemoryKeyStore(), clock: fx.clock });
    expect(ledger.quickCheck(bookId).ok).toBe(true);
    expect(codeOf(() => ledger.seal(bookId, { kind: 'meeting', body: {} }))).toBe('key-missing');
  });
});

describe('corrections', () => {
  it('point at the target seq and hash and a field that resolves', () => {
    const { bookId } = ledger.createBook('书');
    const target = ledger.seal(bookId, { kind: 'meeting', body: { topics: [{ title: '学习', decision: '通过' }] } });
    const fix = ledger.correct(bookId, {
      target: target.seq,
      field: '/topics/0/title',
      value: '学习贯彻',
      reason: '笔误',
      by: '王芳',
    });
    expect(fix.kind).toBe('ledger.correction');
    expect(fix.body).toEqual({
      target: 2,
      targetHash: target.hash,
      field: '/topics/0/title',
      value: '学习贯彻',
      reason: '笔误',
      by: '王芳',
    });
    // The original is never changed.
    expect(ledger.getEntry(bookId, 2)!.body).toEqual(target.body);
    expect(codeOf(() => ledger.correct(bookId, { target: 2, field: '/topics/1/title', value: 'x', reason: 'r' }))).toBe(
      'correction-field-not-found',
    );
    expect(codeOf(() => ledger.correct(bookId, { target: 2, field: 'topics', value: 'x', reason: 'r' }))).toBe(
      'correction-field-not-found',
    );
    expect(codeOf(() => ledger.correct(bookId, { target: 9, field: '/a', value: 'x', reason: 'r' }))).toBe(
      'correction-target-not-found',
    );
    expect(codeOf(() => ledger.correct(bookId, { target: 2, field: '/topics', value: undefined, reason: 'r' }))).toBe(
      'invalid-json',
    );
    expect(codeOf(() => ledger.correct(bookId, { target: 2, field: '/topics', value: 1, reason: ' ' }))).toBe(
      'invalid-input',
    );
    expect(ledger.listEntries(bookId, { kinds: ['ledger.correction'] }).map((e) => e.seq)).toEqual([3]);
    expect(ledger.verify(bookId).ok).toBe(true);
  });
});

describe('reading', () => {
  it('lists entries by range and kind', () => {
    const { bookId } = ledger.createBook('书');
    for (let i = 0; i < 10; i++) ledger.seal(bookId, { kind: i % 3 === 0 ? 'activity' : 'meeting', body: { i } });
    expect(ledger.listEntries(bookId).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(ledger.listEntries(bookId, { fromSeq: 4, toSeq: 6 }).map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(ledger.listEntries(bookId, { kinds: ['activity'] }).map((e) => e.seq)).toEqual([2, 5, 8, 11]);
    expect(ledger.listEntries(bookId, { kinds: ['activity'], fromSeq: 3, toSeq: 8 }).map((e) => e.seq)).toEqual([5, 8]);
  });

  it('gives inclusion and consistency proofs that verify against checkpoint roots', () => {
    const { bookId } = ledger.createBook('书');
    for (let i = 0; i < 40; i++) ledger.seal(bookId, { kind: 'meeting', body: { i } });
    const n = 41;
    const root = Buffer.from(ledger.rootAt(bookId, n), 'hex');
    expect(ledger.checkpoint(bookId)!.checkpoint.root).toBe(root.toString('hex'));
    for (const seq of [1, 2, 17, 32, 41]) {
      const proof = ledger.inclusionProof(bookId, seq, n).map((h) => Buffer.from(h, 'hex'));
      const leaf = Buffer.from(ledger.getEntry(bookId, seq)!.hash, 'hex');
      expect(verifyInclusion(seq - 1, n, leaf, proof, root)).toBe(true);
    }
    for (const old of [1, 7, 16, 33, 41]) {
      const proof = ledger.consistencyProof(bookId, old, n).map((h) => Buffer.from(h, 'hex'));
      expect(verifyConsistency(old, n, Buffer.from(ledger.rootAt(bookId, old), 'hex'), root, proof)).toBe(true);
    }
    expect(codeOf(() => ledger.inclusionProof(bookId, 5, 42))).toBe('proof-out-of-range');
    expect(codeOf(() => ledger.consistencyProof(bookId, 0, 5))).toBe('proof-out-of-range');
  });
});

describe('clock set back (g)', () => {
  it('keeps the entry, flags it clock-behind, and order follows seq', () => {
    const { bookId } = ledger.createBook('书');
    fx.clock.set('2025-06-01T10:00:00.000Z');
    const a = ledger.seal(bookId, { kind: 'meeting', body: { n: 1 } });
    fx.clock.set('2025-05-01T10:00:00.000Z');
    const b = ledger.seal(bookId, { kind: 'meeting', body: { n: 2 } });
    const c = ledger.seal(bookId, { kind: 'meeting', body: { n: 3 } });
    expect(a.flags).toEqual([]);
    expect(b.flags).toEqual(['clock-behind']);
    expect(c.flags).toEqual([]);
    expect(b.recordedAt < a.recordedAt).toBe(true);
    expect(ledger.listEntries(bookId).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(ledger.getEntry(bookId, 3)!.flags).toEqual(['clock-behind']);
    ledger.close();
    ledger = fx.open();
    expect(ledger.verify(bookId).ok).toBe(true);
  });
});

describe('several books in one file', () => {
  it('keep their own seq, keys and checkpoints; damage to one does not touch the other', () => {
    const a = ledger.createBook('甲学会');
    const b = ledger.createBook('乙学会');
    for (let i = 0; i < 5; i++) ledger.seal(a.bookId, { kind: 'meeting', body: { i } });
    const onlyB = ledger.seal(b.bookId, { kind: 'meeting', body: { only: 'b' } });
    expect(onlyB.seq).toBe(2);
    expect(a.keyId).not.toBe(b.keyId);
    expect(ledger.listBooks().map((x) => [x.name, x.size])).toEqual([
      ['甲学会', 6],
      ['乙学会', 2],
    ]);
    expect(ledger.listEntries(b.bookId).map((e) => e.body)).toEqual([
      expect.objectContaining({ name: '乙学会' }),
      { only: 'b' },
    ]);
    ledger.close();
    fs.rmSync(`${fx.dbPath}.checkpoints/${a.bookId}.json`);
    ledger = fx.open();
    expect(ledger.status(a.bookId)).toMatchObject({ readOnly: true });
    expect(ledger.status(a.bookId).report.problems.map((p) => p.code)).toEqual(['outside-checkpoint-missing']);
    expect(ledger.status(b.bookId)).toMatchObject({ readOnly: false, report: { ok: true } });
    expect(codeOf(() => ledger.seal(a.bookId, { kind: 'meeting', body: {} }))).toBe('book-readonly');
    expect(ledger.seal(b.bookId, { kind: 'meeting', body: {} }).seq).toBe(3);
  });
});

describe('opening', () => {
  it('read-only: books open read-only, writes refused', () => {
    const { bookId } = ledger.createBook('书');
    ledger.close();
    ledger = fx.open({ readonly: true });
    expect(ledger.status(bookId)).toMatchObject({ readOnly: true, report: { ok: true } });
    expect(codeOf(() => ledger.seal(bookId, { kind: 'meeting', body: {} }))).toBe('ledger-readonly');
    expect(ledger.verify(bookId).ok).toBe(true);
  });

  it('works on :memory: (tests of services above the ledger)', () => {
    const memory = openLedger({ path: ':memory:', keyStore: new MemoryKeyStore() });
    const { bookId } = memory.createBook('书');
    memory.seal(bookId, { kind: 'meeting', body: {} });
    expect(memory.quickCheck(bookId).ok).toBe(true);
    expect(memory.verify(bookId).ok).toBe(true);
    memory.close();
  });

  it('a closed ledger refuses calls', () => {
    ledger.close();
    expect(codeOf(() => ledger.listBooks())).toBe('ledger-closed');
  });
});
