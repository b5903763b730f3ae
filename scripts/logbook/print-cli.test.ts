/**
 * `logbook print` as a child process on a demo book: a year with cover and contents and one
 * entry on B5, each a real PDF; usage mistakes (exit 2) and a missing Chromium (exit 1) said
 * in Chinese; an existing file never overwritten.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test-support/temp-dir';
import { logbook } from './run-cli';
import { pdfPages, pdfText } from './print-test-kit';

let tmp: ReturnType<typeof makeTempDir>;
let dataDir = '';
let bookId = '';

beforeAll(() => {
  tmp = makeTempDir('print-cli-');
  dataDir = tmp.file('book');
  expect(logbook('demo', '--data-dir', dataDir, '--entries', '20', '--seed', '11').code).toBe(0);
  bookId = (JSON.parse(logbook('status', '--data-dir', dataDir, '--json').stdout) as { books: { bookId: string }[] })
    .books[0]!.bookId;
}, 180_000);
afterAll(() => tmp?.remove());

describe('logbook print', () => {
  it('prints a year with cover and contents, and one entry on B5', () => {
    const year = tmp.file('2023.pdf');
    const r = logbook('print', '--data-dir', dataDir, '--book', bookId, '--year', '2023', '--out', year, '--json');
    expect(r.code, r.all).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; pages: number; entries: number };
    expect(out).toMatchObject({ ok: true });
    expect(out.pages).toBe(pdfPages(year));
    expect(out.entries).toBeGreaterThanOrEqual(10);
    expect(pdfText(year, 1)).toContain('工作记录本');
    // 目录 (one or more pages) names each entry's page; entry 1 starts on the page it names.
    const contents = pdfText(year, 2).replace(/\s+/g, '');
    const firstPage = Number(/第1条.*?第(\d+)页/.exec(contents)?.[1]);
    expect(firstPage).toBeGreaterThanOrEqual(3);
    expect(pdfText(year, firstPage)).toContain('第 1 条');

    const one = tmp.file('8.pdf');
    const b5 = logbook('print', '--data-dir', dataDir, '--book', bookId, '--seq', '8', '--paper', 'b5', '--out', one);
    expect(b5.code, b5.all).toBe(0);
    expect(b5.stdout).toContain('已打印 1 条记录');
    expect(pdfText(one, 1)).toContain('第 8 条');
    expect(spawnSync('pdfinfo', [one], { encoding: 'utf8' }).stdout).toMatch(/Page size:\s+498\.9\d x 708\.9\d pts/);
    expect(fs.readdirSync(path.dirname(one)).filter((f) => f.endsWith('.part'))).toEqual([]);
  }, 120_000);

  it('prints the yearly ledger as record-book pages with --ledger', () => {
    const file = tmp.file('ledger-2023.pdf');
    const r = logbook('print', '--data-dir', dataDir, '--book', bookId, '--year', '2023', '--ledger', '--out', file);
    expect(r.code, r.all).toBe(0);
    const first = pdfText(file, 1);
    expect(first).toContain('2023 年度台账');
    expect(first).toMatch(/核对码\s+DJ2\/[0-9A-F]{8}\/T2023\//);
    expect(
      logbook('print', '--data-dir', dataDir, '--book', bookId, '--seq', '8', '--ledger', '--out', tmp.file('z.pdf')),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('--ledger 需要 --year') as string });
  }, 120_000);

  it('says usage mistakes, an existing file and a missing Chromium in Chinese', () => {
    const out = tmp.file('x.pdf');
    expect(logbook('print', '--data-dir', dataDir, '--book', bookId, '--out', out)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('请给出 --seq、--year 或 --from/--to 中的一种') as string,
    });
    expect(
      logbook('print', '--data-dir', dataDir, '--book', bookId, '--seq', '8', '--year', '2023', '--out', out).code,
    ).toBe(2);
    expect(
      logbook('print', '--data-dir', dataDir, '--book', bookId, '--seq', '8', '--paper', 'A3', '--out', out).stderr,
    ).toContain('--paper 应为 A4 或 B5');
    expect(
      logbook('print', '--data-dir', dataDir, '--book', bookId, '--seq', '8', '--out', tmp.file('x.txt')).stderr,
    ).toContain('应以 .pdf 结尾');
    fs.writeFileSync(out, 'mine');
    expect(logbook('print', '--data-dir', dataDir, '--book', bookId, '--seq', '8', '--out', out).stderr).toContain(
      '不会覆盖',
    );
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    expect(
      logbook('print', '--data-dir', dataDir, '--book', bookId, '--year', '2031', '--out', tmp.file('y.pdf')),
    ).toMatchObject({ code: 1, stderr: expect.stringContaining('所选范围内没有可打印的记录') as string });
    const r = spawnSync(
      process.execPath,
      [
        'scripts/logbook.mjs',
        'print',
        '--data-dir',
        dataDir,
        '--book',
        bookId,
        '--seq',
        '8',
        '--out',
        tmp.file('z.pdf'),
      ],
      { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' }, timeout: 120_000 },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('未找到 Chromium 浏览器，无法生成 PDF');
    expect(fs.existsSync(tmp.file('z.pdf'))).toBe(false);
  }, 120_000);
});
