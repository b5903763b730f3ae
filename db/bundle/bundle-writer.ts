import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { verifyCheckpointSignature, serializeSignedCheckpoint } from '../ledger/checkpoint';
import { fsyncDirectory } from '../ledger/durable-file';
import { LedgerError } from '../ledger/errors';
import { isHex64 } from '../ledger/hashing';
import { parseOpenSshLine } from '../ledger/keys';
import { appendLeaf, leafHash, rootOfPeaks, type Peak } from '../ledger/merkle';
import {
  BAGIT_TXT,
  bagInfoText,
  HashingFileWriter,
  manifestText,
  payloadOxum,
  sha256Hex,
  type ManifestLine,
} from './bagit';
import { bundleReadme } from './bundle-readme';
import type { BundleKey, BundleSource } from './bundle-source';
import { BundleError } from './errors';
import { allowedSignersLine, BUNDLE_NAMESPACE, signSshsig } from './sshsig';

/**
 * Writes one book as a zip holding one BagIt 1.0 bag (see ARCHITECTURE.md "The bundle").
 *
 * Memory stays flat whatever the size of the book: entries are read one at a time and
 * written to `data/entries.jsonl` in a staging folder beside the output while being hashed
 * (file SHA-256 for the manifest, leaf hash into a running Merkle right edge of O(log n)
 * peaks); attachments are copied one at a time; yazl then streams the staged files from disk.
 * Only the set of referenced attachment hashes grows, with the number of attachments.
 * The staging folder sits beside the output rather than in os.tmpdir(), which may be a
 * RAM-backed tmpfs, and is removed whatever happens.
 *
 * Proof on read: the bytes exported are exactly the signed ones. The checkpoint signature is
 * checked against the current key, and the Merkle root recomputed from the exported bytes
 * must equal the checkpoint's, so a damaged database can never produce a bundle that looks
 * good; the export stops instead (`bundle-source-invalid`).
 *
 * The output appears atomically: the zip is written to `<out>.partial`, its central directory
 * is read back and compared with the list of files written (names and sizes), and only then
 * is it fsynced and renamed to `<out>`.
 */

export interface WriteBundleOptions {
  /** Called as work is done; `total` may grow once the referenced attachments are known. */
  onProgress?: (done: number, total: number) => void;
  /** For bag-info's Bagging-Date (local date); defaults to now. */
  now?: Date;
  /** Path of verify_ledger.py; defaults to the file beside this module (packaged apps pass theirs). */
  verifierScriptPath?: string;
}

export interface BundleResult {
  path: string;
  /** Size of the zip in bytes. */
  bytes: number;
  /** The top folder inside the zip, `logbook-<bookId>`. */
  bagName: string;
  size: number;
  root: string;
  keyId: string;
  /** The allowed_signers line written into the bag (what a liaison files to check it). */
  allowedSigners: string;
  attachments: number;
  payloadBytes: number;
}

const BOOK_ID = /^[A-Za-z0-9-]{1,64}$/;
const ATTACHMENTS_PREFIX = Buffer.from('{"attachments":[');
const NEWLINE = Buffer.from('\n');
const PROGRESS_EVERY = 256;
export const BUNDLE_FORMAT = 'dangjian-logbook.bundle.v1';

export function defaultVerifierScriptPath(): string {
  return fileURLToPath(new URL('./verify_ledger.py', import.meta.url));
}

function invalid(message: string): BundleError {
  return new BundleError('bundle-source-invalid', `${message}导出已停止，请先运行完整校验。`);
}

/** Checks what the writer is told before a byte is written; returns the current key. */
function checkSource(source: BundleSource): BundleKey {
  const cp = source.checkpoint.checkpoint;
  if (!BOOK_ID.test(source.bookId)) throw invalid(`记录本标识 ${JSON.stringify(source.bookId)} 格式不对。`);
  if (!Number.isSafeInteger(source.size) || source.size < 1) throw invalid('记录本没有记录。');
  if (cp.book !== source.bookId || cp.size !== source.size) {
    throw invalid(`检查点（${cp.book}，${cp.size} 条）与记录本（${source.bookId}，${source.size} 条）不一致。`);
  }
  const history = source.keyHistory;
  if (history.length === 0 || history[0]!.enrolledAt !== 1) throw invalid('记录本缺少建账时登记的密钥。');
  for (let i = 1; i < history.length; i++) {
    if (!(history[i]!.enrolledAt > history[i - 1]!.enrolledAt)) throw invalid('密钥登记顺序不对。');
  }
  for (const key of history) {
    if (parseOpenSshLine(key.publicKey)?.keyId !== key.keyId) throw invalid(`密钥 ${key.keyId} 的公钥与其标识不符。`);
  }
  const current = history.at(-1)!;
  if (cp.keyId !== current.keyId || parseOpenSshLine(source.publicKeyLine)?.keyId !== current.keyId) {
    throw invalid(`检查点的签名密钥 ${cp.keyId} 不是记录本当前的密钥 ${current.keyId}。`);
  }
  if (!verifyCheckpointSignature(source.checkpoint, parseOpenSshLine(current.publicKey)!.publicKey)) {
    throw invalid('检查点的签名无效。');
  }
  return current;
}

/** The attachment hashes an entry names: its bytes begin `{"attachments":["<hex>",…]` (canonical key order). */
function attachmentsOf(bytes: Buffer, seq: number): string[] {
  const end = bytes.indexOf(0x5d, ATTACHMENTS_PREFIX.length - 1);
  if (end < 0 || bytes.compare(ATTACHMENTS_PREFIX, 0, ATTACHMENTS_PREFIX.length, 0, ATTACHMENTS_PREFIX.length) !== 0) {
    throw invalid(`第 ${seq} 条的字节不是规范化的记录。`);
  }
  let list: unknown;
  try {
    list = JSON.parse(bytes.toString('latin1', ATTACHMENTS_PREFIX.length - 1, end + 1));
  } catch {
    list = null;
  }
  if (!Array.isArray(list) || !list.every(isHex64)) throw invalid(`第 ${seq} 条的附件列表格式不对。`);
  return list;
}

function localDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

interface Staged extends ManifestLine {
  bytes: number;
  /** Deflated in the zip (false: stored, for bytes deflate cannot shrink). */
  compress: boolean;
}

const SAMPLE = 64 * 1024;

/**
 * Whether deflate is worth it: most attachments (photos, scans, PDFs, .docx) are compressed
 * already, and deflating them costs the export and every import CPU for no gain. Judged on
 * the first 64 KB at level 1: stored unless that shrinks by at least a tenth.
 */
export function worthDeflating(data: Buffer): boolean {
  if (data.length < 1024) return true;
  const sample = data.subarray(0, SAMPLE);
  return zlib.deflateRawSync(sample, { level: 1 }).length < sample.length * 0.9;
}

class Progress {
  done = 0;
  constructor(
    public total: number,
    private readonly callback?: (done: number, total: number) => void,
  ) {}

  step(n = 1, report = true): void {
    this.done += n;
    if (report) this.callback?.(this.done, this.total);
  }
}

/** Stage 1: data/entries.jsonl, streamed; returns the manifest line, the root and the attachments named. */
async function stageEntries(
  source: BundleSource,
  file: string,
  progress: Progress,
): Promise<{ staged: Staged; root: string; attachments: Set<string> }> {
  const writer = await HashingFileWriter.create(file);
  const attachments = new Set<string>();
  let peaks: Peak[] = [];
  try {
    for (let seq = 1; seq <= source.size; seq++) {
      const bytes = source.entryBytes(seq);
      // Canonical JSON escapes every control character: a raw LF or CR would break the one-line-per-entry form.
      if (bytes.includes(0x0a) || bytes.includes(0x0d)) throw invalid(`第 ${seq} 条含有换行符，不是规范化的记录。`);
      for (const hash of attachmentsOf(bytes, seq)) attachments.add(hash);
      peaks = appendLeaf(peaks, leafHash(bytes)).peaks;
      await writer.write(bytes);
      await writer.write(NEWLINE);
      progress.step(1, seq % PROGRESS_EVERY === 0 || seq === source.size);
    }
  } catch (error) {
    await writer.abandon();
    throw error;
  }
  const { sha256, bytes } = await writer.close();
  return {
    staged: { path: 'data/entries.jsonl', sha256, bytes, compress: true },
    root: rootOfPeaks(peaks).toString('hex'),
    attachments,
  };
}

async function stageFile(staging: string, relative: string, data: Buffer, compress = true): Promise<Staged> {
  await fs.promises.writeFile(path.join(staging, relative), data, { flag: 'wx', mode: 0o600 });
  return { path: relative, sha256: sha256Hex(data), bytes: data.length, compress };
}

/** Re-reads the zip's central directory: exactly the expected names, with the expected sizes. */
async function checkZip(file: string, expected: Map<string, number>): Promise<void> {
  const zip = await yauzl.openPromise(file, {
    lazyEntries: true,
    strictFileNames: true,
    validateEntrySizes: true,
    autoClose: false,
  });
  try {
    const seen = new Set<string>();
    for await (const entry of zip.eachEntry()) {
      const size = expected.get(entry.fileName);
      if (size === undefined || seen.has(entry.fileName)) throw new Error(`unexpected entry ${entry.fileName}`);
      if (entry.uncompressedSize !== size) throw new Error(`wrong size for ${entry.fileName}`);
      seen.add(entry.fileName);
    }
    const missing = [...expected.keys()].filter((name) => !seen.has(name));
    if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}`);
  } finally {
    zip.close();
  }
}

async function zipBag(
  staging: string,
  bagName: string,
  payload: readonly Staged[],
  tags: readonly (readonly [string, Buffer])[],
  mtime: Date,
  partial: string,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const expected = new Map<string, number>();
  for (const p of payload) {
    zip.addFile(path.join(staging, p.path), `${bagName}/${p.path}`, { mtime, mode: 0o100644, compress: p.compress });
    expected.set(`${bagName}/${p.path}`, p.bytes);
  }
  for (const [name, data] of tags) {
    zip.addBuffer(data, `${bagName}/${name}`, { mtime, mode: 0o100644 });
    expected.set(`${bagName}/${name}`, data.length);
  }
  const output = zip.outputStream as NodeJS.ReadableStream & { destroy(error?: Error): void };
  zip.on('error', (error: Error) => output.destroy(error));
  zip.end();
  await pipeline(output, fs.createWriteStream(partial, { flags: 'w', mode: 0o644 }));
  await checkZip(partial, expected);
  const handle = await fs.promises.open(partial, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeBundle(
  source: BundleSource,
  outPath: string,
  options: WriteBundleOptions = {},
): Promise<BundleResult> {
  const current = checkSource(source);
  const cp = source.checkpoint.checkpoint;
  const out = path.resolve(outPath);
  const partial = `${out}.partial`;
  const bagName = `logbook-${source.bookId}`;
  const progress = new Progress(source.size + 1, options.onProgress);
  let staging: string | null = null;
  try {
    const verifier = await fs.promises.readFile(options.verifierScriptPath ?? defaultVerifierScriptPath());
    staging = await fs.promises.mkdtemp(path.join(path.dirname(out), `.${path.basename(out)}.staging-`));
    await fs.promises.mkdir(path.join(staging, 'data', 'attachments'), { recursive: true });

    const entries = await stageEntries(source, path.join(staging, 'data', 'entries.jsonl'), progress);
    if (entries.root !== cp.root) {
      throw invalid(`由记录重新计算的默克尔根 ${entries.root} 与已签名检查点的 ${cp.root} 不符。`);
    }
    const hashes = [...entries.attachments].sort();
    progress.total += hashes.length;
    const payload: Staged[] = [entries.staged];
    for (const hash of hashes) {
      const data = source.attachment(hash);
      if (!data) throw new BundleError('attachment-missing', `附件 ${hash} 不在本机，无法导出。请先运行完整校验。`);
      if (sha256Hex(data) !== hash)
        throw new BundleError('attachment-mismatch', `附件 ${hash} 的内容与其哈希不符，无法导出。请先运行完整校验。`);
      payload.push(await stageFile(staging, `data/attachments/${hash}`, data, worthDeflating(data)));
      progress.step();
    }
    const book = {
      format: BUNDLE_FORMAT,
      bookId: source.bookId,
      name: source.name,
      orgName: source.orgName,
      createdAt: source.createdAt,
      keys: source.keyHistory.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey, enrolledAt: k.enrolledAt })),
    };
    payload.push(await stageFile(staging, 'data/book.json', Buffer.from(JSON.stringify(book, null, 2) + '\n')));
    // Exactly the ledger's canonical form, so an importer can parse it strictly (parseSignedCheckpoint).
    payload.push(
      await stageFile(staging, 'data/checkpoint.json', Buffer.from(serializeSignedCheckpoint(source.checkpoint))),
    );

    const payloadBytes = payload.reduce((sum, p) => sum + p.bytes, 0);
    const manifest = Buffer.from(manifestText(payload));
    const bagInfo = Buffer.from(
      bagInfoText([
        ['Source-Organization', source.orgName],
        ['External-Identifier', source.bookId],
        ['External-Description', `党建工作小组工作记录本：${source.name}`],
        ['Bagging-Date', localDate(options.now ?? new Date())],
        ['Payload-Oxum', payloadOxum(payloadBytes, payload.length)],
        ['Bag-Software-Agent', 'dangjian-logbook'],
        ['Logbook-Format', BUNDLE_FORMAT],
        ['Logbook-Size', String(cp.size)],
        ['Logbook-Root', cp.root],
        ['Logbook-Checkpoint-Time', cp.time],
        ['Logbook-Key-Fingerprint', current.keyId],
      ]),
    );
    const allowedSigners = allowedSignersLine(source.bookId, source.publicKeyLine);
    const readme = bundleReadme({
      bookId: source.bookId,
      name: source.name,
      orgName: source.orgName,
      size: cp.size,
      root: cp.root,
      keyId: current.keyId,
      checkpointTime: cp.time,
    });
    const tags: [string, Buffer][] = [
      ['bagit.txt', Buffer.from(BAGIT_TXT)],
      ['bag-info.txt', bagInfo],
      ['manifest-sha256.txt', manifest],
      ['allowed_signers', Buffer.from(allowedSigners + '\n')],
      ['README.txt', Buffer.from(readme)],
      ['verify_ledger.py', verifier],
    ];
    const tagManifest = Buffer.from(
      manifestText(tags.map(([name, data]) => ({ path: name, sha256: sha256Hex(data) }))),
    );
    const signature = signSshsig(tagManifest, BUNDLE_NAMESPACE, source.publicKeyLine, (data) => source.sign(data));
    tags.push(['tagmanifest-sha256.txt', tagManifest], ['tagmanifest-sha256.txt.sig', Buffer.from(signature)]);

    await zipBag(staging, bagName, payload, tags, new Date(cp.time), partial);
    await fs.promises.rename(partial, out);
    fsyncDirectory(path.dirname(out));
    progress.step();
    const { size: bytes } = await fs.promises.stat(out);
    return {
      path: out,
      bytes,
      bagName,
      size: cp.size,
      root: cp.root,
      keyId: current.keyId,
      allowedSigners,
      attachments: hashes.length,
      payloadBytes,
    };
  } catch (error) {
    await fs.promises.rm(partial, { force: true }).catch(() => undefined);
    // The source's own errors (BundleError, LedgerError) say what is wrong with the book; anything
    // else is the file system's (no such folder, disk full, permissions).
    if (error instanceof BundleError || error instanceof LedgerError) throw error;
    throw new BundleError(
      'bundle-write-failed',
      `导出包写入失败（${(error as Error).message}）。请检查磁盘空间和文件夹权限后重试。`,
      {
        cause: error,
      },
    );
  } finally {
    if (staging) await fs.promises.rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}
