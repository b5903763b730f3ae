import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../open-database';
import { makeTempDir } from '../test-support/temp-dir';
import { migrations } from './index';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('mig-0040-');
});
afterEach(() => tmp.remove());

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

it('0040-bundle-pins: from 0030 keeps the data and adds the pins and the alarms, which cannot be deleted or changed', () => {
  const file = tmp.file('a.db');
  const before = openDatabase(file, { migrations: upTo(30) });
  before.prepare(`INSERT INTO ledger_books (book_no, book_id) VALUES (1, 'b')`).run();
  before.close();

  const db = openDatabase(file, { migrations: upTo(40) });
  expect(db.pragma('user_version', { simple: true })).toBe(40);
  expect(db.prepare('SELECT book_id FROM ledger_books').pluck().all()).toEqual(['b']);
  db.prepare(`INSERT INTO bundle_pins (book_id, record) VALUES ('b', '{}')`).run();
  db.prepare(
    `INSERT INTO bundle_pins (book_id, record) VALUES ('b', '{"v":2}') ON CONFLICT (book_id) DO UPDATE SET record = excluded.record`,
  ).run();
  expect(db.prepare('SELECT record FROM bundle_pins').pluck().get()).toBe('{"v":2}');
  expect(() => db.prepare('DELETE FROM bundle_pins').run()).toThrow(/不可删除/u);
  db.prepare(
    `INSERT INTO bundle_alarms (book_id, kind, at, message, pinned_checkpoint, found_checkpoint, bundle_sha256, evidence_file)
     VALUES ('b', 'rollback', 't', 'm', '{}', '{}', 'h', NULL)`,
  ).run();
  expect(() => db.prepare(`UPDATE bundle_alarms SET message = 'x'`).run()).toThrow(/不可修改/u);
  expect(() => db.prepare('DELETE FROM bundle_alarms').run()).toThrow(/不可删除/u);
  expect(() =>
    db
      .prepare(
        `INSERT INTO bundle_alarms (book_id, kind, at, message, pinned_checkpoint, bundle_sha256) VALUES ('b', 'merge', 't', 'm', '{}', 'h')`,
      )
      .run(),
  ).toThrow(/CHECK/u);
  db.close();
});
