/**
 * `logbook verify` and `logbook inspect` as child processes, on bundles written by the real
 * writer from a real ledger: a good bundle (exit 0), a tampered one (exit 1, the failed check
 * named), usage errors (exit 2), and `--state`: the first verify pins, a later extended bundle
 * passes and moves the pin, the older one then raises the rollback alarm (exit 1).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestBook,
  readBag,
  reseal,
  withLines,
  entryLines,
  zipBag,
  type TestBook,
} from '../../db/bundle/bundle-test-kit';
import { makeTempDir } from '../../db/test-support/temp-dir';
import { logbook } from './run-cli';

let tmp: ReturnType<typeof makeTempDir>;
let book: TestBook;
let older = '';
let newer = '';
let tampered = '';

beforeAll(async () => {
  tmp = makeTempDir('bundle-cli-');
  book = openTestBook(tmp.dir);
  older = tmp.file('older.zip');
  await book.bundle(older);
  book.grow(4);
  newer = tmp.file('newer.zip');
  await book.bundle(newer);
  tampered = tmp.file('tampered.zip');
  const bag = await readBag(older);
  fs.writeFileSync(
    tampered,
    zipBag(
      reseal(
        withLines(
          bag,
          entryLines(bag).map((l, i) => (i === 4 ? l.replace('第4次会议', '第9次会议') : l)),
        ),
        null,
        book.bookId,
      ),
    ),
  );
});

afterAll(() => {
  book?.ledger.close();
  tmp?.remove();
});

describe('logbook verify', () => {
  it('exits 0 on a good bundle, with a summary line; --json prints one object', () => {
    const human = logbook('verify', older);
    expect(human.code, human.all).toBe(0);
    expect(human.stdout).toMatch(
      new RegExp(`✔ 导出包核验通过：记录本 ${book.bookId} · 20 条 .* / bundle verified`, 'u'),
    );
    const json = logbook('verify', older, '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      ok: boolean;
      bookId: string;
      size: number;
      checks: { code: string; ok: boolean }[];
    };
    expect(report).toMatchObject({ ok: true, bookId: book.bookId, size: 20 });
    expect(report.checks.every((c) => c.ok)).toBe(true);
  });

  it('exits 1 on a tampered bundle, naming the failed check in Chinese and English', () => {
    const r = logbook('verify', tampered);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✘ \[signature\] .*签名.* \/ the signature over tagmanifest-sha256\.txt does not verify/u);
    expect(r.stdout).toMatch(/✘ 导出包未通过核验（1 项未通过，\d+ 项未检查） \/ bundle NOT verified/u);
    const json = JSON.parse(logbook('verify', tampered, '--json').stdout) as {
      ok: boolean;
      checks: { code: string; ok: boolean; skipped?: boolean }[];
    };
    expect(json.ok).toBe(false);
    expect(json.checks.find((c) => !c.ok && !c.skipped)?.code).toBe('signature');
  });

  it('--pin: the genesis key passes, another fingerprint fails', () => {
    const report = JSON.parse(logbook('verify', older, '--json').stdout) as { keys: { keyId: string }[] };
    expect(logbook('verify', older, '--pin', report.keys[0]!.keyId).code).toBe(0);
    const other = logbook('verify', older, '--pin', `SHA256:${'x'.repeat(43)}`);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('[pin]');
    expect(other.stdout).toContain('密钥变更 / KEY CHANGE');
  });

  it('--state pins on first verify, accepts the extended bundle, then raises the rollback alarm on the older one', () => {
    const state = tmp.file('state');
    const first = logbook('verify', older, '--state', state);
    expect(first.code, first.all).toBe(0);
    expect(first.stdout).toContain('已更新本机核验状态');
    expect(fs.readdirSync(state)).toEqual([`${book.bookId}.json`]);
    const pinned = fs.readFileSync(path.join(state, `${book.bookId}.json`), 'utf8');
    expect(JSON.parse(pinned)).toMatchObject({ bookId: book.bookId, size: 20 });

    expect(logbook('verify', tampered, '--state', state).code).toBe(1);
    expect(fs.readFileSync(path.join(state, `${book.bookId}.json`), 'utf8')).toBe(pinned);

    const extended = logbook('verify', newer, '--state', state);
    expect(extended.code, extended.all).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(state, `${book.bookId}.json`), 'utf8'))).toMatchObject({ size: 24 });

    const replay = logbook('verify', older, '--state', state);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toMatch(/✘ \[pin-state\] 回滚警报/u);
    expect(replay.stdout).toMatch(/⚠ 警报 回滚 \/ ROLLBACK: 本机记录 pinned 24 条/u);
    const json = JSON.parse(logbook('verify', older, '--state', state, '--json').stdout) as {
      alarms: { kind: string }[];
    };
    expect(json.alarms.map((a) => a.kind)).toEqual(['rollback']);
    expect(JSON.parse(fs.readFileSync(path.join(state, `${book.bookId}.json`), 'utf8'))).toMatchObject({ size: 24 });
    expect(fs.readdirSync(state)).toEqual([`${book.bookId}.json`]);
  });

  it('refuses usage errors with exit 2', () => {
    for (const [args, says] of [
      [['verify'], '缺少导出包文件'],
      [['verify', tmp.file('nowhere.zip')], '导出包不存在'],
      [['verify', older, '--pin', 'abc'], '--pin 应为'],
      [['verify', older, '--frobnicate'], '未知选项'],
      [['inspect'], '缺少导出包文件'],
    ] as const) {
      const r = logbook(...args);
      expect(r.code, says).toBe(2);
      expect(r.all, says).toContain(says);
      expect(r.all).not.toMatch(/\n\s+at .+:\d+:\d+/u);
    }
  });
});

describe('logbook inspect', () => {
  it('says what the bundle claims and that it is not verified', () => {
    const r = logbook('inspect', tampered);
    expect(r.code, r.all).toBe(0);
    expect(r.stdout).toContain('未校验');
    expect(r.stdout).toContain('NOT verified');
    expect(r.stdout).toContain(`记录本编号 / book id: ${book.bookId}`);
    expect(r.stdout).toContain('组织 / organisation: 中国某学会');
    expect(r.stdout).toMatch(/附件 \/ attachments: 2 个/u);
    const json = JSON.parse(logbook('inspect', newer, '--json').stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      ok: true,
      verified: false,
      bookId: book.bookId,
      size: 24,
      baggingDate: '2025-06-30',
      attachments: 2,
    });
  });

  it('still applies the zip safety limits', () => {
    const evil = tmp.file('evil.zip');
    const bytes = fs.readFileSync(older);
    // A second end record naming nothing: not a bundle, refused without a stack trace.
    fs.writeFileSync(evil, bytes.subarray(0, bytes.length - 30));
    const r = logbook('inspect', evil);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('无法安全读取导出包');
    expect(r.all).not.toMatch(/\n\s+at .+:\d+:\d+/u);
  });
});
