/**
 * `logbook export` as a child process on a demo book: the bundle it writes passes
 * `logbook verify` pinned to the book's key; an existing output file is never overwritten;
 * a tampered book is refused (its full verify fails first).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test-support/temp-dir';
import { logbook } from './run-cli';

let tmp: ReturnType<typeof makeTempDir>;
let dataDir = '';
let bookId = '';

beforeAll(() => {
  tmp = makeTempDir('export-cli-');
  dataDir = tmp.file('book');
  expect(logbook('demo', '--data-dir', dataDir).code).toBe(0);
  const status = JSON.parse(logbook('status', '--data-dir', dataDir, '--json').stdout) as {
    books: { bookId: string }[];
  };
  bookId = status.books[0]!.bookId;
}, 180_000);
afterAll(() => tmp?.remove());

describe('logbook export', () => {
  it('writes a bundle that verifies pinned to the key it prints', () => {
    const out = tmp.file('book.zip');
    const r = logbook('export', '--data-dir', dataDir, '--book', bookId, '--out', out, '--json');
    expect(r.code, r.all).toBe(0);
    const result = JSON.parse(r.stdout) as {
      ok: boolean;
      file: string;
      keyId: string;
      size: number;
      allowedSigners: string;
    };
    expect(result).toMatchObject({ ok: true, file: out });
    expect(result.allowedSigners).toMatch(new RegExp(`^${bookId} namespaces="dangjian-logbook-bundle" ssh-ed25519 `));
    const verified = logbook('verify', out, '--pin', result.keyId, '--json');
    expect(verified.code, verified.all).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, bookId, size: result.size });
    // Never overwrites.
    const again = logbook('export', '--data-dir', dataDir, '--book', bookId, '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('不会覆盖');
  }, 120_000);

  it('refuses a book whose full verify fails, and writes nothing', () => {
    const copy = tmp.file('tampered');
    fs.cpSync(dataDir, copy, { recursive: true });
    const db = new Database(path.join(copy, 'logbook.sqlite'));
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as {
      name: string;
      sql: string;
    }[];
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    const id = 2 ** 32 + 10;
    const leaf = db.prepare(`SELECT leaf FROM ledger_entries WHERE id = ?`).pluck().get(id) as Buffer;
    const forged = Buffer.from(leaf);
    forged[forged.length - 40] = forged[forged.length - 40] === 0x31 ? 0x32 : 0x31;
    db.prepare(`UPDATE ledger_entries SET leaf = ? WHERE id = ?`).run(forged, id);
    for (const t of triggers) db.exec(t.sql);
    db.close();
    const out = tmp.file('tampered.zip');
    const r = logbook('export', '--data-dir', copy, '--book', bookId, '--out', out);
    expect(r.code, r.all).toBe(1);
    expect(r.stderr).toContain('未通过完整校验');
    expect(fs.readdirSync(tmp.dir).filter((f) => f.startsWith('tampered.zip'))).toEqual([]);
  }, 120_000);
});
