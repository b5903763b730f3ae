import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseSignedCheckpoint, serializeSignedCheckpoint, verifyCheckpointSignature } from '../ledger/checkpoint';
import { fsyncDirectory } from '../ledger/durable-file';
import { isHex64 } from '../ledger/hashing';
import { isKeyId, parseOpenSshLine } from '../ledger/keys';
import type { SignedCheckpoint } from '../ledger/types';
import { MAX_CHECKPOINT_JSON_BYTES } from './bundle-limits';
import { parseSafeJson } from './safe-json';

/**
 * What a liaison's computer remembers about each book it has verified (ARCHITECTURE.md "The
 * bundle"): one small JSON file per book, `<book id>.json`, in a folder of the caller's
 * choosing — the pinned key (the book's key at the last verify, with its public key so the
 * file is self-contained), the genesis key, and the last verified size, root and signed
 * checkpoint. A later bundle must extend it (verify-bundle.ts); the file is replaced
 * atomically, and only after a bundle verified completely.
 */

export const PIN_FORMAT = 'dangjian-logbook.pin.v1';
const BOOK_ID = /^[A-Za-z0-9-]{1,64}$/u;

export interface PinRecord {
  format: typeof PIN_FORMAT;
  bookId: string;
  /** The book's key when it was last verified (the key that signed `checkpoint`). */
  keyId: string;
  publicKey: string;
  genesisKeyId: string;
  size: number;
  root: string;
  checkpoint: SignedCheckpoint;
  /** ISO time of the verify that wrote this record. */
  verifiedAt: string;
}

/** Where verify-bundle.ts reads the pinned state of a book: this folder, or the liaison's database (pin-store.ts). */
export interface PinReader {
  read(bookId: string): PinRead;
}

export type PinRead =
  { state: 'missing' } | { state: 'invalid'; reason: string } | { state: 'present'; record: PinRecord };

/** Checks a stored pin record (file or database row) in full, including its checkpoint's signature. */
export function validatePin(value: unknown, bookId: string): PinRecord | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '不是 JSON 对象 / not a JSON object';
  const r = value as Record<string, unknown>;
  if (r.format !== PIN_FORMAT) return '格式标记不对 / wrong format marker';
  if (r.bookId !== bookId) return '记录本编号与文件名不符 / book id differs from the file name';
  if (
    !isKeyId(r.keyId) ||
    !isKeyId(r.genesisKeyId) ||
    !Number.isSafeInteger(r.size) ||
    (r.size as number) < 1 ||
    !isHex64(r.root) ||
    typeof r.verifiedAt !== 'string'
  ) {
    return '字段缺失或格式不对 / missing or malformed fields';
  }
  const key = parseOpenSshLine(r.publicKey);
  if (!key || key.keyId !== r.keyId) return '公钥与密钥标识不符 / public key does not match its key id';
  let signed: SignedCheckpoint | null;
  try {
    signed = parseSignedCheckpoint(serializeSignedCheckpoint(r.checkpoint as SignedCheckpoint));
  } catch {
    signed = null;
  }
  if (!signed) return '检查点格式不对 / malformed checkpoint';
  const cp = signed.checkpoint;
  if (cp.book !== bookId || cp.size !== r.size || cp.root !== r.root || cp.keyId !== r.keyId)
    return '检查点与记录的数值不符 / checkpoint differs from the record';
  if (!verifyCheckpointSignature(signed, key.publicKey)) return '检查点签名无效 / checkpoint signature invalid';
  return { ...(r as unknown as PinRecord), checkpoint: signed };
}

/** The folder of pin records. Book ids become file names only after the strict id check. */
export class PinState implements PinReader {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  fileOf(bookId: string): string {
    if (!BOOK_ID.test(bookId)) throw new Error(`unsafe book id for a file name: ${JSON.stringify(bookId)}`);
    return path.join(this.dir, `${bookId}.json`);
  }

  read(bookId: string): PinRead {
    if (!BOOK_ID.test(bookId))
      return { state: 'invalid', reason: '记录本编号不能用作文件名 / book id unusable as a file name' };
    let text: string;
    try {
      const bytes = fs.readFileSync(this.fileOf(bookId));
      if (bytes.length > MAX_CHECKPOINT_JSON_BYTES) return { state: 'invalid', reason: '文件过大 / file too large' };
      text = bytes.toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
      return {
        state: 'invalid',
        reason: `无法读取（${(error as NodeJS.ErrnoException).code ?? 'error'}） / cannot be read`,
      };
    }
    const parsed = parseSafeJson(text, { maxLength: MAX_CHECKPOINT_JSON_BYTES });
    if (!parsed.ok) return { state: 'invalid', reason: parsed.reason };
    const record = validatePin(parsed.value, bookId);
    return typeof record === 'string' ? { state: 'invalid', reason: record } : { state: 'present', record };
  }

  /** Replaces the book's record atomically: temp file (our own name) + fsync + rename + fsync of the folder. */
  write(record: PinRecord): void {
    const file = this.fileOf(record.bookId);
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const temp = path.join(this.dir, `.${record.bookId}.${crypto.randomBytes(6).toString('hex')}.tmp`);
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      try {
        fs.writeFileSync(fd, JSON.stringify(record, null, 2) + '\n');
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, file);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
    fsyncDirectory(this.dir);
  }
}
