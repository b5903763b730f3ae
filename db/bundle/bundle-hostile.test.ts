import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { MAX_LINE_BYTES } from './bundle-limits';
import {
  bookSigner,
  entryLines,
  listTree,
  openTestBook,
  readBag,
  reseal,
  strangerSigner,
  withFile,
  withLines,
  zipBag,
  type Bag,
  type TestBook,
} from './bundle-test-kit';
import { inspectBundle } from './inspect-bundle';
import { rawZip, type RawEntry } from './raw-zip';
import { verifyBundle, type BundleCheckCode } from './verify-bundle';

/**
 * The hostile corpus: bundles made by hand (raw-zip.ts writes any bytes) or by mutating a
 * real bag and zipping it again — as a forger without the key would (manifests recomputed,
 * old signature kept), or as one holding a key (re-signed). Each must be refused by the
 * named check with a message that says what is wrong, quickly, with bounded memory, and
 * without a single file being written anywhere.
 */

let tmp: ReturnType<typeof makeTempDir>;
let book: TestBook;
let good: Bag;
let top: string;
let corpus: string;

beforeAll(async () => {
  tmp = makeTempDir('bundle-hostile-');
  book = openTestBook(tmp.dir);
  const out = tmp.file('good.zip');
  await book.bundle(out);
  good = await readBag(out);
  top = good.top;
  corpus = tmp.file('corpus');
  fs.mkdirSync(corpus);
});

afterAll(() => {
  book?.ledger.close();
  tmp?.remove();
});

const S_IFLNK = 0o120000;
const goodEntries = (): RawEntry[] => [...good.files].map(([name, data]) => ({ name: `${top}/${name}`, data }));
const plus = (...extra: RawEntry[]): Buffer => rawZip([...goodEntries(), ...extra]);
const stored = (bag: Bag): RawEntry[] =>
  [...bag.files].map(([name, data]) => ({ name: `${top}/${name}`, data, method: 0 }));
const hex = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');
const signed = (bag: Bag): Buffer => zipBag(reseal(bag, bookSigner(book), book.bookId));
const unsigned = (bag: Bag): Buffer => zipBag(reseal(bag, null, book.bookId));
const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n);
const lineWithBody = (edit: (l: string) => string): Bag =>
  withLines(
    good,
    entryLines(good).map((l, i) => (i === 4 ? edit(l) : l)),
  );
const editFifth = (l: string): string => l.replace('第4次会议', '第9次会议');

interface Case {
  name: string;
  zip: () => Buffer | Promise<Buffer>;
  code: BundleCheckCode;
  detail?: string;
  says: RegExp;
  /** Seconds allowed (default 3). */
  seconds?: number;
}

const cases: Case[] = [
  // Names: every form of path traversal and disguise.
  {
    name: 'dot-dot segments',
    zip: () => plus({ name: `${top}/../../evil.txt`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-traversal',
    says: /\.\./u,
  },
  {
    name: 'leading ../',
    zip: () => plus({ name: '../evil.txt', data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-traversal',
    says: /evil/u,
  },
  {
    name: 'backslash traversal',
    zip: () => plus({ name: `${top}\\..\\..\\evil.txt`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-backslash',
    says: /反斜杠.*backslash/u,
  },
  {
    name: 'absolute /etc/x',
    zip: () => plus({ name: '/etc/x', data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-absolute',
    says: /绝对路径.*absolute/u,
  },
  {
    name: 'drive C:\\x',
    zip: () => plus({ name: 'C:\\x', data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-backslash',
    says: /backslash/u,
  },
  {
    name: 'drive C:/x',
    zip: () => plus({ name: 'C:/x', data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-absolute',
    says: /absolute/u,
  },
  {
    name: 'UNC \\\\server\\share',
    zip: () => plus({ name: '\\\\server\\share\\x', data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-backslash',
    says: /backslash/u,
  },
  {
    name: 'percent-encoded %2e%2e/',
    zip: () => plus({ name: `${top}/%2e%2e/evil.txt`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-percent',
    says: /百分号.*percent/u,
  },
  {
    name: 'percent-encoded %2f and %5c',
    zip: () => plus({ name: `${top}/data%2f..%5cevil`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-percent',
    says: /percent/u,
  },
  {
    name: 'NUL in a name',
    zip: () => plus({ name: `${top}/bagit.txt\u0000.exe`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-control',
    says: /NUL/u,
  },
  {
    name: 'bidi override U+202E',
    zip: () => plus({ name: `${top}/README\u202etxt.exe`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-bidi',
    says: /bidirectional/u,
  },
  {
    name: '"." segment',
    zip: () => plus({ name: `${top}/./bagit.txt`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-traversal',
    says: /"\."/u,
  },
  {
    name: 'empty segment',
    zip: () => plus({ name: `${top}//bagit.txt`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-traversal',
    says: /empty path segment/u,
  },
  {
    name: 'not UTF-8 (CP437 bytes)',
    zip: () => plus({ name: Buffer.from([0x6c, 0x6f, 0x67, 0xff, 0x2f, 0x78]), data: Buffer.from('x'), flags: 0 }),
    code: 'zip-structure',
    detail: 'name-encoding',
    says: /UTF-8/u,
  },
  {
    name: 'second name in a Unicode Path field',
    zip: () =>
      plus({ name: `${top}/x`, data: Buffer.from('x'), extra: Buffer.from([0x75, 0x70, 6, 0, 1, 0, 0, 0, 0, 0x41]) }),
    code: 'zip-structure',
    detail: 'name-encoding',
    says: /Unicode Path/u,
  },
  {
    name: 'Windows stream name a:b',
    zip: () => plus({ name: `${top}/bagit.txt:evil`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-reserved',
    says: /':'/u,
  },
  // Entry types.
  {
    name: 'a symlink as an attachment',
    zip: () =>
      plus({
        name: `${top}/data/attachments/${'a'.repeat(64)}`,
        data: Buffer.from('/etc/passwd'),
        externalAttributes: ((S_IFLNK | 0o777) << 16) >>> 0,
      }),
    code: 'zip-structure',
    detail: 'symlink',
    says: /符号链接.*symbolic link/u,
  },
  {
    name: 'a FIFO',
    zip: () =>
      plus({
        name: `${top}/data/attachments/${'b'.repeat(64)}`,
        data: Buffer.alloc(0),
        externalAttributes: (0o010644 << 16) >>> 0,
      }),
    code: 'zip-structure',
    detail: 'special-file',
    says: /regular file/u,
  },
  {
    name: 'an encrypted entry',
    zip: () => rawZip(goodEntries().map((e, i) => (i === 0 ? { ...e, flags: 0x801 } : e))),
    code: 'zip-structure',
    detail: 'encrypted',
    says: /encrypted/u,
  },
  {
    name: 'an unknown compression method',
    zip: () => rawZip(goodEntries().map((e, i) => (i === 0 ? { ...e, method: 12 } : e))),
    code: 'zip-structure',
    detail: 'compression-method',
    says: /compression method 12/u,
  },
  // Bombs and lying sizes.
  {
    name: '50 MB of zeros as an attachment (ratio)',
    zip: () => plus({ name: `${top}/data/attachments/${hex(Buffer.alloc(50e6))}`, data: Buffer.alloc(50e6) }),
    code: 'zip-structure',
    detail: 'compression-ratio',
    says: /200:1/u,
  },
  {
    name: 'a declared 70 MB attachment',
    zip: () =>
      plus({
        name: `${top}/data/attachments/${'c'.repeat(64)}`,
        data: Buffer.from('small'),
        method: 0,
        uncompressedSize: 70e6,
        compressedSize: 70e6,
      }),
    code: 'zip-structure',
    detail: 'file-too-large',
    says: /limit of 60000000/u,
  },
  {
    name: 'an attachment whose compressed bytes far exceed what it holds (padded deflate)',
    zip: () => {
      const data = Buffer.from('照片'.repeat(3000));
      return plus({ name: `${top}/data/attachments/${hex(data)}`, data, compressedSize: data.length * 3 });
    },
    code: 'zip-structure',
    detail: 'file-too-large',
    says: /far more compressed bytes/u,
  },
  {
    name: 'stored entry lying about its size',
    zip: () => rawZip(stored(good).map((e) => (e.name === `${top}/bagit.txt` ? { ...e, uncompressedSize: 10 } : e))),
    code: 'zip-structure',
    detail: 'size-mismatch',
    says: /size/u,
  },
  {
    name: 'deflated entry inflating to more than declared',
    zip: () =>
      rawZip(goodEntries().map((e) => (e.name === `${top}/data/entries.jsonl` ? { ...e, uncompressedSize: 100 } : e))),
    code: 'zip-structure',
    detail: 'size-mismatch',
    says: /entries\.jsonl/u,
  },
  {
    name: 'deflated entry inflating to less than declared',
    zip: () =>
      rawZip(
        goodEntries().map((e) => (e.name === `${top}/README.txt` ? { ...e, uncompressedSize: e.data.length + 7 } : e)),
      ),
    code: 'zip-structure',
    detail: 'size-mismatch',
    says: /README/u,
  },
  {
    name: '200,000 tiny entries',
    zip: () =>
      rawZip(
        Array.from({ length: 200_000 }, (_, i) => ({
          name: `${top}/data/attachments/${i.toString(16).padStart(64, '0')}`,
          data: Buffer.alloc(0),
          method: 0,
        })),
      ),
    code: 'zip-structure',
    detail: 'too-many-files',
    says: /200000 entries/u,
  },
  {
    name: 'two entries sharing one local header',
    zip: () => plus({ name: `${top}/data/attachments/${'d'.repeat(64)}`, data: Buffer.from('x'), aliasOf: 0 }),
    code: 'zip-structure',
    detail: 'local-header-mismatch',
    says: /local header/u,
  },
  {
    name: 'local name differs from the central name',
    zip: () => rawZip(goodEntries().map((e, i) => (i === 0 ? { ...e, localName: Buffer.from('../../evil.txt') } : e))),
    code: 'zip-structure',
    detail: 'local-header-mismatch',
    says: /local header/u,
  },
  // Duplicates and collisions.
  {
    name: 'a duplicate name',
    zip: () => plus({ name: `${top}/bagit.txt`, data: Buffer.from('BagIt-Version: 0.97\n') }),
    code: 'zip-structure',
    detail: 'duplicate-name',
    says: /twice/u,
  },
  {
    name: 'names differing only in case',
    zip: () => plus({ name: `${top}/readme.txt`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-collision',
    says: /README\.txt/u,
  },
  {
    name: 'names colliding after NFC',
    zip: () =>
      plus({ name: `${top}/caf\u00e9`, data: Buffer.from('x') }, { name: `${top}/cafe\u0301`, data: Buffer.from('y') }),
    code: 'zip-structure',
    detail: 'name-collision',
    says: /collides/u,
  },
  {
    name: 'a name not in NFC',
    zip: () => plus({ name: `${top}/cafe\u0301.txt`, data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'name-not-nfc',
    says: /NFC/u,
  },
  // Structure.
  {
    name: 'a truncated zip',
    zip: () => plus().subarray(0, -100),
    code: 'zip-structure',
    detail: 'zip-unreadable',
    says: /truncated/u,
  },
  {
    name: 'half a zip',
    zip: () => plus().subarray(0, 3000),
    code: 'zip-structure',
    detail: 'zip-unreadable',
    says: /zip/u,
  },
  {
    name: 'a bad CRC (one stored byte flipped)',
    zip: () => {
      const zip = rawZip(stored(good));
      const at = zip.indexOf('Tag-File-Character-Encoding');
      zip[at] = 0x74;
      return zip;
    },
    code: 'zip-structure',
    detail: 'crc-mismatch',
    says: /CRC-32 of .*bagit\.txt/u,
  },
  {
    name: 'a second top folder',
    zip: () => plus({ name: 'other/bagit.txt', data: Buffer.from('x') }),
    code: 'zip-structure',
    detail: 'top-folder',
    says: /outside the one top folder/u,
  },
  {
    name: 'a file that is not part of a bag',
    zip: () => plus({ name: `${top}/data/run.sh`, data: Buffer.from('rm -rf ~') }),
    code: 'zip-structure',
    detail: 'unexpected-file',
    says: /run\.sh/u,
  },
  {
    name: 'an extra directory',
    zip: () =>
      plus({ name: `${top}/extra/`, data: Buffer.alloc(0), externalAttributes: ((0o040755 << 16) >>> 0) | 0x10 }),
    code: 'zip-structure',
    detail: 'unexpected-directory',
    says: /extra/u,
  },
  {
    name: 'a missing file',
    zip: () => zipBag(withFile(good, 'data/checkpoint.json', null)),
    code: 'zip-structure',
    detail: 'missing-file',
    says: /checkpoint\.json/u,
  },
  // Bag files.
  {
    name: 'bagit.txt of another version',
    zip: () => zipBag(withFile(good, 'bagit.txt', 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n')),
    code: 'bagit-declaration',
    says: /bagit\.txt/u,
  },
  {
    name: 'Payload-Oxum that does not add up',
    zip: () =>
      zipBag(
        withFile(
          good,
          'bag-info.txt',
          good.files
            .get('bag-info.txt')!
            .toString()
            .replace(/Payload-Oxum: \d+/u, 'Payload-Oxum: 1'),
        ),
      ),
    code: 'bag-info',
    says: /Payload-Oxum/u,
  },
  {
    name: 'External-Identifier of another book',
    zip: () =>
      zipBag(
        withFile(
          good,
          'bag-info.txt',
          good.files
            .get('bag-info.txt')!
            .toString()
            .replace(/External-Identifier: .*/u, 'External-Identifier: other-book'),
        ),
      ),
    code: 'bag-info',
    says: /External-Identifier/u,
  },
  {
    name: 'an edited entry (manifest not updated)',
    zip: () => zipBag(lineWithBody(editFifth)),
    code: 'payload-manifest',
    detail: 'hash-mismatch',
    says: /entries\.jsonl/u,
  },
  {
    name: 'a manifest missing a line',
    zip: () =>
      zipBag(
        withFile(
          good,
          'manifest-sha256.txt',
          good.files
            .get('manifest-sha256.txt')!
            .toString()
            .replace(/^.*book\.json\n/mu, ''),
        ),
      ),
    code: 'payload-manifest',
    detail: 'manifest-incomplete',
    says: /book\.json/u,
  },
  {
    name: 'an edited entry, payload manifest recomputed',
    zip: () => {
      const bag = reseal(lineWithBody(editFifth), null, book.bookId);
      return zipBag(withFile(bag, 'tagmanifest-sha256.txt', good.files.get('tagmanifest-sha256.txt')!));
    },
    code: 'tag-manifest',
    detail: 'hash-mismatch',
    says: /manifest-sha256\.txt/u,
  },
  {
    name: 'an edited entry, both manifests recomputed',
    zip: () => unsigned(lineWithBody(editFifth)),
    code: 'signature',
    detail: 'bad-signature',
    says: /改动/u,
  },
  {
    name: 'a wrong signature',
    zip: () => {
      const sig = good.files.get('tagmanifest-sha256.txt.sig')!.toString();
      const i = sig.length - 40;
      return zipBag(
        withFile(good, 'tagmanifest-sha256.txt.sig', sig.slice(0, i) + (sig[i] === 'A' ? 'B' : 'A') + sig.slice(i + 1)),
      );
    },
    code: 'signature',
    says: /signature/u,
  },
  {
    name: 'allowed_signers swapped for an unknown key',
    zip: () =>
      unsigned(
        withFile(
          good,
          'allowed_signers',
          `${book.bookId} namespaces="dangjian-logbook-bundle" ${strangerSigner().publicKeyLine.split(' ').slice(0, 2).join(' ')}\n`,
        ),
      ),
    code: 'signature',
    detail: 'bad-signature',
    says: /不是登记的密钥/u,
  },
  {
    name: 'allowed_signers naming another principal',
    zip: () =>
      unsigned(
        withFile(
          good,
          'allowed_signers',
          good.files.get('allowed_signers')!.toString().replace(book.bookId, 'someone-else'),
        ),
      ),
    code: 'signature',
    detail: 'principal',
    says: /principal someone-else/u,
  },
  {
    name: 'the whole bag re-signed by a different key',
    zip: () => zipBag(reseal(good, strangerSigner(), book.bookId)),
    code: 'checkpoint-signature',
    detail: 'key-mismatch',
    says: /not the book's current key/u,
  },
  {
    name: 'the last entry edited and re-signed by a different key',
    zip: () =>
      zipBag(
        reseal(
          withLines(
            good,
            entryLines(good).map((l, i, all) => (i === all.length - 1 ? l.replace('会议', '会谈') : l)),
          ),
          strangerSigner(),
          book.bookId,
        ),
      ),
    code: 'merkle-root',
    detail: 'root',
    says: /Merkle root/u,
  },
  // Hardened JSON (re-signed with the book's own key: only the parser stands in the way).
  {
    name: 'malformed book.json',
    zip: () => signed(withFile(good, 'data/book.json', '{"bookId": ')),
    code: 'json-files',
    says: /book\.json.*incomplete JSON/u,
  },
  {
    name: '100,000-deep JSON in book.json',
    zip: () => signed(withFile(good, 'data/book.json', deep(100_000))),
    code: 'json-files',
    says: /nested deeper than 64/u,
  },
  {
    name: '__proto__ key in book.json',
    zip: () =>
      signed(
        withFile(
          good,
          'data/book.json',
          good.files.get('data/book.json')!.toString().replace('{', '{"__proto__": {"polluted": true},'),
        ),
      ),
    code: 'json-files',
    says: /"__proto__" not allowed/u,
  },
  {
    name: 'duplicate key in book.json',
    zip: () =>
      signed(
        withFile(
          good,
          'data/book.json',
          good.files.get('data/book.json')!.toString().replace('{', `{"bookId": "${book.bookId}",`),
        ),
      ),
    code: 'json-files',
    says: /duplicate key "bookId"/u,
  },
  {
    name: 'integer beyond 2^53 in checkpoint.json',
    zip: () =>
      signed(
        withFile(
          good,
          'data/checkpoint.json',
          good.files
            .get('data/checkpoint.json')!
            .toString()
            .replace(/"size":\d+/u, '"size":9007199254740993'),
        ),
      ),
    code: 'json-files',
    says: /2\^53/u,
  },
  {
    name: '100,000-deep JSON as an entry',
    zip: () => signed(withLines(good, [...entryLines(good).slice(0, 3), deep(100_000)])),
    code: 'entries',
    says: /line 4: .*|第 4 行.*嵌套超过 64 层/u,
  },
  {
    name: '__proto__ key inside an entry body',
    zip: () => signed(lineWithBody((l) => l.replace('"body":{', '"body":{"__proto__":{"x":1},'))),
    code: 'entries',
    says: /"__proto__"/u,
  },
  {
    name: 'integer beyond 2^53 in an entry',
    zip: () => signed(lineWithBody((l) => l.replace(/"agree":\d+/u, '"agree":9007199254740993'))),
    code: 'entries',
    says: /2\^53/u,
  },
  {
    name: 'a non-canonical entry (a space added)',
    zip: () => signed(lineWithBody((l) => l.replace('"author":', '"author": '))),
    code: 'entries',
    says: /canonical/u,
  },
  {
    name: 'an entry line over 25 MB',
    zip: () =>
      signed(
        withLines(good, [
          ...entryLines(good),
          crypto.randomBytes(Math.ceil((MAX_LINE_BYTES + 1000) * 0.75)).toString('base64'),
        ]),
      ),
    code: 'entries',
    says: /longer than 26214400 bytes/u,
    seconds: 15,
  },
  // Reordered, missing, duplicated, truncated history (re-signed: only the ledger check stands in the way).
  {
    name: 'two entries swapped',
    zip: () => signed(withLines(good, ((l) => [l[0]!, l[2]!, l[1]!, ...l.slice(3)])(entryLines(good)))),
    code: 'entries',
    says: /line 2: has seq 3/u,
  },
  {
    name: 'a middle entry removed',
    zip: () => signed(withLines(good, ((l) => [...l.slice(0, 6), ...l.slice(7)])(entryLines(good)))),
    code: 'entries',
    says: /line 7: has seq 8/u,
  },
  {
    name: 'an entry duplicated',
    zip: () => signed(withLines(good, ((l) => [...l, l.at(-1)!])(entryLines(good)))),
    code: 'entries',
    says: /line 21: has seq 20/u,
  },
  {
    name: 'the history truncated',
    zip: () => signed(withLines(good, entryLines(good).slice(0, -3))),
    code: 'merkle-root',
    detail: 'size',
    says: /holds 17 entries, the checkpoint 20/u,
  },
  {
    name: 'the file cut in the middle of a line',
    zip: () => signed(withFile(good, 'data/entries.jsonl', good.files.get('data/entries.jsonl')!.subarray(0, -10))),
    code: 'entries',
    says: /does not end with LF/u,
  },
  // Attachments.
  {
    name: 'an attachment replaced (name kept)',
    zip: () => {
      const name = [...good.files.keys()].find((n) => n.startsWith('data/attachments/'))!;
      return signed(withFile(good, name, Buffer.from('other bytes')));
    },
    code: 'attachments',
    detail: 'mismatch',
    says: /do(es)? not match their hash/u,
  },
  {
    name: 'an attachment removed',
    zip: () => {
      const name = [...good.files.keys()].find((n) => n.startsWith('data/attachments/'))!;
      return signed(withFile(good, name, null));
    },
    code: 'attachments',
    detail: 'missing',
    says: /missing/u,
  },
  {
    name: 'an extra attachment',
    zip: () => signed(withFile(good, `data/attachments/${hex(Buffer.from('extra'))}`, Buffer.from('extra'))),
    code: 'attachments',
    detail: 'extra',
    says: /no entry names/u,
  },
];

describe('the hostile corpus', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
    const file = path.join(corpus, 'case.zip');
    fs.writeFileSync(file, await c.zip());
    const before = {
      tmp: listTree(tmp.dir),
      os: fs.readdirSync(os.tmpdir()).filter((n) => /evil|passwd|run\.sh/u.test(n)),
      cwd: fs.readdirSync(process.cwd()),
    };
    const started = performance.now();
    const report = await verifyBundle(file);
    const seconds = (performance.now() - started) / 1000;
    const failedCheck = report.checks.find((check) => !check.ok && !check.skipped);
    expect(report.ok).toBe(false);
    expect(failedCheck, JSON.stringify(report.checks)).toBeDefined();
    expect(failedCheck!.code, failedCheck!.message).toBe(c.code);
    if (c.detail) expect(failedCheck!.detail, failedCheck!.message).toBe(c.detail);
    expect(failedCheck!.message).toMatch(c.says);
    expect(failedCheck!.message).toMatch(/[\u4e00-\u9fff].* \/ \S/u);
    // Every later check is reported as not checked; nothing after the failure passes.
    const at = report.checks.indexOf(failedCheck!);
    expect(report.checks.slice(at + 1).every((check) => check.skipped)).toBe(true);
    expect(seconds).toBeLessThan(c.seconds ?? 3);
    expect({
      tmp: listTree(tmp.dir),
      os: fs.readdirSync(os.tmpdir()).filter((n) => /evil|passwd|run\.sh/u.test(n)),
      cwd: fs.readdirSync(process.cwd()),
    }).toEqual(before);
    fs.rmSync(file);
  });

  it('keeps memory bounded on the bombs', async () => {
    const bombs = cases.filter((c) => /zeros|200,000|lying|inflating/u.test(c.name));
    const file = path.join(corpus, 'bomb.zip');
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    for (const c of bombs) {
      fs.writeFileSync(file, await c.zip());
      expect((await verifyBundle(file)).ok).toBe(false);
    }
    fs.rmSync(file);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });

  it('inspect applies the same zip limits and says nothing is verified', async () => {
    const file = path.join(corpus, 'inspect.zip');
    fs.writeFileSync(file, plus({ name: `${top}/../../evil.txt`, data: Buffer.from('x') }));
    await expect(inspectBundle(file)).rejects.toMatchObject({ detail: 'name-traversal' });
    fs.writeFileSync(file, signed(withFile(good, 'data/book.json', deep(100_000))));
    expect(await inspectBundle(file)).toMatchObject({ verified: false, bookId: book.bookId, name: null, size: 20 });
  });
});
