import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../open-database';
import { makeTempDir } from '../test-support/temp-dir';
import { migrations } from './index';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('mig-0041-');
});
afterEach(() => tmp.remove());

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

it('0041-liaison-workspace: from 0040 keeps the pins, adds one liaison identity (never a second, never changed) and the overview rows', () => {
  const file = tmp.file('a.db');
  const before = openDatabase(file, { migrations: upTo(40) });
  before.prepare(`INSERT INTO bundle_pins (book_id, record) VALUES ('b', '{}')`).run();
  before.close();

  const db = openDatabase(file, { migrations: upTo(41) });
  expect(db.pragma('user_version', { simple: true })).toBe(41);
  expect(db.prepare('SELECT book_id FROM bundle_pins').pluck().all()).toEqual(['b']);
  db.prepare(`INSERT INTO liaison_book (one, book_id) VALUES (1, 'l')`).run();
  expect(() => db.prepare(`INSERT INTO liaison_book (one, book_id) VALUES (1, 'm')`).run()).toThrow(/UNIQUE/u);
  expect(() => db.prepare(`INSERT INTO liaison_book (one, book_id) VALUES (2, 'm')`).run()).toThrow(/CHECK/u);
  expect(() => db.prepare(`UPDATE liaison_book SET book_id = 'x'`).run()).toThrow(/不可修改/u);
  expect(() => db.prepare('DELETE FROM liaison_book').run()).toThrow(/不可删除/u);
  db.prepare(`INSERT INTO workspace_rows (book_id, year, size, row) VALUES ('b', 2026, 3, '{}')`).run();
  db.prepare(
    `INSERT INTO workspace_rows (book_id, year, size, row) VALUES ('b', 2027, 4, '{"a":1}')
     ON CONFLICT (book_id) DO UPDATE SET year = excluded.year, size = excluded.size, row = excluded.row`,
  ).run();
  expect(db.prepare('SELECT year, size, row FROM workspace_rows').get()).toEqual({
    year: 2027,
    size: 4,
    row: '{"a":1}',
  });
  db.close();
});
