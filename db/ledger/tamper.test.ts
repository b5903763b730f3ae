import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFixture, meetingBody } from '../test-support/ledger-fixture';
import { copyDatabase, makeTempDir } from '../test-support/temp-dir';
import { openLedger } from './ledger';
import { sha256Hex } from './hashing';
import { appendLeaf, type Peak } from './merkle';
import type { Problem } from './types';

/*
 * (a) the triggers refuse UPDATE/DELETE through plain SQL; (b) with the triggers dropped,
 * edits made with plain SQL are found by the full verify, which names the edited seq.
 */

let tmp: ReturnType<typeof makeTempDir>;
let original: string;
let bookId: string;
let keyStore: ReturnType<typeof ledgerFixture>['keyStore'];
const ID = (seq: number) => 2 ** 32 + seq; // the first book is book_no 1

beforeAll(() => {
  tmp = makeTempDir('tamper-');
  const fx = ledgerFixture(tmp.dir, 'original.db');
  original = fx.dbPath;
  keyStore = fx.keyStore;
  const ledger = fx.open();
  bookId = ledger.createBook('篡改测试').bookId;
  for (let i = 1; i < 12; i++) ledger.seal(bookId, { kind: 'meeting', body: meetingBody(i) });
  ledger.close();
});
afterAll(() => tmp.remove());

let copies = 0;
function freshCopy(): string {
  const file = tmp.file(`copy-${++copies}.db`);
  copyDatabase(original, file);
  return file;
}

function withSql(file: string, edit: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    edit(db);
  } finally {
    db.close();
  }
}

function dropTriggers(db: Database.Database): void {
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all() as string[];
  for (const name of names) db.exec(`DROP TRIGGER "${name}"`);
}

function check(file: string): { verify: Problem[]; quick: Problem[]; readOnly: boolean } {
  const ledger = openLedger({ path: file, keyStore });
  try {
    const status = ledger.status(bookId);
    return { verify: ledger.verify(bookId).problems, quick: status.report.problems, readOnly: status.readOnly };
  } finally {
    ledger.close();
  }
}

describe('(a) plain SQL cannot change sealed rows', () => {
  it('UPDATE, DELETE and INSERT OR REPLACE are refused with a Chinese message', () => {
    const file = freshCopy();
    withSql(file, (db) => {
      expect(() => db.prepare(`UPDATE ledger_entries SET kind = 'x' WHERE id = ?`).run(ID(3))).toThrow(/不可修改/);
      expect(() => db.prepare(`UPDATE ledger_entries SET leaf = x'00'`).run()).toThrow(/不可修改/);
      expect(() => db.prepare(`DELETE FROM ledger_entries WHERE id = ?`).run(ID(12))).toThrow(/不可删除/);
      expect(() => db.prepare(`DELETE FROM ledger_entries`).run()).toThrow(/不可删除/);
      const row = db.prepare(`SELECT * FROM ledger_entries WHERE id = ?`).get(ID(3)) as Record<string, unknown>;
      expect(() =>
        db
          .prepare(
            `INSERT OR REPLACE INTO ledger_entries (id, kind, recorded_at, author, flags, attachments, tree, leaf) VALUES (@id, 'forged', @recorded_at, @author, @flags, @attachments, @tree, @leaf)`,
          )
          .run(row),
      ).toThrow(/不可覆盖/);
      expect(() => db.prepare(`DELETE FROM ledger_books`).run()).toThrow(/不可删除/);
      expect(db.prepare(`SELECT count(*) FROM ledger_entries`).pluck().get()).toBe(12);
    });
    expect(check(file).verify).toEqual([]);
  });
});

describe('(b) edits with the triggers dropped are named by seq', () => {
  const codesAt = (problems: Problem[], seq: number) => problems.filter((p) => p.seq === seq).map((p) => p.code);

  it('an edited byte of the entry', () => {
    const file = freshCopy();
    withSql(file, (db) => {
      dropTriggers(db);
      const leaf = db.prepare(`SELECT leaf FROM ledger_entries WHERE id = ?`).pluck().get(ID(5)) as Buffer;
      const edited = Buffer.from(leaf.toString('utf8').replace('第4次', '第9次'));
      expect(edited.equals(leaf)).toBe(false);
      db.prepare(`UPDATE ledger_entries SET leaf = ? WHERE id = ?`).run(edited, ID(5));
    });
    const result = check(file);
    expect(codesAt(result.verify, 5)).toEqual(['hash-mismatch']);
    expect(result.verify.map((p) => p.code)).toContain('schema-mismatch');
    expect(result.readOnly).toBe(true);
  });

  it('an edited hash column', () => {
    const file = freshCopy();
    withSql(file, (db) => {
      dropTriggers(db);
      db.prepare(`UPDATE ledger_entries SET tree = '0' || substr(tree, 2) WHERE id = ?`).run(ID(7));
    });
    expect(codesAt(check(file).verify, 7)).toEqual(['hash-mismatch']);
  });

  it('an edited kind column (and recorded_at, author, flags, attachments)', () => {
    const edits: [string, string][] = [
      ['kind', `'activity'`],
      ['recorded_at', `'2030-01-01T00:00:00.000Z'`],
      // Another last character (keys are random: 'A' is already the last one in 1 run of 16).
      ['author', `'SHA256:' || substr(author, 8, 42) || CASE substr(author, 50, 1) WHEN 'A' THEN 'E' ELSE 'A' END`],
      ['flags', `'["clock-behind"]'`],
      ['attachments', `'["${'a'.repeat(64)}"]'`],
    ];
    for (const [column, value] of edits) {
      const file = freshCopy();
      withSql(file, (db) => {
        dropTriggers(db);
        const before = db.prepare(`SELECT ${column} FROM ledger_entries WHERE id = ?`).pluck().get(ID(4));
        db.prepare(`UPDATE ledger_entries SET ${column} = ${value} WHERE id = ?`).run(ID(4));
        // The edit really changed the column.
        expect(db.prepare(`SELECT ${column} FROM ledger_entries WHERE id = ?`).pluck().get(ID(4)), column).not.toBe(
          before,
        );
      });
      const problems = check(file).verify;
      expect(codesAt(problems, 4), column).toEqual(['columns-mismatch']);
      expect(problems.find((p) => p.seq === 4)!.message).toMatch(/第 4 条/);
    }
  });

  it('an entry rewritten consistently (bytes and hash) breaks the chain at the next one', () => {
    const file = freshCopy();
    withSql(file, (db) => {
      dropTriggers(db);
      const leaf = db.prepare(`SELECT leaf FROM ledger_entries WHERE id = ?`).pluck().get(ID(6)) as Buffer;
      const edited = Buffer.from(leaf.toString('utf8').replace('第5次', '第8次'));
      const tree = db.prepare(`SELECT tree FROM ledger_entries WHERE id = ?`).pluck().get(ID(6)) as string;
      db.prepare(`UPDATE ledger_entries SET leaf = ?, tree = ? WHERE id = ?`).run(
        edited,
        sha256Hex(edited) + tree.slice(64),
        ID(6),
      );
    });
    const problems = check(file).verify;
    expect(problems.find((p) => p.code === 'chain-broken' || p.code === 'merkle-node-mismatch')?.seq).toBe(6);
  });

  it('the newest entry rewritten consistently: its stored Merkle nodes no longer match (quick check too)', () => {
    const file = freshCopy();
    withSql(file, (db) => {
      dropTriggers(db);
      const leaf = db.prepare(`SELECT leaf FROM ledger_entries WHERE id = ?`).pluck().get(ID(12)) as Buffer;
      const edited = Buffer.from(leaf.toString('utf8').replace('第11次', '第99次'));
      const tree = db.prepare(`SELECT tree FROM ledger_entries WHERE id = ?`).pluck().get(ID(12)) as string;
      db.prepare(`UPDATE ledger_entries SET leaf = ?, tree = ? WHERE id = ?`).run(
        edited,
        sha256Hex(edited) + tree.slice(64),
        ID(12),
      );
    });
    const result = check(file);
    expect(result.verify.map((p) => p.code)).toContain('merkle-node-mismatch');
    expect(result.verify.find((p) => p.code === 'merkle-node-mismatch')!.seq).toBe(12);
    expect(result.quick.find((p) => p.code === 'merkle-node-mismatch')?.seq).toBe(12);
  });

  it('the newest entry rewritten with its hash and Merkle nodes recomputed: the checkpoint root no longer matches', () => {
    const file = freshCopy();
    withSql(file, (db) => {
      dropTriggers(db);
      const trees = db.prepare(`SELECT tree FROM ledger_entries ORDER BY id`).pluck().all() as string[];
      const leaf = db.prepare(`SELECT leaf FROM ledger_entries WHERE id = ?`).pluck().get(ID(12)) as Buffer;
      const edited = Buffer.from(leaf.toString('utf8').replace('第11次', '第99次'));
      let peaks: Peak[] = [];
      let completed: Buffer[] = [];
      trees.forEach((tree, i) => {
        const hash = i === 11 ? Buffer.from(sha256Hex(edited), 'hex') : Buffer.from(tree.slice(0, 64), 'hex');
        ({ peaks, completed } = appendLeaf(peaks, hash));
      });
      const tree = sha256Hex(edited) + completed.map((n) => n.toString('hex')).join('');
      db.prepare(`UPDATE ledger_entries SET leaf = ?, tree = ? WHERE id = ?`).run(edited, tree, ID(12));
    });
    const result = check(file);
    expect(result.quick.map((p) => p.code)).toContain('root-mismatch');
    expect(result.verify.map((p) => p.code)).toContain('root-mismatch');
  });

  it('a deleted entry in the middle and a deleted newest entry', () => {
    const middle = freshCopy();
    withSql(middle, (db) => {
      dropTriggers(db);
      db.prepare(`DELETE FROM ledger_entries WHERE id = ?`).run(ID(8));
    });
    const gap = check(middle).verify.find((p) => p.code === 'seq-gap');
    expect(gap?.seq).toBe(8);
    // An entry is named as the book names it (第 N 条), never by a technical 序号.
    expect(gap?.message).toMatch(/第 8 条/);
    expect(
      check(middle)
        .verify.map((p) => p.message)
        .join(''),
    ).not.toContain('序号');
    const newest = freshCopy();
    withSql(newest, (db) => {
      dropTriggers(db);
      db.prepare(`DELETE FROM ledger_entries WHERE id = ?`).run(ID(12));
    });
    const result = check(newest);
    expect(result.verify.find((p) => p.code === 'size-mismatch')?.missing).toEqual({ from: 12, to: 12 });
    expect(result.quick.map((p) => p.code)).toContain('size-mismatch');
  });

  it('a forged checkpoint row is a bad signature', () => {
    const file = freshCopy();
    withSql(file, (db) => {
      const text = db.prepare(`SELECT signed FROM ledger_checkpoints`).pluck().get() as string;
      db.prepare(`UPDATE ledger_checkpoints SET signed = ?`).run(
        text.replace(/"time":"[^"]+"/, '"time":"2031-01-01T00:00:00.000Z"'),
      );
    });
    const result = check(file);
    expect(result.quick.map((p) => p.code)).toEqual(['bad-signature']);
    expect(result.verify.map((p) => p.code)).toEqual(['bad-signature']);
  });
});
