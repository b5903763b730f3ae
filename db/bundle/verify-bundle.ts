import crypto from 'node:crypto';
import { checkpointEpochAt, type KeyEpoch } from '../ledger/book-keys';
import { parseSignedCheckpoint, verifyCheckpointSignature } from '../ledger/checkpoint';
import { parseOpenSshLine } from '../ledger/keys';
import type { SignedCheckpoint } from '../ledger/types';
import { isReason, parseAllowedSigners, parseBagInfo, parseManifest, type Reason } from './bag-parse';
import { BAGIT_TXT } from './bagit';
import { MAX_BOOK_JSON_BYTES, MAX_CHECKPOINT_JSON_BYTES } from './bundle-limits';
import { BundleZip, BundleZipError, linesOf, type BundleFile } from './bundle-reader';
import { BUNDLE_FORMAT } from './bundle-writer';
import { checkEntries, type CheckedEntry, type EntriesResult } from './entries-stream';
import { PIN_FORMAT, type PinReader, type PinRecord, type PinState } from './pin-state';
import { decodeUtf8, parseSafeJson } from './safe-json';
import { BUNDLE_NAMESPACE, verifySshsig } from './sshsig';
import { SIGNATURE_FILE, SIGNED_TAG_MANIFEST, TAG_FILES } from './zip-names';

/**
 * Verifies a bundle without trusting it (ARCHITECTURE.md "The bundle"). The checks are judged
 * in a fixed order, each with a stable code; the first one that fails stops the run and the
 * rest are reported as not checked:
 *
 *  1 zip-structure      bundle-reader.ts: limits, names, file set; every file inflated once
 *                       (size and CRC-32 checked) and hashed — tag files kept (≤ 1 MB each),
 *                       payload hashed while streaming, entries.jsonl checked line by line
 *                       in that same read (below)
 *  2 bagit-declaration  bagit.txt byte for byte
 *  3 bag-info           labels, External-Identifier = the top folder's book id, Payload-Oxum
 *  4 payload-manifest   manifest-sha256.txt lists exactly the payload files, every hash matches
 *  5 tag-manifest       tagmanifest-sha256.txt lists exactly the tag files, every hash matches
 *  6 signature          SSHSIG over tagmanifest-sha256.txt by the allowed_signers key, principal = book id
 *  7 json-files         book.json and checkpoint.json through the hardened parser (safe-json.ts)
 *  8 entries            each line of entries.jsonl, as it streamed past (entries-stream.ts)
 *  9 key-history        genesis and rotations (both signatures), every author the key in force
 * 10 merkle-root        root and size of the leaves = checkpoint.json's
 * 11 checkpoint-signature  by the key in force at that size; = allowed_signers' key = book.json's newest
 * 12 attachments        every one named is present with its hash, none extra
 * 13 pin                (with `pin`) genesis or current key fingerprint
 * 14 pin-state          (with `state`) a consistent extension of the pinned book
 *
 * Every file is read ONCE: entries.jsonl is inflated, CRC-checked, hashed and checked line by
 * line in one pass (the largest file: its second read was a third of an import's time). Its
 * lines therefore reach the hardened parser (safe-json.ts) before the manifest and signature
 * checks are judged; they would anyway, since a forger can sign with a key of their own and
 * only the pin (13, 14) tells. The checks are still JUDGED in the order above, after the
 * read: a damaged file fails as zip-structure, a changed one as payload-manifest, whatever
 * its lines held. `onEntry` sees each line that passed its own checks during that read (the
 * import's staging, the receipts scan); what it keeps is only good if the report is ok.
 */

export type BundleCheckCode =
  | 'zip-structure'
  | 'bagit-declaration'
  | 'bag-info'
  | 'payload-manifest'
  | 'tag-manifest'
  | 'signature'
  | 'json-files'
  | 'entries'
  | 'key-history'
  | 'merkle-root'
  | 'checkpoint-signature'
  | 'attachments'
  | 'pin'
  | 'pin-state';

export interface BundleCheck {
  code: BundleCheckCode;
  ok: boolean;
  /** Chinese / English. */
  message: string;
  /** Finer stable code of a failure (e.g. `name-traversal`, `compression-ratio`). */
  detail?: string;
  /** Not run because an earlier check failed. */
  skipped?: boolean;
}

export interface AlarmSide {
  size: number | null;
  root: string | null;
  keyId: string | null;
  checkpoint?: SignedCheckpoint;
}

export interface BundleAlarm {
  kind: 'rollback' | 'fork' | 'key-change';
  pinned: AlarmSide;
  found: AlarmSide;
}

export interface BundleKeyInfo {
  keyId: string;
  publicKey: string;
  enrolledAt: number;
}

export interface BundleReport {
  ok: boolean;
  bookId: string | null;
  size: number | null;
  root: string | null;
  keyId: string | null;
  checks: BundleCheck[];
  alarms: BundleAlarm[];
  /** The bundle's signed checkpoint (once parsed). */
  checkpoint: SignedCheckpoint | null;
  /** The key history walked from the entries (once checked). */
  keys: BundleKeyInfo[];
}

export interface VerifyBundleOptions {
  /** Expected key fingerprint `SHA256:…` (the genesis key or the current one). */
  pin?: string;
  /** Pinned books: the bundle must extend what was last verified. */
  state?: PinReader;
  /** Inflated bytes read so far and in all. */
  onProgress?: (done: number, total: number) => void;
  /** Each line of entries.jsonl that passed its own checks, while it is read (see above). */
  onEntry?: (entry: CheckedEntry) => void;
}

const ORDER: BundleCheckCode[] = [
  'zip-structure',
  'bagit-declaration',
  'bag-info',
  'payload-manifest',
  'tag-manifest',
  'signature',
  'json-files',
  'entries',
  'key-history',
  'merkle-root',
  'checkpoint-signature',
  'attachments',
  'pin',
  'pin-state',
];

/** Stops the run at the first failed check. */
class Stop extends Error {}

class Checks {
  readonly list: BundleCheck[] = [];
  constructor(private readonly planned: BundleCheckCode[]) {}

  pass(code: BundleCheckCode, zh: string, en: string): void {
    this.list.push({ code, ok: true, message: `${zh} / ${en}` });
  }

  fail(code: BundleCheckCode, reason: Reason, detail?: string): never {
    this.list.push({ code, ok: false, message: `${reason.zh} / ${reason.en}`, ...(detail ? { detail } : {}) });
    throw new Stop();
  }

  /** Marks every planned check that did not run. */
  finish(): void {
    const done = new Set(this.list.map((c) => c.code));
    for (const code of this.planned) {
      if (!done.has(code))
        this.list.push({
          code,
          ok: false,
          skipped: true,
          message: '未检查：前面的检查未通过 / not checked: an earlier check failed',
        });
    }
  }
}

interface BagFiles {
  tags: Map<string, Buffer>;
  book: Buffer;
  checkpoint: Buffer;
  hashes: Map<string, string>;
  payloadBytes: number;
  payloadFiles: number;
}

function fileOf(zip: BundleZip, relative: string): BundleFile {
  return zip.files.get(relative)!;
}

const ENTRIES_FILE = 'data/entries.jsonl';

/** Every file but entries.jsonl inflated and hashed once, tag files and the small JSON files kept. */
async function readEverything(zip: BundleZip, progress: (n: number) => void): Promise<BagFiles> {
  const tags = new Map<string, Buffer>();
  const hashes = new Map<string, string>();
  let book: Buffer = Buffer.alloc(0);
  let checkpoint: Buffer = Buffer.alloc(0);
  let payloadBytes = 0;
  let payloadFiles = 0;
  const sorted = [...zip.files.values()].sort((a, b) =>
    a.kind === b.kind ? (a.relative < b.relative ? -1 : 1) : a.kind === 'tag' ? -1 : b.kind === 'tag' ? 1 : 0,
  );
  for (const file of sorted) {
    if (file.kind === 'tag' || file.relative === 'data/book.json' || file.relative === 'data/checkpoint.json') {
      const bytes = await zip.readAll(file);
      hashes.set(file.relative, crypto.createHash('sha256').update(bytes).digest('hex'));
      if (file.kind === 'tag') tags.set(file.relative, bytes);
      else if (file.relative === 'data/book.json') book = bytes;
      else checkpoint = bytes;
    } else if (file.relative !== ENTRIES_FILE) {
      hashes.set(file.relative, await zip.sha256(file));
    }
    if (file.kind !== 'tag') {
      payloadBytes += file.size;
      payloadFiles++;
    }
    if (file.relative !== ENTRIES_FILE) progress(file.size);
  }
  return { tags, book, checkpoint, hashes, payloadBytes, payloadFiles };
}

/**
 * entries.jsonl inflated once: every byte through CRC-32 and SHA-256, every line through
 * checkEntries as it goes. A scan that stops at a bad line does not stop the read: the rest
 * is hashed, so a damaged or changed file is still judged as such (zip-structure, manifest).
 */
async function readEntries(
  zip: BundleZip,
  options: { snapshotAt?: number; onEntry?: (entry: CheckedEntry) => void },
  progress: (n: number) => void,
): Promise<{ hash: string; result: EntriesResult }> {
  const hashing = crypto.createHash('sha256');
  const chunks = zip.chunks(fileOf(zip, ENTRIES_FILE));
  const next = async (): Promise<IteratorResult<Buffer>> => {
    const read = await chunks.next();
    if (!read.done) {
      hashing.update(read.value);
      progress(read.value.length);
    }
    return read;
  };
  // No return(): the scan stopping early leaves the chunks to the drain below.
  const tapped: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => ({ next }) };
  try {
    const result = await checkEntries({ lines: () => linesOf(tapped) }, zip.folderBookId, options);
    while (!(await next()).done) {
      // Hashing the rest.
    }
    return { hash: hashing.digest('hex'), result };
  } finally {
    await chunks.return(undefined);
  }
}

function sameSet(listed: Map<string, string>, present: string[]): { missing: string[]; extra: string[] } {
  const have = new Set(present);
  return { missing: present.filter((p) => !listed.has(p)), extra: [...listed.keys()].filter((p) => !have.has(p)) };
}

function checkManifest(
  checks: Checks,
  code: 'payload-manifest' | 'tag-manifest',
  bytes: Buffer,
  what: string,
  present: string[],
  hashes: Map<string, string>,
): void {
  const listed = parseManifest(bytes, what);
  if (isReason(listed)) checks.fail(code, listed, 'manifest-format');
  const { missing, extra } = sameSet(listed, present);
  if (missing.length > 0)
    checks.fail(
      code,
      { zh: `${what} 没有列出 ${missing.join('、')}`, en: `${what} does not list ${missing.join(', ')}` },
      'manifest-incomplete',
    );
  if (extra.length > 0)
    checks.fail(
      code,
      {
        zh: `${what} 列出了包中没有的 ${extra.join('、')}`,
        en: `${what} lists files not in the bag: ${extra.join(', ')}`,
      },
      'manifest-extra',
    );
  for (const [file, hash] of listed) {
    if (hashes.get(file) !== hash)
      checks.fail(
        code,
        {
          zh: `${file} 的 SHA-256 与 ${what} 不符（文件被改动过）`,
          en: `the SHA-256 of ${file} does not match ${what} (the file was changed)`,
        },
        'hash-mismatch',
      );
  }
  checks.pass(
    code,
    `${what} 列出的 ${listed.size} 个文件齐全且哈希相符`,
    `${what}: all ${listed.size} files present and matching`,
  );
}

interface BookJson {
  bookId: string;
  name: string;
  orgName: string;
  keys: BundleKeyInfo[];
}

function readBookJson(bytes: Buffer, bookId: string): BookJson | Reason {
  const text = decodeUtf8(bytes);
  if (text === null) return { zh: 'data/book.json 不是 UTF-8 文本', en: 'data/book.json is not UTF-8' };
  const parsed = parseSafeJson(text, { maxLength: MAX_BOOK_JSON_BYTES });
  if (!parsed.ok)
    return { zh: `data/book.json 不是可接受的 JSON：${parsed.reason}`, en: 'data/book.json is not acceptable JSON' };
  const b = parsed.value as Record<string, unknown>;
  if (typeof b !== 'object' || b === null || Array.isArray(b) || b.format !== BUNDLE_FORMAT) {
    return {
      zh: `data/book.json 的格式标记不是 ${BUNDLE_FORMAT}`,
      en: `data/book.json format is not ${BUNDLE_FORMAT}`,
    };
  }
  if (b.bookId !== bookId)
    return { zh: `data/book.json 的记录本编号不是 ${bookId}`, en: `data/book.json bookId is not ${bookId}` };
  const keys = b.keys;
  const goodKeys =
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.every((k: unknown) => {
      const r = k as Record<string, unknown>;
      return (
        typeof r === 'object' &&
        r !== null &&
        typeof r.keyId === 'string' &&
        typeof r.publicKey === 'string' &&
        Number.isSafeInteger(r.enrolledAt)
      );
    });
  if (!goodKeys || typeof b.name !== 'string' || typeof b.orgName !== 'string') {
    return { zh: 'data/book.json 缺少名称或密钥列表', en: 'data/book.json lacks its name or key list' };
  }
  return {
    bookId,
    name: b.name,
    orgName: b.orgName,
    keys: (keys as BundleKeyInfo[]).map((k) => ({ keyId: k.keyId, publicKey: k.publicKey, enrolledAt: k.enrolledAt })),
  };
}

function readCheckpointJson(bytes: Buffer, bookId: string): SignedCheckpoint | Reason {
  const text = decodeUtf8(bytes);
  if (text === null) return { zh: 'data/checkpoint.json 不是 UTF-8 文本', en: 'data/checkpoint.json is not UTF-8' };
  const parsed = parseSafeJson(text, { maxLength: MAX_CHECKPOINT_JSON_BYTES });
  if (!parsed.ok)
    return {
      zh: `data/checkpoint.json 不是可接受的 JSON：${parsed.reason}`,
      en: 'data/checkpoint.json is not acceptable JSON',
    };
  const signed = parseSignedCheckpoint(text);
  if (!signed)
    return {
      zh: 'data/checkpoint.json 不是规范格式的已签名检查点',
      en: 'data/checkpoint.json is not a canonical signed checkpoint',
    };
  if (signed.checkpoint.book !== bookId)
    return {
      zh: `检查点属于记录本 ${signed.checkpoint.book}，不是 ${bookId}`,
      en: `the checkpoint is of book ${signed.checkpoint.book}, not ${bookId}`,
    };
  return signed;
}

const sideOf = (cp: SignedCheckpoint): AlarmSide => ({
  size: cp.checkpoint.size,
  root: cp.checkpoint.root,
  keyId: cp.checkpoint.keyId,
  checkpoint: cp,
});

export async function verifyBundle(bundlePath: string, options: VerifyBundleOptions = {}): Promise<BundleReport> {
  const planned = ORDER.filter((c) =>
    c === 'pin' ? options.pin !== undefined : c === 'pin-state' ? options.state !== undefined : true,
  );
  const checks: Checks = new Checks(planned);
  const report: BundleReport = {
    ok: false,
    bookId: null,
    size: null,
    root: null,
    keyId: null,
    checks: checks.list,
    alarms: [],
    checkpoint: null,
    keys: [],
  };
  let zip: BundleZip | null = null;
  try {
    // 1. The zip, every file read once (entries.jsonl checked line by line as it streams).
    let files: BagFiles;
    let entries: { hash: string; result: EntriesResult };
    // The pinned state is read before the stream: its size is where the root snapshot is taken.
    let pinned: PinRecord | null = null;
    let pinInvalid: string | null = null;
    try {
      zip = await BundleZip.open(bundlePath);
      const total = zip.totalBytes;
      let done = 0;
      const progress = (n: number): void => {
        done += n;
        options.onProgress?.(done, total);
      };
      files = await readEverything(zip, progress);
      if (options.state) {
        const read = options.state.read(zip.folderBookId);
        if (read.state === 'present') pinned = read.record;
        else if (read.state === 'invalid') pinInvalid = read.reason;
      }
      entries = await readEntries(
        zip,
        { ...(pinned ? { snapshotAt: pinned.size } : {}), ...(options.onEntry ? { onEntry: options.onEntry } : {}) },
        progress,
      );
      files.hashes.set(ENTRIES_FILE, entries.hash);
    } catch (error) {
      if (error instanceof BundleZipError) checks.fail('zip-structure', error, error.detail);
      throw error;
    }
    const bookId = zip.folderBookId;
    report.bookId = bookId;
    checks.pass(
      'zip-structure',
      `${zip.files.size} 个文件，解压后 ${zip.totalBytes} 字节，均在限制之内，大小与 CRC 相符`,
      `${zip.files.size} files, ${zip.totalBytes} bytes inflated, within limits, sizes and CRC-32 match`,
    );

    // 2. bagit.txt
    if (!files.tags.get('bagit.txt')!.equals(Buffer.from(BAGIT_TXT))) {
      checks.fail('bagit-declaration', {
        zh: 'bagit.txt 不是 BagIt 1.0 的声明（应为两行：BagIt-Version: 1.0 与 Tag-File-Character-Encoding: UTF-8）',
        en: 'bagit.txt is not exactly the BagIt 1.0 declaration',
      });
    }
    checks.pass('bagit-declaration', '包声明 bagit.txt 正确', 'bagit.txt is the BagIt 1.0 declaration');

    // 3. bag-info.txt
    const info = parseBagInfo(files.tags.get('bag-info.txt')!);
    if (isReason(info)) checks.fail('bag-info', info);
    const external = info.get('External-Identifier');
    if (external !== bookId) {
      checks.fail('bag-info', {
        zh: `bag-info.txt 的 External-Identifier（${external ?? '缺失'}）不是顶层文件夹的记录本编号 ${bookId}`,
        en: `bag-info.txt External-Identifier (${external ?? 'missing'}) is not the top folder's book id ${bookId}`,
      });
    }
    const oxum = `${files.payloadBytes}.${files.payloadFiles}`;
    if (info.get('Payload-Oxum') !== oxum) {
      checks.fail('bag-info', {
        zh: `bag-info.txt 的 Payload-Oxum（${info.get('Payload-Oxum') ?? '缺失'}）与实际的 ${oxum} 不符`,
        en: `bag-info.txt Payload-Oxum (${info.get('Payload-Oxum') ?? 'missing'}) differs from the actual ${oxum}`,
      });
    }
    if (info.get('Logbook-Format') !== BUNDLE_FORMAT) {
      checks.fail('bag-info', {
        zh: `bag-info.txt 的 Logbook-Format 不是 ${BUNDLE_FORMAT}`,
        en: `bag-info.txt Logbook-Format is not ${BUNDLE_FORMAT}`,
      });
    }
    checks.pass(
      'bag-info',
      `bag-info.txt 正确（记录本 ${bookId}，Payload-Oxum ${oxum}）`,
      `bag-info.txt matches (book ${bookId}, Payload-Oxum ${oxum})`,
    );

    // 4, 5. Manifests.
    const payload = [...zip.files.values()].filter((f) => f.kind !== 'tag').map((f) => f.relative);
    checkManifest(
      checks,
      'payload-manifest',
      files.tags.get('manifest-sha256.txt')!,
      'manifest-sha256.txt',
      payload,
      files.hashes,
    );
    checkManifest(
      checks,
      'tag-manifest',
      files.tags.get(SIGNED_TAG_MANIFEST)!,
      SIGNED_TAG_MANIFEST,
      [...TAG_FILES],
      files.hashes,
    );

    // 6. The signature.
    const signer = parseAllowedSigners(files.tags.get('allowed_signers')!);
    if (isReason(signer)) checks.fail('signature', signer, 'allowed-signers');
    if (signer.principal !== bookId) {
      checks.fail(
        'signature',
        {
          zh: `allowed_signers 的签名人 ${signer.principal} 不是记录本 ${bookId}`,
          en: `allowed_signers principal ${signer.principal} is not the book ${bookId}`,
        },
        'principal',
      );
    }
    const signerKey = parseOpenSshLine(signer.publicKeyLine);
    if (!signerKey)
      checks.fail(
        'signature',
        { zh: 'allowed_signers 中的公钥格式不对', en: 'the key in allowed_signers is malformed' },
        'allowed-signers',
      );
    const armored = decodeUtf8(files.tags.get(SIGNATURE_FILE)!) ?? '';
    const verdict = verifySshsig(armored, files.tags.get(SIGNED_TAG_MANIFEST)!, BUNDLE_NAMESPACE, signer.publicKeyLine);
    if (!verdict.ok)
      checks.fail(
        'signature',
        {
          zh: `${SIGNATURE_FILE} 签名无效：${verdict.reason}`,
          en: `the signature over ${SIGNED_TAG_MANIFEST} does not verify with the allowed_signers key`,
        },
        'bad-signature',
      );
    checks.pass(
      'signature',
      `包签名有效（密钥 ${signerKey.keyId}，签名人 ${bookId}）`,
      `the bag signature verifies (key ${signerKey.keyId}, principal ${bookId})`,
    );

    // 7. JSON files.
    const book = readBookJson(files.book, bookId);
    if (isReason(book)) checks.fail('json-files', book);
    const signed = readCheckpointJson(files.checkpoint, bookId);
    if (isReason(signed)) checks.fail('json-files', signed);
    const cp = signed.checkpoint;
    Object.assign(report, { checkpoint: signed, size: cp.size, root: cp.root, keyId: cp.keyId });
    checks.pass('json-files', 'book.json 与 checkpoint.json 格式正确', 'book.json and checkpoint.json are well-formed');

    // 8, 9. Entries and key history (checked as they streamed, above).
    const result = entries.result;
    if (result.problem) checks.fail('entries', result.problem, 'entry');
    checks.pass(
      'entries',
      `${result.size} 条记录：规范化 JSON，第 1…${result.size} 条连续，前后哈希相连，都属于本记录本`,
      `${result.size} entries: canonical JSON, seq 1…${result.size}, each prev links, all of this book`,
    );
    if (result.keyProblem) checks.fail('key-history', result.keyProblem, 'key');
    const epochs: KeyEpoch[] = result.epochs;
    report.keys = epochs.map((e) => ({ keyId: e.keyId, publicKey: e.publicKeyLine, enrolledAt: e.enrolledAt }));
    checks.pass(
      'key-history',
      `密钥记录有效：${epochs.length} 把密钥（轮换 ${epochs.length - 1} 次，均有新旧密钥签名），每条记录的作者都是当时生效的密钥`,
      `key history valid: ${epochs.length} key(s), ${epochs.length - 1} rotation(s) signed by both keys, every author the key in force`,
    );

    // 10. Merkle root.
    if (result.size !== cp.size) {
      checks.fail(
        'merkle-root',
        {
          zh: `包中有 ${result.size} 条记录，检查点是 ${cp.size} 条（记录被删减或追加）`,
          en: `the bag holds ${result.size} entries, the checkpoint ${cp.size}`,
        },
        'size',
      );
    }
    if (result.root !== cp.root) {
      checks.fail(
        'merkle-root',
        {
          zh: `由记录计算的默克尔根 ${result.root} 与检查点的 ${cp.root} 不符`,
          en: `the Merkle root of the entries ${result.root} is not the checkpoint's ${cp.root}`,
        },
        'root',
      );
    }
    checks.pass(
      'merkle-root',
      `默克尔根与检查点一致（${cp.size} 条，${cp.root}）`,
      `Merkle root equals the checkpoint's (${cp.size} entries)`,
    );

    // 11. Checkpoint signature, and one key everywhere.
    const inForce = checkpointEpochAt(epochs, cp.size)!;
    if (cp.keyId !== inForce.keyId || !verifyCheckpointSignature(signed, inForce.publicKey)) {
      checks.fail(
        'checkpoint-signature',
        {
          zh: `检查点的签名不是第 ${cp.size} 条时生效的密钥 ${inForce.keyId} 所签`,
          en: `the checkpoint is not signed by ${inForce.keyId}, the key in force at size ${cp.size}`,
        },
        'signature',
      );
    }
    if (signerKey.keyId !== inForce.keyId) {
      checks.fail(
        'checkpoint-signature',
        {
          zh: `包签名的密钥 ${signerKey.keyId} 不是记录本当前的密钥 ${inForce.keyId}`,
          en: `the bag is signed by ${signerKey.keyId}, not the book's current key ${inForce.keyId}`,
        },
        'key-mismatch',
      );
    }
    const sameHistory =
      book.keys.length === epochs.length &&
      book.keys.every(
        (k, i) =>
          k.keyId === epochs[i]!.keyId &&
          k.publicKey === epochs[i]!.publicKeyLine &&
          k.enrolledAt === epochs[i]!.enrolledAt,
      );
    if (!sameHistory) {
      checks.fail(
        'checkpoint-signature',
        {
          zh: 'data/book.json 列出的密钥与记录中的密钥登记不一致',
          en: "data/book.json's keys differ from the key history in the entries",
        },
        'book-keys',
      );
    }
    checks.pass(
      'checkpoint-signature',
      `检查点签名有效，签名密钥 ${inForce.keyId} 即包签名与 book.json 中的当前密钥`,
      `checkpoint signature valid; ${inForce.keyId} is also the bag's and book.json's current key`,
    );

    // 12. Attachments.
    if (result.tooManyAttachments)
      checks.fail(
        'attachments',
        { zh: '记录引用的附件多于一个包能容纳的数量', en: 'entries name more attachments than a bag can hold' },
        'too-many',
      );
    const present = [...zip.files.values()].filter((f) => f.kind === 'attachment');
    const missing = [...result.attachments].filter((h) => !zip!.files.has(`data/attachments/${h}`));
    if (missing.length > 0)
      checks.fail(
        'attachments',
        {
          zh: `缺少记录引用的附件：${missing.join('、')}`,
          en: `attachments named by entries are missing: ${missing.join(', ')}`,
        },
        'missing',
      );
    const extra = present.filter((f) => !result.attachments.has(f.hash!)).map((f) => f.hash!);
    if (extra.length > 0)
      checks.fail(
        'attachments',
        { zh: `包中有记录未引用的附件：${extra.join('、')}`, en: `attachments no entry names: ${extra.join(', ')}` },
        'extra',
      );
    const wrong = present.filter((f) => files.hashes.get(f.relative) !== f.hash).map((f) => f.hash!);
    if (wrong.length > 0)
      checks.fail(
        'attachments',
        {
          zh: `附件内容与其哈希不符：${wrong.join('、')}`,
          en: `attachments whose content does not match their hash: ${wrong.join(', ')}`,
        },
        'mismatch',
      );
    checks.pass(
      'attachments',
      `记录引用的 ${present.length} 个附件齐全且哈希相符`,
      `all ${present.length} attachments named by entries present and matching`,
    );

    const genesis = epochs[0]!;
    const current = epochs[epochs.length - 1]!;
    // 13. Pin.
    if (options.pin !== undefined) {
      if (options.pin !== genesis.keyId && options.pin !== current.keyId) {
        report.alarms.push({
          kind: 'key-change',
          pinned: { size: null, root: null, keyId: options.pin },
          found: { size: cp.size, root: cp.root, keyId: current.keyId },
        });
        checks.fail(
          'pin',
          {
            zh: `记录本的密钥（建账 ${genesis.keyId}，当前 ${current.keyId}）不是指定的 ${options.pin}`,
            en: `the book's keys (genesis ${genesis.keyId}, current ${current.keyId}) are not the pinned ${options.pin}`,
          },
          'key-change',
        );
      }
      checks.pass('pin', `密钥指纹与指定的 ${options.pin} 相符`, `key fingerprint matches the pinned ${options.pin}`);
    }

    // 14. Pin state.
    if (options.state) {
      if (pinInvalid !== null)
        checks.fail(
          'pin-state',
          { zh: `本机保存的记录本状态文件无效：${pinInvalid}`, en: 'the saved state file of this book is invalid' },
          'state-invalid',
        );
      if (!pinned) {
        checks.pass(
          'pin-state',
          `首次核验此记录本：将固定密钥 ${current.keyId} 与 ${cp.size} 条的根`,
          `first verify of this book: its key and root at ${cp.size} will be pinned`,
        );
      } else {
        const found = sideOf(signed);
        const was = sideOf(pinned.checkpoint);
        if (cp.size < pinned.size) {
          report.alarms.push({ kind: 'rollback', pinned: was, found });
          checks.fail(
            'pin-state',
            {
              zh: `回滚警报：包只有 ${cp.size} 条，本机上次核验时已有 ${pinned.size} 条（旧包或记录被删减）`,
              en: `ROLLBACK: the bundle has ${cp.size} entries, ${pinned.size} were verified before (an old bundle, or entries removed)`,
            },
            'rollback',
          );
        }
        if (result.snapshotRoot !== pinned.root) {
          report.alarms.push({ kind: 'fork', pinned: was, found });
          checks.fail(
            'pin-state',
            {
              zh: `分叉警报：前 ${pinned.size} 条的根与本机上次核验的不同（历史被改写）`,
              en: `FORK: the root of the first ${pinned.size} entries differs from the one verified before (history rewritten)`,
            },
            'fork',
          );
        }
        if (checkpointEpochAt(epochs, pinned.size)?.keyId !== pinned.keyId || pinned.genesisKeyId !== genesis.keyId) {
          report.alarms.push({ kind: 'key-change', pinned: was, found });
          checks.fail(
            'pin-state',
            {
              zh: `密钥警报：本机固定的密钥 ${pinned.keyId} 不在此包的密钥记录中`,
              en: `KEY CHANGE: the pinned key ${pinned.keyId} is not in this bundle's key history`,
            },
            'key-change',
          );
        }
        checks.pass(
          'pin-state',
          `与本机上次核验的状态一致：${pinned.size} → ${cp.size} 条`,
          `consistent with the state verified before: ${pinned.size} → ${cp.size} entries`,
        );
      }
    }
    report.ok = true;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  } finally {
    zip?.close();
    checks.finish();
  }
  return report;
}

/** The pin record a bundle that verified completely leaves behind (null if the report is not ok). */
export function pinRecordOf(report: BundleReport, now: Date = new Date()): PinRecord | null {
  if (!report.ok || !report.checkpoint || !report.bookId || report.keys.length === 0) return null;
  const current = report.keys[report.keys.length - 1]!;
  const cp = report.checkpoint.checkpoint;
  return {
    format: PIN_FORMAT,
    bookId: report.bookId,
    keyId: current.keyId,
    publicKey: current.publicKey,
    genesisKeyId: report.keys[0]!.keyId,
    size: cp.size,
    root: cp.root,
    checkpoint: report.checkpoint,
    verifiedAt: now.toISOString(),
  };
}

/** Writes the pin record of a bundle that verified completely; returns it (or null, untouched, if the report is not ok). */
export function updatePinState(state: PinState, report: BundleReport, now: Date = new Date()): PinRecord | null {
  const record = pinRecordOf(report, now);
  if (record) state.write(record);
  return record;
}
