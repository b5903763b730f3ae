import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { ledgerFixture, meetingBody } from '../test-support/ledger-fixture';
import { makeTempDir } from '../test-support/temp-dir';
import type { Ledger } from '../ledger/ledger-api';
import { ledgerBundleSource } from './bundle-source';
import { worthDeflating, writeBundle, type BundleResult } from './bundle-writer';

/**
 * End to end with the outsider's tools only: unzip, sha256sum -c, ssh-keygen -Y verify and
 * python3 verify_ledger.py, on a real ledger (a correction, a key rotation, two attachments).
 */

let tmp: ReturnType<typeof makeTempDir>;
let ledger: Ledger;
let bookId: string;
let result: BundleResult;
let bag: string;
const progress: [number, number][] = [];

/** What the test reads of data/book.json. */
interface BookJson {
  keys: { keyId: string; publicKey: string; enrolledAt: number }[];
}

interface Run {
  status: number | null;
  out: string;
}

function run(cwd: string, cmd: string, args: string[], input?: Buffer): Run {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const sha256sum = (dir: string, manifest: string): Run => run(dir, 'sha256sum', ['--strict', '-c', manifest]);
const sshVerify = (dir: string): Run =>
  run(
    dir,
    'ssh-keygen',
    [
      '-Y',
      'verify',
      '-f',
      'allowed_signers',
      '-I',
      bookId,
      '-n',
      'dangjian-logbook-bundle',
      '-s',
      'tagmanifest-sha256.txt.sig',
    ],
    fs.readFileSync(path.join(dir, 'tagmanifest-sha256.txt')),
  );
const verifyLedger = (dir: string): Run => run(dir, 'python3', ['verify_ledger.py']);

/** A fresh copy of the extracted bag to tamper with. */
function copyBag(name: string): string {
  const dir = path.join(tmp.dir, 'tamper', name);
  fs.cpSync(bag, dir, { recursive: true });
  return dir;
}

/** Rewrites the line of `file` in `manifest` with the file's current SHA-256 (what a careful forger does). */
function rehash(dir: string, manifest: string, file: string): void {
  const hash = crypto
    .createHash('sha256')
    .update(fs.readFileSync(path.join(dir, file)))
    .digest('hex');
  const text = fs.readFileSync(path.join(dir, manifest), 'utf8');
  const next = text.replace(new RegExp(`^[0-9a-f]{64}  ${file.replace(/\./g, '\\.')}$`, 'm'), `${hash}  ${file}`);
  expect(next).not.toBe(text);
  fs.writeFileSync(path.join(dir, manifest), next);
}

function rewriteLines(dir: string, edit: (lines: string[]) => string[]): void {
  const file = path.join(dir, 'data', 'entries.jsonl');
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(0, -1);
  fs.writeFileSync(
    file,
    edit(lines)
      .map((l) => l + '\n')
      .join(''),
  );
}

/** Forges everything a forger without the private key can: both manifests. */
function fixManifests(dir: string): void {
  rehash(dir, 'manifest-sha256.txt', 'data/entries.jsonl');
  rehash(dir, 'tagmanifest-sha256.txt', 'manifest-sha256.txt');
}

beforeAll(async () => {
  tmp = makeTempDir('bundle-');
  const fx = ledgerFixture(tmp.dir);
  ledger = fx.open();
  fx.clock.set('2025-03-01T01:00:00.000Z');
  bookId = ledger.createBook('中国某学会党建工作小组', { societyName: '中国某学会' }).bookId;
  const photo = ledger.putAttachment(Buffer.from('照片 photo bytes ' + 'x'.repeat(5000)));
  const minutes = ledger.putAttachment(crypto.randomBytes(40_000));
  for (let n = 1; n <= 12; n++) ledger.seal(bookId, { kind: 'meeting', body: meetingBody(n) });
  ledger.seal(bookId, { kind: 'meeting', body: meetingBody(13), attachments: [photo, minutes] });
  ledger.correct(bookId, {
    target: 3,
    field: '/title',
    value: '党建工作小组第2次会议（更正）',
    reason: '笔误',
    by: '王芳',
  });
  ledger.rotateKey(bookId, '记录人变更（移交）');
  for (let n = 14; n <= 27; n++)
    ledger.seal(bookId, { kind: 'meeting', body: meetingBody(n), attachments: n === 20 ? [photo] : [] });
  expect(ledger.getBook(bookId).size).toBe(30);

  const out = path.join(tmp.dir, 'out', 'book.zip');
  fs.mkdirSync(path.dirname(out));
  result = await writeBundle(ledgerBundleSource(ledger, bookId, fx.keyStore, { orgName: '中国某学会' }), out, {
    now: new Date(2025, 5, 30, 12),
    onProgress: (done, total) => progress.push([done, total]),
  });
  execFileSync('unzip', ['-q', out, '-d', path.join(tmp.dir, 'unzipped')]);
  bag = path.join(tmp.dir, 'unzipped', `logbook-${bookId}`);
});

afterAll(() => {
  ledger?.close();
  tmp?.remove();
});

describe('the exported bundle, checked with standard tools', () => {
  it('is one bag in one top folder, written atomically with nothing left behind', () => {
    expect(fs.readdirSync(path.join(tmp.dir, 'unzipped'))).toEqual([`logbook-${bookId}`]);
    expect(fs.readdirSync(path.join(tmp.dir, 'out'))).toEqual(['book.zip']);
    expect(result).toMatchObject({
      size: 30,
      root: ledger.checkpoint(bookId)!.checkpoint.root,
      attachments: 2,
      bagName: `logbook-${bookId}`,
    });
    expect(fs.readdirSync(bag).sort()).toEqual(
      [
        'README.txt',
        'allowed_signers',
        'bag-info.txt',
        'bagit.txt',
        'data',
        'manifest-sha256.txt',
        'tagmanifest-sha256.txt',
        'tagmanifest-sha256.txt.sig',
        'verify_ledger.py',
      ].sort(),
    );
    expect(fs.readFileSync(path.join(bag, 'bagit.txt'), 'utf8')).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    );
    expect(progress.at(-1)).toEqual([33, 33]);
    expect(progress.every(([d, t], i) => d <= t && (i === 0 || d >= progress[i - 1]![0]))).toBe(true);
  });

  it('deflates what shrinks (entries, text) and stores what does not (random bytes, like a photo or a PDF)', async () => {
    const zip = await yauzl.openPromise(result.path, { lazyEntries: true, autoClose: false });
    const methods = new Map<string, number>();
    try {
      for await (const entry of zip.eachEntry())
        methods.set(entry.fileName.slice(entry.fileName.indexOf('/') + 1), entry.compressionMethod);
    } finally {
      zip.close();
    }
    const photo = crypto
      .createHash('sha256')
      .update(Buffer.from('照片 photo bytes ' + 'x'.repeat(5000)))
      .digest('hex');
    const attachments = [...methods].filter(([name]) => name.startsWith('data/attachments/'));
    expect(attachments).toHaveLength(2);
    expect(methods.get('data/entries.jsonl')).toBe(8);
    expect(methods.get(`data/attachments/${photo}`)).toBe(8);
    expect(attachments.find(([name]) => !name.endsWith(photo))![1]).toBe(0);
    expect(worthDeflating(crypto.randomBytes(200_000))).toBe(false);
    expect(worthDeflating(Buffer.alloc(200_000, 'a'))).toBe(true);
  });

  it('passes sha256sum -c on both manifests, ssh-keygen -Y verify on the signature and verify_ledger.py', () => {
    const payload = sha256sum(bag, 'manifest-sha256.txt');
    expect(payload.out).toContain('data/entries.jsonl: OK');
    expect(payload.status).toBe(0);
    const tags = sha256sum(bag, 'tagmanifest-sha256.txt');
    expect(tags.status).toBe(0);
    expect(tags.out.trim().split('\n')).toHaveLength(6);
    const sig = sshVerify(bag);
    expect(sig.out).toContain(`Good "dangjian-logbook-bundle" signature for ${bookId}`);
    expect(sig.status).toBe(0);
    const py = verifyLedger(bag);
    expect(py.out).toContain('RESULT: ALL CHECKS PASSED');
    expect(py.out).toContain('30 entries');
    expect(py.out).not.toContain('FAIL');
    expect(py.status).toBe(0);
  });

  it('holds exactly the signed bytes, the book, the checkpoint and every attachment', () => {
    const lines = fs.readFileSync(path.join(bag, 'data', 'entries.jsonl'), 'utf8').split('\n');
    expect(lines).toHaveLength(31);
    for (let seq = 1; seq <= 30; seq++) expect(lines[seq - 1]).toBe(ledger.rawEntry(bookId, seq).toString('utf8'));
    expect(fs.readFileSync(path.join(bag, 'data', 'checkpoint.json'), 'utf8')).toBe(
      JSON.stringify({
        checkpoint: ledger.checkpoint(bookId)!.checkpoint,
        signature: ledger.checkpoint(bookId)!.signature,
      }),
    );
    const book = JSON.parse(fs.readFileSync(path.join(bag, 'data', 'book.json'), 'utf8')) as BookJson;
    const info = ledger.getBook(bookId);
    expect(book).toMatchObject({ bookId, name: info.name, orgName: '中国某学会', createdAt: info.createdAt });
    expect(book.keys).toHaveLength(2);
    expect(book.keys[0]?.enrolledAt).toBe(1);
    expect(book.keys[1]).toMatchObject({ keyId: info.keyId, publicKey: info.publicKey, enrolledAt: 16 });
    const attachments = fs.readdirSync(path.join(bag, 'data', 'attachments'));
    expect(attachments).toHaveLength(2);
    for (const hash of attachments)
      expect(fs.readFileSync(path.join(bag, 'data', 'attachments', hash)).equals(ledger.getAttachment(hash)!)).toBe(
        true,
      );
    // The CURRENT key signs, and the allowed_signers line is what the writer reports.
    const signers = fs.readFileSync(path.join(bag, 'allowed_signers'), 'utf8');
    expect(signers).toBe(`${result.allowedSigners}\n`);
    expect(signers).toBe(
      `${bookId} namespaces="dangjian-logbook-bundle" ${info.publicKey.split(' ').slice(0, 2).join(' ')}\n`,
    );
    const fingerprint = execFileSync('sh', ['-c', "cut -d' ' -f3- allowed_signers | ssh-keygen -lf -"], {
      cwd: bag,
      encoding: 'utf8',
    });
    expect(fingerprint).toContain(info.keyId);
  });

  it('bag-info and the manifests follow RFC 8493 and sha256sum', () => {
    const info = fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
    const files = [
      'data/entries.jsonl',
      'data/book.json',
      'data/checkpoint.json',
      ...fs.readdirSync(path.join(bag, 'data', 'attachments')).map((h) => `data/attachments/${h}`),
    ];
    const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(bag, f)).size, 0);
    expect(info).toContain(`Payload-Oxum: ${bytes}.${files.length}\n`);
    expect(info).toContain('Source-Organization: 中国某学会\n');
    expect(info).toContain('Bagging-Date: 2025-06-30\n');
    expect(info).toContain(`External-Identifier: ${bookId}\n`);
    expect(info).toContain('Logbook-Size: 30\n');
    expect(info).toContain(`Logbook-Root: ${result.root}\n`);
    expect(info).toContain(`Logbook-Key-Fingerprint: ${result.keyId}\n`);
    const manifest = fs.readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8').trim().split('\n');
    expect(manifest.map((l) => l.slice(66))).toEqual([...files].sort());
    expect(manifest.every((l) => /^[0-9a-f]{64} {2}data\/[a-z0-9./]+$/.test(l))).toBe(true);
    const tags = fs
      .readFileSync(path.join(bag, 'tagmanifest-sha256.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.slice(66));
    expect(tags).toEqual([
      'README.txt',
      'allowed_signers',
      'bag-info.txt',
      'bagit.txt',
      'manifest-sha256.txt',
      'verify_ledger.py',
    ]);
    const readme = fs.readFileSync(path.join(bag, 'README.txt'), 'utf8');
    expect(readme).toContain(
      `ssh-keygen -Y verify -f allowed_signers -I ${bookId} -n dangjian-logbook-bundle -s tagmanifest-sha256.txt.sig < tagmanifest-sha256.txt`,
    );
    expect(readme).toMatch(/手工核验/);
  });
});

describe('a tampered bundle fails the outsider checks', () => {
  it('an edited entry fails sha256sum -c manifest and verify_ledger.py', () => {
    const dir = copyBag('edited');
    rewriteLines(dir, (lines) => lines.map((l, i) => (i === 4 ? l.replace('第4次会议', '第9次会议') : l)));
    expect(sha256sum(dir, 'manifest-sha256.txt').status).not.toBe(0);
    const py = verifyLedger(dir);
    expect(py.status).toBe(1);
    expect(py.out).toMatch(/entry 6: prev is not the hash of entry 5/);
    expect(py.out).toMatch(/Merkle root .*FAIL|FAIL.*Merkle root/s);
  });

  it('an edited entry with its manifest line recomputed fails sha256sum -c tagmanifest', () => {
    const dir = copyBag('manifest-forged');
    rewriteLines(dir, (lines) => lines.map((l, i) => (i === 4 ? l.replace('第4次会议', '第9次会议') : l)));
    rehash(dir, 'manifest-sha256.txt', 'data/entries.jsonl');
    expect(sha256sum(dir, 'manifest-sha256.txt').status).toBe(0);
    const tags = sha256sum(dir, 'tagmanifest-sha256.txt');
    expect(tags.out).toContain('manifest-sha256.txt: FAILED');
    expect(tags.status).not.toBe(0);
  });

  it('with the tagmanifest recomputed too, ssh-keygen -Y verify fails', () => {
    const dir = copyBag('tagmanifest-forged');
    rewriteLines(dir, (lines) => lines.map((l, i) => (i === 4 ? l.replace('第4次会议', '第9次会议') : l)));
    fixManifests(dir);
    expect(sha256sum(dir, 'manifest-sha256.txt').status).toBe(0);
    expect(sha256sum(dir, 'tagmanifest-sha256.txt').status).toBe(0);
    const sig = sshVerify(dir);
    expect(sig.out).not.toContain('Good');
    expect(sig.status).not.toBe(0);
  });

  it.each([
    ['two entries swapped', (l: string[]) => [l[0]!, l[2]!, l[1]!, ...l.slice(3)], /line 2 has seq 3/],
    ['a middle entry dropped', (l: string[]) => [...l.slice(0, 9), ...l.slice(10)], /line 10 has seq 11/],
    ['the newest entry dropped', (l: string[]) => l.slice(0, -1), /size 29 equals the checkpoint's 30/],
    ['an entry duplicated', (l: string[]) => [...l, l.at(-1)!], /line 31 has seq 30/],
  ])('%s (manifests fixed) fails verify_ledger.py', (name, edit, why) => {
    const dir = copyBag(name.replace(/ /g, '-'));
    rewriteLines(dir, edit);
    fixManifests(dir);
    expect(sha256sum(dir, 'manifest-sha256.txt').status).toBe(0);
    const py = verifyLedger(dir);
    expect(py.out).toMatch(why);
    expect(py.out).toContain('RESULT: FAILED');
    expect(py.status).toBe(1);
  });

  it('a missing attachment, or a checkpoint from another key, fails verify_ledger.py', () => {
    const dir = copyBag('attachment-gone');
    const [first] = fs.readdirSync(path.join(dir, 'data', 'attachments'));
    fs.rmSync(path.join(dir, 'data', 'attachments', first!));
    expect(verifyLedger(dir)).toMatchObject({ status: 1, out: expect.stringContaining(`bad: ${first}`) });
    const other = copyBag('other-key');
    const signers = fs.readFileSync(path.join(other, 'allowed_signers'), 'utf8');
    const book = JSON.parse(fs.readFileSync(path.join(other, 'data', 'book.json'), 'utf8')) as BookJson;
    fs.writeFileSync(
      path.join(other, 'allowed_signers'),
      signers.replace(/ssh-ed25519 \S+/, book.keys[0]!.publicKey.split(' ').slice(0, 2).join(' ')),
    );
    expect(verifyLedger(other)).toMatchObject({
      status: 1,
      out: expect.stringContaining("the checkpoint's key is the key in allowed_signers"),
    });
  });
});
