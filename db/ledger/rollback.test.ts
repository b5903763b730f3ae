import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFixture, meetingBody, type LedgerFixture } from '../test-support/ledger-fixture';
import { makeTempDir } from '../test-support/temp-dir';
import type { Ledger } from './ledger';

/*
 * (d) The database loses its newest entries without any trace inside the file: the -wal
 * file is lost after a crash, or the whole file is replaced by an older copy. Only the
 * outside checkpoint can tell; the missing range must be named.
 */

let tmp: ReturnType<typeof makeTempDir>;
let fx: LedgerFixture;
beforeEach(() => {
  tmp = makeTempDir('rollback-');
  fx = ledgerFixture(tmp.dir);
});
afterEach(() => tmp.remove());

function sealMany(ledger: Ledger, bookId: string, count: number): void {
  for (let i = 0; i < count; i++) ledger.seal(bookId, { kind: 'meeting', body: meetingBody(i) });
}

function expectRolledBack(ledger: Ledger, bookId: string, dbSize: number, outsideSize: number): void {
  const status = ledger.status(bookId);
  expect(status.readOnly).toBe(true);
  const ahead = status.report.problems.find((p) => p.code === 'outside-checkpoint-ahead');
  expect(ahead?.missing).toEqual({ from: dbSize + 1, to: outsideSize });
  expect(ahead?.message).toContain(`第 ${dbSize + 1}–${outsideSize} 条`);
  expect(status.reason).toBe(ahead?.message);
  const full = ledger.verify(bookId);
  expect(full.size).toBe(dbSize);
  expect(full.problems.find((p) => p.code === 'outside-checkpoint-ahead')?.missing).toEqual({
    from: dbSize + 1,
    to: outsideSize,
  });
  expect(() => ledger.seal(bookId, { kind: 'meeting', body: {} })).toThrow(
    expect.objectContaining({ code: 'book-readonly' }),
  );
}

describe('(d) rollback against the outside checkpoint', () => {
  it('the -wal file lost after a crash (copied while the connection was open)', () => {
    const ledger = fx.open();
    const { bookId } = ledger.createBook('书');
    sealMany(ledger, bookId, 10);
    ledger.close(); // checkpoints the WAL into the main file: 11 entries there
    const live = fx.open();
    sealMany(live, bookId, 5); // entries 12–16 only in the -wal file so far
    expect(fs.statSync(`${fx.dbPath}-wal`).size).toBeGreaterThan(0);
    // "Crash": take the files as they are on disk while the connection is still open.
    const crashed = tmp.file('crashed.db');
    fs.copyFileSync(fx.dbPath, crashed);
    fs.copyFileSync(`${fx.dbPath}-wal`, `${crashed}-wal`);
    fs.cpSync(`${fx.dbPath}.checkpoints`, `${crashed}.checkpoints`, { recursive: true });
    live.close();

    // With its -wal file the copy is complete and fine…
    const withWal = tmp.file('with-wal.db');
    fs.copyFileSync(crashed, withWal);
    fs.copyFileSync(`${crashed}-wal`, `${withWal}-wal`);
    fs.cpSync(`${crashed}.checkpoints`, `${withWal}.checkpoints`, { recursive: true });
    const whole = fx.open({ path: withWal });
    expect(whole.status(bookId)).toMatchObject({ readOnly: false, report: { ok: true, size: 16 } });
    whole.close();

    // …without it, entries 12–16 are gone and the outside checkpoint says so.
    fs.rmSync(`${crashed}-wal`);
    const lost = fx.open({ path: crashed });
    expectRolledBack(lost, bookId, 11, 16);
    lost.close();
  });

  it('the whole database file replaced by an older copy', () => {
    const ledger = fx.open();
    const { bookId } = ledger.createBook('书');
    sealMany(ledger, bookId, 6);
    ledger.close();
    const older = tmp.file('older.db');
    fs.copyFileSync(fx.dbPath, older); // 7 entries, closed, no -wal
    const again = fx.open();
    sealMany(again, bookId, 9);
    again.close(); // 16 entries; the outside file says 16
    fs.copyFileSync(older, fx.dbPath);
    const replaced = fx.open();
    expectRolledBack(replaced, bookId, 7, 16);
    replaced.close();
    // Reopening does not "repair" anything: still read-only, still the same range.
    const reopened = fx.open();
    expectRolledBack(reopened, bookId, 7, 16);
    reopened.close();
  });

  it('an outside file behind the database (crash before its rename) is brought up to date', () => {
    const ledger = fx.open();
    const { bookId } = ledger.createBook('书');
    sealMany(ledger, bookId, 4);
    const behind = fs.readFileSync(`${fx.dbPath}.checkpoints/${bookId}.json`);
    sealMany(ledger, bookId, 3);
    ledger.close();
    fs.writeFileSync(`${fx.dbPath}.checkpoints/${bookId}.json`, behind);
    const reopened = fx.open();
    expect(reopened.status(bookId)).toMatchObject({ readOnly: false, report: { ok: true, size: 8 } });
    const rewritten = JSON.parse(fs.readFileSync(`${fx.dbPath}.checkpoints/${bookId}.json`, 'utf8')) as {
      checkpoint: { size: number };
    };
    expect(rewritten.checkpoint.size).toBe(8);
    reopened.close();
  });

  it('an outside file of the same size with another root is a fork', () => {
    const a = fx.open();
    const { bookId } = a.createBook('书');
    sealMany(a, bookId, 3);
    a.close();
    const forkDb = tmp.file('fork.db');
    fs.copyFileSync(fx.dbPath, forkDb);
    fs.cpSync(`${fx.dbPath}.checkpoints`, `${forkDb}.checkpoints`, { recursive: true });
    const b = fx.open();
    b.seal(bookId, { kind: 'meeting', body: { branch: 'A' } });
    b.close();
    const c = fx.open({ path: forkDb });
    c.seal(bookId, { kind: 'meeting', body: { branch: 'B' } });
    c.close();
    // Give the fork the other branch's outside checkpoint: same size 5, different root.
    fs.copyFileSync(`${fx.dbPath}.checkpoints/${bookId}.json`, `${forkDb}.checkpoints/${bookId}.json`);
    const d = fx.open({ path: forkDb });
    expect(d.status(bookId).report.problems.map((p) => p.code)).toEqual(['outside-checkpoint-fork']);
    d.close();
  });

  it('an outside file behind but not on the same history is a fork, and a damaged one is invalid', () => {
    const a = fx.open();
    const { bookId } = a.createBook('书');
    sealMany(a, bookId, 3);
    a.close();
    const otherDb = tmp.file('other.db');
    fs.copyFileSync(fx.dbPath, otherDb);
    fs.cpSync(`${fx.dbPath}.checkpoints`, `${otherDb}.checkpoints`, { recursive: true });
    const b = fx.open({ path: otherDb });
    b.seal(bookId, { kind: 'meeting', body: { branch: 'B' } });
    b.close();
    const c = fx.open();
    c.seal(bookId, { kind: 'meeting', body: { branch: 'A' } });
    c.seal(bookId, { kind: 'meeting', body: { more: true } });
    c.close();
    const outside = `${fx.dbPath}.checkpoints/${bookId}.json`;
    fs.copyFileSync(`${otherDb}.checkpoints/${bookId}.json`, outside); // size 5 of branch B, db has 6 of branch A
    const d = fx.open();
    expect(d.status(bookId).report.problems.map((p) => p.code)).toEqual(['outside-checkpoint-fork']);
    d.close();
    fs.writeFileSync(
      outside,
      fs
        .readFileSync(outside, 'utf8')
        .replace(/"signature": "(.)/, (_, c: string) => `"signature": "${c === 'A' ? 'B' : 'A'}`),
    );
    const e = fx.open();
    expect(e.status(bookId).report.problems.map((p) => p.code)).toEqual(['outside-checkpoint-invalid']);
    e.close();
  });
});

it('a missing outside file is reported even for a book with only its genesis entry', () => {
  const ledger = fx.open();
  const { bookId } = ledger.createBook('书');
  const file = `${fx.dbPath}.checkpoints/${bookId}.json`;
  // Written before the genesis commit: a book never exists without it.
  expect(fs.existsSync(file)).toBe(true);
  ledger.close();
  fs.rmSync(file);
  const reopened = fx.open();
  expect(reopened.status(bookId).report.problems.map((p) => p.code)).toEqual(['outside-checkpoint-missing']);
  expect(fs.existsSync(file)).toBe(false);
  reopened.close();
});
