/**
 * The real `logbook` command as a child process: a demo book written and verified, the
 * refusals (usage, missing folder, a folder that already holds a book), and a book tampered
 * with plain SQL — triggers dropped, one byte of a sealed entry changed, triggers put back —
 * which `status` must report by seq with exit code 1, every time it is run.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test-support/temp-dir';
import { logbook } from './run-cli';

/** Entries of the first book, `ledger_entries.id = book_no·2³² + seq`. */
const FIRST_BOOK = 2 ** 32;

let tmp: ReturnType<typeof makeTempDir>;
let dataDir = '';
let bookId = '';
beforeAll(() => {
  tmp = makeTempDir('logbook-cli-');
  dataDir = tmp.file('book');
  const r = logbook('demo', '--data-dir', dataDir, '--entries', '60', '--seed', '5', '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  ({ bookId } = JSON.parse(r.stdout) as { bookId: string });
});
afterAll(() => tmp.remove());

describe('logbook demo and status', () => {
  it('status verifies the demo book in full: one line per book, and one JSON object with --json', () => {
    const human = logbook('status', '--data-dir', dataDir);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /✔ 北京市某某科技学会党建工作小组 · \d+ 条 · 完整校验通过（.+） \/ full verify passed/,
    );
    const json = logbook('status', '--data-dir', dataDir, '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      ok: boolean;
      books: { bookId: string; name: string; size: number; ok: boolean; problems: unknown[]; ms: number }[];
    };
    expect(report.ok).toBe(true);
    expect(report.books).toHaveLength(1);
    expect(report.books[0]).toMatchObject({ bookId, name: '北京市某某科技学会党建工作小组', ok: true, problems: [] });
    expect(report.books[0]!.size).toBeGreaterThanOrEqual(60);
    expect(typeof report.books[0]!.ms).toBe('number');
  });

  it('demo never writes into a folder that already holds a book', () => {
    const before = fs.statSync(path.join(dataDir, 'logbook.sqlite')).mtimeMs;
    const r = logbook('demo', '--data-dir', dataDir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已有记录本');
    expect(fs.statSync(path.join(dataDir, 'logbook.sqlite')).mtimeMs).toBe(before);
  });

  it('refuses usage errors and a missing folder with exit code 2, in Chinese and English, without a stack trace', () => {
    const missing = tmp.file('nowhere');
    const cases = [
      { r: logbook('status', '--data-dir', missing), says: '数据文件夹不存在' },
      { r: logbook('status'), says: '缺少 --data-dir' },
      { r: logbook('status', '--data-dir', dataDir, '--verbose'), says: '未知选项' },
      { r: logbook('demo', '--data-dir', tmp.file('other'), '--entries', 'many'), says: '--entries 应为' },
      { r: logbook('frobnicate'), says: '未知命令' },
      { r: logbook('--help'), says: '用法 / usage: logbook <命令 command>' },
    ];
    for (const { r, says } of cases) {
      expect(r.code, says).toBe(2);
      expect(r.all, says).toContain(says);
      expect(r.all, says).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(tmp.file('other'))).toBe(false);
  });
});

describe('logbook status on a tampered copy', () => {
  let copy = '';
  let seq = 0;
  beforeAll(() => {
    copy = tmp.file('tampered');
    fs.cpSync(dataDir, copy, { recursive: true });
    seq = tamperMiddleMeeting(path.join(copy, 'logbook.sqlite'));
  });

  it('exits 1 and names the edited entry, on every run', () => {
    for (let run = 1; run <= 2; run++) {
      const r = logbook('status', '--data-dir', copy);
      expect(r.code, `run ${run}`).toBe(1);
      expect(r.stdout).toContain('✘ 北京市某某科技学会党建工作小组');
      expect(r.stdout).toContain(`第 ${seq} 条`);
      expect(r.stdout).toContain('full verify FAILED');
    }
    const json = logbook('status', '--data-dir', copy, '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      ok: boolean;
      books: { ok: boolean; problems: { code: string; seq?: number; message: string }[] }[];
    };
    expect(report.ok).toBe(false);
    expect(report.books[0]!.ok).toBe(false);
    expect(report.books[0]!.problems.find((p) => p.seq !== undefined)?.seq).toBe(seq);
  });

  it('leaves the original book verifying', () => {
    expect(logbook('status', '--data-dir', dataDir).code).toBe(0);
  });
});

/**
 * What someone with the file and a SQLite tool could do: drop the append-only triggers, change
 * one byte (a minute of the start time) of a meeting in the middle of the book, and put the
 * triggers back with their original SQL. Returns the edited entry's seq.
 */
function tamperMiddleMeeting(file: string): number {
  const db = new Database(file);
  try {
    const triggers = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ledger_entries'`)
      .all() as { name: string; sql: string }[];
    expect(triggers.length).toBeGreaterThan(0);
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    const meetings = db.prepare(`SELECT id, leaf FROM ledger_entries WHERE kind = 'meeting' ORDER BY id`).all() as {
      id: number;
      leaf: Buffer;
    }[];
    const middle = meetings[Math.floor(meetings.length / 2)]!;
    const leaf = Buffer.from(middle.leaf);
    const at = leaf.indexOf('"startAt":"');
    expect(at).toBeGreaterThan(0);
    const minuteDigit = at + '"startAt":"YYYY-MM-DDTHH:M'.length;
    leaf[minuteDigit] = leaf[minuteDigit] === 0x30 ? 0x31 : 0x30;
    db.prepare(`UPDATE ledger_entries SET leaf = ? WHERE id = ?`).run(leaf, middle.id);
    for (const t of triggers) db.exec(t.sql);
    expect(
      db
        .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ledger_entries'`)
        .pluck()
        .get(),
    ).toBe(triggers.length);
    return middle.id - FIRST_BOOK;
  } finally {
    db.close();
  }
}
