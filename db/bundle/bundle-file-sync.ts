import fs from 'node:fs';
import zlib from 'node:zlib';
import { BundleZipError, fromYauzl, maxCompressedSize, type BundleFile } from './bundle-reader';
import { showName } from './zip-names';

/**
 * The inflated bytes of one file of a zip that BundleZip.open checked, read synchronously
 * from `fd` (the same zip file) at the data offset its local header gave: for the ledger's
 * synchronous import, which asks for one attachment at a time inside its transaction.
 * Inflated with the declared size as the limit, then the size and CRC-32 are checked again;
 * a mismatch (the file changed since it was opened) throws BundleZipError. Memory: the
 * compressed and the inflated bytes of this one file (at most MAX_ATTACHMENT_BYTES each).
 */
export function readFileSync(fd: number, bagName: string, file: BundleFile): Buffer {
  const name = `${bagName}/${file.relative}`;
  if (file.dataStart < 0) throw fromYauzl(new Error('no local header read'), name);
  // Held whole, so bounded (checked at open too: the file may have changed since).
  if (file.compressedSize > maxCompressedSize(file.size, file.entry.compressionMethod)) {
    throw new BundleZipError(
      'file-too-large',
      `文件 ${showName(name)} 压缩后的数据比文件本身大得多（数据包可能被改造过）`,
      `${showName(name)} takes far more compressed bytes than it holds (${file.compressedSize} for ${file.size})`,
    );
  }
  const raw = Buffer.allocUnsafe(file.compressedSize);
  let read = 0;
  while (read < raw.length) {
    const n = fs.readSync(fd, raw, read, raw.length - read, file.dataStart + read);
    if (n === 0) throw fromYauzl(new Error('not enough bytes in the stream'), name);
    read += n;
  }
  let bytes: Buffer;
  try {
    // maxOutputLength: a file that inflates to more than it declared is refused before it is held.
    bytes =
      file.entry.compressionMethod === 0 ? raw : zlib.inflateRawSync(raw, { maxOutputLength: Math.max(file.size, 1) });
  } catch (error) {
    const tooLarge = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw fromYauzl(tooLarge ? new Error('too many bytes in the stream') : error, name);
  }
  if (bytes.length !== file.size) throw fromYauzl(new Error('size mismatch'), name);
  if (zlib.crc32(bytes) >>> 0 !== file.entry.crc32 >>> 0) {
    throw new BundleZipError(
      'crc-mismatch',
      `文件 ${showName(name)} 的 CRC 校验值不符（数据已损坏）`,
      `the CRC-32 of ${showName(name)} does not match (the data is damaged)`,
    );
  }
  return bytes;
}
