import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../open-database';
import { migrations } from './index';
import { makeTempDir } from '../test-support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('mig-0010-');
});
afterEach(() => tmp.remove());

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

it('0010-initial: from an empty file (N-1 = 0) creates the ledger tables and their guards', () => {
  const file = tmp.file('a.db');
  // N-1: nothing yet; a table of someone else's must survive the migration.
  const before = openDatabase(file, { migrations: upTo(0) });
  before.exec(`CREATE TABLE other (x TEXT); INSERT INTO other VALUES ('kept')`);
  before.close();

  const db = openDatabase(file, { migrations: upTo(10) });
  expect(db.pragma('user_version', { simple: true })).toBe(10);
  expect(db.prepare('SELECT x FROM other').pluck().get()).toBe('kept');
  const names = db
    .prepare(`SELECT type || ' ' || name FROM sqlite_master WHERE name LIKE 'ledger%' ORDER BY 1`)
    .pluck()
    .all();
  expect(names).toEqual([
    'index ledger_entries_by_kind',
    'table ledger_attachments',
    'table ledger_books',
    'table ledger_checkpoints',
    'table ledger_entries',
    'trigger ledger_attachments_no_delete',
    'trigger ledger_attachments_no_replace',
    'trigger ledger_attachments_no_update',
    'trigger ledger_books_no_delete',
    'trigger ledger_books_no_update',
    'trigger ledger_entries_no_delete',
    'trigger ledger_entries_no_replace',
    'trigger ledger_entries_no_update',
  ]);

  db.prepare(`INSERT INTO ledger_books (book_no, book_id) VALUES (1, 'b')`).run();
  db.prepare(
    `INSERT INTO ledger_entries (id, kind, recorded_at, author, flags, attachments, tree, leaf)
     VALUES (?, 'meeting', 't', 'a', '[]', '[]', 'h', x'00')`,
  ).run(2 ** 32 + 1);
  expect(() => db.prepare(`UPDATE ledger_entries SET kind = 'x'`).run()).toThrow(/不可修改/);
  expect(() => db.prepare(`DELETE FROM ledger_entries`).run()).toThrow(/不可删除/);
  expect(() =>
    db
      .prepare(
        `INSERT OR REPLACE INTO ledger_entries (id, kind, recorded_at, author, flags, attachments, tree, leaf)
         VALUES (?, 'forged', 't', 'a', '[]', '[]', 'h', x'00')`,
      )
      .run(2 ** 32 + 1),
  ).toThrow(/不可覆盖/);
  expect(() => db.prepare(`UPDATE ledger_books SET book_id = 'c'`).run()).toThrow(/不可修改/);
  db.prepare(`INSERT INTO ledger_attachments (hash, bytes) VALUES ('h', x'01')`).run();
  expect(() => db.prepare(`UPDATE ledger_attachments SET bytes = x'02'`).run()).toThrow(/不可修改/);
  expect(() => db.prepare(`DELETE FROM ledger_attachments`).run()).toThrow(/不可删除/);
  expect(() => db.prepare(`INSERT OR REPLACE INTO ledger_attachments VALUES ('h', x'03')`).run()).toThrow(/不可覆盖/);
  // Checkpoints are replaced on every seal: upserts must work, and need an existing book.
  db.prepare(`INSERT INTO ledger_checkpoints (book_no, signed) VALUES (1, 'a')`).run();
  db.prepare(
    `INSERT INTO ledger_checkpoints (book_no, signed) VALUES (1, 'b') ON CONFLICT (book_no) DO UPDATE SET signed = excluded.signed`,
  ).run();
  expect(db.prepare('SELECT signed FROM ledger_checkpoints').pluck().get()).toBe('b');
  expect(() => db.prepare(`INSERT INTO ledger_checkpoints (book_no, signed) VALUES (7, 'a')`).run()).toThrow(
    /FOREIGN KEY/,
  );
  db.close();
});

it('0010-initial: the same migration on memory gives the same schema text (used by the schema check)', () => {
  const file = tmp.file('b.db');
  const db = openDatabase(file);
  const memory = new Database(':memory:');
  migrateDatabase(memory, migrations);
  const schema = (d: Database.Database) => d.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY name`).all();
  expect(schema(db)).toEqual(schema(memory));
  db.close();
  memory.close();
});
