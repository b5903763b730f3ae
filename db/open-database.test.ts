import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseError, migrateDatabase, openDatabase } from './open-database';
import { migrations } from './migrations/index';
import type { Migration } from './migrations/index';
import { makeTempDir } from './test-support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('open-db-');
});
afterEach(() => tmp.remove());

function pragmas(db: Database.Database) {
  return {
    journal: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreignKeys: db.pragma('foreign_keys', { simple: true }),
    trustedSchema: db.pragma('trusted_schema', { simple: true }),
    busyTimeout: db.pragma('busy_timeout', { simple: true }),
  };
}

const EXPECTED = { journal: 'wal', synchronous: 2, foreignKeys: 1, trustedSchema: 0, busyTimeout: 5000 };

describe('openDatabase pragmas', () => {
  it('sets and keeps WAL, synchronous=FULL, foreign keys, trusted_schema=OFF, busy timeout', () => {
    const file = tmp.file('a.db');
    const db = openDatabase(file);
    expect(pragmas(db)).toEqual(EXPECTED);
    expect(db.pragma('page_size', { simple: true })).toBe(8192);
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('leaves the page size of an existing file alone', () => {
    const file = tmp.file('old.db');
    const plain = new Database(file);
    plain.exec('CREATE TABLE t (a)');
    plain.close();
    const db = openDatabase(file);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    db.close();
  });

  it('reopening an existing WAL file still gives synchronous=FULL (better-sqlite3 alone reopens at NORMAL)', () => {
    const file = tmp.file('a.db');
    openDatabase(file).close();
    // The default this module guards against: a plain reopen of a WAL file is NORMAL (1).
    const plain = new Database(file);
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(plain.pragma('synchronous', { simple: true })).toBe(1);
    plain.close();
    const db = openDatabase(file);
    expect(pragmas(db)).toEqual(EXPECTED);
    db.close();
  });

  it('asserts the same pragmas on a read-only open', () => {
    const file = tmp.file('a.db');
    openDatabase(file).close();
    const db = openDatabase(file, { readonly: true });
    expect(pragmas(db)).toEqual(EXPECTED);
    expect(() => db.exec('CREATE TABLE x (a)')).toThrow();
    db.close();
  });

  it('refuses a read-only open of a file that is not in WAL mode', () => {
    const file = tmp.file('rollback.db');
    const plain = new Database(file);
    plain.pragma('journal_mode = DELETE');
    plain.exec('CREATE TABLE t (a)');
    plain.close();
    expect(() => openDatabase(file, { readonly: true })).toThrow(
      expect.objectContaining({ code: 'database-pragma', message: expect.stringContaining('journal_mode') }),
    );
  });

  it('reports a file that is not a database as database-corrupt, in Chinese', () => {
    const file = tmp.file('junk.db');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseError);
    expect((caught as DatabaseError).code).toBe('database-corrupt');
    expect((caught as DatabaseError).message).toMatch(/损坏/);
    // The message reaches the UI: no path, no SQLite text; the original stays as the cause.
    expect((caught as DatabaseError).message).not.toContain(tmp.dir);
    expect((caught as DatabaseError).message).not.toMatch(/junk\.db|[a-z]{4,}/);
    expect((caught as DatabaseError).cause).toBeInstanceOf(Error);
  });

  it('says in Chinese, without the path, that a file could not be opened', () => {
    const file = tmp.file('missing/logbook.sqlite');
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'database-open-failed',
      message: expect.stringMatching(/^无法打开数据库文件。/),
    });
    expect((caught as DatabaseError).message).not.toContain(tmp.dir);
    expect((caught as DatabaseError).cause).toBeInstanceOf(Error);
  });
});

describe('migrations', () => {
  it('brings a new file to the newest version', () => {
    const db = openDatabase(tmp.file('a.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1]!.version);
    db.close();
  });

  it('refuses a database newer than the app with database-too-new and a Chinese message', () => {
    const file = tmp.file('new.db');
    openDatabase(file).close();
    const plain = new Database(file);
    plain.pragma('user_version = 9990');
    plain.close();
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseError);
    expect((caught as DatabaseError).code).toBe('database-too-new');
    expect((caught as DatabaseError).message).toContain('9990');
    expect((caught as DatabaseError).message).toMatch(/更新版本/);
  });

  it('runs all pending migrations in one transaction: a failure leaves the file untouched', () => {
    const list: Migration[] = [
      { version: 10, up: (db) => db.exec('CREATE TABLE a (x)') },
      { version: 20, up: (db) => db.exec('CREATE TABLE b (x)') },
      {
        version: 30,
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    const file = tmp.file('m.db');
    expect(() => openDatabase(file, { migrations: list })).toThrow(
      expect.objectContaining({ code: 'database-migration-failed', message: expect.stringContaining('30') }),
    );
    const plain = new Database(file);
    expect(plain.pragma('user_version', { simple: true })).toBe(0);
    expect(plain.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('a', 'b')`).pluck().get()).toBe(0);
    plain.close();
  });

  it('runs only the pending ones and sets user_version inside the transaction', () => {
    const ran: number[] = [];
    const step = (version: number): Migration => ({
      version,
      up: (db) => {
        ran.push(version);
        // user_version still shows the version before this step while it runs.
        expect(db.pragma('user_version', { simple: true })).toBe(version - 10);
        expect(db.inTransaction).toBe(true);
      },
    });
    const file = tmp.file('p.db');
    openDatabase(file, { migrations: [step(10)] }).close();
    const db = openDatabase(file, { migrations: [step(10), step(20), step(30)] });
    expect(ran).toEqual([10, 20, 30]);
    expect(db.pragma('user_version', { simple: true })).toBe(30);
    db.close();
  });

  it('rejects a migration list out of order', () => {
    const db = new Database(':memory:');
    const noop = () => undefined;
    expect(() =>
      migrateDatabase(db, [
        { version: 20, up: noop },
        { version: 10, up: noop },
      ]),
    ).toThrow(/out of order/);
    db.close();
  });

  it('a read-only open of an outdated file asks for an upgrade instead of migrating', () => {
    const file = tmp.file('old.db');
    openDatabase(file, { migrations: [] }).close();
    expect(() => openDatabase(file, { readonly: true })).toThrow(
      expect.objectContaining({ code: 'database-needs-upgrade' }),
    );
  });
});
