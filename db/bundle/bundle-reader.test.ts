import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { BundleZip, BundleZipError } from './bundle-reader';
import { openTestBook, readZip } from './bundle-test-kit';
import { rawZip } from './raw-zip';

/**
 * The reader's own descriptor (bundle-reader.ts FileReader): opened once per BundleZip,
 * read in 1 MB positional reads, closed on every path, a zip that fails to open included.
 */

const tmp = makeTempDir('bundle-reader-');
afterAll(() => tmp.remove());

const openDescriptors = (): number => fs.readdirSync('/proc/self/fd').length;

describe('the bundle reader', () => {
  it.runIf(process.platform === 'linux')(
    'leaves no file open after the zips it refuses (not a bag, truncated, missing)',
    async () => {
      const bad = tmp.file('not-a-bag.zip');
      fs.writeFileSync(bad, rawZip([{ name: 'x/y.txt', data: Buffer.from('hello') }]));
      const truncated = tmp.file('truncated.zip');
      fs.writeFileSync(truncated, fs.readFileSync(bad).subarray(0, 30));
      const before = openDescriptors();
      for (let i = 0; i < 20; i++) {
        for (const file of [bad, truncated, tmp.file('missing.zip')]) {
          await expect(BundleZip.open(file)).rejects.toBeInstanceOf(BundleZipError);
        }
      }
      expect(openDescriptors()).toBe(before);
    },
  );

  it('reads a bag with a 3 MB attachment byte for byte (several 1 MB reads), and closes after an early stop', async () => {
    fs.mkdirSync(tmp.file('book'));
    const book = openTestBook(tmp.file('book'));
    try {
      const big = crypto.randomBytes(3 * 1024 * 1024 + 17);
      const hash = book.ledger.putAttachment(big);
      book.ledger.seal(book.bookId, { kind: 'meeting', body: { title: '附件' }, attachments: [hash] });
      const file = tmp.file('bag.zip');
      await book.bundle(file);
      const expected = new Map((await readZip(file)).map((f) => [f.name.slice(f.name.indexOf('/') + 1), f.data]));
      const before = openDescriptors();
      const zip = await BundleZip.open(file);
      try {
        for (const entry of zip.files.values()) {
          const parts: Buffer[] = [];
          for await (const chunk of zip.chunks(entry)) parts.push(chunk);
          expect(Buffer.concat(parts).equals(expected.get(entry.relative)!), entry.relative).toBe(true);
        }
        expect(await zip.sha256(zip.files.get(`data/attachments/${hash}`)!)).toBe(hash);
        // A read stopped after its first chunk.
        for await (const _ of zip.chunks(zip.files.get(`data/attachments/${hash}`)!)) break;
      } finally {
        zip.close();
      }
      await new Promise((r) => setTimeout(r, 50));
      if (process.platform === 'linux') expect(openDescriptors()).toBe(before);
    } finally {
      book.ledger.close();
    }
  });
});
