import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_BOOK_JSON_BYTES,
  MAX_CHECKPOINT_JSON_BYTES,
  MAX_COMPRESSION_RATIO,
  MAX_ENTRIES_FILE_BYTES,
  MAX_LINE_BYTES,
  MAX_TAG_FILE_BYTES,
  MAX_TOTAL_BYTES,
  MAX_ZIP_FILES,
  RATIO_APPLIES_ABOVE,
} from './bundle-limits';
import {
  BAG_DIRECTORIES,
  checkEntryName,
  classifyBagFile,
  collisionKey,
  decodeEntryName,
  REQUIRED_FILES,
  showName,
  type BagFileKind,
  type NameProblem,
} from './zip-names';

/**
 * Opens a bundle zip from a stranger without trusting it (see ARCHITECTURE.md "The bundle").
 *
 * - The central directory is read first, entry by entry (`lazyEntries`), and every limit of
 *   bundle-limits.ts is applied to what it declares before a byte of data is inflated: file
 *   count (from the end record, so 200,000 entries are refused before the first is read),
 *   names (zip-names.ts), file types (no symlinks or devices), only the bag's own files and
 *   directories, per-file and total inflated size, compression ratio, distinct local headers
 *   whose names match the central directory, and no two entries sharing bytes.
 * - Names are decoded by us from the raw bytes (`decodeStrings: false`): yauzl would stop at
 *   the first bad name with its own English message, would decode non-UTF-8 names as CP437
 *   and would prefer the Unicode Path extra field over the real name. Its own name rules
 *   (validateFileName) are still applied, under ours.
 * - Data is read only as streams into hashes and parsers in memory: no entry name is ever
 *   used as a path, nothing is written to disk. Every stream counts its bytes against the
 *   declared size (yauzl `validateEntrySizes` does too) and checks the CRC-32, which yauzl
 *   does not.
 */

export type ZipProblem =
  | NameProblem
  | 'zip-unreadable'
  | 'too-many-files'
  | 'encrypted'
  | 'compression-method'
  | 'symlink'
  | 'special-file'
  | 'top-folder'
  | 'duplicate-name'
  | 'name-collision'
  | 'unexpected-directory'
  | 'unexpected-file'
  | 'missing-file'
  | 'file-too-large'
  | 'total-too-large'
  | 'compression-ratio'
  | 'local-header-mismatch'
  | 'overlapping-entries'
  | 'size-mismatch'
  | 'crc-mismatch'
  | 'corrupt-data';

export class BundleZipError extends Error {
  override readonly name = 'BundleZipError';
  constructor(
    readonly detail: ZipProblem,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

export interface BundleFile {
  /** Relative to the bag's top folder, e.g. `data/entries.jsonl`. */
  relative: string;
  kind: BagFileKind;
  /** For attachments: the SHA-256 their name claims. */
  hash?: string;
  /** Declared inflated size (checked while reading). */
  size: number;
  compressedSize: number;
  /** Where the file's (compressed) data starts in the zip, from its local header (checked at open). */
  dataStart: number;
  entry: yauzl.Entry;
}

const BAG_TOP = /^logbook-([A-Za-z0-9-]{1,64})$/u;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const MSDOS_DIRECTORY = 0x10;

function maxBytesOf(relative: string, kind: BagFileKind): number {
  if (kind === 'attachment') return MAX_ATTACHMENT_BYTES;
  if (relative === 'data/entries.jsonl') return MAX_ENTRIES_FILE_BYTES;
  if (relative === 'data/book.json') return MAX_BOOK_JSON_BYTES;
  if (relative === 'data/checkpoint.json') return MAX_CHECKPOINT_JSON_BYTES;
  return MAX_TAG_FILE_BYTES;
}

/**
 * The most compressed bytes a file of `size` bytes may take: a stored file exactly its size;
 * deflate never needs more than a few bytes per 16 KB block over it (zlib: 5 per stored block),
 * so anything beyond size + 1/256 + 1 KB is padding of a hostile zip (and the import holds an
 * attachment's compressed bytes whole: bundle-file-sync.ts).
 */
export function maxCompressedSize(size: number, method: number): number {
  return method === 0 ? size : size + Math.floor(size / 256) + 1024;
}

/** A yauzl or stream error as the BundleZipError it means (size, corrupt data, unreadable zip). */
export function fromYauzl(error: unknown, name?: string): BundleZipError {
  if (error instanceof BundleZipError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const where = name === undefined ? '' : ` ${showName(name)}`;
  if (/size mismatch|too many bytes|not enough bytes/iu.test(text)) {
    return new BundleZipError(
      'size-mismatch',
      `压缩包中文件${where}的实际大小与声明的不符`,
      `the actual size of${where || ' an entry'} differs from the declared size (${text})`,
    );
  }
  if (
    name !== undefined &&
    /invalid (block|stored|distance|code)|incorrect header|unexpected end|invalid/iu.test(text)
  ) {
    return new BundleZipError(
      'corrupt-data',
      `压缩包中文件${where}的数据已损坏`,
      `the data of${where} is corrupt (${text})`,
    );
  }
  return new BundleZipError(
    'zip-unreadable',
    `不是完整有效的 zip 压缩包（可能被截断或损坏）`,
    `not a complete, valid zip file, perhaps truncated or damaged (${text})`,
  );
}

function fileType(entry: yauzl.Entry): 'file' | 'directory' | 'symlink' | 'special' {
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) return 'symlink';
  if (mode === S_IFDIR) return 'directory';
  if (mode !== 0 && mode !== S_IFREG) return 'special';
  return (entry.externalFileAttributes & MSDOS_DIRECTORY) !== 0 ? 'directory' : 'file';
}

export class BundleZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** `logbook-<bookId>`. */
    readonly bagName: string,
    /** The book id the top folder names. */
    readonly folderBookId: string,
    readonly files: ReadonlyMap<string, BundleFile>,
    readonly totalBytes: number,
  ) {}

  /** Opens `path` and applies every central-directory check; throws BundleZipError. */
  static async open(path: string): Promise<BundleZip> {
    let zip: yauzl.ZipFile;
    let reader: FileReader | null = null;
    try {
      reader = new FileReader(fs.openSync(path, 'r'));
      zip = await yauzl.fromRandomAccessReaderPromise(reader, fs.fstatSync(reader.fd).size, {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: false,
        strictFileNames: true,
        validateEntrySizes: true,
      });
    } catch (error) {
      reader?.closeNow();
      throw fromYauzl(error);
    }
    try {
      return await BundleZip.readDirectory(zip);
    } catch (error) {
      zip.close();
      throw fromYauzl(error);
    }
  }

  private static async readDirectory(zip: yauzl.ZipFile): Promise<BundleZip> {
    if (zip.entryCount > MAX_ZIP_FILES) {
      throw new BundleZipError(
        'too-many-files',
        `压缩包中有 ${zip.entryCount} 个文件，超过上限 ${MAX_ZIP_FILES}`,
        `the zip holds ${zip.entryCount} entries, more than the limit of ${MAX_ZIP_FILES}`,
      );
    }
    const files = new Map<string, BundleFile>();
    const names = new Set<string>();
    const folded = new Map<string, string>();
    let top: string | null = null;
    let total = 0;
    const listed: { entry: yauzl.Entry; name: string }[] = [];
    for await (const entry of zip.eachEntry()) {
      const decoded = decodeEntryName(
        entry.fileNameRaw,
        entry.generalPurposeBitFlag,
        entry.extraFields.map((f) => f.id),
      );
      if (!decoded.ok) throw new BundleZipError(decoded.detail, decoded.zh, decoded.en);
      const name = decoded.name;
      const shown = showName(name);
      // Duplicates and collisions first: the second of two colliding names may also break a rule (NFC), and the collision says more.
      if (names.has(name))
        throw new BundleZipError('duplicate-name', `文件名 ${shown} 出现了两次`, `the name ${shown} occurs twice`);
      const key = collisionKey(name);
      const other = folded.get(key);
      if (other !== undefined) {
        throw new BundleZipError(
          'name-collision',
          `文件名 ${shown} 与 ${showName(other)} 只差大小写或 Unicode 形式`,
          `the name ${shown} collides with ${showName(other)} (case or Unicode form)`,
        );
      }
      names.add(name);
      folded.set(key, name);
      const bad = checkEntryName(name);
      if (bad) throw new BundleZipError(bad.detail, bad.zh, bad.en);
      // yauzl's own rules, as a second opinion on names we decoded ourselves.
      const yauzlSays = yauzl.validateFileName(name);
      if (yauzlSays !== null)
        throw new BundleZipError('name-traversal', `文件名 ${shown} 不安全`, `unsafe name: ${yauzlSays}`);
      listed.push({ entry, name });
    }
    // Then what each entry is: only after every name passed, so a collision is found before a stray name.
    for (const { entry, name } of listed) {
      const shown = showName(name);
      if ((entry.generalPurposeBitFlag & 0x1) !== 0 || entry.isEncrypted()) {
        throw new BundleZipError('encrypted', `文件 ${shown} 已加密`, `the entry ${shown} is encrypted`);
      }
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw new BundleZipError(
          'compression-method',
          `文件 ${shown} 的压缩方式（${entry.compressionMethod}）不受支持`,
          `the entry ${shown} uses compression method ${entry.compressionMethod}`,
        );
      }
      const type = fileType(entry);
      if (type === 'symlink')
        throw new BundleZipError('symlink', `文件 ${shown} 是符号链接`, `the entry ${shown} is a symbolic link`);
      if (type === 'special')
        throw new BundleZipError(
          'special-file',
          `文件 ${shown} 不是普通文件`,
          `the entry ${shown} is not a regular file`,
        );
      const isDirectory = name.endsWith('/');
      if (isDirectory !== (type === 'directory') && type === 'directory') {
        throw new BundleZipError(
          'special-file',
          `文件 ${shown} 标记为文件夹但名字不以 / 结尾`,
          `the entry ${shown} is marked as a directory without a trailing /`,
        );
      }
      const [first, ...rest] = (isDirectory ? name.slice(0, -1) : name).split('/');
      if (top === null) {
        if (!BAG_TOP.test(first!)) {
          throw new BundleZipError(
            'top-folder',
            `顶层文件夹 ${showName(first!)} 不是 logbook-<记录本编号>`,
            `the top folder ${showName(first!)} is not logbook-<book id>`,
          );
        }
        top = first!;
      } else if (first !== top) {
        throw new BundleZipError(
          'top-folder',
          `文件 ${shown} 不在唯一的顶层文件夹 ${top}/ 中`,
          `the entry ${shown} is outside the one top folder ${top}/`,
        );
      }
      const relative = rest.join('/');
      if (isDirectory) {
        if (!BAG_DIRECTORIES.includes(relative) || entry.uncompressedSize !== 0) {
          throw new BundleZipError(
            'unexpected-directory',
            `压缩包中有多余的文件夹 ${shown}`,
            `unexpected directory ${shown}`,
          );
        }
        continue;
      }
      const kind = classifyBagFile(relative);
      if (!kind)
        throw new BundleZipError(
          'unexpected-file',
          `压缩包中有不属于记录本包的文件 ${shown}`,
          `unexpected file ${shown}`,
        );
      const max = maxBytesOf(relative, kind.kind);
      if (entry.uncompressedSize > max) {
        throw new BundleZipError(
          'file-too-large',
          `文件 ${shown} 解压后 ${entry.uncompressedSize} 字节，超过上限 ${max}`,
          `${shown} inflates to ${entry.uncompressedSize} bytes, more than the limit of ${max}`,
        );
      }
      total += entry.uncompressedSize;
      if (total > MAX_TOTAL_BYTES) {
        throw new BundleZipError(
          'total-too-large',
          `压缩包解压后超过 ${MAX_TOTAL_BYTES} 字节`,
          `the zip inflates to more than ${MAX_TOTAL_BYTES} bytes`,
        );
      }
      if (
        entry.uncompressedSize > RATIO_APPLIES_ABOVE &&
        entry.uncompressedSize > MAX_COMPRESSION_RATIO * entry.compressedSize
      ) {
        throw new BundleZipError(
          'compression-ratio',
          `文件 ${shown} 的压缩比超过 ${MAX_COMPRESSION_RATIO}:1（疑似压缩炸弹）`,
          `${shown} is compressed more than ${MAX_COMPRESSION_RATIO}:1 (a zip bomb?)`,
        );
      }
      // Attachments only: the import holds one whole (other files stream, and a lying size is caught there).
      if (
        kind.kind === 'attachment' &&
        entry.compressedSize > maxCompressedSize(entry.uncompressedSize, entry.compressionMethod)
      ) {
        throw new BundleZipError(
          'file-too-large',
          `文件 ${shown} 压缩后的数据比文件本身大得多（数据包可能被改造过）`,
          `${shown} takes far more compressed bytes than it holds (${entry.compressedSize} for ${entry.uncompressedSize})`,
        );
      }
      files.set(relative, {
        relative,
        kind: kind.kind,
        ...(kind.hash ? { hash: kind.hash } : {}),
        size: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        dataStart: -1,
        entry,
      });
    }
    if (top === null) throw new BundleZipError('missing-file', '压缩包是空的', 'the zip is empty');
    const missing = REQUIRED_FILES.filter((f) => !files.has(f));
    if (missing.length > 0) {
      throw new BundleZipError(
        'missing-file',
        `记录本包缺少文件：${missing.join('、')}`,
        `the bag lacks: ${missing.join(', ')}`,
      );
    }
    await BundleZip.checkLocalHeaders(zip, top, files);
    const match = BAG_TOP.exec(top)!;
    return new BundleZip(zip, top, match[1]!, files, total);
  }

  /** Every local header is distinct, names what the central directory names, and no two entries share bytes. */
  private static async checkLocalHeaders(
    zip: yauzl.ZipFile,
    top: string,
    files: Map<string, BundleFile>,
  ): Promise<void> {
    const ranges: [number, number, string][] = [];
    for (const file of files.values()) {
      const name = `${top}/${file.relative}`;
      const header = await zip.readLocalFileHeaderPromise(file.entry);
      if (
        !Buffer.from(header.fileName).equals(file.entry.fileNameRaw) ||
        header.compressionMethod !== file.entry.compressionMethod
      ) {
        throw new BundleZipError(
          'local-header-mismatch',
          `文件 ${showName(name)} 的本地文件头与中央目录不一致`,
          `the local header of ${showName(name)} differs from the central directory`,
        );
      }
      file.dataStart = header.fileDataStart;
      ranges.push([file.entry.relativeOffsetOfLocalHeader, header.fileDataStart + file.compressedSize, name]);
    }
    ranges.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < ranges.length; i++) {
      if (ranges[i]![0] < ranges[i - 1]![1]) {
        throw new BundleZipError(
          'overlapping-entries',
          `文件 ${showName(ranges[i]![2])} 与 ${showName(ranges[i - 1]![2])} 共用数据（疑似压缩炸弹）`,
          `${showName(ranges[i]![2])} overlaps ${showName(ranges[i - 1]![2])} (a zip bomb?)`,
        );
      }
    }
  }

  close(): void {
    this.zip.close();
  }

  /**
   * The inflated bytes of `file`, chunk by chunk; size and CRC-32 are checked by the end.
   * yauzl gives the raw (compressed) bytes, checked against the declared compressed size;
   * we inflate them ourselves with 256 KB output chunks: yauzl's default inflate hands out
   * 16 KB at a time, and entries.jsonl then took three times as long to read.
   */
  async *chunks(file: BundleFile): AsyncGenerator<Buffer> {
    const name = `${this.bagName}/${file.relative}`;
    let stream: NodeJS.ReadableStream & { destroy(error?: Error): void };
    try {
      // (yauzl takes `decompress` only for a compressed entry.)
      if (file.entry.compressionMethod === 0) stream = await this.zip.openReadStreamPromise(file.entry);
      else {
        const raw = await this.zip.openReadStreamPromise(file.entry, { decompress: false });
        const inflate = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK });
        raw.on('error', (error: Error) => inflate.destroy(error));
        inflate.on('close', () => raw.destroy());
        stream = raw.pipe(inflate);
      }
    } catch (error) {
      throw fromYauzl(error, name);
    }
    let bytes = 0;
    let crc = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > file.size) throw fromYauzl(new Error('too many bytes in the stream'), name);
        crc = zlib.crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      throw fromYauzl(error, name);
    } finally {
      stream.destroy();
    }
    if (bytes !== file.size) throw fromYauzl(new Error('not enough bytes in the stream'), name);
    if (crc >>> 0 !== file.entry.crc32 >>> 0) {
      throw new BundleZipError(
        'crc-mismatch',
        `文件 ${showName(name)} 的 CRC 校验值不符（数据已损坏）`,
        `the CRC-32 of ${showName(name)} does not match (the data is damaged)`,
      );
    }
  }

  /** The whole file in memory (only for files whose limit is small: tags, book.json, checkpoint.json). */
  async readAll(file: BundleFile): Promise<Buffer> {
    if (file.size > MAX_BOOK_JSON_BYTES) throw new Error(`readAll is not for ${file.relative}`);
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(file)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  /** SHA-256 (hex) of the inflated bytes, streamed. */
  async sha256(file: BundleFile): Promise<string> {
    const hash = crypto.createHash('sha256');
    for await (const chunk of this.chunks(file)) hash.update(chunk);
    return hash.digest('hex');
  }

  /** The file's lines (linesOf over its chunks). */
  lines(file: BundleFile, maxLine = MAX_LINE_BYTES): AsyncGenerator<{ line: Buffer; terminated: boolean }> {
    return linesOf(this.chunks(file), maxLine);
  }
}

/**
 * The lines (without the LF) of a stream of chunks, one at a time, with bounded memory: a
 * line longer than `maxLine` bytes is refused before it is buffered. A last line without LF
 * is passed with `terminated: false`. A line may share memory with its chunk: use it (or
 * copy it) before asking for the next.
 */
export async function* linesOf(
  chunks: AsyncIterable<Buffer>,
  maxLine = MAX_LINE_BYTES,
): AsyncGenerator<{ line: Buffer; terminated: boolean }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of chunks) {
    let at = 0;
    for (;;) {
      const lf = chunk.indexOf(0x0a, at);
      const end = lf < 0 ? chunk.length : lf;
      if (pendingBytes + (end - at) > maxLine) throw new LineTooLongError(maxLine);
      if (lf < 0) {
        if (end > at) {
          pending.push(chunk.subarray(at));
          pendingBytes += end - at;
        }
        break;
      }
      const piece = chunk.subarray(at, lf);
      const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      yield { line, terminated: true };
      at = lf + 1;
    }
  }
  if (pendingBytes > 0) yield { line: Buffer.concat(pending), terminated: false };
}

const INFLATE_CHUNK = 256 * 1024;
const READ_CHUNK = 1024 * 1024;

/** Bytes [start, end) of a descriptor, 1 MB per positional read; never closes it (fs.ReadStream's destroy would). */
class RangeStream extends Readable {
  constructor(
    private readonly fd: number,
    private at: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: READ_CHUNK });
  }

  override _read(): void {
    const want = Math.min(READ_CHUNK, this.end - this.at);
    if (want <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(want);
    fs.read(this.fd, buffer, 0, want, this.at, (error, n) => {
      if (error) this.destroy(error);
      else if (n === 0) this.destroy(new Error('unexpected end of file'));
      else {
        this.at += n;
        this.push(n < want ? buffer.subarray(0, n) : buffer);
      }
    });
  }
}

/**
 * The zip file for yauzl, on one descriptor of ours: reads are positional (pread), a file's
 * bytes stream in 1 MB reads (yauzl's own reader reads 16 KB at a time: hashing the bench bundle's
 * 200 MB of attachments took 1.25 s with it, 0.42 s with this), and the descriptor is closed when yauzl
 * lets go of it (ZipFile.close).
 */
class FileReader extends yauzl.RandomAccessReader {
  private closed = false;

  constructor(readonly fd: number) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this.fd, start, end);
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null) => void,
  ): void {
    let done = 0;
    const more = (): void => {
      fs.read(this.fd, buffer, offset + done, length - done, position + done, (error, n) => {
        if (error) return callback(error);
        if (n === 0) return callback(new Error('unexpected EOF'));
        done += n;
        if (done < length) more();
        else callback(null);
      });
    };
    if (length === 0) setImmediate(() => callback(null));
    else more();
  }

  override close(callback: (err: Error | null) => void): void {
    if (this.closed) {
      setImmediate(() => callback(null));
      return;
    }
    this.closed = true;
    fs.close(this.fd, callback);
  }

  /** Closes the descriptor if yauzl never took it (a zip that failed to open). */
  closeNow(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

export class LineTooLongError extends Error {
  override readonly name = 'LineTooLongError';
  constructor(readonly maxLine: number) {
    super(`line longer than ${maxLine} bytes`);
  }
}
