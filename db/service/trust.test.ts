/**
 * "Trust what the screen shows", on real data folders: an attacker holding the folder but
 * not the key rewrites an entry (the triggers dropped and re-created byte for byte), swaps
 * an attachment's bytes, or makes an entry unreadable. Every open verifies in full in the
 * background, every read proves what it returns, a failure survives restarts, and one
 * damaged book never hides another. Seals carry request ids and are never doubled.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../ledger';
import { sha256Hex } from '../ledger/hashing';
import { makeTempDir } from '../test-support/temp-dir';
import { callService, createService, DATABASE_FILE, type Service } from './create-service';
import { beijing, FIVE, ORG } from './test/service-harness';
import { meetingInput } from './test/meeting-fixtures';
import type { Contract } from '../contract';

let tmp: ReturnType<typeof makeTempDir>;
let open: Service[] = [];
let now = beijing('2025-03-20T10:00');

/** Opens the folder as the app does; `inlineVerifyBelow: 0` sends every full verify to the worker thread. */
function openService(worker = true): Service {
  const service = createService({
    dataDir: tmp.dir,
    keyStore: new FileKeyStore(path.join(tmp.dir, 'keys')),
    clock: () => new Date(now.getTime()),
    ...(worker ? { inlineVerifyBelow: 0 } : {}),
  });
  open.push(service);
  return service;
}

function close(service: Service): void {
  service.close();
  open = open.filter((s) => s !== service);
}

const call = <M extends keyof Contract>(service: Service, method: M, input: unknown) =>
  callService(service, method, input);

async function newBook(service: Service, name = ORG.orgName): Promise<{ bookId: string; ids: string[] }> {
  const { bookId } = await call(service, 'books.create', {
    organisation: { ...ORG, orgName: name },
    profile: { id: 'beijing-work-group' },
    members: FIVE,
  });
  const ids = (await call(service, 'members.list', { bookId })).map((m) => m.memberId);
  return { bookId, ids };
}

/** A book of 12 entries: set-up (7), four meetings, one activity with a scan attached. */
async function sampleBook(service: Service) {
  const book = await newBook(service);
  for (let n = 1; n <= 4; n++) {
    await call(service, 'meetings.seal', {
      bookId: book.bookId,
      meeting: meetingInput(book.ids, { number: n, startAt: `2025-03-1${n}T09:30` }),
    });
  }
  const scan = await call(service, 'attachments.put', {
    bookId: book.bookId,
    fileName: '签到表.pdf',
    mediaType: 'application/pdf',
    dataBase64: Buffer.from('%PDF-1.4 签到表原件').toString('base64'),
  });
  await call(service, 'activities.seal', {
    bookId: book.bookId,
    activity: {
      type: 'study',
      title: '集中学习',
      date: '2025-03-19',
      place: '会议室',
      organizer: '党建工作小组',
      content: '学习文件',
      attachments: [scan],
    },
  });
  return { ...book, scan };
}

/** Works on the closed file as an attacker with SQL would: triggers dropped, data edited, triggers re-created from their own SQL. */
function tamper(edit: (db: Database.Database) => void): void {
  const db = new Database(path.join(tmp.dir, DATABASE_FILE));
  try {
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as {
      name: string;
      sql: string;
    }[];
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    edit(db);
    for (const t of triggers) db.exec(t.sql);
  } finally {
    db.close();
  }
}

function bookNo(db: Database.Database, bookId: string): number {
  return db.prepare(`SELECT book_no FROM ledger_books WHERE book_id = ?`).pluck().get(bookId) as number;
}

function rewriteEntry(bookId: string, seq: number, alsoHash: boolean): void {
  tamper((db) => {
    const id = bookNo(db, bookId) * 2 ** 32 + seq;
    const row = db.prepare(`SELECT leaf, tree FROM ledger_entries WHERE id = ?`).get(id) as {
      leaf: Buffer;
      tree: string;
    };
    const forged = Buffer.from(row.leaf.toString('utf8').replace('学会第一会议室', '学会第二会议室'));
    expect(forged.equals(row.leaf)).toBe(false);
    const tree = alsoHash ? sha256Hex(forged) + row.tree.slice(64) : row.tree;
    db.prepare(`UPDATE ledger_entries SET leaf = ?, tree = ? WHERE id = ?`).run(forged, tree, id);
  });
}

async function fullVerify(service: Service, bookId: string) {
  // What the badge polls: the status while the background verify runs, then its result.
  const during = await call(service, 'books.status', { bookId });
  expect(['running', 'done']).toContain(during.verification.state);
  await call(service, 'books.verify', { bookId });
  return call(service, 'books.status', { bookId });
}

beforeEach(() => {
  tmp = makeTempDir('trust-');
  now = beijing('2025-03-20T10:00');
});
afterEach(() => {
  for (const s of open) s.close();
  open = [];
  tmp.remove();
});

describe('(a) a middle entry rewritten with the triggers dropped and re-created', () => {
  for (const alsoHash of [false, true]) {
    it(
      alsoHash
        ? 'body and hash: the seq is reported, read-only across restarts'
        : 'body only: the seq is reported, read-only across restarts',
      async () => {
        let service = openService();
        const { bookId, ids } = await sampleBook(service);
        close(service);
        rewriteEntry(bookId, 9, alsoHash);

        service = openService();
        const status = await fullVerify(service, bookId);
        expect(status.verification.state).toBe('done');
        expect(status.integrity.ok).toBe(false);
        expect(status.integrity.full).toBe(true);
        expect(status.integrity.problems[0]?.seq).toBe(9);
        expect(status.readOnly).toBe(true);
        // The read returns the problem, never the forged text.
        await expect(call(service, 'entries.get', { bookId, seq: 9 })).rejects.toMatchObject({
          code: 'entry-damaged',
          message: expect.stringContaining('第 9 条'),
        });
        const page = await call(service, 'entries.list', { bookId, limit: 50 });
        const row = page.items.find((s) => s.seq === 9)!;
        expect(row.problem?.seq).toBe(9);
        expect(JSON.stringify(row)).not.toContain('第二会议室');
        expect((await call(service, 'entries.get', { bookId, seq: 10 })).summary.seq).toBe(10);
        close(service);

        // A restart does not make it writable again, even before the new verify has run.
        service = openService();
        const again = await call(service, 'books.status', { bookId });
        expect(again.readOnly).toBe(true);
        expect(again.alarm?.problems[0]?.seq).toBe(9);
        // The banner says 只读 in front of the reason: the reason does not say it again.
        expect(again.reason).toContain('须从经过校验的备份');
        expect(again.reason).not.toContain('只读');
        await expect(
          call(service, 'meetings.seal', { bookId, meeting: meetingInput(ids, { number: 5 }) }),
        ).rejects.toMatchObject({
          code: 'book-readonly',
        });
        expect((await call(service, 'books.status', { bookId })).size).toBe(12);
        close(service);

        // Nor does an older copy of the database: the alarm is also kept beside it.
        const db = new Database(path.join(tmp.dir, DATABASE_FILE));
        db.exec(`DELETE FROM book_alarms`);
        db.close();
        service = openService();
        expect((await call(service, 'books.status', { bookId })).readOnly).toBe(true);
      },
    );
  }
});

describe('(b) an attachment replaced on disk', () => {
  it('is refused on read with a Chinese message, and the full verify names the entry', async () => {
    let service = openService(false);
    const { bookId, scan } = await sampleBook(service);
    expect((await call(service, 'attachments.get', { bookId, hash: scan.hash })).size).toBe(scan.size);
    close(service);
    tamper((db) =>
      db
        .prepare(`UPDATE ledger_attachments SET bytes = ? WHERE hash = ?`)
        .run(Buffer.from('%PDF-1.4 伪造的签到表'), scan.hash),
    );

    service = openService(false);
    await expect(call(service, 'attachments.get', { bookId, hash: scan.hash })).rejects.toMatchObject({
      code: 'attachment-damaged',
      message: expect.stringMatching(/附件.*不符/),
    });
    const status = await fullVerify(service, bookId);
    expect(status.integrity.problems[0]).toMatchObject({ code: 'attachment-mismatch', seq: 12 });
  });
});

describe('(c) one book with an unreadable entry', () => {
  it('never hides the other book, which seals and verifies normally', async () => {
    let service = openService(false);
    const damaged = await sampleBook(service);
    const other = await newBook(service, '北京市另一科技学会党建工作小组');
    close(service);
    tamper((db) => {
      const id = bookNo(db, damaged.bookId) * 2 ** 32 + 8;
      db.prepare(`UPDATE ledger_entries SET leaf = ? WHERE id = ?`).run(Buffer.from([0x00, 0x7b, 0xff, 0xfe]), id);
      // The read model is rebuilt from the entries: the unreadable one must not stop it.
      db.exec(`DELETE FROM rm_entries; DELETE FROM rm_books; DELETE FROM rm_state_rows; DELETE FROM rm_corrections`);
    });

    service = openService(false);
    const books = await call(service, 'books.list', {});
    expect(books.map((b) => b.bookId).sort()).toEqual([damaged.bookId, other.bookId].sort());
    const bad = books.find((b) => b.bookId === damaged.bookId)!;
    expect(bad.readOnly).toBe(true);
    expect(bad.reason).toContain('第 8 条');
    expect((await call(service, 'books.status', { bookId: damaged.bookId })).integrity.problems[0]?.seq).toBe(8);
    const timeline = await call(service, 'entries.list', { bookId: damaged.bookId, limit: 50 });
    expect(timeline.total).toBe(12);
    expect(timeline.items.find((s) => s.seq === 8)?.problem?.seq).toBe(8);

    await call(service, 'meetings.seal', { bookId: other.bookId, meeting: meetingInput(other.ids) });
    expect((await call(service, 'books.verify', { bookId: other.bookId })).ok).toBe(true);
    expect((await call(service, 'books.status', { bookId: other.bookId })).readOnly).toBe(false);
  });
});

describe('(d) and (e): seals are idempotent', () => {
  it('a seal whose reply was lost, retried with the same request id, is one entry (also after a restart)', async () => {
    let service = openService(false);
    const { bookId, ids } = await newBook(service);
    const meeting = meetingInput(ids);
    const first = await call(service, 'meetings.seal', { bookId, requestId: 'draft-7f3a9c2e', meeting });
    const again = await call(service, 'meetings.seal', { bookId, requestId: 'draft-7f3a9c2e', meeting });
    expect(again).toEqual(JSON.parse(JSON.stringify(first)));
    close(service);
    service = openService(false);
    const afterRestart = await call(service, 'meetings.seal', { bookId, requestId: 'draft-7f3a9c2e', meeting });
    expect(afterRestart.seq).toBe(first.seq);
    expect((await call(service, 'entries.list', { bookId, kinds: ['meeting'] })).total).toBe(1);
    // The same draft changed after it was sealed: refused, the change is not lost silently.
    await expect(
      call(service, 'meetings.seal', {
        bookId,
        requestId: 'draft-7f3a9c2e',
        meeting: { ...meeting, place: '另一会议室' },
      }),
    ).rejects.toMatchObject({ code: 'request-reused', message: expect.stringContaining(`第 ${first.seq} 条`) });
    const joined = await call(service, 'members.join', {
      bookId,
      requestId: 'draft-join-0001',
      ...FIVE[0]!,
      person: { ...FIVE[0]!.person, name: '周新' },
    });
    expect(
      await call(service, 'members.join', {
        bookId,
        requestId: 'draft-join-0001',
        ...FIVE[0]!,
        person: { ...FIVE[0]!.person, name: '周新' },
      }),
    ).toEqual(JSON.parse(JSON.stringify(joined)));
    expect((await call(service, 'members.list', { bookId })).filter((m) => m.person.name === '周新')).toHaveLength(1);
  });

  it('a correction whose checkpoint file could not be written is reported as sealed; the retry returns it', async () => {
    const service = openService(false);
    const { bookId, ids } = await newBook(service);
    const { seq } = await call(service, 'meetings.seal', { bookId, meeting: meetingInput(ids) });
    const request = {
      bookId,
      seq,
      requestId: 'correction-0001',
      field: '/input/place',
      value: '学会第三会议室',
      reason: '地点记错',
      by: '王记录',
    };
    const realRename = fs.renameSync;
    fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
      if (String(to).includes('.checkpoints'))
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return realRename(from, to);
    };
    let sealed;
    try {
      sealed = await call(service, 'entries.correct', request);
    } finally {
      fs.renameSync = realRename;
    }
    expect(sealed.seq).toBe(seq + 1);
    const retry = await call(service, 'entries.correct', request);
    expect(retry).toEqual(JSON.parse(JSON.stringify(sealed)));
    expect((await call(service, 'books.status', { bookId })).size).toBe(seq + 1);
    expect((await call(service, 'entries.get', { bookId, seq })).corrections).toHaveLength(1);
  });
});

describe('the read model lives in SQLite', () => {
  it('a reopened book pages from its derived tables, and a lost read model is rebuilt from the entries', async () => {
    let service = openService(false);
    const { bookId } = await sampleBook(service);
    const before = await call(service, 'entries.list', { bookId, limit: 5 });
    close(service);
    tamper((db) =>
      db.exec(`DELETE FROM rm_entries; DELETE FROM rm_books; DELETE FROM rm_entry_members; DELETE FROM rm_entry_flags`),
    );
    service = openService(false);
    expect(await call(service, 'entries.list', { bookId, limit: 5 })).toEqual(before);
    expect(
      (await call(service, 'entries.list', { bookId, kinds: ['meeting'], year: 2025, limit: 2, offset: 1 })).items.map(
        (s) => s.seq,
      ),
    ).toEqual([10, 9]);
  });

  it('a full verify checks the derived rows against the entries and rebuilds them when they disagree', async () => {
    let service = openService(false);
    const { bookId } = await sampleBook(service);
    const before = await call(service, 'entries.list', { bookId, limit: 50 });
    close(service);
    tamper((db) => {
      db.prepare(`UPDATE rm_entries SET hash = ? WHERE book_id = ? AND seq = 9`).run('0'.repeat(64), bookId);
      db.prepare(`DELETE FROM rm_entries WHERE book_id = ? AND seq = 3`).run(bookId);
    });
    service = openService(false);
    expect((await call(service, 'books.verify', { bookId })).ok).toBe(true);
    expect(await call(service, 'entries.list', { bookId, limit: 50 })).toEqual(before);
  });

  it('a timeline row edited in the derived table is shown as a problem, not as the record', async () => {
    let service = openService(false);
    const { bookId } = await sampleBook(service);
    close(service);
    tamper((db) =>
      db.prepare(`UPDATE rm_entries SET hash = ? WHERE book_id = ? AND seq = 9`).run('0'.repeat(64), bookId),
    );
    service = openService(false);
    const row = (await call(service, 'entries.list', { bookId, limit: 50 })).items.find((s) => s.seq === 9)!;
    expect(row.problem?.code).toBe('read-model-mismatch');
  });
});
