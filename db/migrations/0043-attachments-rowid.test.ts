import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../open-database';
import { makeTempDir } from '../test-support/temp-dir';
import { migrations } from './index';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('mig-0043-');
});
afterEach(() => tmp.remove());

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

it('0043-attachments-rowid: keeps every attachment byte for byte, looks them up by an index, keeps the guards', () => {
  const file = tmp.file('a.db');
  const before = openDatabase(file, { migrations: upTo(42) });
  const insert = `INSERT INTO ledger_attachments (hash, bytes) VALUES (?, ?)`;
  const big = Buffer.alloc(300_000, 7);
  before.prepare(insert).run('b'.repeat(64), big);
  before.prepare(insert).run('a'.repeat(64), Buffer.from('照片'));
  before.close();

  const db = openDatabase(file, { migrations: upTo(43) });
  expect(db.pragma('user_version', { simple: true })).toBe(43);
  const rows = db.prepare('SELECT hash, bytes FROM ledger_attachments ORDER BY hash').all() as {
    hash: string;
    bytes: Buffer;
  }[];
  expect(rows.map((r) => r.hash)).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
  expect(rows[0]!.bytes.toString()).toBe('照片');
  expect(rows[1]!.bytes.equals(big)).toBe(true);
  // A rowid table; the lookup by hash goes through the unique index, not the rows.
  const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'ledger_attachments'`).pluck().get() as string;
  expect(sql).not.toMatch(/WITHOUT ROWID/iu);
  const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM ledger_attachments WHERE hash = ?`).all('a'.repeat(64)) as {
    detail: string;
  }[];
  expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX ledger_attachments_by_hash/u);
  // The guards hold on the new table.
  expect(() => db.prepare(insert).run('a'.repeat(64), Buffer.from('其他'))).toThrow(/不可覆盖/u);
  expect(() => db.prepare(`UPDATE ledger_attachments SET bytes = x'00'`).run()).toThrow(/不可修改/u);
  expect(() => db.prepare('DELETE FROM ledger_attachments').run()).toThrow(/不可删除/u);
  db.prepare(insert).run('c'.repeat(64), Buffer.from('新附件'));
  expect(db.prepare('SELECT count(*) FROM ledger_attachments').pluck().get()).toBe(3);
  db.close();
});
