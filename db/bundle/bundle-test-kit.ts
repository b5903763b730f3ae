import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { importPrivateKey } from '../ledger/keys';
import type { Ledger } from '../ledger/ledger-api';
import { ledgerFixture, meetingBody, type LedgerFixture } from '../test-support/ledger-fixture';
import { copyDatabase } from '../test-support/temp-dir';
import { manifestText, payloadOxum } from './bagit';
import { ledgerBundleSource } from './bundle-source';
import { writeBundle, type BundleResult } from './bundle-writer';
import { rawZip } from './raw-zip';
import { allowedSignersLine, BUNDLE_NAMESPACE, signSshsigWithKey } from './sshsig';

/**
 * Test support for reading bundles: a real book written through the real ledger and the
 * real writer (a rotation, a correction, attachments — one of them a zip file, which the
 * reader must treat as bytes), and `forge`, which rewrites a bag the way a forger would:
 * edit files, recompute both manifests and Payload-Oxum, and re-sign with whatever key the
 * forger holds.
 */

export interface TestBook {
  fx: LedgerFixture;
  ledger: Ledger;
  bookId: string;
  /** Writes the book as it is now to `out`. */
  bundle(out: string): Promise<BundleResult>;
  /** Seals `n` more meetings. */
  grow(n: number, label?: string): void;
}

let meetingNo = 100;

export function openTestBook(dir: string, dbName = 'book.db', existing?: { bookId: string }): TestBook {
  const fx = ledgerFixture(dir, dbName);
  const ledger = fx.open();
  let bookId = existing?.bookId ?? '';
  if (!existing) {
    fx.clock.set('2025-03-01T01:00:00.000Z');
    bookId = ledger.createBook('中国某学会党建工作小组', { societyName: '中国某学会' }).bookId;
    const photo = ledger.putAttachment(Buffer.from('照片 photo bytes ' + 'x'.repeat(5000)));
    // A zip inside the bundle: data, never opened.
    const nested = ledger.putAttachment(rawZip([{ name: '../../evil.txt', data: Buffer.from('never extracted') }]));
    for (let n = 1; n <= 8; n++) ledger.seal(bookId, { kind: 'meeting', body: meetingBody(n) });
    ledger.seal(bookId, { kind: 'meeting', body: meetingBody(9), attachments: [photo, nested] });
    ledger.correct(bookId, {
      target: 3,
      field: '/title',
      value: '党建工作小组第2次会议（更正）',
      reason: '笔误',
      by: '王芳',
    });
    ledger.rotateKey(bookId, '记录人变更（移交）');
    for (let n = 10; n <= 17; n++)
      ledger.seal(bookId, { kind: 'meeting', body: meetingBody(n), attachments: n === 12 ? [photo] : [] });
  }
  const book: TestBook = {
    fx,
    ledger,
    bookId,
    bundle: (out) =>
      writeBundle(ledgerBundleSource(book.ledger, bookId, fx.keyStore, { orgName: '中国某学会' }), out, {
        now: new Date(2025, 5, 30, 12),
      }),
    grow: (n, label = '') => {
      for (let i = 0; i < n; i++)
        book.ledger.seal(bookId, { kind: 'meeting', body: { ...meetingBody(meetingNo++), label } });
    },
  };
  return book;
}

/** A second ledger file that starts as a copy of `book` (same keys): seal into both and they fork. */
export function forkTestBook(book: TestBook, dir: string, dbName: string): TestBook {
  book.ledger.close();
  copyDatabase(book.fx.dbPath, path.join(dir, dbName));
  book.ledger = book.fx.open();
  return openTestBook(dir, dbName, { bookId: book.bookId });
}

/** The files of a (trusted, test-made) zip, in order. */
export async function readZip(file: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const out: { name: string; data: Buffer }[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const parts: Buffer[] = [];
      for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) parts.push(chunk);
      out.push({ name: entry.fileName, data: Buffer.concat(parts) });
    }
  } finally {
    zip.close();
  }
  return out;
}

export interface Bag {
  top: string;
  /** Relative name → bytes. */
  files: Map<string, Buffer>;
}

export async function readBag(file: string): Promise<Bag> {
  const entries = await readZip(file);
  const top = entries[0]!.name.split('/')[0]!;
  return { top, files: new Map(entries.map((e) => [e.name.slice(top.length + 1), e.data])) };
}

export function zipBag(bag: Bag): Buffer {
  return rawZip([...bag.files].map(([name, data]) => ({ name: `${bag.top}/${name}`, data })));
}

const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

export interface Signer {
  publicKeyLine: string;
  privateKey: crypto.KeyObject;
}

/** The book's current key, as the real recorder holds it. */
export function bookSigner(book: TestBook): Signer {
  const info = book.ledger.getBook(book.bookId);
  const der = book.fx.keyStore.load(info.keyId)!;
  return { publicKeyLine: info.publicKey, privateKey: importPrivateKey(der, info.keyId).privateKey };
}

export function strangerSigner(): Signer {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const wire = Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from('ssh-ed25519'), Buffer.from([0, 0, 0, 32]), raw]);
  return { publicKeyLine: `ssh-ed25519 ${wire.toString('base64')} stranger`, privateKey };
}

/**
 * Recomputes what a forger can recompute: manifest-sha256.txt, Payload-Oxum, and
 * tagmanifest-sha256.txt; then, with `signer`, allowed_signers and the signature.
 */
export function reseal(bag: Bag, signer: Signer | null, bookId: string): Bag {
  const files = new Map(bag.files);
  const payload = [...files].filter(([n]) => n.startsWith('data/'));
  files.set('manifest-sha256.txt', Buffer.from(manifestText(payload.map(([n, d]) => ({ path: n, sha256: sha(d) })))));
  const bytes = payload.reduce((s, [, d]) => s + d.length, 0);
  const info = files
    .get('bag-info.txt')!
    .toString('utf8')
    .replace(/^Payload-Oxum: .*$/mu, `Payload-Oxum: ${payloadOxum(bytes, payload.length)}`);
  files.set('bag-info.txt', Buffer.from(info));
  if (signer) files.set('allowed_signers', Buffer.from(allowedSignersLine(bookId, signer.publicKeyLine) + '\n'));
  const tags = [
    'bagit.txt',
    'bag-info.txt',
    'manifest-sha256.txt',
    'allowed_signers',
    'README.txt',
    'verify_ledger.py',
  ];
  const tagManifest = Buffer.from(manifestText(tags.map((n) => ({ path: n, sha256: sha(files.get(n)!) }))));
  files.set('tagmanifest-sha256.txt', tagManifest);
  if (signer)
    files.set(
      'tagmanifest-sha256.txt.sig',
      Buffer.from(signSshsigWithKey(tagManifest, BUNDLE_NAMESPACE, signer.publicKeyLine, signer.privateKey)),
    );
  return { top: bag.top, files };
}

export function entryLines(bag: Bag): string[] {
  return bag.files.get('data/entries.jsonl')!.toString('utf8').split('\n').slice(0, -1);
}

export function withLines(bag: Bag, lines: string[]): Bag {
  const files = new Map(bag.files);
  files.set('data/entries.jsonl', Buffer.from(lines.map((l) => l + '\n').join('')));
  return { top: bag.top, files };
}

export function withFile(bag: Bag, name: string, data: Buffer | string | null): Bag {
  const files = new Map(bag.files);
  if (data === null) files.delete(name);
  else files.set(name, typeof data === 'string' ? Buffer.from(data) : data);
  return { top: bag.top, files };
}

/** Every file under `dir` (relative paths), to prove nothing was written. */
export function listTree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}
