/**
 * `logbook import` as a child process: a demo book exported by `logbook export` goes into a
 * liaison's new folder — refused without the fingerprint (nothing written), imported with it,
 * unchanged the second time; an unreadable file is refused with the store as it was.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test-support/temp-dir';
import { logbook } from './run-cli';

let tmp: ReturnType<typeof makeTempDir>;
let bundle = '';
let keyId = '';
let bookId = '';

beforeAll(() => {
  tmp = makeTempDir('import-cli-');
  const dataDir = tmp.file('society');
  expect(logbook('demo', '--data-dir', dataDir).code).toBe(0);
  bookId = (JSON.parse(logbook('status', '--data-dir', dataDir, '--json').stdout) as { books: { bookId: string }[] })
    .books[0]!.bookId;
  bundle = tmp.file('book.zip');
  const r = logbook('export', '--data-dir', dataDir, '--book', bookId, '--out', bundle, '--json');
  expect(r.code, r.all).toBe(0);
  keyId = (JSON.parse(r.stdout) as { keyId: string }).keyId;
}, 180_000);
afterAll(() => tmp?.remove());

describe('logbook import', () => {
  it('needs the fingerprint the first time, imports with it, and changes nothing the second time', () => {
    const liaison = tmp.file('liaison');
    const asked = logbook('import', '--data-dir', liaison, bundle);
    expect(asked.code, asked.all).toBe(1);
    expect(asked.stdout).toContain('纸质备案');
    expect(asked.stdout).toContain(keyId);
    expect(JSON.parse(logbook('status', '--data-dir', liaison, '--json').stdout)).toMatchObject({ books: [] });

    const wrong = logbook(
      'import',
      '--data-dir',
      liaison,
      bundle,
      '--accept-fingerprint',
      'SHA256:' + 'B'.repeat(43),
      '--json',
    );
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ outcome: 'refused' });

    const done = logbook('import', '--data-dir', liaison, bundle, '--accept-fingerprint', keyId, '--json');
    expect(done.code, done.all).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ outcome: 'imported', bookId });
    const status = JSON.parse(logbook('status', '--data-dir', liaison, '--json').stdout) as {
      books: { bookId: string }[];
    };
    expect(status.books).toMatchObject([{ bookId, ok: true, imported: true }]);
    expect(logbook('status', '--data-dir', liaison).stdout).toContain('导入的记录本 · 只读');

    const again = logbook('import', '--data-dir', liaison, bundle);
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('没有任何改动');
    // No upload left behind in incoming/.
    expect(fs.readdirSync(`${liaison}/incoming`)).toEqual([]);

    const junk = tmp.file('junk.zip');
    fs.writeFileSync(junk, 'not a zip');
    const refused = logbook('import', '--data-dir', liaison, junk);
    expect(refused.code).toBe(1);
    expect(refused.all).toContain('zip');
    expect(fs.readdirSync(`${liaison}/incoming`)).toEqual([]);
  }, 180_000);
});
