import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical';
import { fsyncDirectory, writeFileDurably } from './durable-file';
import { isHex64 } from './hashing';
import { decodeSignature, isKeyId, signBytes, verifyBytes } from './keys';
import type { Checkpoint, SignedCheckpoint } from './types';

/**
 * Signed checkpoints `(book, size, root, time, keyId)`. The newest one per book is kept in
 * the database (same transaction as the entry) and in a small JSON file beside the
 * database, written after the commit: if the database file is later replaced by an older
 * copy, or its -wal file is lost, the outside file still remembers how far the book went.
 */

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const OUTSIDE_FORMAT = 'dangjian-logbook.checkpoint.v1';

export function isIsoUtc(value: unknown): value is string {
  return typeof value === 'string' && ISO_UTC.test(value);
}

export function canonicalCheckpoint(cp: Checkpoint): string {
  return canonicalJson({ book: cp.book, keyId: cp.keyId, root: cp.root, size: cp.size, time: cp.time }, '检查点');
}

export function signCheckpoint(cp: Checkpoint, privateKey: KeyObject): SignedCheckpoint {
  const signature = signBytes(privateKey, Buffer.from(canonicalCheckpoint(cp))).toString('base64');
  return { checkpoint: { ...cp }, signature };
}

export function verifyCheckpointSignature(signed: SignedCheckpoint, publicKey: KeyObject): boolean {
  const signature = decodeSignature(signed.signature);
  if (!signature) return false;
  return verifyBytes(publicKey, Buffer.from(canonicalCheckpoint(signed.checkpoint)), signature);
}

function isCheckpoint(value: unknown): value is Checkpoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const cp = value as Record<string, unknown>;
  return (
    Object.keys(cp).length === 5 &&
    typeof cp.book === 'string' &&
    Number.isSafeInteger(cp.size) &&
    (cp.size as number) >= 1 &&
    isHex64(cp.root) &&
    isIsoUtc(cp.time) &&
    isKeyId(cp.keyId)
  );
}

/** The database form: canonical JSON of `{checkpoint, signature}`. */
export function serializeSignedCheckpoint(signed: SignedCheckpoint): string {
  return canonicalJson({ checkpoint: signed.checkpoint, signature: signed.signature }, '检查点');
}

/**
 * Strict parse: the stored text must be exactly the canonical serialisation of a well-formed
 * signed checkpoint, so no byte of it can change without being noticed.
 */
export function parseSignedCheckpoint(text: unknown): SignedCheckpoint | null {
  if (typeof text !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).length !== 2 || !isCheckpoint(record.checkpoint)) return null;
  if (!decodeSignature(record.signature)) return null;
  const signed: SignedCheckpoint = { checkpoint: record.checkpoint, signature: record.signature as string };
  try {
    return serializeSignedCheckpoint(signed) === text ? signed : null;
  } catch {
    return null;
  }
}

/** The file beside the database: the signed checkpoint plus the key that signed it. */
export interface OutsideCheckpoint {
  signed: SignedCheckpoint;
  publicKey: string;
}

export type OutsideRead =
  { state: 'missing' } | { state: 'invalid'; reason: string } | { state: 'present'; value: OutsideCheckpoint };

/** Where outside checkpoints live: files for a real database, a map for `:memory:` (tests). */
export interface OutsideCheckpointStore {
  read(bookId: string): OutsideRead;
  write(bookId: string, value: OutsideCheckpoint): void;
  /**
   * How messages name the outside file: its name alone (`<book id>.json`), never its path.
   * Messages reach the UI; the path would show the user's account and folder layout.
   */
  describe(bookId: string): string;
}

function parseOutside(text: string): OutsideRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { state: 'invalid', reason: '不是有效的 JSON' };
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (record.format !== OUTSIDE_FORMAT) return { state: 'invalid', reason: '格式标记不对' };
  if (
    !isCheckpoint(record.checkpoint) ||
    typeof record.signature !== 'string' ||
    typeof record.publicKey !== 'string'
  ) {
    return { state: 'invalid', reason: '字段缺失或格式不对' };
  }
  return {
    state: 'present',
    value: { signed: { checkpoint: record.checkpoint, signature: record.signature }, publicKey: record.publicKey },
  };
}

function renderOutside(value: OutsideCheckpoint): string {
  const { checkpoint, signature } = value.signed;
  return JSON.stringify({ format: OUTSIDE_FORMAT, checkpoint, signature, publicKey: value.publicKey }, null, 2) + '\n';
}

const SAFE_BOOK_ID = /^[A-Za-z0-9-]{1,64}$/;

export class FileCheckpointStore implements OutsideCheckpointStore {
  readonly folder: string;
  private folderReady = false;

  constructor(databasePath: string) {
    this.folder = `${databasePath}.checkpoints`;
  }

  private fileOf(bookId: string): string {
    // The id comes from the database, which may be damaged: never let it escape the folder.
    if (!SAFE_BOOK_ID.test(bookId)) throw new Error(`unsafe book id for a file name: ${JSON.stringify(bookId)}`);
    return path.join(this.folder, `${bookId}.json`);
  }

  describe(bookId: string): string {
    return SAFE_BOOK_ID.test(bookId) ? path.basename(this.fileOf(bookId)) : '';
  }

  read(bookId: string): OutsideRead {
    if (!SAFE_BOOK_ID.test(bookId)) return { state: 'invalid', reason: '账本标识不能用作文件名' };
    let text: string;
    try {
      text = fs.readFileSync(this.fileOf(bookId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
      // The code only: the OS message holds the file's full path.
      const code = (error as NodeJS.ErrnoException).code;
      return { state: 'invalid', reason: `文件无法读取${typeof code === 'string' ? `（${code}）` : ''}` };
    }
    return parseOutside(text);
  }

  write(bookId: string, value: OutsideCheckpoint): void {
    if (!this.folderReady) {
      if (!fs.existsSync(this.folder)) {
        fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
        fsyncDirectory(path.dirname(this.folder));
      }
      this.folderReady = true;
    }
    writeFileDurably(this.fileOf(bookId), renderOutside(value));
  }
}

export class MemoryCheckpointStore implements OutsideCheckpointStore {
  private readonly files = new Map<string, string>();

  describe(bookId: string): string {
    return SAFE_BOOK_ID.test(bookId) ? `${bookId}.json` : '';
  }

  read(bookId: string): OutsideRead {
    const text = this.files.get(bookId);
    return text === undefined ? { state: 'missing' } : parseOutside(text);
  }

  write(bookId: string, value: OutsideCheckpoint): void {
    this.files.set(bookId, renderOutside(value));
  }
}
