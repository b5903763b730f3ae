/**
 * `logbook backup-key` and `logbook restore` as child processes, on a book made by the real
 * service: export → backup-key → restore into a new folder → the real service there verifies
 * the book, lists every entry, and a NEW meeting continues the same chain; the next export
 * verifies pinned to the same key. Refusals: a short or missing passphrase, an existing key
 * file, a folder that already holds a book, the wrong key file, a tampered bundle (NEWDIR then
 * holds no database).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryLines, openTestBook, readBag, reseal, withLines, zipBag } from '../../db/bundle/bundle-test-kit';
import { verifyBundle } from '../../db/bundle/verify-bundle';
import { exportKeyBackup, readKeyBackup } from '../../db/ledger/key-backup';
import { exportPrivateKey, generateSigningKey } from '../../db/ledger/keys';
import { callService, type Service } from '../../db/service/create-service';
import { meetingInput } from '../../db/service/test/meeting-fixtures';
import { FIVE, ORG } from '../../db/service/test/service-harness';
import { makeTempDir } from '../../db/test-support/temp-dir';
import { openRealService } from '../../host/real-service';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'scripts', 'logbook.mjs');
const PASS = '不忘初心 牢记使命 2025';

function logbook(args: string[], passphrase: string | null = PASS) {
  const env = { ...process.env };
  delete env.LOGBOOK_PASSPHRASE;
  if (passphrase !== null) env.LOGBOOK_PASSPHRASE = passphrase;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
}

let tmp: ReturnType<typeof makeTempDir>;
let source = '';
let bookId = '';
let bundle = '';
let keyFile = '';
let size = 0;
let ids: string[] = [];

beforeAll(async () => {
  tmp = makeTempDir('restore-cli-');
  source = tmp.file('source');
  const service = openRealService({ dataDir: source });
  try {
    ({ bookId } = await callService(service, 'books.create', {
      organisation: ORG,
      profile: { id: 'beijing-work-group' },
      members: FIVE,
    }));
    ids = (await callService(service, 'members.list', { bookId })).map((m) => m.memberId);
    for (let n = 1; n <= 3; n++) {
      await callService(service, 'meetings.seal', {
        bookId,
        meeting: meetingInput(ids, { number: n, startAt: `2025-03-1${n}T09:30` }),
      });
    }
    size = (await callService(service, 'books.status', { bookId })).size;
    bundle = tmp.file('book.zip');
    await service.exportBundle(bookId, bundle);
  } finally {
    service.close();
  }
  keyFile = tmp.file('key.pem');
  const r = logbook(['backup-key', '--data-dir', source, '--book', bookId, '--out', keyFile, '--json']);
  expect(r.code, r.all).toBe(0);
}, 180_000);
afterAll(() => tmp?.remove());

describe('logbook backup-key', () => {
  it('writes an owner-only encrypted PEM of the current key, and never overwrites it', () => {
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const pem = fs.readFileSync(keyFile, 'utf8');
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/u);
    expect(pem).not.toContain(PASS);
    const again = logbook(['backup-key', '--data-dir', source, '--book', bookId, '--out', keyFile]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('不会覆盖');
  });

  it('refuses a short passphrase, and wants one from LOGBOOK_PASSPHRASE when there is no terminal', () => {
    const out = tmp.file('short.pem');
    const short = logbook(['backup-key', '--data-dir', source, '--book', bookId, '--out', out], '太短的口令');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('至少需要 12 个字符');
    const none = logbook(['backup-key', '--data-dir', source, '--book', bookId, '--out', out], null);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('LOGBOOK_PASSPHRASE');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('logbook restore', () => {
  it('restores the book into a new folder where sealing continues the same chain', async () => {
    const target = tmp.file('restored');
    const r = logbook(['restore', '--bundle', bundle, '--key', keyFile, '--data-dir', target, '--json']);
    expect(r.code, r.all).toBe(0);
    const result = JSON.parse(r.stdout) as {
      ok: boolean;
      bookId: string;
      size: number;
      keyId: string;
      readOnly: boolean;
    };
    expect(result).toMatchObject({ ok: true, bookId, size, readOnly: false });
    const key = readKeyBackup(fs.readFileSync(keyFile), PASS);
    expect(result.keyId).toBe(key.keyId);

    let service: Service | null = openRealService({ dataDir: target });
    try {
      expect((await callService(service, 'books.verify', { bookId })).ok).toBe(true);
      const page = await callService(service, 'entries.list', { bookId, limit: 200 });
      expect(page.total).toBe(size);
      expect(page.items.map((i) => i.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: size }, (_, i) => i + 1));
      expect((await callService(service, 'members.list', { bookId })).map((m) => m.memberId)).toEqual(ids);
      const sealed = await callService(service, 'meetings.seal', {
        bookId,
        meeting: meetingInput(ids, { number: 4, startAt: '2025-03-20T09:30' }),
      });
      expect(sealed.seq).toBe(size + 1);
      const status = await callService(service, 'books.status', { bookId });
      expect(status).toMatchObject({ size: size + 1, keyId: key.keyId });
      const next = tmp.file('after-restore.zip');
      await service.exportBundle(bookId, next);
      service.close();
      service = null;
      const report = await verifyBundle(next, { pin: key.keyId });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report).toMatchObject({ ok: true, bookId, size: size + 1, keyId: key.keyId });
    } finally {
      service?.close();
    }
    // The restored folder now holds a book: restoring into it again is refused.
    const again = logbook(['restore', '--bundle', bundle, '--key', keyFile, '--data-dir', target]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有记录本');
  }, 120_000);

  it('refuses the wrong key file, the wrong passphrase and a tampered bundle, leaving NEWDIR without a database', async () => {
    const otherKey = generateSigningKey();
    const wrongKey = tmp.file('other.pem');
    fs.writeFileSync(
      wrongKey,
      exportKeyBackup({ load: () => exportPrivateKey(otherKey.privateKey) }, otherKey.keyId, PASS, 1000),
    );
    const target = tmp.file('never');
    const wrong = logbook(['restore', '--bundle', bundle, '--key', wrongKey, '--data-dir', target]);
    expect(wrong.code, wrong.all).toBe(1);
    expect(wrong.stderr).toContain('[pin]');
    expect(wrong.stderr).toContain('未能恢复');
    expect(fs.existsSync(path.join(target, 'logbook.sqlite'))).toBe(false);

    const badPass = logbook(
      ['restore', '--bundle', bundle, '--key', keyFile, '--data-dir', target],
      '这不是正确的备份口令啊',
    );
    expect(badPass.code).toBe(1);
    expect(badPass.stderr).toContain('口令不对');

    const bag = await readBag(bundle);
    const original = entryLines(bag);
    const meeting = original.findIndex((l) => l.includes('学会第一会议室'));
    expect(meeting).toBeGreaterThan(0);
    const lines = original.map((l, i) => (i === meeting ? l.replace('学会第一会议室', '学会第二会议室') : l));
    const tampered = tmp.file('tampered.zip');
    fs.writeFileSync(tampered, zipBag(reseal(withLines(bag, lines), null, bookId)));
    fs.mkdirSync(target);
    const t = logbook(['restore', '--bundle', tampered, '--key', keyFile, '--data-dir', target, '--json']);
    expect(t.code, t.all).toBe(1);
    const refusal = JSON.parse(t.stdout) as { ok: boolean; checks: { code: string; ok: boolean; skipped?: boolean }[] };
    expect(refusal.ok).toBe(false);
    expect(refusal.checks.find((c) => !c.ok && !c.skipped)?.code).toBe('signature');
    expect(fs.readdirSync(target)).toEqual([]);
  }, 120_000);

  it('refuses a key of the book that is no longer its current one (rotated since)', async () => {
    const dir = tmp.file('rotated');
    fs.mkdirSync(dir);
    const book = openTestBook(dir);
    try {
      const rotatedZip = tmp.file('rotated.zip');
      await book.bundle(rotatedZip);
      const genesisKey = book.ledger.getEntry(book.bookId, 1)!.author;
      expect(genesisKey).not.toBe(book.ledger.getBook(book.bookId).keyId);
      const oldKey = tmp.file('genesis.pem');
      fs.writeFileSync(oldKey, exportKeyBackup(book.fx.keyStore, genesisKey, PASS, 1000));
      const target = tmp.file('rotated-restore');
      const r = logbook(['restore', '--bundle', rotatedZip, '--key', oldKey, '--data-dir', target]);
      expect(r.code, r.all).toBe(1);
      expect(r.stderr).toContain('不是记录本当前的签名密钥');
      expect(fs.existsSync(target)).toBe(false);
    } finally {
      book.ledger.close();
    }
  }, 60_000);
});
