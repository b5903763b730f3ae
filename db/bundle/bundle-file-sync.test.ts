import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { readFileSync } from './bundle-file-sync';
import type { BundleFile } from './bundle-reader';
import { rawZip, type RawEntry } from './raw-zip';

/**
 * The synchronous read of one attachment at import time: the bytes at the checked data
 * offset, inflated with the declared size as the limit, size and CRC-32 checked again, so a
 * zip changed after it was checked can never hand the import other bytes unnoticed.
 */

const tmp = makeTempDir('bundle-file-sync-');
afterAll(() => tmp.remove());

const NAME = 'logbook-b/data/attachments/x';

/** A one-file zip on disk and the BundleFile the reader would have made of it (declared values overridable). */
function oneFile(entry: Omit<RawEntry, 'name'>, declared: { size?: number; crc?: number } = {}) {
  const bytes = rawZip([{ name: NAME, ...entry }]);
  const file = tmp.file(`z-${Math.random().toString(36).slice(2)}.zip`);
  fs.writeFileSync(file, bytes);
  const compressedSize = bytes.readUInt32LE(18);
  const method = bytes.readUInt16LE(8);
  const bundleFile = {
    relative: 'data/attachments/x',
    kind: 'attachment',
    size: declared.size ?? entry.data.length,
    compressedSize,
    dataStart: 30 + Buffer.byteLength(NAME),
    entry: { compressionMethod: method, crc32: declared.crc ?? zlib.crc32(entry.data) },
  } as unknown as BundleFile;
  return { path: file, bundleFile };
}

function read(path: string, bundleFile: BundleFile): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    return readFileSync(fd, 'logbook-b', bundleFile);
  } finally {
    fs.closeSync(fd);
  }
}

describe('readFileSync (an attachment straight from the checked zip)', () => {
  const data = Buffer.from('照片'.repeat(5000));

  it('reads deflated and stored files exactly', () => {
    const deflated = oneFile({ data });
    expect(read(deflated.path, deflated.bundleFile).equals(data)).toBe(true);
    const stored = oneFile({ data, method: 0 });
    expect(read(stored.path, stored.bundleFile).equals(data)).toBe(true);
  });

  it('refuses more bytes than declared before holding them, and fewer', () => {
    const more = oneFile({ data }, { size: data.length - 1 });
    expect(() => read(more.path, more.bundleFile)).toThrow(expect.objectContaining({ detail: 'size-mismatch' }));
    const fewer = oneFile({ data }, { size: data.length + 1 });
    expect(() => read(fewer.path, fewer.bundleFile)).toThrow(expect.objectContaining({ detail: 'size-mismatch' }));
  });

  it('refuses a wrong CRC-32 and corrupt or truncated data', () => {
    const crc = oneFile({ data, method: 0 }, { crc: 1234 });
    expect(() => read(crc.path, crc.bundleFile)).toThrow(expect.objectContaining({ detail: 'crc-mismatch' }));
    const corrupt = oneFile({ data });
    const bytes = fs.readFileSync(corrupt.path);
    bytes.fill(0xff, corrupt.bundleFile.dataStart, corrupt.bundleFile.dataStart + 8);
    fs.writeFileSync(corrupt.path, bytes);
    expect(() => read(corrupt.path, corrupt.bundleFile)).toThrow(expect.objectContaining({ name: 'BundleZipError' }));
    const cut = oneFile({ data });
    fs.truncateSync(cut.path, cut.bundleFile.dataStart + 10);
    expect(() => read(cut.path, cut.bundleFile)).toThrow(expect.objectContaining({ name: 'BundleZipError' }));
  });

  it('refuses compressed data far larger than the file before reading it', () => {
    const padded = oneFile({ data });
    const bloated = { ...padded.bundleFile, compressedSize: data.length * 2 };
    expect(() => read(padded.path, bloated)).toThrow(expect.objectContaining({ detail: 'file-too-large' }));
    const stored = oneFile({ data, method: 0 });
    const longer = { ...stored.bundleFile, compressedSize: data.length + 1 };
    expect(() => read(stored.path, longer)).toThrow(expect.objectContaining({ detail: 'file-too-large' }));
  });

  it('refuses a file whose local header was never read', () => {
    const file = oneFile({ data });
    expect(() => read(file.path, { ...file.bundleFile, dataStart: -1 })).toThrow(
      expect.objectContaining({ name: 'BundleZipError' }),
    );
  });
});
