import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCheckpoint } from '../ledger/checkpoint';
import { LedgerError } from '../ledger/errors';
import type { VerifiedBook } from '../ledger/import-book';
import { generateSigningKey, importPrivateKey } from '../ledger/keys';
import type { Ledger } from '../ledger/ledger-api';
import type { SignedCheckpoint } from '../ledger/types';
import { dumpDatabase } from '../test-support/dump-database';
import { ledgerFixture, type LedgerFixture } from '../test-support/ledger-fixture';
import { makeTempDir } from '../test-support/temp-dir';
import {
  entryLines,
  openTestBook,
  readBag,
  reseal,
  withLines,
  zipBag,
  bookSigner,
  type TestBook,
} from './bundle-test-kit';
import { BundleZip } from './bundle-reader';
import { importBundle, verifyStaged } from './verified-book';

/**
 * A real book (rotation, correction, attachments) exported by the real writer and imported
 * into a fresh ledger file: the imported book passes the ledger's own full verify, holds the
 * same bytes, proves every entry on read; a second import is a no-op; another book under the
 * same id is refused; a forged stream is refused with the database unchanged.
 */

let tmp: ReturnType<typeof makeTempDir>;
let source: TestBook;
let zip = '';
let grownZip = '';
let size = 0;
/** The checkpoint of the first bundle (the source grows after it). */
let firstCheckpoint: SignedCheckpoint;

beforeAll(async () => {
  tmp = makeTempDir('bundle-import-');
  source = openTestBook(tmp.dir);
  zip = tmp.file('book.zip');
  await source.bundle(zip);
  size = source.ledger.getBook(source.bookId).size;
  firstCheckpoint = source.ledger.checkpoint(source.bookId)!;
  source.grow(3);
  grownZip = tmp.file('grown.zip');
  await source.bundle(grownZip);
});

afterAll(() => {
  source?.ledger.close();
  tmp?.remove();
});

function freshLedger(name: string): { fx: LedgerFixture; ledger: Ledger; db: string } {
  const dir = tmp.file(name);
  fs.mkdirSync(dir);
  const fx = ledgerFixture(dir, 'target.db');
  return { fx, ledger: fx.open(), db: fx.dbPath };
}

/** The source's own bytes as an importer would get them, with `edit` applied to the list. */
function streamOf(edit: (lines: Buffer[]) => Buffer[] = (l) => l, checkpoint?: SignedCheckpoint): VerifiedBook {
  const lines: Buffer[] = [];
  for (let seq = 1; seq <= size; seq++) lines.push(source.ledger.rawEntry(source.bookId, seq));
  const cp = checkpoint ?? firstCheckpoint;
  return {
    bookId: source.bookId,
    entries: edit(lines),
    attachment: (hash) => source.ledger.getAttachment(hash),
    checkpoint: cp,
  };
}

function refused(ledger: Ledger, book: VerifiedBook): LedgerError {
  let error: unknown = null;
  try {
    ledger.importBook(book);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

describe('importing a verified bundle into a ledger', () => {
  it('writes the book so that it passes the full verify, with the same bytes, every entry proven', async () => {
    const { ledger, db } = freshLedger('a');
    try {
      const { report, book } = await importBundle(ledger, zip);
      expect(report.ok).toBe(true);
      expect(book).toMatchObject({ bookId: source.bookId, size, keyId: report.keyId });
      const verify = ledger.verify(source.bookId);
      expect(verify.problems).toEqual([]);
      expect(verify).toMatchObject({ ok: true, size, root: report.root });
      expect(ledger.status(source.bookId)).toMatchObject({ readOnly: false, verification: { state: 'done' } });
      for (let seq = 1; seq <= size; seq++) {
        expect(ledger.rawEntry(source.bookId, seq).equals(source.ledger.rawEntry(source.bookId, seq))).toBe(true);
        expect(ledger.getEntry(source.bookId, seq)).toEqual(source.ledger.getEntry(source.bookId, seq));
      }
      expect(ledger.checkEntries(source.bookId, [1, 5, size]).every((c) => c.problem === null)).toBe(true);
      expect(ledger.checkpoint(source.bookId)).toEqual(report.checkpoint);
      for (const hash of ledger.getEntry(source.bookId, 10)!.attachments) {
        expect(ledger.getAttachment(hash)!.equals(source.ledger.getAttachment(hash)!)).toBe(true);
      }
      // Same row layout as sealing: the Merkle nodes the verify and the proofs read are there.
      expect(ledger.consistencyProof(source.bookId, 5, size)).toEqual(
        source.ledger.consistencyProof(source.bookId, 5, size),
      );
      // Without its private key here the book is read-only for seals.
      expect(() => ledger.seal(source.bookId, { kind: 'meeting', body: { n: 1 } })).toThrow(
        expect.objectContaining({ code: 'key-missing' }),
      );

      // A second import of the same book changes nothing.
      const before = dumpDatabase(db);
      const again = await importBundle(ledger, zip);
      expect(again.book).toMatchObject({ bookId: source.bookId, size });
      expect(dumpDatabase(db)).toBe(before);
      // Another content under the same id (the book grew since) is refused, never merged.
      const other = await importBundle(ledger, grownZip).then(
        () => null,
        (e: unknown) => e,
      );
      expect(other).toMatchObject({ code: 'book-exists' });
      expect(dumpDatabase(db)).toBe(before);
    } finally {
      ledger.close();
    }
  }, 60_000);

  it('survives a reopen: the imported book quick-checks and verifies like a sealed one', async () => {
    const { fx, ledger } = freshLedger('b');
    await importBundle(ledger, zip);
    ledger.close();
    const reopened = fx.open();
    try {
      expect(reopened.listBooks().map((b) => b.bookId)).toEqual([source.bookId]);
      expect(reopened.quickCheck(source.bookId).ok).toBe(true);
      expect(reopened.verify(source.bookId).ok).toBe(true);
    } finally {
      reopened.close();
    }
  });

  it('with the current key in the key store (restore), continues the same chain', async () => {
    const { fx, ledger } = freshLedger('c');
    try {
      const keyId = source.ledger.getBook(source.bookId).keyId;
      fx.keyStore.save(keyId, source.fx.keyStore.load(keyId)!);
      await importBundle(ledger, zip);
      const next = ledger.seal(source.bookId, { kind: 'meeting', body: { title: '恢复后的第一次会议' } });
      expect(next.seq).toBe(size + 1);
      expect(next.prev).toBe(ledger.getEntry(source.bookId, size)!.hash);
      expect(next.author).toBe(keyId);
      expect(ledger.verify(source.bookId).ok).toBe(true);
    } finally {
      ledger.close();
    }
  });

  it('refuses a bundle that does not verify, and writes nothing', async () => {
    const { ledger, db } = freshLedger('d');
    try {
      const bag = await readBag(zip);
      const lines = entryLines(bag);
      lines[4] = lines[4]!.replace('党建工作小组', '党建工作小祖');
      const forged = tmp.file('forged.zip');
      fs.writeFileSync(forged, zipBag(reseal(withLines(bag, lines), bookSigner(source), source.bookId)));
      const before = dumpDatabase(db);
      const { report, book } = await importBundle(ledger, forged);
      expect(report.ok).toBe(false);
      expect(book).toBeNull();
      expect(dumpDatabase(db)).toBe(before);
      expect(ledger.listBooks()).toEqual([]);
    } finally {
      ledger.close();
    }
  });

  it('refuses a forged or altered stream with the database unchanged', () => {
    const { ledger, db } = freshLedger('e');
    try {
      const before = dumpDatabase(db);
      const edit = (lines: Buffer[], seq: number, from: string, to: string) =>
        lines.map((l, i) => (i === seq - 1 ? Buffer.from(l.toString('utf8').replace(from, to)) : l));
      const cases: [string, VerifiedBook, RegExp][] = [
        ['a body edited', streamOf((l) => edit(l, 7, '党建工作小组', '党建工作小祖')), /第 8 条的“前一条哈希”/u],
        ['the last body edited', streamOf((l) => edit(l, size, '党建工作小组', '党建工作小祖')), /默克尔根/u],
        ['an author rewritten', streamOf((l) => edit(l, 7, '"author":"SHA256:', '"author":"SHA256:x')), /作者/u],
        ['a missing entry', streamOf((l) => l.filter((_, i) => i !== 6)), /第 7 条的位置读到的是第 8 条/u],
        [
          'two entries swapped',
          streamOf((l) => [...l.slice(0, 6), l[7]!, l[6]!, ...l.slice(8)]),
          /第 7 条的位置读到的是第 8 条/u,
        ],
        ['entries cut off at the end', streamOf((l) => l.slice(0, -1)), /有 19 条记录，检查点是 20 条/u],
        ['an extra line', streamOf((l) => [...l, l[l.length - 1]!]), /第 21 条的位置读到的是第 20 条/u],
        [
          'a re-encoded line',
          streamOf((l) =>
            l.map((b, i) => (i === 3 ? Buffer.from(JSON.stringify(JSON.parse(b.toString()), null, 1)) : b)),
          ),
          /规范化 JSON/u,
        ],
      ];
      for (const [what, book, message] of cases) {
        const error = refused(ledger, book);
        expect(error.code, what).toBe('import-invalid');
        expect(error.message, what).toMatch(message);
        expect(dumpDatabase(db), what).toBe(before);
      }
      // The canonical check is skipped only for the root verifyBundle computed, when the entries give it.
      const reencode = (seq: number) => (l: Buffer[]) =>
        l.map((b, i) => (i === seq - 1 ? Buffer.from(JSON.stringify(JSON.parse(b.toString()), null, 1)) : b));
      const otherVerified = { ...streamOf(reencode(4)), verifiedRoot: 'cd'.repeat(32) };
      expect(refused(ledger, otherVerified).message).toMatch(/第 4 条不是规范化 JSON/u);
      const lastReencoded = { ...streamOf(reencode(size)), verifiedRoot: firstCheckpoint.checkpoint.root };
      // Refused all the same: its columns do not rebuild its bytes (and its root is not the checkpoint's).
      expect(refused(ledger, lastReencoded).message).toMatch(new RegExp(`第 ${size} 条的登记信息`, 'u'));
      expect(dumpDatabase(db)).toBe(before);
      // A checkpoint signed by a stranger's key, naming the right root.
      const cp = firstCheckpoint;
      const stranger = generateSigningKey();
      const forgedCp = signCheckpoint({ ...cp.checkpoint, keyId: stranger.keyId }, stranger.privateKey);
      expect(refused(ledger, streamOf(undefined, forgedCp)).code).toBe('import-invalid');
      // A checkpoint of the right key over another root (the forger holds the key, not the history).
      const keyId = cp.checkpoint.keyId;
      const realKey = importPrivateKey(source.fx.keyStore.load(keyId)!, keyId);
      const otherRoot = signCheckpoint({ ...cp.checkpoint, root: 'ab'.repeat(32) }, realKey.privateKey);
      expect(refused(ledger, streamOf(undefined, otherRoot)).code).toBe('import-invalid');
      // An attachment whose bytes are not its hash.
      const badAttachment = { ...streamOf(), attachment: () => Buffer.from('not the photo') };
      expect(refused(ledger, badAttachment).code).toBe('import-invalid');
      expect(dumpDatabase(db)).toBe(before);
      expect(ledger.listBooks()).toEqual([]);
      // The ledger stays usable: a real import afterwards goes through.
      expect(ledger.importBook(streamOf()).size).toBe(size);
      expect(ledger.verify(source.bookId).ok).toBe(true);
    } finally {
      ledger.close();
    }
  }, 60_000);

  it('does not trust a staged envelope: one that is not its bytes is refused; true ones import without a parse', () => {
    const { ledger, db } = freshLedger('s');
    try {
      const root = firstCheckpoint.checkpoint.root;
      const staged = (lie: (seq: number, envelope: Record<string, unknown>) => void): VerifiedBook => ({
        ...streamOf(),
        verifiedRoot: root,
        entries: [...streamOf().entries].map((item, i) => {
          const bytes = item as Buffer;
          const { body: _body, ...envelope } = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
          lie(i + 1, envelope);
          return { bytes, envelope };
        }),
      });
      const withAttachments = source.ledger.getEntry(source.bookId, 10)!;
      expect(withAttachments.attachments.length).toBeGreaterThan(0);
      const before = dumpDatabase(db);
      const lies: [string, (seq: number, e: Record<string, unknown>) => void][] = [
        ['another kind', (seq, e) => seq === 5 && (e.kind = e.kind === 'meeting' ? 'activity' : 'meeting')],
        ['no attachments', (seq, e) => seq === 10 && (e.attachments = [])],
        ['another time', (seq, e) => seq === 7 && (e.recordedAt = '2020-01-01T00:00:00.000Z')],
        ['genesis named a meeting', (seq, e) => seq === 1 && (e.kind = 'meeting')],
      ];
      for (const [what, lie] of lies) {
        const error = refused(ledger, staged(lie));
        expect(error.code, what).toBe('import-invalid');
        expect(error.message, what).toMatch(/登记信息|作者|类型/u);
        expect(dumpDatabase(db), what).toBe(before);
      }
      // Not an envelope at all (a field missing): the line is parsed instead, and imports.
      const parsed = staged((seq, e) => seq === 3 && delete e.flags);
      expect(ledger.importBook(parsed).size).toBe(size);
      expect(ledger.verify(source.bookId).ok).toBe(true);
      for (const seq of [1, 5, 10, size])
        expect(ledger.rawEntry(source.bookId, seq).equals(source.ledger.rawEntry(source.bookId, seq))).toBe(true);
    } finally {
      ledger.close();
    }
  });

  it('refuses an attachment changed in the zip after it was verified and staged, with the database unchanged', async () => {
    const { ledger, db } = freshLedger('g');
    try {
      const copy = tmp.file('changed-later.zip');
      fs.copyFileSync(zip, copy);
      const { report, stage } = await verifyStaged(copy, tmp.file('staging-g'));
      expect(report.ok).toBe(true);
      const staged = await stage.finish(copy, report);
      // The attachments are read from the zip at import time: flip one byte of one of them in place.
      const opened = await BundleZip.open(copy);
      const attachment = [...opened.files.values()].find((f) => f.kind === 'attachment')!;
      opened.close();
      const fd = fs.openSync(copy, 'r+');
      const at = attachment.dataStart + Math.floor(attachment.compressedSize / 2);
      const one = Buffer.alloc(1);
      fs.readSync(fd, one, 0, 1, at);
      fs.writeSync(fd, Buffer.from([one[0]! ^ 0x01]), 0, 1, at);
      fs.closeSync(fd);
      const before = dumpDatabase(db);
      try {
        const error = refused(ledger, staged);
        expect(error.code).toBe('import-invalid');
        expect(error.message).toMatch(/导入已停止，记录本未写入：数据包在核验之后被改动过/u);
      } finally {
        staged.remove();
      }
      expect(dumpDatabase(db)).toBe(before);
      expect(ledger.listBooks()).toEqual([]);
      // The staging folder the stage made is gone with it.
      expect(fs.existsSync(tmp.file('staging-g'))).toBe(false);
    } finally {
      ledger.close();
    }
  });

  it('still hashes an attachment it did not write itself: one already stored with other bytes is refused', () => {
    const { fx, ledger, db } = freshLedger('h');
    ledger.close();
    const hash = source.ledger.getEntry(source.bookId, 10)!.attachments[0]!;
    // The target already holds that attachment, with other bytes (written past the triggers).
    const raw = new Database(db);
    try {
      const trigger = raw
        .prepare(`SELECT sql FROM sqlite_master WHERE name = 'ledger_attachments_no_replace'`)
        .pluck()
        .get() as string;
      raw.exec('DROP TRIGGER ledger_attachments_no_replace');
      raw.prepare('INSERT INTO ledger_attachments (hash, bytes) VALUES (?, ?)').run(hash, Buffer.from('forged'));
      raw.exec(trigger);
    } finally {
      raw.close();
    }
    const reopened = fx.open();
    try {
      const before = dumpDatabase(db);
      const error = refused(reopened, streamOf());
      expect(error.code).toBe('import-invalid');
      expect(error.message).toMatch(/完整校验未通过.*附件/u);
      expect(dumpDatabase(db)).toBe(before);
      expect(reopened.listBooks()).toEqual([]);
    } finally {
      reopened.close();
    }
  });

  it('holds no transaction across awaits: other writes go on while a bundle is verified and staged', async () => {
    const { ledger } = freshLedger('f');
    try {
      const own = ledger.createBook('本机的另一本');
      const running = importBundle(ledger, zip);
      let sealed = 0;
      let done = false;
      void running.then(() => (done = true));
      // Every turn of the event loop while the import reads the zip: a seal goes through at once.
      while (!done) {
        ledger.seal(own.bookId, { kind: 'meeting', body: { n: sealed } });
        sealed++;
        await new Promise((r) => setImmediate(r));
      }
      expect(sealed).toBeGreaterThan(3);
      expect((await running).book?.size).toBe(size);
      expect(ledger.verify(own.bookId).ok).toBe(true);
      expect(ledger.verify(source.bookId).ok).toBe(true);
      // The ledger's import itself is synchronous: it returns the book, not a promise.
      expect(ledger.importBook(streamOf())).toMatchObject({ bookId: source.bookId, size });
    } finally {
      ledger.close();
    }
  });
});
