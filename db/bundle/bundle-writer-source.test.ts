import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFixture } from '../test-support/ledger-fixture';
import { MemoryKeyStore } from '../test-support/memory-key-store';
import { makeTempDir } from '../test-support/temp-dir';
import { signCheckpoint } from '../ledger/checkpoint';
import { buildLeaf } from '../ledger/entry-bytes';
import { ZERO_HASH } from '../ledger/hashing';
import { generateSigningKey, openSshLineOf, signBytes } from '../ledger/keys';
import { appendLeaf, leafHash, rootOfPeaks, type Peak } from '../ledger/merkle';
import { ledgerBundleSource, type BundleSource } from './bundle-source';
import { writeBundle } from './bundle-writer';
import { BundleError } from './errors';
import { exportBookBundle } from './export-book';

/**
 * The writer against an abstract source: a book of a few thousand entries whose bytes are
 * generated on demand (never all in memory, here or in the writer), and the ways a source
 * can be wrong.
 */

const BOOK = 'f00dbabe-0000-4000-8000-000000000001';
const SIZE = 3000;
let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir('bundle-source-');
});
afterAll(() => tmp.remove());

interface FakeBook {
  source: BundleSource;
  calls: number[];
}

/** Entry bytes are a pure function of seq and the previous hash; only the 32-byte hashes are kept. */
function fakeBook(size = SIZE, tamperSeq = 0): FakeBook {
  const key = generateSigningKey();
  const publicKey = openSshLineOf(key.publicKey, 'fake');
  const bytesOf = (seq: number, prev: string): Buffer =>
    buildLeaf(
      {
        attachments: [],
        author: key.keyId,
        book: BOOK,
        flags: [],
        kind: seq === 1 ? 'ledger.genesis' : 'meeting',
        prev,
        recordedAt: '2025-01-01T00:00:00.000Z',
        seq,
      },
      JSON.stringify({ n: seq, text: '会议记录'.repeat(50) }),
    ).subarray(1);
  const hashes: Buffer[] = [];
  let peaks: Peak[] = [];
  for (let seq = 1; seq <= size; seq++) {
    const hash = leafHash(bytesOf(seq, seq === 1 ? ZERO_HASH : hashes[seq - 2]!.toString('hex')));
    hashes.push(hash);
    peaks = appendLeaf(peaks, hash).peaks;
  }
  const checkpoint = signCheckpoint(
    { book: BOOK, size, root: rootOfPeaks(peaks).toString('hex'), time: '2025-01-01T00:00:01.000Z', keyId: key.keyId },
    key.privateKey,
  );
  const calls: number[] = [];
  const source: BundleSource = {
    bookId: BOOK,
    name: '测试记录本',
    orgName: '测试学会',
    createdAt: '2025-01-01T00:00:00.000Z',
    size,
    keyHistory: [{ keyId: key.keyId, publicKey, enrolledAt: 1 }],
    checkpoint,
    entryBytes(seq) {
      calls.push(seq);
      const bytes = bytesOf(seq, seq === 1 ? ZERO_HASH : hashes[seq - 2]!.toString('hex'));
      if (seq === tamperSeq) bytes.writeUInt8(bytes.readUInt8(bytes.length - 20) ^ 1, bytes.length - 20);
      return bytes;
    },
    attachment: () => null,
    sign: (message) => signBytes(key.privateKey, message),
    publicKeyLine: publicKey,
  };
  return { source, calls };
}

function outDir(name: string): string {
  const dir = path.join(tmp.dir, name);
  fs.mkdirSync(dir);
  return dir;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).message).toMatch(/[\u4e00-\u9fff]/);
    return (error as BundleError).code;
  }
  return undefined;
}

describe('writeBundle over an abstract source', () => {
  it('streams a few thousand entries: each read once, in order, then checked with sha256sum and verify_ledger.py', async () => {
    const { source, calls } = fakeBook();
    const dir = outDir('big');
    const ticks: number[] = [];
    const result = await writeBundle(source, path.join(dir, 'big.zip'), { onProgress: (done) => ticks.push(done) });
    expect(calls).toEqual(Array.from({ length: SIZE }, (_, i) => i + 1));
    expect(ticks.length).toBeGreaterThan(5);
    expect(ticks.at(-1)).toBe(SIZE + 1);
    expect(result.size).toBe(SIZE);
    expect(fs.readdirSync(dir)).toEqual(['big.zip']);
    execFileSync('unzip', ['-q', 'big.zip'], { cwd: dir });
    const bag = path.join(dir, `logbook-${BOOK}`);
    expect(spawnSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: bag }).status).toBe(0);
    const py = spawnSync('python3', ['verify_ledger.py'], { cwd: bag, encoding: 'utf8' });
    expect(py.stdout).toContain(`${SIZE} entries`);
    expect(py.status).toBe(0);
  });

  it('refuses bytes that do not add up to the signed root, and leaves nothing behind', async () => {
    const dir = outDir('tampered');
    const { source } = fakeBook(40, 17);
    expect(await codeOf(writeBundle(source, path.join(dir, 'x.zip')))).toBe('bundle-source-invalid');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses a checkpoint that is not the book's, not its size, or not signed by the current key", async () => {
    const dir = outDir('checkpoint');
    const { source } = fakeBook(10);
    const other = fakeBook(10).source;
    const cases: BundleSource[] = [
      { ...source, size: 9 },
      {
        ...source,
        checkpoint: { ...source.checkpoint, checkpoint: { ...source.checkpoint.checkpoint, book: 'other' } },
      },
      { ...source, checkpoint: other.checkpoint },
      { ...source, checkpoint: { ...source.checkpoint, signature: other.checkpoint.signature } },
      { ...source, publicKeyLine: other.publicKeyLine },
      { ...source, bookId: '../escape' },
    ];
    for (const bad of cases)
      expect(await codeOf(writeBundle(bad, path.join(dir, 'x.zip')))).toBe('bundle-source-invalid');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a missing or altered attachment', async () => {
    const fx = ledgerFixture(outDir('ledger'));
    const ledger = fx.open();
    try {
      const { bookId } = ledger.createBook('书');
      const hash = ledger.putAttachment(Buffer.from('附件'));
      ledger.seal(bookId, { kind: 'meeting', body: { t: 1 }, attachments: [hash] });
      const source = ledgerBundleSource(ledger, bookId, fx.keyStore);
      const ok = await exportBookBundle(ledger, bookId, fx.keyStore, path.join(fx.dbPath, '..', 'ok.zip'), {
        orgName: '某学会',
      });
      expect(ok).toMatchObject({ size: 2, attachments: 1 });
      await expect(
        exportBookBundle(ledger, 'nope', fx.keyStore, path.join(fx.dbPath, '..', 'no.zip')),
      ).rejects.toMatchObject({ code: 'book-not-found' });
      const dir = outDir('attachments');
      expect(await codeOf(writeBundle({ ...source, attachment: () => null }, path.join(dir, 'x.zip')))).toBe(
        'attachment-missing',
      );
      expect(
        await codeOf(writeBundle({ ...source, attachment: () => Buffer.from('别的') }, path.join(dir, 'x.zip'))),
      ).toBe('attachment-mismatch');
      expect(fs.readdirSync(dir)).toEqual([]);
      expect(() => ledgerBundleSource(ledger, bookId, new MemoryKeyStore())).toThrow(
        expect.objectContaining({ code: 'key-missing' }),
      );
    } finally {
      ledger.close();
    }
  });

  it('reports a failed write as bundle-write-failed', async () => {
    const { source } = fakeBook(5);
    const dir = outDir('unwritable');
    // The .partial path is taken by a directory: the zip cannot be written there.
    fs.mkdirSync(path.join(dir, 'x.zip.partial'));
    expect(await codeOf(writeBundle(source, path.join(dir, 'x.zip')))).toBe('bundle-write-failed');
    expect(fs.existsSync(path.join(dir, 'x.zip'))).toBe(false);
    expect(await codeOf(writeBundle(source, path.join(dir, 'no-such-folder', 'x.zip')))).toBe('bundle-write-failed');
    expect(
      await codeOf(writeBundle(source, path.join(dir, 'y.zip'), { verifierScriptPath: path.join(dir, 'nope.py') })),
    ).toBe('bundle-write-failed');
    expect(fs.readdirSync(dir)).toEqual(['x.zip.partial']);
  });
});
